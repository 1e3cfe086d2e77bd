"""Theme pages: coverage of each beoogd resultaat follows the content; cases per phase; the ladder.

Also the pages of the voorwaardenscheppende inzichten: the deal's text and the cases.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, VALID_CASE, VALID_INSTRUMENT


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def section(page: BeautifulSoup, anchor: str) -> BeautifulSoup:
    """The content under a heading, up to the next heading of the same or a higher level."""
    heading = page.find(id=anchor)
    assert heading is not None, anchor
    level = int(heading.name[1])
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


def case(resultaten: str, extra: str = "") -> str:
    return VALID_CASE.replace("themas: [vastgoed]", f"themas: [vastgoed]\nresultaten: [{resultaten}]{extra}")


def test_coverage_follows_the_content(project):
    project.write("cases/eerste.md", case("vastgoed-1"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    before = section(soup(project.site, "themas/vastgoed"), "vastgoed-4")
    assert "Nog geen casus" in before.get_text()
    assert not before.find("a", href="../../cases/herverkaveling/")

    project.write("cases/herverkaveling.md", case("vastgoed-4").replace(
        "titel: Proefcasus in de binnenstad", "titel: Herverkaveling in de proefstraat"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = soup(project.site, "themas/vastgoed")
    after = section(page, "vastgoed-4")
    assert after.find("a", href="../../cases/herverkaveling/", string="Herverkaveling in de proefstraat")
    assert "Nog geen casus" not in after.get_text().split("Instrumenten")[0]
    assert "Nog geen casus" in section(page, "vastgoed-5").get_text()  # the others stay uncovered

    row = page.select_one(".kb-dekking table").find("a", href="#vastgoed-4").find_parent("tr")
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][0] == "1"


def test_theme_page_groups_cases_by_phase_and_lists_toolkits(project):
    project.write("cases/zaad.md", case("vastgoed-1").replace("fase: groeien", "fase: zaaien").replace(
        "titel: Proefcasus in de binnenstad", "titel: Een casus die nog verkent"))
    project.write("cases/groei.md", case("vastgoed-2").replace(
        "titel: Proefcasus in de binnenstad", "titel: Een casus die experimenteert"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = soup(project.site, "themas/vastgoed")
    assert section(page, "fase-zaaien").find("a", string="Een casus die nog verkent")
    assert not section(page, "fase-zaaien").find("a", string="Een casus die experimenteert")
    assert section(page, "fase-groeien").find("a", string="Een casus die experimenteert")
    assert "Nog geen casus in deze fase" in section(page, "fase-oogsten").get_text()
    assert "Nog geen toolkit" in section(page, "toolkits").get_text()


def test_theme_page_puts_instruments_on_the_ladder(project):
    project.write("instrumenten/zacht.md", VALID_INSTRUMENT.replace("naam: Proefinstrument", "naam: Zachte prikkel")
                  .replace("sturing: reguleren", "sturing: stimuleren").replace("soort: juridisch", "soort: financieel"))
    project.write("instrumenten/hard.md", VALID_INSTRUMENT.replace("naam: Proefinstrument", "naam: Harde hand")
                  .replace("sturing: reguleren", "sturing: afdwingen"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = soup(project.site, "themas/vastgoed")
    table = page.find("table", attrs={"aria-labelledby": "instrumenten"})
    rows = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in table.tbody.find_all("tr")}
    assert list(rows) == ["1. Stimuleren", "2. Faciliteren", "3. Onderhandelen", "4. Reguleren", "5. Afdwingen"]
    assert rows["1. Stimuleren"] == "Zachte prikkel" and rows["5. Afdwingen"] == "Harde hand"
    assert rows["3. Onderhandelen"] == "geen"
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    picture = page.find("svg", class_="kb-ladder-svg")
    assert picture["role"] == "img"
    labelled = [page.find(id=part).get_text() for part in picture["aria-labelledby"].split()]
    assert "1. Stimuleren: Zachte prikkel." in labelled[1] and "5. Afdwingen: Harde hand." in labelled[1]
    # the instruments overview has the same ladder per theme; other themes are empty
    overview = soup(project.site, "instrumenten")
    assert overview.find("table", attrs={"aria-labelledby": "ladder-vastgoed"}).find("a", string="Harde hand")
    assert not overview.find("table", attrs={"aria-labelledby": "ladder-financiering"}).select("td a")


def test_theme_page_shows_the_deal_text_and_related_city_deals(built_site):
    themas = yaml.safe_load((ROOT / "data" / "themas.yml").read_text(encoding="utf-8"))
    deals = yaml.safe_load((ROOT / "data" / "citydeals.yml").read_text(encoding="utf-8"))
    for thema in themas:
        page = soup(built_site, f"themas/{thema['id']}")
        text = " ".join(page.select_one("article").get_text(" ").split())
        assert " ".join(thema["intro"].split())[:120] in text
        for resultaat in thema["resultaten"]:
            assert page.find(id=resultaat["id"]) is not None
        for deal in deals:
            if thema["id"] in deal["themas"]:
                assert section(page, "city-deals").find("a", href=f"../../city-deals/{deal['id']}/"), deal["id"]


def test_inzicht_pages_show_the_deal_text_cases_and_city_deals(built_site):
    inzichten = yaml.safe_load((ROOT / "data" / "inzichten.yml").read_text(encoding="utf-8"))
    deals = yaml.safe_load((ROOT / "data" / "citydeals.yml").read_text(encoding="utf-8"))
    cases = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
             for path in (ROOT / "cases").glob("*.md")}
    for inzicht in inzichten:
        page = soup(built_site, f"inzichten/{inzicht['id']}")
        text = " ".join(page.select_one("article").get_text(" ").split())
        assert " ".join(inzicht["tekst"].split("\n\n")[0].split())[:100] in text
        hrefs = {a["href"] for a in page.select("article a[href]")}
        for slug, meta in cases.items():
            if inzicht["id"] in meta.get("inzichten", []):
                assert f"../../cases/{slug}/" in hrefs, (inzicht["id"], slug)
        for deal in deals:
            if inzicht["id"] in deal.get("inzichten", []):
                assert f"../../city-deals/{deal['id']}/" in hrefs, (inzicht["id"], deal["id"])
