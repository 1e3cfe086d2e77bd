"""Legal bases that stay current: identifier, deep link, and a warning once a check is older than 12 months.

The rule is pinned with a fixed clock (KENNISBANK_VANDAAG): a legal basis checked in January
2020 is flagged by ``kennisbank check`` with its line, keeps its instrument on the site, fails
neither the check nor ``mkdocs build --strict``, unless asked (``--streng``, ``KENNISBANK_STRENG=1``),
and is listed on the staff page /onderhoud/, which is in neither the navigation nor the search.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from kennisbank.content import legal
from kennisbank.content.corpus import load_corpus

from .helpers import instrument, page, replaced
from .test_cli import kennisbank

OLD = {"wet": "Opiumwet", "artikel": "13b", "identificatie": "BWBR0001941", "gecontroleerd": "2020-01-15"}
FRESH = {"wet": "Leegstandwet", "artikel": "hoofdstuk 2", "identificatie": "BWBR0003403", "gecontroleerd": "2026-06-01"}
TODAY = {"KENNISBANK_VANDAAG": "2026-11-30"}


@pytest.mark.parametrize("identifier, artikel, expected", [
    ("BWBR0001941", "13b", "https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b"),
    ("BWBR0001941", "artikel 13b, eerste lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b"),
    ("BWBR0037885", "13.13 (kostenverhaal)", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=13.13"),
    ("BWBR0005288", "5:85 en verder", "https://wetten.overheid.nl/jci1.3:c:BWBR0005288&artikel=85"),
    ("BWBR0037885", "hoofdstuk 9", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&hoofdstuk=9"),
    ("BWBR0037885", "titel 4.1", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&titeldeel=4.1"),
    ("BWBR0037885", "bijlage I", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885"),
    ("CVDR123456", "2", "https://lokaleregelgeving.overheid.nl/CVDR123456"),
    ("ECLI:NL:RVS:2019:2912", "", "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RVS:2019:2912"),
    ("geen", "1", ""),
])
def test_deep_link_from_the_identifier(identifier, artikel, expected):
    assert legal.deep_link(identifier, artikel) == expected


def test_stale_means_checked_more_than_twelve_months_ago():
    today = date(2026, 11, 30)
    assert legal.stale_before(today) == date(2025, 11, 30)
    assert not legal.is_stale("2025-11-30", today) and legal.is_stale("2025-11-29", today)
    assert legal.stale_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert legal.is_stale("2020-01-15", today)


def test_a_legal_basis_checked_in_january_2020_is_flagged_with_its_line(project, monkeypatch):
    path = project.write("instrumenten/oud.md", instrument(wettelijke_basis=[FRESH, OLD]))
    line = path.read_text(encoding="utf-8").split("\n").index("  gecontroleerd: '2020-01-15'") + 1
    result = kennisbank(project.root, "check", env=TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"instrumenten/oud.md:{line}: waarschuwing: de wettelijke basis 'Opiumwet' is voor het laatst gecontroleerd "
        "op 2020-01-15, meer dan 12 maanden geleden (vandaag is 2026-11-30); kijk de wettekst na "
        "(https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b) en zet 'gecontroleerd' op de datum van vandaag"]
    assert "1 waarschuwing" in result.stderr
    strict = kennisbank(project.root, "check", "--streng", env=TODAY)
    assert strict.returncode == 1 and strict.stdout == result.stdout
    github = kennisbank(project.root, "check", "--format", "github", env=TODAY)
    assert github.stdout.startswith(f"::warning file=instrumenten/oud.md,line={line}::waarschuwing: ")
    monkeypatch.setenv("KENNISBANK_VANDAAG", "2026-11-30")
    corpus = load_corpus(project.root, with_dates=False)
    assert corpus.problems == [] and "oud" in corpus.instrumenten  # a warning keeps nothing off the site
    monkeypatch.setenv("KENNISBANK_VANDAAG", "2020-06-01")
    assert load_corpus(project.root, with_dates=False).warnings == []


def test_the_build_passes_with_a_warning_and_fails_on_it_only_when_asked(project):
    project.write("instrumenten/oud.md", instrument(wettelijke_basis=[OLD]))
    result = project.build(env=TODAY)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "INFO" in result.stderr and "instrumenten/oud.md:" in result.stderr and "waarschuwing:" in result.stderr
    strict = project.build(env={**TODAY, "KENNISBANK_STRENG": "1"})
    assert strict.returncode == 1 and "waarschuwing:" in strict.stderr


def test_the_maintenance_page_lists_stale_bases_out_of_nav_and_search(project):
    project.write("instrumenten/oud.md", instrument(wettelijke_basis=[FRESH, OLD]))
    project.write("instrumenten/nieuw.md", instrument(naam="Nieuw instrument", wettelijke_basis=[FRESH]))
    site = project.built(env=TODAY)
    found = page(site, "onderhoud")
    rows = found.select(".kb-onderhoud tbody tr")
    assert [row.select_one("code").get_text() for row in rows] == ["BWBR0001941", "BWBR0003403", "BWBR0003403"]
    assert "kb-verouderd" in rows[0]["class"] and rows[0].select("td")[-1].get_text() == "verouderd"
    assert [row.select("td")[-1].get_text() for row in rows[1:]] == ["actueel", "actueel"]
    assert rows[0].select_one("td a")["href"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b"
    assert "1 verouderde grondslag van de 3" in found.get_text()
    assert not [link for link in page(site, "").select("nav a") if "onderhoud" in (link.get("href") or "")]
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [entry for entry in index["docs"] if entry["location"].startswith("onderhoud/")]
    card = page(site, "instrumenten/oud").select_one(".kb-kaart").get_text(" ")
    assert "BWBR0001941, gecontroleerd op 15 januari 2020" in " ".join(card.split())


def test_a_link_that_names_another_law_is_a_problem(project):
    wrong = {**OLD, "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0003403&artikel=13b"}
    path = project.write("instrumenten/fout.md", instrument(wettelijke_basis=[{**wrong, "gecontroleerd": "2026-01-01"}]))
    line = path.read_text(encoding="utf-8").split("\n").index(
        "  url: https://wetten.overheid.nl/jci1.3:c:BWBR0003403&artikel=13b") + 1
    result = kennisbank(project.root, "check", env=TODAY)
    assert result.returncode == 1
    assert result.stdout.startswith(f"instrumenten/fout.md:{line}: veld 'wettelijke_basis[1].url' verwijst naar "
                                    "BWBR0003403, maar 'identificatie' is BWBR0001941")


def test_the_identifier_is_required_and_checked(project):
    text = instrument(wettelijke_basis=[{**OLD, "gecontroleerd": "2026-01-01"}])
    project.write("instrumenten/zonder.md", replaced(text, "  identificatie: BWBR0001941\n", ""))
    project.write("instrumenten/verkeerd.md", replaced(text, "BWBR0001941", "Opiumwet-13b"))
    result = kennisbank(project.root, "check", env=TODAY)
    assert "instrumenten/zonder.md:" in result.stdout and "verplicht veld 'wettelijke_basis[1].identificatie' ontbreekt" in result.stdout
    assert "'Opiumwet-13b' heeft niet de juiste vorm; verwacht wordt een BWBR-nummer" in result.stdout
