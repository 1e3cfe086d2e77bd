"""Theme pages: coverage of each beoogd resultaat follows the content; cases per phase; the ladder.

Also the pages of the voorwaardenscheppende inzichten: the deal's text and the cases.
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from .helpers import ROOT, Project, case, instrument, page, text_of


def section(found: BeautifulSoup, anchor: str) -> BeautifulSoup:
    """The content under a heading, up to the next heading of the same or a higher level."""
    heading = found.find(id=anchor)
    assert heading is not None, anchor
    level = int(heading.name[1])
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = Project.create(tmp_path_factory.mktemp("themas"))
    project.write("cases/zaad.md", case(titel="Een casus die nog verkent", fase="zaaien", resultaten=["vastgoed-1"]))
    project.write("cases/herverkaveling.md", case(titel="Herverkaveling in de proefstraat", resultaten=["vastgoed-4"]))
    project.write("instrumenten/zacht.md", instrument(naam="Zachte prikkel", sturing="stimuleren", soort="financieel"))
    project.write("instrumenten/hard.md", instrument(naam="Harde hand", sturing="afdwingen"))
    return project.built()


def test_coverage_follows_the_content(site):
    found = page(site, "themas/vastgoed")
    covered = section(found, "vastgoed-4")
    assert covered.find("a", href="../../cases/herverkaveling/", string="Herverkaveling in de proefstraat")
    assert "Nog geen casus" not in section(found, "casussen-vastgoed-4").get_text()
    assert "Nog geen casus" in section(found, "casussen-vastgoed-5").get_text()  # the others stay uncovered
    row = found.select_one(".kb-dekking table").find("a", href="#vastgoed-4").find_parent("tr")
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][0] == "1"
    row = found.select_one(".kb-dekking table").find("a", href="#vastgoed-5").find_parent("tr")
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][0] == "Nog geen casus"


def test_theme_page_groups_cases_by_phase_and_lists_toolkits(site):
    found = page(site, "themas/vastgoed")
    assert section(found, "fase-zaaien").find("a", string="Een casus die nog verkent")
    assert not section(found, "fase-zaaien").find("a", string="Herverkaveling in de proefstraat")
    assert section(found, "fase-groeien").find("a", string="Herverkaveling in de proefstraat")
    assert "Nog geen casus in deze fase" in section(found, "fase-oogsten").get_text()
    assert "Nog geen toolkit" in section(found, "toolkits").get_text()


def test_theme_page_puts_instruments_on_the_ladder(site):
    found = page(site, "themas/vastgoed")
    table = found.select_one("#ladder-vastgoed-bijschrift").find_parent("table")
    rows = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in table.tbody.find_all("tr")}
    assert list(rows) == ["1. Stimuleren", "2. Faciliteren", "3. Onderhandelen", "4. Reguleren", "5. Afdwingen"]
    assert rows["1. Stimuleren"] == "Zachte prikkel" and rows["5. Afdwingen"] == "Harde hand"
    assert rows["3. Onderhandelen"] == "geen"
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    assert found.find("svg", class_="kb-ladder-svg") is None  # one representation: the table
    # the ladder page has the same ladder per theme, other themes empty, and each step with its instruments
    ladder = page(site, "sturing")
    assert ladder.select_one("#ladder-vastgoed-bijschrift").find_parent("table").find("a", string="Harde hand")
    assert not ladder.select_one("#ladder-financiering-bijschrift").find_parent("table").select("td a")
    step = ladder.find(id="stimuleren").find_parent("li")
    assert [a.get_text() for a in step.select("ul a")] == ["Zachte prikkel"]


def test_theme_page_shows_the_deal_text_and_related_city_deals(fixture_site):
    themas = yaml.safe_load((ROOT / "data" / "themas.yml").read_text(encoding="utf-8"))
    deals = yaml.safe_load((ROOT / "data" / "citydeals.yml").read_text(encoding="utf-8"))
    for thema in themas:
        found = page(fixture_site, f"themas/{thema['id']}")
        text = text_of(fixture_site, f"themas/{thema['id']}")
        assert " ".join(thema["intro"].split())[:120] in text
        for resultaat in thema["resultaten"]:
            assert found.find(id=resultaat["id"]) is not None
        for deal in deals:
            if thema["id"] in deal["themas"]:
                assert section(found, "city-deals").find("a", href=f"../../city-deals/{deal['id']}/"), deal["id"]


def test_inzicht_pages_show_the_deal_text_cases_and_city_deals(fixture_site, fixture_corpus):
    inzichten = yaml.safe_load((ROOT / "data" / "inzichten.yml").read_text(encoding="utf-8"))
    deals = yaml.safe_load((ROOT / "data" / "citydeals.yml").read_text(encoding="utf-8"))
    for inzicht in inzichten:
        url = f"inzichten/{inzicht['id']}"
        assert " ".join(inzicht["tekst"].split("\n\n")[0].split())[:100] in text_of(fixture_site, url)
        hrefs = {a["href"] for a in page(fixture_site, url).select("article a[href]")}
        cases = [c for c in fixture_corpus.cases.values() if inzicht["id"] in c.inzichten]
        if len(cases) <= 10:
            for item in cases:
                assert f"../../cases/{item.id}/" in hrefs, (inzicht["id"], item.id)
        for deal in deals:
            if inzicht["id"] in deal.get("inzichten", []):
                assert f"../../city-deals/{deal['id']}/" in hrefs, (inzicht["id"], deal["id"])


def test_a_term_page_shows_the_newest_ten_and_links_to_all(project):
    for number in range(12):
        project.write(f"cases/c{number:02d}.md", case(titel=f"Casus nummer {number:02d}",
                                                      bijgewerkt=f"2026-01-{number + 1:02d}"))
    site = project.built()
    found = page(site, "steden/dordrecht")
    listed = [a.get_text() for a in found.select("ul.kb-lijst .kb-item-titel a")]
    assert listed == [f"Casus nummer {number:02d}" for number in range(11, 1, -1)]  # newest first, ten of them
    assert found.find("a", href="../../cases/?stad=dordrecht", string="Bekijk alle 12 casussen met stad Dordrecht")
