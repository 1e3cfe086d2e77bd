"""The map of cases: drawn at build time, a named link per case, placed by city or own locatie."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus
from kennisbank.site.nederland import MAINLAND, Projection, contains, on_land

from .conftest import ROOT, VALID_CASE

STEDEN = yaml.safe_load((ROOT / "data" / "steden.yml").read_text(encoding="utf-8"))


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("stad", STEDEN, ids=[s["id"] for s in STEDEN])
def test_every_city_lies_inside_the_outline(stad):
    assert on_land(stad["lon"], stad["lat"])


def test_the_outline_has_sea_and_neighbours_outside():
    for lon, lat in [(4.0, 52.5), (5.3, 52.75), (6.5, 51.5), (4.5, 51.1), (5.0, 53.4)]:
        # North Sea, IJsselmeer, Germany, Belgium, Wadden Sea
        assert not contains(MAINLAND, lon, lat), (lon, lat)


def test_every_case_is_a_named_link_on_the_map(built_site):
    corpus = load_corpus(ROOT)
    page = soup(built_site, "kaart")
    svg = page.find("svg", class_="kb-kaart-svg")
    markers = {a["href"]: a for a in svg.find_all("a")}
    assert len(markers) == len(corpus.cases)
    for case in corpus.cases.values():
        marker = markers[f"../cases/{case.id}/"]
        assert case.titel in marker["aria-label"]
        assert marker.find("circle") is not None
    assert svg.find("title").get_text().startswith("Kaart van Nederland")
    assert all(tag.get("href", "").startswith("../") for tag in svg.find_all(href=True))  # nothing from elsewhere
    assert svg.find("image") is None


def test_the_list_under_the_map_says_the_same(built_site):
    corpus = load_corpus(ROOT)
    page = soup(built_site, "kaart")
    for case in corpus.cases.values():
        heading = page.find(id=f"stad-{case.stad}")
        assert heading is not None, case.stad
        assert heading.find_next_sibling("ul").find("a", href=f"../cases/{case.id}/"), case.id


def test_map_is_in_the_navigation(built_site):
    nav = soup(built_site, "").select_one("nav.md-nav--primary")
    assert nav.find("a", href="kaart/")


def _marker_xy(site: Path, slug: str) -> tuple[float, float]:
    circle = soup(site, "kaart").find("a", href=f"../cases/{slug}/").find("circle")
    return float(circle["cx"]), float(circle["cy"])


def test_a_case_sits_on_its_city_unless_it_has_its_own_locatie(project):
    project.write("cases/in-de-stad.md", VALID_CASE)  # Dordrecht, no locatie
    project.write("cases/eigen-plek.md", VALID_CASE.replace("stad: dordrecht", "stad: utrecht").replace(
        "fase: groeien", "locatie:\n  lat: 52.09\n  lon: 5.11\nfase: groeien"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    dordrecht = next(s for s in STEDEN if s["id"] == "dordrecht")
    assert _marker_xy(project.site, "in-de-stad") == Projection().xy(dordrecht["lon"], dordrecht["lat"])
    assert _marker_xy(project.site, "eigen-plek") == Projection().xy(5.11, 52.09)


def test_cases_at_one_spot_get_separate_markers(project):
    for slug in ("een", "twee", "drie"):
        project.write(f"cases/{slug}.md", VALID_CASE)
    result = project.build()
    assert result.returncode == 0, result.stderr
    positions = {_marker_xy(project.site, slug) for slug in ("een", "twee", "drie")}
    assert len(positions) == 3
