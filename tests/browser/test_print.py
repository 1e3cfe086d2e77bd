"""Print: a toolkit and an oogst page print as a clean document in Chromium (no navigation, no search)."""

from __future__ import annotations

import re

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


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF that Chromium wrote (each page is one /Type /Page object)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


MAX_OOGST_PAGES = 5  # the fixture's ijkmoment: 4 A4 pages (the real site's 2025-q4: 4; it was 7 with a page per theme)


def test_an_oogst_page_prints_on_few_pages_with_the_site_and_the_date(page, fixture_url):
    """Issue 27: each theme began a new page (7 A4 pages, two with one line each) and the print named neither the
    site nor the date."""
    page.goto(fixture_url + printable_pages()[1])
    page.emulate_media(media="print")
    breaks = page.evaluate("""() => [...document.querySelectorAll('article .kb-thema')]
        .map(section => getComputedStyle(section).breakBefore)""")
    assert len(breaks) >= 2 and "page" not in breaks
    head = page.locator(".kb-alleen-print")
    assert head.is_visible()
    assert re.fullmatch(r"Kennisbank Dynamische Binnensteden · Oogst: .+ · stand van \d{1,2} \w+ \d{4}",
                        head.inner_text())
    assert pdf_pages(page.pdf(format="A4")) <= MAX_OOGST_PAGES
    page.emulate_media(media="screen")
    assert not head.is_visible()  # on screen the page has its header
