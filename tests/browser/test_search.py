"""Search as a reader uses it: type into Material's search box in Chromium and look at the first results.

On a site built from the test set's own corpus (tests/search_set.py), never the shipped cases:

- Dutch word forms (plurals, diminutives, compounds) find the page, without "Ontbreekt: …";
- metadata find the item: a city, a legal basis, an instrument a case uses;
- results while typing: a half-typed word finds its page;
- lists do not crowd out the items (the items with a word before the lists with it; a city's page is
  still found by its name);
- several words: the pages with all of them first; if none has all, the pages with any of them;
- a word from one section finds the case and links that section;
- "straat" never finds a page that only has "strategie" and "strategisch";
- nothing found: "Bedoelde u …?" and links to the overview filtered on a city, theme or topic;
  a one-letter typo is corrected, and the reader is told;
- each result link is named by its title;
- nothing of the index is downloaded before the search box is used, and nothing from another host.

And on a small project: a word only in a section heading finds the case; a draft is never a result.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .. import search_set
from ..test_search_index import build_fixture_site
from .conftest import serve

SEARCH_BOX = "input.md-search__input"
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
    title: item.querySelector('h1').textContent.trim(),
    href: item.querySelector('a').getAttribute('href'),
    sections: [...item.querySelectorAll('a')].slice(1).map(link => link.getAttribute('href')),
    missing: [...item.querySelectorAll('.md-search-result__terms')].map(terms => terms.textContent.trim()),
}))"""
FOUND = f"([title, within]) => ({RESULTS})().slice(0, within).some(result => result.title === title)"
TITLE = {path: re.search(r"^(?:titel|naam): (.*)$", text, re.M).group(1) for path, text in search_set.CORPUS.items()}


def title(url: str) -> str:
    """The title of a page of the test corpus, by its address ('cases/x/')."""
    return TITLE[url.rstrip("/") + ".md"]


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
    box.click()
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


def help_text(page) -> str:
    try:
        page.wait_for_function("() => !document.querySelector('.kb-zoekhulp').hidden", timeout=15_000)
    except PlaywrightTimeout:
        pytest.fail(f"geen zoekhulp bij '{page.locator(SEARCH_BOX).input_value()}': "
                    f"{page.locator('.md-search-result__meta').inner_text()}")
    return page.locator(".kb-zoekhulp").inner_text()


@pytest.fixture(scope="module")
def set_site(tmp_path_factory):
    """The test set's corpus, built and served under a path, as the site is published."""
    project = search_set.build(tmp_path_factory.mktemp("zoekset"))
    url, server = serve(project.site, "/kennisbank/")
    yield url, project.site
    server.shutdown()


@pytest.fixture
def home(page, set_site):
    return open_site(page, set_site[0])


@pytest.mark.parametrize("query, expected", [
    ("hoekpanden", search_set.DEN_HAAG),  # plural of a word in the title
    ("kantoren", search_set.HILVERSUM),  # plural, with the long vowel of "kantoor" written single
    ("kantoortje", search_set.HILVERSUM),  # diminutive
    ("winkelstraten", search_set.BREDA),  # plural of a compound
    ("straat", search_set.BREDA),  # part of a compound
])
def test_dutch_word_forms_find_the_page(home, query, expected):
    found = search(home, query, title(expected))
    top = next(result for result in found if result["title"] == title(expected))
    assert not top["missing"], f"'{query}' geeft 'ontbrekend: …' bij een gevonden pagina: {top['missing']}"


@pytest.mark.parametrize("query, expected", [
    ("Roosendaal", search_set.ROOSENDAAL),  # city (metadata, not in title or summary)
    ("Opiumwet", search_set.DRUGSPANDEN),  # legal basis
    ("Bibob", search_set.BIBOB),
    ("Leegstandwet", search_set.VERORDENING),  # legal basis that is not in the title
    ("voorkeursrecht", search_set.GRONINGEN),  # an instrument the case uses
])
def test_metadata_finds_the_item(home, query, expected):
    search(home, query, title(expected), within=5)


@pytest.mark.parametrize("typed, expected", [
    ("Roosen", search_set.ROOSENDAAL),  # the start of a city
    ("witwa", search_set.EINDHOVEN),  # the start of a word in the body
    ("kantoo", search_set.HILVERSUM),  # half of "kantoor", whose stem is "kantor"
])
def test_results_while_typing(home, typed, expected):
    search(home, typed, title(expected))


