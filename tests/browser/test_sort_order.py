""""Nieuwste eerst" in the browser: the overview's script sorts as the server does, ties by last update (issue 27)."""

from __future__ import annotations

from ..test_overviews import same_day_project
from .conftest import serve


def test_the_script_sorts_newest_first_as_the_server_and_the_home_page_do(page, project):
    site, expected = same_day_project(project)
    url, server = serve(site)
    try:
        page.goto(url + "cases/?sorteer=az")  # the script draws the list itself once the address holds a choice
        page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
        page.locator("#cases-sorteer").select_option("nieuwste")
        page.wait_for_function("first => document.querySelector('#cases-lijst .kb-item-titel').textContent.trim()"
                               " === first", arg=expected[0])
        assert page.locator("#cases-lijst > li:visible .kb-item-titel").all_inner_texts() == expected
        page.goto(url)
        assert page.locator("#nieuwste-casussen + ul .kb-item-titel").all_inner_texts() == expected
    finally:
        server.shutdown()
