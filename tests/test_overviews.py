"""The overviews of cases and instruments work without JavaScript and carry what the filters need.

Also: generated pages load nothing from another host, and no Markdown is left unparsed in them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from urllib.parse import urlsplit

import pytest

from kennisbank.site.pages.overviews import PAGE_SIZE, filter_names

from .helpers import ROOT, case, page

OVERVIEWS = [("cases", "casus"), ("instrumenten", "instrument")]


@pytest.mark.parametrize("folder, kind", OVERVIEWS)
def test_overview_lists_its_first_page_and_the_index_holds_every_item(fixture_site, fixture_corpus, folder, kind):
    """The raw HTML, as a browser without JavaScript shows it: the first page; the index the script reads: all."""
    found = page(fixture_site, folder)
    items = fixture_corpus.of_kind(kind)
    listed = [li.find("a")["href"] for li in found.select(f"ul#{folder}-lijst > li")]
    assert len(listed) == min(len(items), PAGE_SIZE) and set(listed) <= {f"{slug}/" for slug in items}
    index = json.loads((fixture_site / folder / "lijst.json").read_text(encoding="utf-8"))
    assert {entry["u"] for entry in index["items"]} == {f"{slug}/" for slug in items}
    for entry in index["items"]:
        item = items[entry["u"].rstrip("/")]
        assert entry["t"] == item.title and entry["s"] == item.samenvatting
        for name, field in filter_names(kind).items():
            assert entry["f"].get(name, []) == item.values(field), (item.id, name)
            for value in entry["f"].get(name, []):
                assert index["labels"][name][value]
    status = found.find(id=f"{folder}-aantal")
    assert status["role"] == "status" and status.get_text(strip=True).startswith(str(len(items)))


def test_every_item_is_on_one_of_the_pages_without_javascript(project):
    for number in range(PAGE_SIZE * 2 + 3):
        project.write(f"cases/c{number:02d}.md", case(titel=f"Casus nummer {number:02d}",
                                                      bijgewerkt=f"2026-0{1 + number // 28}-{1 + number % 28:02d}"))
    site = project.built()
    seen = []
    for url in ("cases", "cases/pagina/2", "cases/pagina/3"):
        found = page(site, url)
        seen += [a["href"].rsplit("/", 2)[-2] for a in found.select("ul#cases-lijst > li .kb-item-titel a")]
        pager = [a.get_text() for a in found.select("nav.kb-pagina-s a")]
        assert pager == ["1", "2", "3"]
        current = found.select_one("nav.kb-pagina-s a[aria-current=page]").get_text()
        assert url.endswith(current) or (url == "cases" and current == "1")
    assert sorted(seen) == [f"c{number:02d}" for number in range(PAGE_SIZE * 2 + 3)]
    assert seen[0] == f"c{PAGE_SIZE * 2 + 2:02d}"  # newest first
    assert not (site / "cases" / "pagina" / "4").exists()


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
    assert not re.search(r"XMLHttpRequest|import\(|https?://", script)
    assert script.count("fetch(") == 1 and 'fetch(indexUrl.href, { credentials: "same-origin" })' in script


def test_generated_markup_is_fully_parsed(fixture_site):
    for path in generated_pages(fixture_site):
        html = path.read_text(encoding="utf-8")
        assert 'markdown="' not in html, path
        assert "kb-deel-" not in html and "kb-prose-" not in html, path  # every placeholder filled
        assert not re.search(r"<p>\s*<(td|th|tr|li|caption|div|ul|h[1-6])[ >]", html), path


def same_day_project(project):
    """Five cases that first appeared in one commit (as every case of the site did), each last updated on another
    day; the titles run the other way, so an order by title is told apart from an order by update."""
    titles = ["Aanloop", "Markt", "Oost", "Wilhelmina", "Zuid"]
    for number, titel in enumerate(titles):
        project.write(f"cases/c{number}.md", case(titel=f"{titel}straat wordt levendig",
                                                   bijgewerkt=f"2026-0{number + 1}-15"))
    git = {"GIT_AUTHOR_DATE": "2026-06-30T12:00:00", "GIT_COMMITTER_DATE": "2026-06-30T12:00:00",
           "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "PATH": os.environ["PATH"]}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "alles"]):
        subprocess.run(command, cwd=project.root, check=True, env=git)
    expected = [f"{titel}straat wordt levendig" for titel in reversed(titles)]  # last updated first
    return project.built(), expected


def test_newest_first_breaks_a_tie_by_last_update_the_same_everywhere(project):
    """Issue 27: every case first appeared on one day; "Nieuwste eerst" then sorts by last update, then title,
    in the overview, on the home page and in the index the overview's script sorts (its key sorts the same)."""
    site, expected = same_day_project(project)
    overview = [a.get_text() for a in page(site, "cases").select("ul#cases-lijst .kb-item-titel a")]
    assert overview == expected
    home = page(site, "").find(id="nieuwste-casussen").find_next_sibling("ul")
    assert [a.get_text() for a in home.select(".kb-item-titel a")] == expected
    index = json.loads((site / "cases" / "lijst.json").read_text(encoding="utf-8"))["items"]
    by_key = sorted(sorted(index, key=lambda item: item["k"]["az"]), key=lambda item: item["k"]["nieuwste"],
                    reverse=True)
    assert [item["t"] for item in by_key] == expected