def test_lists_do_not_crowd_out_the_items(home):
    found = search(home, "Roosendaal", title(search_set.ROOSENDAAL), within=1)
    assert "Roosendaal" in [result["title"] for result in found[:3]]  # the city page is found by its name
    # two items have the word; the topic page "Leegstandsaanpak" and the other lists come after both
    found = search(home, "leegstand", title(search_set.ROOSENDAAL), within=2)
    assert {result["title"] for result in found[:2]} == {title(search_set.VERORDENING), title(search_set.ROOSENDAAL)}


def test_several_words_find_the_item_with_all_of_them_first(home):
    found = search(home, "leegstand Roosendaal", title(search_set.ROOSENDAAL), within=1)
    assert not found[0]["missing"]
    # no page has both words: then the pages with either, with the word each one misses
    found = search(home, "Opiumwet Bibob", title(search_set.BIBOB))
    assert title(search_set.DRUGSPANDEN) in [result["title"] for result in found[:3]]
    assert all(result["missing"] for result in found)


def test_a_word_from_one_section_finds_the_case_and_links_the_section(home):
    found = search(home, "financieringsgaten", title(search_set.GRONINGEN), within=1)
    assert any(section.split("?")[0].endswith("cases/groningen-aanloopstraat/") and "#lessen" in section
               for section in found[0]["sections"]), found[0]


def test_straat_does_not_find_strategie(home):
    found = search(home, "straat", title(search_set.BREDA))
    assert title(search_set.UTRECHT) not in [result["title"] for result in found]


def test_a_typo_is_corrected_and_said(home):
    search(home, "hoekpnad", title(search_set.DEN_HAAG), within=1)
    assert "Resultaten voor hoekpand (u typte hoekpnad)" in help_text(home)


def test_a_valid_dutch_word_is_never_corrected(home):
    """Issue 27: "ombouwen" showed "Resultaten voor opbouwen (u typte ombouwen)"; OpenTaal's list knows it is Dutch."""
    search(home, "winkelpanden ombouwen tot woningen", title(search_set.BREDA))
    text = help_text(home)
    assert "opbouwen" not in text and "u typte" not in text
    assert "Niet op de site: ombouwen" in text
    assert title(search_set.ROTTERDAM) not in [result["title"] for result in results(home)[:1]]


def test_a_compound_in_the_query_is_split_as_the_index_splits(home):
    """"kantoorpanden" stands nowhere; the index knows "kantoren" and "panden", and so does the query now."""
    search(home, "kantoorpanden", title(search_set.EINDHOVEN), within=1)


def test_one_count_in_the_header(home):
    """Issue 27: "10 overeenkomende documenten" above "De 10 beste van 23 pagina's": two counts at once."""
    type_query(home, "de")
    home.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15_000)
    if "beste van" in help_text(home):
        assert not home.locator(".md-search-result__meta").is_visible()
    counts = [text for text in home.locator(".md-search-result__meta, .kb-zoekhulp p").all_inner_texts()
              if re.search(r"\d+ (overeenkomende|beste)", text)]
    assert len([text for text in counts if text]) >= 1
    visible = [element for element in home.locator(".md-search-result__meta, .kb-zoekhulp p").all()
               if element.is_visible() and re.search(r"\d+ (overeenkomende|beste)", element.inner_text())]
    assert len(visible) == 1


def test_an_example_carries_a_voorbeeld_badge_in_the_results(page, small_site_url):
    """Issue 27: search results did not say that a case is an illustrative example."""
    open_site(page, small_site_url)
    search(page, "lampenkappenfabriek", "Lampenkappenfabriek wordt woonwerkpand", within=1)
    badge = page.locator(".md-search-result__item").first.locator(".md-tag--voorbeeld")
    assert badge.inner_text() == "Voorbeeld" and badge.is_visible()


def test_nothing_found_suggests_words(home):
    type_query(home, "kantoorrrr")
    home.wait_for_function("() => /Geen/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert "Bedoelde u" in help_text(home)
    suggestion = home.locator(".kb-zoekhulp button").first
    word = suggestion.inner_text()
    assert word.startswith("kantoor")
    suggestion.click()
    home.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15_000)
    assert home.locator(SEARCH_BOX).input_value() == word


