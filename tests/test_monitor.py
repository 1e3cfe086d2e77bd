"""The monitor: each count as an accessible SVG chart with a table of the same numbers beside it."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus

from .conftest import ROOT


@pytest.fixture(scope="module")
def monitor(built_site) -> BeautifulSoup:
    return BeautifulSoup((built_site / "monitor" / "index.html").read_text(encoding="utf-8"), "html.parser")


def table_after(monitor: BeautifulSoup, section_id: str) -> dict[str, list[str]]:
    """Label -> the numbers of its row, from the table of a section."""
    table = monitor.find(id=section_id).find_next("table")
    return {tr.find("td").get_text(" ", strip=True): [td.get_text(strip=True) for td in tr.find_all("td")[1:]]
            for tr in table.select("tbody tr")}


def test_every_chart_is_one_named_and_described_image(monitor):
    charts = monitor.select("article svg")
    assert len(charts) == 6
    for svg in charts:
        assert svg["role"] == "img"
        title = svg.find("title")
        desc = svg.find("desc")
        assert title is not None and title.get_text(strip=True)
        assert svg["aria-labelledby"] == title["id"]
        assert svg["aria-describedby"] == desc["id"] and desc.get_text(strip=True).startswith("Staafdiagram.")
        bars = svg.select("rect")
        table = svg.find_parent("div").find("table")
        assert table is not None and len(table.select("tbody tr")) == len(bars)  # a table with every bar


def test_numbers_match_the_content(monitor):
    cases = load_corpus(ROOT).cases.values()
    fasen = Counter(case.fase for case in cases)
    assert table_after(monitor, "per-fase") == {
        "Zaaien": [str(fasen["zaaien"])], "Groeien": [str(fasen["groeien"])], "Oogsten": [str(fasen["oogsten"])]}
    themas = Counter(thema for case in cases for thema in case.themas)
    assert table_after(monitor, "per-thema")["Vastgoed"] == [str(themas["vastgoed"])]
    statuses = Counter(case.status for case in cases)
    assert table_after(monitor, "per-status")["Lopend"] == [str(statuses["lopend"])]
    cities = Counter(case.stad for case in cases)
    assert table_after(monitor, "per-stad")["Dordrecht"] == [str(cities["dordrecht"])]
    desc = monitor.find(id="per-fase-grafiek-beschrijving").get_text()
    assert f"Groeien: {fasen['groeien']}" in desc


def test_coverage_counts_cases_and_instruments_per_resultaat(monitor):
    corpus = load_corpus(ROOT)
    rows = table_after(monitor, "dekking")
    assert len(rows) == len(corpus.reference.resultaten)
    label = next(label for label in rows if "(vastgoed-1)" in label)
    cases = sum("vastgoed-1" in case.resultaten for case in corpus.cases.values())
    instruments = sum("vastgoed-1" in item.resultaten for item in corpus.instrumenten.values())
    assert rows[label] == [str(cases + instruments), str(cases), str(instruments)]


def test_instruments_per_step_of_the_ladder(monitor):
    instruments = load_corpus(ROOT).instrumenten.values()
    counts = Counter(item.sturing for item in instruments)
    rows = table_after(monitor, "per-trede")
    assert list(rows) == ["1 Stimuleren", "2 Faciliteren", "3 Onderhandelen", "4 Reguleren", "5 Afdwingen"]
    assert rows["5 Afdwingen"] == [str(counts["afdwingen"])]
    assert sum(int(value[0]) for value in rows.values()) == len(instruments)


def test_phases_per_past_ijkmoment_follow_the_histories(monitor):
    from kennisbank.content import history
    corpus = load_corpus(ROOT)
    rows = table_after(monitor, "fasen-per-ijkmoment")
    moments = {item["naam"]: item for item in corpus.reference.lists["ijkmomenten"].values()}
    assert rows and set(rows) <= set(moments)
    for name, cells in rows.items():
        counts = Counter(history.phase_on(case, moments[name]["datum"]) for case in corpus.cases.values())
        assert cells == [str(counts["zaaien"]), str(counts["groeien"]), str(counts["oogsten"]),
                         str(counts["zaaien"] + counts["groeien"] + counts["oogsten"])], name
