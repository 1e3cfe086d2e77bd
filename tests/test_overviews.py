"""The overviews of cases and instruments work without JavaScript and carry what the filters need.

Also: the pages of this part of the site load nothing from another host, and their
generated HTML is well formed (no Markdown left unparsed).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus
from kennisbank.graph import TAXONOMY, term_ids
from kennisbank.site.pages.overviews import CASE_FACETS, INSTRUMENT_FACETS

from .conftest import ROOT, VALID_CASE

CORPUS = load_corpus(ROOT)
OVERVIEWS = [("cases", CORPUS.cases, CASE_FACETS), ("instrumenten", CORPUS.instrumenten, INSTRUMENT_FACETS)]

# The pages this part of the site adds or rebuilds.
OWN_PAGES = ["", "over", "macros", "cases", "instrumenten", "toolkits", "themas", "kaart", "city-deals", "steden",
             "fasen", "onderwerpen", "werkvormen", "inzichten", "sturing",
             *[f"themas/{t}" for t in CORPUS.reference["themas"]], *[f"city-deals/{d}" for d in CORPUS.reference["citydeals"]],
             *[f"inzichten/{i}" for i in CORPUS.reference["inzichten"]]]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("folder, items, facets", OVERVIEWS, ids=[o[0] for o in OVERVIEWS])
def test_overview_lists_every_item_without_javascript(built_site, folder, items, facets):
    """The raw HTML, as a browser without JavaScript shows it: every item, visible, with its terms."""
    page = soup(built_site, folder)
    listed = {li.find("a")["href"]: li for li in page.select(f"ul#{folder}-lijst > li")}
    assert set(listed) == {f"{slug}/" for slug in items}
    for slug, item in items.items():
        li = listed[f"{slug}/"]
        assert not li.has_attr("hidden")
        assert item.title in li.get_text()
        for facet in facets:
            assert li[f"data-{facet.name}"].split() == term_ids(item, TAXONOMY[facet.taxonomy]), (slug, facet.name)
    status = page.find(id=f"{folder}-aantal")
    assert status["role"] == "status" and status.get_text(strip=True).startswith(str(len(items)))


@pytest.mark.parametrize("folder, items, facets", OVERVIEWS, ids=[o[0] for o in OVERVIEWS])
def test_filter_form_is_labelled_and_hidden_until_the_script_runs(built_site, folder, items, facets):
    page = soup(built_site, folder)
    form = page.find("form", id=f"{folder}-filters")
    assert form.has_attr("hidden") and form["aria-label"]
    names = set()
    for control in form.find_all(["input", "select"]):
        assert page.find("label", attrs={"for": control["id"]}) is not None, control["id"]
        names.add(control["name"])
        if control.name == "input":
            assert control.find_parent("fieldset").legend.get_text(strip=True)
    assert names == {facet.name for facet in facets}
    # every value an item carries can be chosen in the form
    values = {(c["name"], c.get("value", "")) for c in form.find_all("input")}
    values |= {(s["name"], o["value"]) for s in form.find_all("select") for o in s.find_all("option")}
    for li in page.select(f"ul#{folder}-lijst > li"):
        for facet in facets:
            for value in li[f"data-{facet.name}"].split():
                assert (facet.name, value) in values
    script = page.find("script", src=re.compile(r"assets/filters\.js$"))
    assert script is not None


def test_overview_shows_contributor_text_as_text(project):
    project.write("cases/proef.md", VALID_CASE.replace(
        "titel: Proefcasus in de binnenstad", 'titel: "Proef {{ 6*7 }} <b onmouseover=x>vet</b>"').replace(
        "samenvatting: Een korte samenvatting", 'samenvatting: <script>alert(1)</script> Een korte samenvatting'))
    result = project.build()
    assert result.returncode == 0, result.stderr
    item = soup(project.site, "cases").select_one("ul#cases-lijst > li")
    assert "Proef {{ 6*7 }} <b onmouseover=x>vet</b>" in item.get_text()
    assert item.find("b") is None and item.find("script") is None
    assert "<script>alert(1)</script>" in item.get_text()


@pytest.mark.parametrize("url", OWN_PAGES)
def test_page_loads_nothing_from_another_host(built_site, url):
    page = soup(built_site, url)
    loaded = [tag.get("src") for tag in page.find_all(["script", "img", "iframe", "audio", "video", "source",
                                                      "embed", "track", "input"])]
    loaded += [tag.get("href") for tag in page.find_all("link") if set(tag.get("rel", [])) & {
        "stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "modulepreload", "manifest"}]
    loaded += [tag.get("href") or tag.get("xlink:href") for tag in page.find_all(["image", "use"])]
    loaded += [tag.get("data") for tag in page.find_all("object")]
    loaded += re.findall(r"url\(\s*['\"]?([^'\")]+)", " ".join(tag.get("style", "") for tag in page.find_all(True)))
    loaded += re.findall(r"url\(\s*['\"]?([^'\")]+)", " ".join(tag.get_text() for tag in page.find_all("style")))
    remote = [value for value in loaded if value and (urlsplit(value).netloc or value.startswith("//"))]
    assert not remote, remote


def test_own_assets_load_nothing_from_another_host():
    css = (ROOT / "docs" / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css
    script = (ROOT / "docs" / "assets" / "filters.js").read_text(encoding="utf-8")
    assert not re.search(r"fetch\(|XMLHttpRequest|import\(|https?://", script)


@pytest.mark.parametrize("url", OWN_PAGES)
def test_generated_markup_is_fully_parsed(built_site, url):
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    assert 'markdown="' not in html
    assert not re.search(r"<p>\s*<(td|th|tr|li|caption)[ >]", html)
