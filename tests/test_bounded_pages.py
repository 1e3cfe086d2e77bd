"""No page grows with the number of cases: every list shows the newest few and leads to all of them.

Checked on the generated pages themselves (site/pages/, no MkDocs build), with more items than
a page shows: an instrument's "Toegepast in", an oogst page's harvest and changes, the goede
praktijken, the pager of an overview, the ladder of a theme, the toolkits.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus
from kennisbank.graph import Site
from kennisbank.site.ladder import SHOWN as LADDER
from kennisbank.site.pages import all_pages, data_files
from kennisbank.site.pages.goede_praktijken import PAGE_SIZE as PRACTICES
from kennisbank.site.pages.oogst import SHOWN_WITH_TEXT
from kennisbank.site.pages.overviews import pager_numbers
from kennisbank.site.pages.terms import SHOWN

from .helpers import EVALUATION, case, instrument, toolkit

MANY = SHOWN + 4


def _pages(root) -> dict[str, BeautifulSoup]:
    corpus = load_corpus(root, with_dates=False)
    assert corpus.problems == []
    return {page.src_uri: BeautifulSoup(page.html, "html.parser") for page in all_pages(Site(corpus))}


def _query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from .helpers import Project

    project = Project.create(tmp_path_factory.mktemp("begrensd"))
    project.write("instrumenten/proefinstrument.md", instrument(oogst="2024-q4", status="nieuw"))
    for number in range(MANY):
        others = {"historie": [{"fase": "zaaien", "datum": "2024-02-01"}, {"fase": "oogsten", "datum": "2024-06-01"}],
                  "oogst": "2024-q4", **EVALUATION}
        project.write(f"cases/casus-{number:02d}.md", case(
            titel=f"Proefcasus nummer {number:02d}", fase="oogsten", status="afgerond",
            periode={"start": "2024-01", "eind": "2024-11"}, instrumenten=["proefinstrument"],
            bijgewerkt=f"2026-01-{number + 1:02d}", voorbeeld=number % 2 == 0,
            goede_praktijk={"reden": "De aanpak is in twee andere steden overgenomen.", "sinds": "2024-q4"}, **others))
    for number in range(3):
        project.write(f"instrumenten/toolkits/toolkit-{number}.md", toolkit(titel=f"Proeftoolkit {number}"))
    for number in range(LADDER + 2):  # on the same step of the same theme as the proefinstrument
        project.write(f"instrumenten/ander-instrument-{number}.md", instrument(naam=f"Ander instrument {number}"))
    return _pages(project.root), project.root


def test_an_instrument_page_shows_the_newest_cases_and_leads_to_all_of_them(site):
    pages, _ = site
    found = pages["instrumenten/proefinstrument.md"]
    listed = found.find(id="toegepast-in").find_next("ul").select("li.kb-item")
    assert len(listed) == SHOWN
    assert listed[0].find("a").get_text() == f"Proefcasus nummer {MANY - 1:02d}"  # last updated first
    link = found.find("a", string=f"Bekijk alle {MANY} casussen die dit instrument gebruiken")
    assert link["href"].startswith("../../cases/") and _query(link["href"]) == {"instrument": ["proefinstrument"]}


def test_the_overview_of_cases_filters_on_an_instrument(site):
    _, root = site
    files = dict((plan.src_uri, plan.make()) for plan in data_files(Site(load_corpus(root, with_dates=False))))
    index = json.loads(files["cases/lijst.json"])
    assert index["labels"]["instrument"] == {"proefinstrument": "Proefinstrument"}
    assert all(item["f"]["instrument"] == ["proefinstrument"] for item in index["items"])
    form = site[0]["cases/index.md"].find("form", class_="kb-filters")
    assert "instrument" in form["data-kb-facetten"].split()  # the script reads ?instrument= from the address


def test_an_oogst_page_shows_a_few_harvested_cases_with_their_texts_and_leads_to_all(site):
    pages, _ = site
    found = pages["oogst/2024-q4.md"]
    assert len(found.select("h4[id^=casus-]")) == SHOWN_WITH_TEXT
    link = found.find("a", string=f"Bekijk alle {MANY} geoogste casussen met dit thema")
    assert _query(link["href"]) == {"ijkmoment": ["2024-q4"], "thema": ["vastgoed"]}
    new = found.find(id="nieuw").find_next("ul").find_all("li")
    moves = found.find(id="gewisseld").find_next("ul").find_all("li")
    assert len(new) == len(moves) == SHOWN
    assert f"{MANY} nieuwe casussen in deze periode" in found.get_text()


def test_example_cases_carry_their_badge_in_what_changed_since_the_previous_ijkmoment(site):
    pages, _ = site
    found = pages["oogst/2024-q4.md"]
    for anchor in ("nieuw", "gewisseld"):
        for item in found.find(id=anchor).find_next("ul").find_all("li"):
            number = int(item.find("a").get_text().rsplit(" ", 1)[1])
            badge = item.find(class_="kb-badge--voorbeeld")
            assert (badge is not None and badge.get_text() == "Voorbeeld") == (number % 2 == 0), item


def test_the_good_practices_are_on_numbered_pages(site):
    pages, _ = site
    first, second = pages["goede-praktijken/index.md"], pages["goede-praktijken/pagina/2.md"]
    assert len(first.select("section.kb-praktijk")) == PRACTICES
    assert len(second.select("section.kb-praktijk")) == MANY - PRACTICES
    assert [a.get_text() for a in first.select("nav.kb-pagina-s a")] == ["1", "2"]
    last = f"casus-{MANY - 1:02d}"  # marked at the same ijkmoment as the others, last by title: on the second page
    assert pages[f"cases/{last}.md"].find("a", string="goede praktijken")["href"] == (
        f"../../goede-praktijken/pagina/2/#praktijk-{last}")


def test_a_pager_shows_the_first_the_last_and_the_pages_around_the_current_one():
    assert pager_numbers(1, 3) == [1, 2, 3]
    assert pager_numbers(1, 50) == [1, 2, 3, None, 50]
    assert pager_numbers(25, 50) == [1, None, 23, 24, 25, 26, 27, None, 50]
    assert pager_numbers(4, 50) == [1, 2, 3, 4, 5, 6, None, 50]  # a single number left out is shown
    assert len(pager_numbers(500, 1000)) == len(pager_numbers(50, 100))


def test_the_toolkits_have_a_filtered_overview_and_a_theme_page_leads_there(site):
    pages, _ = site
    overview = pages["toolkits/index.md"]
    assert len(overview.select("ul#toolkits-lijst > li")) == 3
    theme = pages["themas/vastgoed.md"]
    assert len(theme.find(id="toolkits").find_next("ul").select("li.kb-item")) == 3


def test_a_step_of_a_themes_ladder_shows_the_most_applied_instruments_and_leads_to_the_rest(site):
    pages, _ = site
    for uri in ("themas/vastgoed.md", "sturing/index.md"):
        step = pages[uri].select_one("#ladder-vastgoed-bijschrift").find_parent("table").select_one("tr.kb-trede-4 td")
        links = step.find_all("a")
        assert [a.get_text() for a in links[:2]] == ["Proefinstrument", "Ander instrument 0"]  # most applied first
        assert len(links) == LADDER + 1 and links[-1].get_text() == "3 andere instrumenten"
        assert _query(links[-1]["href"]) == {"thema": ["vastgoed"], "sturing": ["reguleren"]}
