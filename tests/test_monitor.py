"""The monitor: each count as an accessible SVG chart, with the same numbers as a table behind "Toon als tabel"."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from .helpers import page


@pytest.fixture(scope="module")
def monitor(fixture_site) -> BeautifulSoup:
    return page(fixture_site, "monitor")


def table_after(monitor: BeautifulSoup, section_id: str) -> dict[str, list[str]]:
    """Label -> the numbers of its row, from the table of a section."""
    table = monitor.find(id=section_id).find_next("table")
    return {tr.th.get_text(" ", strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
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
        details = svg.find_parent("figure").find_next_sibling("details")
        assert details.summary.get_text() == "Toon als tabel"
        assert len(details.find("table").select("tbody tr")) == len(bars)  # a table with every bar


def test_numbers_match_the_content(monitor, fixture_corpus):
    cases = fixture_corpus.cases.values()
    fasen = Counter(case.fase for case in cases)
    assert table_after(monitor, "per-fase") == {
        "Zaaien": [str(fasen["zaaien"])], "Groeien": [str(fasen["groeien"])], "Oogsten": [str(fasen["oogsten"])]}
    themas = Counter(thema for case in cases for thema in case.themas)
    assert table_after(monitor, "per-thema")["Vastgoed"] == [str(themas["vastgoed"])]
    statuses = Counter(case.status for case in cases)
    assert table_after(monitor, "per-status")["Lopend"] == [str(statuses["lopend"])]
    cities = Counter(case.stad for case in cases)
    assert table_after(monitor, "per-stad")["Dordrecht"] == [str(cities["dordrecht"])]
    desc = monitor.find(id="per-fase-grafiek-uitleg").get_text()
    assert f"Groeien: {fasen['groeien']}" in desc


def test_coverage_counts_cases_and_instruments_per_resultaat(monitor, fixture_corpus):
    corpus = fixture_corpus
    rows = table_after(monitor, "dekking")
    assert len(rows) == len(corpus.reference.resultaten)
    label = corpus.reference.resultaten["vastgoed-1"]["kort"]
    cases = sum("vastgoed-1" in case.resultaten for case in corpus.cases.values())
    instruments = sum("vastgoed-1" in item.resultaten for item in corpus.instrumenten.values())
    assert rows[label] == [str(cases + instruments), str(cases), str(instruments)]


def test_instruments_per_step_of_the_ladder(monitor, fixture_corpus):
    instruments = fixture_corpus.instrumenten.values()
    counts = Counter(item.sturing for item in instruments)
    rows = table_after(monitor, "per-trede")
    assert list(rows) == ["1 Stimuleren", "2 Faciliteren", "3 Onderhandelen", "4 Reguleren", "5 Afdwingen"]
    assert rows["5 Afdwingen"] == [str(counts["afdwingen"])]
    assert sum(int(value[0]) for value in rows.values()) == len(instruments)


def test_phases_per_past_ijkmoment_follow_the_histories(monitor, fixture_corpus):
    from kennisbank.content import history
    corpus = fixture_corpus
    rows = table_after(monitor, "fasen-per-ijkmoment")
    moments = {item["naam"]: item for item in corpus.reference.lists["ijkmomenten"].values()}
    assert rows and set(rows) <= set(moments)
    for name, cells in rows.items():
        counts = Counter(history.phase_on(case, moments[name]["datum"]) for case in corpus.cases.values())
        assert cells == [str(counts["zaaien"]), str(counts["groeien"]), str(counts["oogsten"]),
                         str(counts["zaaien"] + counts["groeien"] + counts["oogsten"])], name


def test_examples_are_counted_and_said_to_be_examples(monitor, fixture_corpus):
    examples = sum(1 for case in fixture_corpus.cases.values() if case.voorbeeld)
    assert examples
    intro = " ".join(monitor.select_one("article h1").find_next_sibling("p").get_text(" ").split())
    every = examples == len(fixture_corpus.cases)
    said = f"alle {examples} zijn illustratieve voorbeelden" if every else f"waarvan {examples} illustratieve voorbeelden"
    assert said in intro
