"""The map of cases: drawn at build time, a named link per case, placed by city or own locatie."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kennisbank.site.figures import CLUSTER, MARKER
from kennisbank.site.nederland import MAINLAND, Projection, contains, on_land

from .helpers import ROOT, Project, case

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


def test_every_case_is_on_the_map_as_a_named_link(fixture_site, fixture_corpus):
    """A case alone at its place is a marker that links to it; several share one marker with their number."""
    svg = soup(fixture_site, "kaart").find("svg", class_="kb-kaart-svg")
    markers = svg.find_all("a")
    shown = 0
    for marker in markers:
        href, name = marker["href"], marker["aria-label"]
        assert name and marker.find("title").get_text() == name
        if href.startswith("../cases/"):
            item = fixture_corpus.cases[href.split("/")[2]]
            assert item.titel in name
            shown += 1
        else:
            count = int(name.split()[0])
            assert href.startswith("#stad-") and f"{count} casussen in " in name
            assert marker.find("text").get_text() == str(count)
            shown += count
    assert shown == len(fixture_corpus.cases)
    assert svg.find("title").get_text().startswith("Kaart van Nederland")
    assert svg.find("image") is None


def test_the_list_under_the_map_says_the_same(fixture_site, fixture_corpus):
    found = soup(fixture_site, "kaart")
    for item in fixture_corpus.cases.values():
        heading = found.find(id=f"stad-{item.stad}")
        assert heading is not None, item.stad
        assert heading.find_next_sibling("ul").find("a", href=f"../cases/{item.id}/"), item.id


def test_map_is_in_the_navigation(fixture_site):
    nav = soup(fixture_site, "").select_one("nav.md-nav--primary")
    assert nav.find("a", href="kaart/")


def _circles(site: Path) -> dict[str, tuple[float, float, float]]:
    """href -> (x, y, radius) of every marker."""
    svg = soup(site, "kaart").find("svg", class_="kb-kaart-svg")
    return {a["href"]: (float(a.find("circle")["cx"]), float(a.find("circle")["cy"]), float(a.find("circle")["r"]))
            for a in svg.find_all("a")}


@pytest.fixture(scope="module")
def map_site(tmp_path_factory) -> Path:
    project = Project.create(tmp_path_factory.mktemp("kaart"))
    project.write("cases/in-de-stad.md", case())  # Dordrecht, no locatie
    project.write("cases/eigen-plek.md", case(stad="utrecht", locatie={"lat": 52.09, "lon": 5.11}))
    for slug in ("een", "twee", "drie"):
        project.write(f"cases/{slug}.md", case(stad="groningen"))
    project.write("cases/vlakbij.md", case(stad="groningen", locatie={"lat": 53.2195, "lon": 6.5675}))
    return project.built()


def test_a_case_sits_on_its_city_unless_it_has_its_own_locatie(map_site):
    circles = _circles(map_site)
    dordrecht = next(s for s in STEDEN if s["id"] == "dordrecht")
    assert circles["../cases/in-de-stad/"][:2] == Projection().xy(dordrecht["lon"], dordrecht["lat"])
    assert circles["../cases/eigen-plek/"][:2] == Projection().xy(5.11, 52.09)


def test_cases_at_one_place_share_a_marker_and_no_marker_hides_another(map_site):
    circles = _circles(map_site)
    assert "#stad-groningen" in circles  # een, twee and drie
    assert circles["#stad-groningen"][2] == CLUSTER
    assert "../cases/vlakbij/" in circles and circles["../cases/vlakbij/"][2] == MARKER
    spots = list(circles.values())
    for index, (x, y, r) in enumerate(spots):
        for other_x, other_y, other_r in spots[index + 1:]:
            assert ((x - other_x) ** 2 + (y - other_y) ** 2) ** 0.5 >= max(r, other_r), "a marker hides another"
