"""Contributor text is data everywhere: one case, instrument and toolkit whose every free-text field holds markup.

Every text field holds ``NASTY`` (Markdown, HTML, Jinja, an apostrophe and a script that
closes <title>); the summaries add an image with onerror and a Jinja block. The strict build
passes, and on every page of every type and in every export the text appears literally, as
written, and no element, attribute or script comes from it.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from .helpers import Project, case, instrument, search_records, soup, toolkit

NASTY = "Wonen + werken: 100% *leeg* & co_ok [x](y) {x} {{ 6*7 }} auto's </title><script>alert(1)</script> <b>z</b>"
SUMMARY = NASTY + " <img src=x onerror=alert(2)> {% if 1 %}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = Project.create(tmp_path_factory.mktemp("escaping"))
    project.write("cases/vies.md", case(
        "## Opgave\n\nTekst.\n\n## Aanpak\n\nAanpak.\n\n## Resultaten\n\nResultaat.\n\n## Lessen\n\nLes.\n",
        titel=NASTY, samenvatting=SUMMARY, fase="oogsten", oogst="2025-q4", instrumenten=["vies"],
        contact={"naam": NASTY, "organisatie": NASTY}, goede_praktijk={"reden": NASTY, "sinds": "2025-q4"},
        resultaten=["vastgoed-1"], citydeals=["zicht-op-ondermijning"], partners=["bzk"],
        succesfactoren=[NASTY], knelpunten=[NASTY],
        kosten={"bedrag": 1000, "betaald_door": [NASTY], "financieringsinstrumenten": ["vies"], "toelichting": NASTY},
        juridische_aspecten={"tekst": NASTY, "instrumenten": ["vies"]},
        overdraagbaarheid={"voorwaarden": [NASTY], "capaciteit": NASTY}))
    project.write("instrumenten/vies.md", instrument(
        naam=NASTY, samenvatting=SUMMARY, status="nieuw", oogst="2025-q4",
        wettelijke_basis=[{"wet": NASTY, "artikel": NASTY, "identificatie": "BWBR0001941", "url": "https://example.org/wet",
                           "gecontroleerd": "2026-01-01"}],
        bronnen=[{"titel": NASTY, "url": "https://example.org/bron", "geraadpleegd": "2026-01-01"}],
        beoordeeld_door={"rol": NASTY, "datum": "2026-01-02"}))
    project.write("instrumenten/toolkits/vies.md", toolkit(
        titel=NASTY, samenvatting=SUMMARY, stappen=[{"titel": NASTY, "toelichting": NASTY, "instrumenten": ["vies"]}],
        instrumenten=["vies"], cases=["vies"], contact={"naam": NASTY, "organisatie": NASTY}, oogst="2025-q4"))
    project.write("data/keuzehulp.yml", yaml.safe_dump([{
        "id": "probleem", "vraag": NASTY, "uitleg": NASTY,
        "antwoorden": [{"id": "vies", "antwoord": NASTY, "kort": "kort", "uitleg": NASTY, "instrumenten": ["vies"],
                        "advies": NASTY},
                       {"id": "schoon", "antwoord": "Iets anders"}]}], allow_unicode=True))
    return project.built()


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def test_no_element_attribute_or_script_comes_from_contributor_text(site):
    for path in pages(site):
        found = soup(path)
        for script in found.find_all("script"):
            if script.get("type") == "application/ld+json":  # data: the text is there, but cannot end the script
                assert "<" not in script.string and ">" not in script.string, path
                json.loads(script.string)
                continue
            assert "alert" not in (script.string or ""), path
        for element in found.find_all(True):
            assert not (element.name == "b" and element.get_text() == "z"), path
            assert not (element.name == "img" and element.get("src") == "x"), path
            for name in element.attrs:
                assert not name.lower().startswith("on"), (path, element.name, name)


@pytest.mark.parametrize("url", ["cases/vies", "instrumenten/vies", "toolkits/vies", "cases", "instrumenten",
                                 "toolkits", "steden/dordrecht", "themas/vastgoed", "fasen/oogsten", "status/lopend",
                                 "partners/bzk", "city-deals/zicht-op-ondermijning", "oogst/2025-q4",
                                 "goede-praktijken", "kaart", "soorten/juridisch", "sturing/reguleren", "onderhoud",
                                 "instrumenten/kiezen", "instrumenten/kiezen/vies", ""])
def test_the_text_appears_literally_on_every_kind_of_page(site, url):
    text = " ".join(soup(site / url / "index.html").get_text(" ").split())
    assert NASTY in text, url
    assert "auto&#x27;s" not in text and "\\*" not in text and "\\{" not in text and "co\\_ok" not in text


def test_title_and_description_of_the_item_pages(site):
    for url in ("cases/vies", "instrumenten/vies", "toolkits/vies"):
        found = soup(site / url / "index.html")
        assert found.title.string == f"{NASTY} - Kennisbank Dynamische Binnensteden", url
        assert found.find("meta", attrs={"name": "description"})["content"] == SUMMARY, url
        topics = [" ".join(topic.get_text().split()) for topic in found.select(".md-header__topic .md-ellipsis")]
        assert NASTY in topics, url


def test_the_summary_and_legal_basis_appear_literally(site):
    text = " ".join(soup(site / "cases/vies/index.html").get_text(" ").split())
    assert SUMMARY in text
    text = " ".join(soup(site / "instrumenten/vies/index.html").get_text(" ").split())
    assert f"{NASTY}, artikel {NASTY}" in text


def test_exports_hold_the_text_exactly(site):
    cases = json.loads((site / "data/cases.json").read_text(encoding="utf-8"))["cases"]
    assert cases[0]["titel"] == NASTY and cases[0]["samenvatting"] == SUMMARY
    assert cases[0]["contact"]["naam"] == NASTY and cases[0]["goede_praktijk"]["reden"] == NASTY
    row = next(csv.DictReader(io.StringIO((site / "data/cases.csv").read_text(encoding="utf-8"))))
    assert row["titel"] == NASTY and row["samenvatting"] == SUMMARY and row["contact_naam"] == NASTY
    feature = json.loads((site / "data/cases.geojson").read_text(encoding="utf-8"))["features"][0]
    assert feature["properties"]["titel"] == NASTY
    instruments = json.loads((site / "data/instrumenten.json").read_text(encoding="utf-8"))["instrumenten"]
    assert instruments[0]["naam"] == NASTY and instruments[0]["wettelijke_basis"][0]["artikel"] == NASTY
    toolkits = json.loads((site / "data/toolkits.json").read_text(encoding="utf-8"))["toolkits"]
    assert toolkits[0]["stappen"][0]["toelichting"] == NASTY
    nodes = json.loads((site / "data/relaties.json").read_text(encoding="utf-8"))["nodes"]
    assert {node["naam"] for node in nodes if node["id"].endswith(":vies")} == {NASTY}


def test_the_feed_holds_the_text_exactly(site):
    feed = ET.parse(site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert titles.count(NASTY) == 3
    summaries = [entry.findtext(f"{atom}summary") for entry in feed.iter(f"{atom}entry")]
    assert SUMMARY in summaries


def test_the_search_index_holds_the_text_as_text(site):
    """Pagefind stores plain text; the search worker shows its excerpts escaped (tests/browser/test_search.py)."""
    record = search_records(site)["cases/vies/"]
    assert record["meta"]["title"] == NASTY
    assert " ".join(SUMMARY.split()) in " ".join(record["content"].split())


def test_the_evaluation_appears_literally_on_the_case_page(site):
    evaluation = soup(site / "cases/vies/index.html").select_one("section.kb-evaluatie")
    text = " ".join(evaluation.get_text(" ").split())
    # succesfactoren, knelpunten, betaald door, toelichting, tekst, voorwaarde, capaciteit, and the instrument's
    # name twice (financing and legal aspects)
    assert text.count(NASTY) == 9


def test_linked_data_holds_the_text_exactly(site):
    for url, key in (("cases/vies", "name"), ("instrumenten/vies", "name"), ("toolkits/vies", "name")):
        script = soup(site / url / "index.html").find("script", type="application/ld+json")
        assert "</" not in script.string and "<script" not in script.string, url
        data = json.loads(script.string)
        assert data[key] == NASTY and data["description"] == SUMMARY, url
    law = json.loads(soup(site / "instrumenten/vies/index.html").find("script", type="application/ld+json").string)
    assert law["isBasedOn"][0]["name"] == NASTY
    step = json.loads(soup(site / "toolkits/vies/index.html").find("script", type="application/ld+json").string)
    assert step["step"][0]["name"] == NASTY and step["step"][0]["text"] == NASTY


def test_the_comparison_data_holds_the_text_exactly(site):
    data = json.loads((site / "vergelijk/vies.json").read_text(encoding="utf-8"))
    assert data["t"] == NASTY
    assert data["r"]["succesfactoren"] == [[{"t": NASTY}]]
    assert data["r"]["juridische_aspecten"][0] == [{"t": NASTY}]
    compare = soup(site / "vergelijk/index.html")
    assert compare.find("a", attrs={"data-kb-casus": "vies"}).find_previous("a").get_text() == NASTY
