"""Print: a toolkit and an oogst page print as a clean document in Chromium (no navigation, no search)."""

from __future__ import annotations

import pytest

from ..helpers import read_fixture_content

CHROME = ["header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", "input.md-search__input",
          "nav.md-nav--primary", ".md-footer", ".md-tabs", ".md-top"]


def printable_pages() -> list[str]:
    corpus = read_fixture_content()
    toolkit = sorted(corpus.toolkits)[0]
    moment = sorted({toolkit.oogst for toolkit in corpus.toolkits.values() if toolkit.oogst})[0]
    return [f"toolkits/{toolkit}/", f"oogst/{moment}/"]


@pytest.mark.parametrize("url", printable_pages())
def test_print_rendering_has_no_navigation_or_search(page, fixture_url, url):
    page.goto(fixture_url + url)
    for selector in CHROME:  # on screen they are there ...
        if selector in ("header.md-header", "input.md-search__input"):
            assert page.locator(selector).first.is_visible(), selector
    page.emulate_media(media="print")
    for selector in CHROME:  # ... on paper they are not
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator("article h1").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.parametrize("url", printable_pages())
def test_print_writes_link_addresses_out(page, fixture_url, url):
    page.goto(fixture_url + url)
    page.emulate_media(media="print")
    after = page.evaluate("""() => {
        const link = document.querySelector('article a[data-print-href]');
        return [link.dataset.printHref, getComputedStyle(link, '::after').content];
    }""")
    href, content = after
    assert href.startswith("https://")  # the public address, not the local test server's
    assert href in content


def test_oogst_themes_start_on_a_new_page(page, fixture_url):
    page.goto(fixture_url + printable_pages()[1])
    page.emulate_media(media="print")
    breaks = page.evaluate("""() => [...document.querySelectorAll('article .kb-thema')]
        .map(heading => getComputedStyle(heading).breakBefore)""")
    assert len(breaks) >= 2
    assert breaks[0] != "page" and set(breaks[1:]) == {"page"}
