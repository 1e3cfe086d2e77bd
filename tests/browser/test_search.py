"""Search as a reader uses it: type into Material's search box in Chromium and look at the first results.

The real site for Dutch word forms, cities, legal bases and typing; a small project for a word that is
only in a section heading and for a draft, which must never be a result.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ..test_search_index import build_fixture_site
from .conftest import serve

SEARCH_BOX = "input.md-search__input"
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
    title: item.querySelector('h1').textContent.trim(),
    missing: [...item.querySelectorAll('.md-search-result__terms')].map(terms => terms.textContent.trim()),
}))"""
FOUND = f"([title, within]) => ({RESULTS})().slice(0, within).some(result => result.title === title)"


def open_site(page, url: str):
    """Open a page and wait until Material's search is ready."""
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                           " === 'Typ om te beginnen met zoeken'")
    return page


def results(page) -> list[dict]:
    return page.evaluate(RESULTS)


def type_query(page, query: str) -> None:
    """Type into the search box key by key, as a reader does (Material searches on every key)."""
    box = page.locator(SEARCH_BOX)
    box.fill("")
    box.press_sequentially(query)


def search(page, query: str, expected: str, within: int = 3) -> list[dict]:
    """Type ``query``; fail unless ``expected`` (a page title) is among the first ``within`` results."""
    type_query(page, query)
    try:
        page.wait_for_function(FOUND, arg=[expected, within], timeout=15_000)
    except PlaywrightTimeout:
        pytest.fail(f"zoeken op '{query}': '{expected}' staat niet bij de eerste {within} resultaten, wel: "
                    f"{[result['title'] for result in results(page)[:10]]}")
    return results(page)


@pytest.fixture
def home(page, site_url):
    return open_site(page, site_url)


DRUGSPANDEN = "Sluiting van drugspanden (artikel 13b Opiumwet)"
HOEKPAND = "Doorbraak bij een verwaarloosd hoekpand met een onwillige eigenaar"
HILVERSUM = "Van leeg kantoor naar tijdelijk en daarna permanent wonen"
ROOSENDAAL = "Leegstandsverordening en eigenarentafel in het kernwinkelgebied"
EINDHOVEN = "Ondermijning voorkomen bij de transformatie van kantoren"
KVO = "Keurmerk Veilig Ondernemen en gerichte handhaving in een winkelstraat"


@pytest.mark.parametrize("query, expected", [
    ("hoekpanden", HOEKPAND),  # plural of a word in the title
    ("kantoren", HILVERSUM),  # plural, with the long vowel of "kantoor" written single
    ("kantoortje", HILVERSUM),  # diminutive
    ("winkelstraten", KVO),  # plural of a compound
])
def test_dutch_word_forms_find_the_page(home, query, expected):
    found = search(home, query, expected)
    top = next(result for result in found if result["title"] == expected)
    assert not top["missing"], f"'{query}' geeft 'ontbrekend: …' bij een gevonden pagina: {top['missing']}"


@pytest.mark.parametrize("query, expected", [
    ("Roosendaal", ROOSENDAAL),  # city (metadata, not in title or summary)
    ("Opiumwet", DRUGSPANDEN),  # legal basis
    ("Bibob", "Wet Bibob"),
    ("Omgevingswet", "Voorkeursrecht"),  # legal basis that is not in the title
    ("voorkeursrecht", "Strategische aankoop in een aanloopstraat"),  # an instrument the case uses
])
def test_metadata_finds_the_item(home, query, expected):
    search(home, query, expected, within=5)


@pytest.mark.parametrize("typed, expected", [
    ("Roosen", ROOSENDAAL),  # the start of a city
    ("ondermijni", EINDHOVEN),  # half of "ondermijning": the stemmer would cut "-ing"
    ("kantoo", HILVERSUM),  # half of "kantoor", whose stem is "kantor"
])
def test_results_while_typing(home, typed, expected):
    search(home, typed, expected)


def test_lists_do_not_crowd_out_the_items(home):
    found = search(home, "Dordrecht", "Strategische aankoop in een aanloopstraat")
    assert "Dordrecht" in [result["title"] for result in found[:3]]  # the city page is found by its name
    found = search(home, "leegstand", "Leegstandsverordening", within=5)
    lists = {"Casussen", "Instrumenten", "Leegstandsaanpak", "Kaart van de casussen", "Oogst per ijkmoment"}
    assert not lists & {result["title"] for result in found[:3]}, [result["title"] for result in found[:5]]


def test_several_words_find_the_item_with_all_of_them_first(home):
    found = search(home, "leegstand Dordrecht", "Strategische aankoop in een aanloopstraat", within=1)
    assert not found[0]["missing"]
    # no item has both words: then the items with either, as Material does
    found = search(home, "Opiumwet Bibob", "Wet Bibob")
    assert DRUGSPANDEN in [result["title"] for result in found[:3]]


@pytest.fixture(scope="module")
def small_site_url(tmp_path_factory):
    """A project with a case whose heading holds a word found nowhere else, and a draft about the same."""
    project = build_fixture_site(tmp_path_factory.mktemp("zoeken-browser"))
    url, server = serve(project.site)
    yield url
    server.shutdown()


def test_a_word_from_a_section_heading_finds_the_case(page, small_site_url):
    open_site(page, small_site_url)
    search(page, "marktkooplieden", "Een nieuwe bestemming voor de oude zeepziederij")


def test_a_draft_never_appears(page, small_site_url):
    open_site(page, small_site_url)
    # the draft shares its words with a published case: wait for that one, then look for the draft
    found = search(page, "lampenkappenfabriek", "Lampenkappenfabriek wordt woonwerkpand", within=1)
    assert "Geheim plan Zwanenburg" not in [result["title"] for result in found]
    type_query(page, "Zwanenburg")
    page.wait_for_function("() => /Geen/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert results(page) == []
