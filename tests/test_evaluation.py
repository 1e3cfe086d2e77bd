"""Evaluation fields on cases: optional in zaaien, required from oogsten on, shown, exported and explained."""

from __future__ import annotations

import csv
import io
import json

from kennisbank.content.corpus import load_corpus
from kennisbank.graph import Site
from kennisbank.site.pages.items import case_page

from .helpers import EVALUATION, case, instrument, soup

FIELDS = ["succesfactoren", "knelpunten", "kosten", "juridische_aspecten", "overdraagbaarheid"]


def problems(project, text: str) -> list[str]:
    project.write("cases/a.md", text)
    project.write("instrumenten/transformatiefonds.md", instrument(naam="Transformatiefonds"))
    return [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]


def line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def test_optional_before_oogsten(project):
    assert problems(project, case(fase="zaaien")) == []
    assert problems(project, case(fase="groeien")) == []


def test_required_from_oogsten_on_with_the_line_of_fase(project):
    text = case(fase="oogsten", **{name: None for name in FIELDS})
    found = problems(project, text)
    line = line_of(text, "fase:")
    assert [problem.split(": veld ")[0] for problem in found] == [f"cases/a.md:{line}"] * 5
    for name in FIELDS:
        assert any(f"veld '{name}' is verplicht vanaf de fase oogsten" in problem for problem in found), name


def test_costs_have_an_amount_or_a_range(project):
    both = case(fase="groeien", kosten={"bedrag": 5, "bedrag_min": 1, "bedrag_max": 9, "betaald_door": ["Gemeente"]})
    assert any("geef een 'bedrag' of een bandbreedte" in problem for problem in problems(project, both))
    upside_down = case(fase="groeien", kosten={"bedrag_min": 9, "bedrag_max": 1, "betaald_door": ["Gemeente"]})
    assert any("'kosten.bedrag_min' (9) is groter dan" in problem for problem in problems(project, upside_down))
    half = case(fase="groeien", kosten={"bedrag_min": 9, "betaald_door": ["Gemeente"]})
    assert any("zonder 'kosten.bedrag_max'" in problem for problem in problems(project, half))
    none = case(fase="oogsten", kosten={"betaald_door": ["Gemeente"]})
    assert any("heeft vanaf de fase oogsten een 'bedrag' nodig" in problem for problem in problems(project, none))
    negative = case(fase="groeien", kosten={"bedrag": -5, "betaald_door": ["Gemeente"]})
    assert any("veld 'kosten.bedrag': -5 is te klein (minimaal 0)" in problem for problem in problems(project, negative))


def test_financing_instruments_are_checked_ids(project):
    text = case(fase="oogsten", kosten={**EVALUATION["kosten"], "financieringsinstrumenten": ["transformatiefnds"]})
    found = problems(project, text)
    line = line_of(text, "  - transformatiefnds")
    assert any(problem.startswith(f"cases/a.md:{line}: veld 'kosten.financieringsinstrumenten[1]' verwijst naar "
                                  "instrument 'transformatiefnds'") and "Bedoelde u 'transformatiefonds'?" in problem
               for problem in found), found


def test_the_case_page_shows_the_evaluation_and_the_duration(project):
    project.write("cases/a.md", case(
        fase="oogsten", periode={"start": "2023-10", "eind": "2025-09"},
        kosten={"bedrag_min": 300000, "bedrag_max": 450000, "betaald_door": ["Gemeente Dordrecht", "Rijk"],
                "financieringsinstrumenten": ["transformatiefonds"]},
        juridische_aspecten={"tekst": "Het fonds is staatssteunproof.", "instrumenten": ["transformatiefonds"]},
        overdraagbaarheid={"voorwaarden": ["Een fonds."], "stadsgrootte": ["klein", "groot"], "capaciteit": "Twee fte."}))
    project.write("instrumenten/transformatiefonds.md", instrument(naam="Transformatiefonds"))
    site = Site(load_corpus(project.root))
    html = soup(str(case_page(site, site.corpus.cases["a"]).html))
    section = html.select_one("section.kb-evaluatie")
    assert [h3.get_text().rstrip("¶") for h3 in section.find_all("h3")] == [
        "Succesfactoren", "Knelpunten", "Kosten", "Juridische aspecten", "Overdraagbaarheid"]
    text = " ".join(section.get_text(" ").split())
    assert "€ 300.000 tot € 450.000" in text and "Betaald door Gemeente Dordrecht en Rijk" in text
    assert "Gefinancierd met: Transformatiefonds" in text
    assert "Past bij: Kleine gemeente (tot 50.000 inwoners), Grote stad (meer dan 150.000 inwoners)" in text
    assert section.find("a", string="Transformatiefonds")["href"] == "../../instrumenten/transformatiefonds/"
    rows = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in html.select(".kb-kaart dt")}
    assert rows["Periode"] == "oktober 2023 – september 2025 (2 jaar)"
    assert html.select_one(".kb-vergelijk-knop a")["href"] == "../../vergelijk/?casus=a"


def test_exports_carry_the_evaluation_and_the_duration(fixture_site):
    cases = json.loads((fixture_site / "data/cases.json").read_text(encoding="utf-8"))["cases"]
    dordrecht = next(item for item in cases if item["id"] == "dordrecht-strategische-aankoop-aanloopstraat")
    assert dordrecht["kosten"]["bedrag"] == 1400000 and dordrecht["kosten"]["bedrag_min"] is None
    assert dordrecht["kosten"]["financieringsinstrumenten"] == ["transformatiefonds", "gemeentelijk-vastgoedbedrijf"]
    assert dordrecht["succesfactoren"][0].startswith("Een monitor per pand")
    assert dordrecht["doorlooptijd_maanden"] == 24
    rows = list(csv.DictReader(io.StringIO((fixture_site / "data/cases.csv").read_text(encoding="utf-8"))))
    row = next(row for row in rows if row["id"] == dordrecht["id"])
    assert row["kosten_bedrag"] == "1400000" and row["doorlooptijd_maanden"] == "24"
    assert row["overdraagbaarheid_stadsgrootte"] == "middelgroot|groot"


def test_the_field_reference_explains_them(fixture_site):
    page = soup(fixture_site / "velden/casus/index.html")
    for name in FIELDS:
        assert page.find(id=name) is not None, name
    assert "Verplicht vanaf de fase oogsten" in page.get_text()
