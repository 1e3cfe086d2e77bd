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
    # Issue 27: an entry leads to what helps with the problem: the decision aid started on it (the first question's
    # answer that names the theme), its instruments lightest first, its toolkits and its cases.
    keuzehulp = yaml.safe_load((ROOT / "data" / "keuzehulp.yml").read_text(encoding="utf-8"))
    problem = {answer["thema"]: answer["id"] for answer in keuzehulp[0]["antwoorden"] if answer.get("thema")}
    assert len(problem) >= 3
    for task, thema in zip(tasks, themas, strict=True):
        start = f"instrumenten/kiezen/{problem[thema['id']]}/" if thema["id"] in problem else f"themas/{thema['id']}/"
        assert task.h3.a["href"] == start
        links = {a["href"]: a.get_text() for a in task.select(".kb-taak-links a")}
        if thema["id"] in problem:
            assert links[start] == "Welk instrument past?"
        assert re.fullmatch(r"\d+ (instrument|instrumenten), lichtste eerst",
                            links[f"sturing/#ladder-{thema['id']}"])
        assert re.fullmatch(r"\d+ (casus|casussen)", links[f"cases/?thema={thema['id']}"])
    assert page.find("a", href="instrumenten/kiezen/", string="Welk instrument past?")  # in the body too
    headings = [h2.get_text(" ", strip=True).rstrip(" ¶") for h2 in page.find_all("h2")]
    assert headings.index("Waar wilt u mee aan de slag?") < headings.index("Over deze kennisbank")
    assert "coalitiestaf" in " ".join(page.get_text(" ").split())  # who runs the site, not only in the footer


def test_a_theme_page_leads_to_the_decision_aid_started_on_its_problem(fixture_site):
    keuzehulp = yaml.safe_load((ROOT / "data" / "keuzehulp.yml").read_text(encoding="utf-8"))
    answer = next(answer for answer in keuzehulp[0]["antwoorden"] if answer.get("thema"))
    page = article(fixture_site, f"themas/{answer['thema']}")
    link = page.select_one(".kb-aan-de-slag").find("a", string="Welk instrument past?")
    assert link["href"] == f"../../instrumenten/kiezen/{answer['id']}/"


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
