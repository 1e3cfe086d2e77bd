"""A visitor's browser talks to this site only: every request on every kind of page, and during a search.

Public-sector sites must not hand their visitors' addresses to third parties (no CDN, no
Google Fonts, no analytics, no map tiles from elsewhere). Requests to other hosts are
recorded and blocked, so the test needs no network and cannot leak either.
"""

from __future__ import annotations

from ..gates import FIXTURES
from .conftest import record_other_hosts, serve
from .site_tour import open_view, views


def test_every_request_goes_to_the_site_itself(browser, site_url, built_site):
    context = browser.new_context(locale="nl-NL")
    requests = record_other_hosts(context, site_url)
    page = context.new_page()
    other, visited = [], []
    for view in views(built_site):
        open_view(page, site_url, view)
        page.wait_for_load_state("networkidle")  # scripts that fetch later have done so
        other += [f"{view.kind}: {request}" for request in requests]
        requests.clear()
        visited.append(view.kind)
    page.goto(site_url)
    page.locator("form[data-md-component=palette] label:not([hidden])").click()  # the other palette
    page.wait_for_load_state("networkidle")
    other += [f"andere weergave: {request}" for request in requests]
    assert context.cookies() == [], "de site zet cookies"  # the privacy page says it does not
    context.close()
    assert "zoeken met resultaten" in visited
    assert not other, "verzoeken aan andere servers:\n" + "\n".join(other)


def test_a_request_to_another_host_is_caught(browser):
    """The gate can fail: a fixture page with a script, stylesheet, icon, font and image from elsewhere."""
    url, server = serve(FIXTURES)
    context = browser.new_context()
    try:
        requests = record_other_hosts(context, url)
        page = context.new_page()
        page.goto(url + "extern/")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
        server.shutdown()
    found = "\n".join(requests)
    for expected in ("script https://cdn.example.org/analytics.js", "stylesheet https://fonts.googleapis.com/css",
                     "image https://images.example.org/foto.jpg"):
        assert expected in found, f"niet gevonden: {expected}\nwel gevonden:\n{found}"
    assert "www.example.org" not in found  # an ordinary link is not a request
