"""Phase history: a consistent history is accepted, every inconsistency is refused with path:line."""

from __future__ import annotations

import pytest

from kennisbank.content import history
from kennisbank.content.corpus import load_corpus

from .helpers import EVALUATION_YAML

CASE = """---
titel: Proefcasus met historie
samenvatting: Een korte samenvatting van deze proefcasus voor de tests.
stad: dordrecht
themas: [vastgoed]
fase: oogsten
status: afgerond
periode:
  start: "2023-09"
historie:
  - {fase: zaaien, datum: "2023-09-01"}
  - {fase: groeien, datum: "2024-02-01"}
  - {fase: oogsten, datum: "2024-10-01"}
contact:
  organisatie: Gemeente Dordrecht
oogst: 2024-q4
bijgewerkt: "2026-01-15"
""" + EVALUATION_YAML + """---

## Opgave

Tekst.

## Aanpak

Tekst.

## Resultaten

Tekst.

## Lessen

Tekst.
"""


def line_of(text: str, needle: str) -> int:
    """1-based number of the line that contains ``needle``."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def problems_for(project, text: str) -> list[str]:
    project.write("cases/proef.md", text)
    return [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]


def test_consistent_history_is_accepted_and_read_in_order(project):
    assert problems_for(project, CASE) == []
    case = load_corpus(project.root, with_dates=False).cases["proef"]
    assert [(step.fase, step.datum) for step in history.entries(case)] == [
        ("zaaien", "2023-09-01"), ("groeien", "2024-02-01"), ("oogsten", "2024-10-01")]
    assert [(move.van, move.naar, move.datum) for move in history.moves(case)] == [
        ("zaaien", "groeien", "2024-02-01"), ("groeien", "oogsten", "2024-10-01")]
    assert history.phase_on(case, "2024-05-05") == "groeien"
    assert history.phase_on(case, "2023-01-01") is None


def test_dates_out_of_order_are_refused_on_the_line_of_the_date(project):
    text = CASE.replace('{fase: groeien, datum: "2024-02-01"}', '{fase: groeien, datum: "2023-05-01"}')
    line = line_of(text, "2023-05-01")
    assert problems_for(project, text) == [
        f"cases/proef.md:{line}: veld 'historie[2].datum' (2023-05-01) ligt vóór de datum van de vorige fase "
        "'zaaien' (2023-09-01); zet de fasen in 'historie' op volgorde van datum, oudste eerst"]


def test_going_back_a_phase_is_refused_and_says_so(project):
    text = CASE.replace("fase: oogsten\nstatus", "fase: groeien\nstatus").replace(
        '  - {fase: oogsten, datum: "2024-10-01"}', '  - {fase: zaaien, datum: "2024-10-01"}\n'
                                                   '  - {fase: groeien, datum: "2024-11-01"}').replace("oogst: 2024-q4\n", "")
    found = problems_for(project, text)
    line = line_of(text, '{fase: zaaien, datum: "2024-10-01"}')
    assert any(problem.startswith(f"cases/proef.md:{line}: veld 'historie[3].fase': een casus gaat niet terug "
                                  "van fase 'groeien' naar 'zaaien'") for problem in found), found


def test_the_current_phase_must_be_the_last_of_the_history(project):
    text = CASE.replace('  - {fase: oogsten, datum: "2024-10-01"}\n', "")
    found = problems_for(project, text)
    line = line_of(text, "fase: oogsten")
    assert (f"cases/proef.md:{line}: veld 'fase' is 'oogsten', maar de laatste fase in 'historie' is 'groeien' "
            "(sinds 2024-02-01); voeg aan 'historie' een regel toe als '- {fase: oogsten, datum: \"JJJJ-MM-DD\"}' "
            "of zet 'fase' op 'groeien'") in found


def test_an_oogst_before_the_oogsten_date_is_refused(project):
    text = CASE.replace("oogst: 2024-q4", "oogst: 2023-q4")
    line = line_of(text, "oogst: 2023-q4")
    found = problems_for(project, text)
    assert len(found) == 1 and found[0].startswith(
        f"cases/proef.md:{line}: veld 'oogst': ijkmoment '2023-q4' (datum 2023-12-31) ligt vóór de datum waarop de "
        "casus de fase oogsten inging (2024-10-01"), found
    assert "'2024-q4'" in found[0]  # names the ijkmomenten that would do


def test_an_oogst_outside_the_oogsten_phase_is_refused(project):
    text = CASE.replace("fase: oogsten\nstatus", "fase: groeien\nstatus").replace(
        '  - {fase: oogsten, datum: "2024-10-01"}\n', "")
    line = line_of(text, "oogst: 2024-q4")
    assert f"cases/proef.md:{line}: veld 'oogst' mag alleen bij fase 'oogsten' (deze casus is in fase 'groeien')" \
        in problems_for(project, text)


def test_an_unknown_phase_in_the_history_names_the_allowed_values(project):
    text = CASE.replace("{fase: groeien,", "{fase: groei,")
    line = line_of(text, "fase: groei,")
    assert (f"cases/proef.md:{line}: veld 'historie[2].fase': 'groei' is geen toegestane waarde. Bedoelde u "
            "'groeien'? Toegestaan: 'zaaien', 'groeien', 'oogsten'") in problems_for(project, text)


def test_without_history_the_current_phase_counts_from_the_start_of_the_period(project):
    text = CASE.replace(CASE[CASE.index("historie:"):CASE.index("contact:")], "")
    assert problems_for(project, text) == []
    case = load_corpus(project.root, with_dates=False).cases["proef"]
    assert [(step.fase, step.datum) for step in history.entries(case)] == [("oogsten", "2023-09-01")]
    assert history.moves(case) == []


@pytest.mark.parametrize("sinds, message", [
    ("2024-q5", "veld 'goede_praktijk.sinds': '2024-q5' bestaat niet in data/ijkmomenten.yml. Bedoelde u '2024-q4'?"),
])
def test_goede_praktijk_must_name_an_existing_ijkmoment(project, sinds, message):
    text = CASE.replace("bijgewerkt:", f"goede_praktijk:\n  reden: Een aanpak die andere steden direct kunnen "
                                       f"overnemen.\n  sinds: {sinds}\nbijgewerkt:")
    line = line_of(text, f"sinds: {sinds}")
    found = problems_for(project, text)
    assert any(problem.startswith(f"cases/proef.md:{line}: {message}") for problem in found), found
