"""The home page shows the deal in one screen from the data; the macro reference lists every macro."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from kennisbank.graph import Site
from kennisbank.site.macros import NAMES, Macros

from .helpers import ROOT


def article(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


def test_home_shows_the_deal_in_one_screen(fixture_site):
    page = article(fixture_site, "")
    cards = page.select(".grid.cards > ul > li")
    titles = [card.strong.get_text() for card in cards]
    assert titles == ["Doel", "Looptijd", "Vier ontwikkelthema's", "Drie fasen", "Partners", "In de kennisbank"]
    hrefs = {a["href"] for a in page.select(".grid.cards a[href]")}
    for name in ("themas", "fasen"):
        for item in yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")):
            assert f"{name}/{item['id']}/" in hrefs
    assert {"cases/", "instrumenten/", "toolkits/", "kaart/", "partners/"} <= hrefs
    assert "14 juni 2023 tot 14 juni 2027" in cards[1].get_text()


def test_home_lists_newest_cases_goals_and_partners(fixture_site):
    page = article(fixture_site, "")
    text = " ".join(page.get_text(" ").split())
    for doel in yaml.safe_load((ROOT / "data" / "doelen.yml").read_text(encoding="utf-8")):
        assert " ".join(doel["titel"].split()) in text
    for partner in yaml.safe_load((ROOT / "data" / "partners.yml").read_text(encoding="utf-8")):
        assert page.find("a", href=f"partners/{partner['id']}/"), partner["id"]
    newest = page.find(id="nieuwste-casussen").find_next_sibling("ul").find_all("li", class_="kb-item")
    assert len(newest) == 5 and all(li.a["href"].startswith("cases/") for li in newest)
    assert page.find("a", href="over/#werkplan")


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
