"""The home page shows the deal in one screen from the data; the macro reference lists every macro."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from kennisbank.graph import Site
from kennisbank.site.macros import NAMES, Macros

from .helpers import ROOT


def article(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


def test_home_starts_from_what_a_reader_comes_to_do(fixture_site):
    """Search first, then one entrance per task (a theme), each with its counts and filtered overviews."""
    page = article(fixture_site, "")
    form = page.select_one("form[role=search]")
    field = form.find("input", attrs={"name": "q"})
    assert page.find("label", attrs={"for": field["id"]}).get_text().startswith("Zoek in alle casussen")
    themas = yaml.safe_load((ROOT / "data" / "themas.yml").read_text(encoding="utf-8"))
    tasks = page.select("li.kb-taak")
    assert [task.h3.get_text() for task in tasks] == [thema["taak"] for thema in themas]
    for task, thema in zip(tasks, themas, strict=True):
        assert task.h3.a["href"] == f"themas/{thema['id']}/"
        links = {a["href"]: a.get_text() for a in task.select(".kb-taak-links a")}
        assert re.fullmatch(r"\d+ (instrument|instrumenten)", links[f"instrumenten/?thema={thema['id']}"])
        assert re.fullmatch(r"\d+ (casus|casussen)", links[f"cases/?thema={thema['id']}"])
    headings = [h2.get_text(" ", strip=True).rstrip(" ¶") for h2 in page.find_all("h2")]
    assert headings.index("Waar wilt u mee aan de slag?") < headings.index("Over deze kennisbank")


def test_home_lists_toolkits_newest_cases_and_the_deal_last(fixture_site, fixture_corpus):
    page = article(fixture_site, "")
    newest = page.find(id="nieuwste-casussen").find_next_sibling("ul").find_all("li", class_="kb-item")
    assert len(newest) == 5 and all(li.a["href"].startswith("cases/") for li in newest)
    toolkits = page.find(id="stappenplannen").find_next_sibling("ul")
    assert {a["href"] for a in toolkits.select("a[href^='toolkits/']")} == \
        {f"toolkits/{slug}/" for slug in fixture_corpus.toolkits}
    about = page.find(id="over-deze-kennisbank")
    assert about.find_next("a", href="over/")
    text = " ".join(page.get_text(" ").split())
    assert f"{len(fixture_corpus.cases)} casussen" in text


def test_every_macro_is_documented_in_dutch_on_the_reference_page(fixture_site, fixture_corpus):
    page = article(fixture_site, "macros")
    text = " ".join(page.get_text(" ").split())
    squeezed = "".join(text.split())  # code spans get spaces around them in get_text
    for name in NAMES:
        doc = inspect.getdoc(getattr(Macros, name))
        assert doc, f"macro {name} heeft geen docstring"
        assert "{{ " + name + "(" in text, name
        assert "".join(doc.split("\n\n")[0].replace("`", "").split()) in squeezed, name
    registered = Macros(Site(fixture_corpus), lambda: "macros.md").registry()
    assert set(registered) == set(NAMES)
