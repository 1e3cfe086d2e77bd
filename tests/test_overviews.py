"""The overviews of cases and instruments work without JavaScript and carry what the filters need.

Also: generated pages load nothing from another host, and no Markdown is left unparsed in them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from kennisbank.site.pages.overviews import filter_names

from .helpers import ROOT, page

OVERVIEWS = [("cases", "casus"), ("instrumenten", "instrument")]


@pytest.mark.parametrize("folder, kind", OVERVIEWS)
def test_overview_lists_every_item_without_javascript(fixture_site, fixture_corpus, folder, kind):
    """The raw HTML, as a browser without JavaScript shows it: every item, visible, with its terms."""
    found = page(fixture_site, folder)
    items = fixture_corpus.of_kind(kind)
    listed = {li.find("a")["href"]: li for li in found.select(f"ul#{folder}-lijst > li")}
    assert set(listed) == {f"{slug}/" for slug in items}
    for slug, item in items.items():
        li = listed[f"{slug}/"]
        assert not li.has_attr("hidden")
        assert item.title in li.get_text()
        for name, field in filter_names(kind).items():
            assert li[f"data-{name}"].split() == item.values(field), (slug, name)
    status = found.find(id=f"{folder}-aantal")
    assert status["role"] == "status" and status.get_text(strip=True).startswith(str(len(items)))


@pytest.mark.parametrize("folder, kind", OVERVIEWS)
def test_filter_form_is_labelled_and_hidden_until_the_script_runs(fixture_site, folder, kind):
    found = page(fixture_site, folder)
    form = found.find("form", id=f"{folder}-filters")
    assert form.has_attr("hidden") and form["aria-label"]
    for control in form.find_all(["input", "select"]):
        assert found.find("label", attrs={"for": control["id"]}) is not None, control["id"]
        if control.name == "input":
            assert control.find_parent("fieldset").legend.get_text(strip=True)
    names = {control["name"] for control in form.find_all(["input", "select"])}
    assert names <= set(filter_names(kind)) and "thema" in names
    assert set(form["data-kb-facetten"].split()) == set(filter_names(kind))
    # every value an item carries in a facet with a control can be chosen in the form
    values = {(c["name"], c.get("value", "")) for c in form.find_all("input")}
    values |= {(s["name"], o["value"]) for s in form.find_all("select") for o in s.find_all("option")}
    for li in found.select(f"ul#{folder}-lijst > li"):
        for name in names:
            for value in li[f"data-{name}"].split():
                assert (name, value) in values
    assert found.find("script", src=re.compile(r"assets/filters\.js$")) is not None


def generated_pages(site):
    return sorted(path for path in site.rglob("index.html") if "assets" not in path.parts)


def test_pages_load_nothing_from_another_host(fixture_site):
    for path in generated_pages(fixture_site):
        found = page(path.parent, "")
        loaded = [tag.get("src") for tag in found.find_all(["script", "img", "iframe", "audio", "video", "source",
                                                            "embed", "track", "input"])]
        loaded += [tag.get("href") for tag in found.find_all("link") if set(tag.get("rel", [])) & {
            "stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "modulepreload", "manifest"}]
        loaded += [tag.get("href") or tag.get("xlink:href") for tag in found.find_all(["image", "use"])]
        loaded += [tag.get("data") for tag in found.find_all("object")]
        loaded += re.findall(r"url\(\s*['\"]?([^'\")]+)", " ".join(tag.get("style", "") for tag in found.find_all(True)))
        remote = [value for value in loaded if value and (urlsplit(value).netloc or value.startswith("//"))]
        assert not remote, (path, remote)


def test_own_assets_load_nothing_from_another_host():
    css = (ROOT / "docs" / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css
    script = (ROOT / "docs" / "assets" / "filters.js").read_text(encoding="utf-8")
    assert not re.search(r"fetch\(|XMLHttpRequest|import\(|https?://", script)


def test_generated_markup_is_fully_parsed(fixture_site):
    for path in generated_pages(fixture_site):
        html = path.read_text(encoding="utf-8")
        assert 'markdown="' not in html, path
        assert "kb-deel-" not in html and "kb-prose-" not in html, path  # every placeholder filled
        assert not re.search(r"<p>\s*<(td|th|tr|li|caption|div|ul|h[1-6])[ >]", html), path
