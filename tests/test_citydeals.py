"""Relations to other City Deals: every deal named, with its facts and the content that refers to it."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .helpers import ROOT

DEALS = yaml.safe_load((ROOT / "data" / "citydeals.yml").read_text(encoding="utf-8"))
THEMAS = yaml.safe_load((ROOT / "data" / "themas.yml").read_text(encoding="utf-8"))


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


def referring(corpus, deal_id: str) -> list:
    return [item for item in list(corpus.cases.values()) + list(corpus.instrumenten.values())
            if deal_id in item.citydeals]


def test_the_overview_names_all_six_with_their_aim_and_what_refers_to_each(fixture_site, fixture_corpus):
    assert len(DEALS) == 6
    page = soup(fixture_site, "city-deals")
    for deal in DEALS:
        heading = page.find(id=deal["id"])
        assert heading is not None and deal["naam"] in heading.get_text(), deal["id"]
        assert heading.find("a", href=f"{deal['id']}/")
        text = " ".join(heading.find_next_sibling("p").get_text(" ").split())
        assert " ".join(deal["doel"].split())[:80] in text
        facts = " ".join(heading.find_next_sibling("p").find_next_sibling("p").get_text(" ").split())
        items = referring(fixture_corpus, deal["id"])
        cases = sum(1 for item in items if item.kind == "casus")
        assert f"{cases} {'casus' if cases == 1 else 'casussen'}" in facts, deal["id"]


def test_each_deal_page_has_aim_period_themes_and_references(fixture_site, fixture_corpus):
    for deal in DEALS:
        page = soup(fixture_site, f"city-deals/{deal['id']}")
        text = " ".join(page.get_text(" ").split())
        assert deal["naam"] in page.h1.get_text()
        assert " ".join(deal["doel"].split())[:100] in text
        assert deal["periode"] in text
        hrefs = {a["href"] for a in page.find_all("a", href=True)}
        if deal.get("url"):
            assert deal["url"] in hrefs
        for thema in deal["themas"]:
            assert f"../../themas/{thema}/" in hrefs
        for inzicht in deal.get("inzichten", []):
            assert f"../../inzichten/{inzicht}/" in hrefs
        for item in referring(fixture_corpus, deal["id"]):
            assert f"../../{item.folder}/{item.id}/" in hrefs, (deal["id"], item.id)


def test_matrix_of_deals_and_themes_has_proper_headers(fixture_site):
    table = soup(fixture_site, "city-deals").select_one("#matrix-themas-bijschrift").find_parent("table")
    assert table.find_parent("details").summary.get_text() == "Toon als tabel"
    columns = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    assert columns[1:1 + len(THEMAS)] == [thema["naam"] for thema in THEMAS]
    rows = table.tbody.find_all("tr")
    assert [row.th.get_text(strip=True) for row in rows] == [deal["naam"] for deal in DEALS]
    for deal, row in zip(DEALS, rows, strict=True):
        assert row.th["scope"] == "row"
        cells = [td.get_text(strip=True) for td in row.find_all("td")][:len(THEMAS)]
        expected = ["●ja" if thema["id"] in deal["themas"] else "nee" for thema in THEMAS]
        assert cells == expected, deal["id"]


def test_relations_graph_is_svg_with_a_text_equivalent(fixture_site):
    page = soup(fixture_site, "city-deals")
    picture = page.find("svg", class_="kb-relaties-svg")
    assert picture is not None and picture["role"] == "img"
    assert picture.find(id=picture["aria-labelledby"]).name == "title"
    description = picture.find(id=picture["aria-describedby"]).get_text()
    for deal in DEALS:
        assert deal["naam"] in description
    lines = picture.find_all("path", class_="kb-svg-lijn")
    assert len(lines) == sum(len(d["themas"]) + len(d.get("inzichten", [])) for d in DEALS)
    assert page.find("script") is None  # drawn at build time, no client-side diagram library