def test_no_page_with_all_words_links_to_the_filtered_overview(home, set_site):
    search(home, "straatmanager Hilversum", title(search_set.BREDA))
    assert "Geen pagina bevat alle woorden" in help_text(home)
    link = home.locator(".kb-zoekhulp a", has_text="Hilversum")
    assert link.get_attribute("href") == f"{set_site[0]}cases/?stad=hilversum"


def test_each_result_link_is_named_by_its_title(home):
    search(home, "kantoor", title(search_set.HILVERSUM))
    home.wait_for_function("() => document.querySelector('a.md-search-result__link[aria-label]')")
    for result in results(home)[:3]:
        link = home.get_by_role("link", name=result["title"], exact=True)
        assert link.count() >= 1, result["title"]


def test_nothing_of_the_index_before_the_search_box_is_used(page, set_site):
    url, _ = set_site
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_site(page, url)
    page.wait_for_load_state("networkidle")  # whatever the page loads by itself, it has loaded
    assert not [address for address in requested if "/pagefind/" in address or "/search/woorden/" in address]
    search(page, "kantoor", title(search_set.HILVERSUM))
    assert [address for address in requested if "/pagefind/" in address]
    assert all(address.startswith(url) for address in requested), [a for a in requested if not a.startswith(url)]


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


def test_contributor_html_in_a_result_stays_text(page, small_site_url):
    open_site(page, small_site_url)
    search(page, "fabriekspand", "Een nieuwe bestemming voor de oude zeepziederij")
    assert page.locator(".md-search-result img").count() == 0
    assert "<img src=x" in page.locator(".md-search-result__item").first.inner_text()


def test_a_draft_never_appears(page, small_site_url):
    open_site(page, small_site_url)
    # the draft shares its words with a published case: wait for that one, then look for the draft
    found = search(page, "lampenkappenfabriek", "Lampenkappenfabriek wordt woonwerkpand", within=1)
    assert "Geheim plan Zwanenburg" not in [result["title"] for result in found]
    type_query(page, "Zwanenburg")
    page.wait_for_function("() => /Geen/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert results(page) == []


def test_the_query_splits_compounds_as_the_index_does(page, set_site):
    """samenstellingen.js (the worker's splitter) and kennisbank/site/search_text.py agree on every word of eight
    letters or more of the test corpus, and on compounds a reader may type that the corpus lacks."""
    import json

    from kennisbank.site.search_text import Splitter

    url, site = set_site
    counts = {}
    for path in (site / "search" / "woorden").glob("*.json"):
        counts.update(json.loads(path.read_text(encoding="utf-8")))
    rules = json.loads((site / "search" / "zoekhulp.json").read_text(encoding="utf-8"))["samenstellingen"]
    words = sorted(word for word in counts if len(word) >= 8) + ["kantoorpanden", "winkelpanden", "fondsbeheerder",
                                                                  "leegstandsmelding", "stationsstraat"]
    page.goto(url)
    # The file as the site serves it: an inline copy would be refused by the page's Content-Security-Policy.
    page.add_script_tag(url=url + "assets/javascripts/workers/samenstellingen.js")
    in_js = page.evaluate("""([words, rules, counts]) => Object.fromEntries(words.map(word =>
        [word, splitCompound(word, rules, w => counts[w] || 0)]))""", [words, rules, counts])
    python = Splitter(Counter(counts), rules["lijst"])
    assert {word: list(python.split(word)) for word in words} == in_js
    assert in_js["kantoorpanden"] == ["kantoor", "panden"]


def test_the_relevance_set(page, set_site):
    """Every query of the test set finds a right page in the top 3 (recall@3 = 1); no negative comes first."""
    from .search_harness import ask

    url, site = set_site
    page.goto(url)
    answers = {answer.query: answer.pages for answer in ask(page, site, search_set.all_queries())}
    scores = search_set.scores(answers)
    print(f"\nzoekset: recall@3 {scores['recall@3']:.3f}, MRR {scores['mrr']:.3f}, negatieven {scores['negatives']:.2f}")
    assert not search_set.misses(answers), "\n".join(search_set.misses(answers))
