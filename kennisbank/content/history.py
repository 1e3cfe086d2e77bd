"""The phase history of a case: when it entered zaaien, groeien and oogsten.

A case records ``historie: [{fase, datum}, …]``. The oogst pages, the feed and the
monitor read it to tell which cases are new at an ijkmoment and which moved phase, so
it must be consistent; ``history_problems`` says in Dutch what is wrong and where.

``historie`` is optional (recommended): requiring it would turn every older case file
and every contributor's copy of the template into a broken build at once. Without it,
the case is taken to have been in its current phase since the start of its ``periode``
(``entries`` derives that single step), which is the most that can honestly be inferred.
"""

from __future__ import annotations

from dataclasses import dataclass

from kennisbank.content.model import Casus, Corpus
from kennisbank.content.problems import Problem
from kennisbank.content.read import Source

PHASES = ("zaaien", "groeien", "oogsten")  # the deal's order; a case never goes back


@dataclass(frozen=True)
class Step:
    """A case entering a phase on a date (YYYY-MM-DD)."""

    fase: str
    datum: str


@dataclass(frozen=True)
class Move:
    """A case going from one phase to the next on a date."""

    case: Casus
    van: str
    naar: str
    datum: str


def entries(case: Casus) -> list[Step]:
    """The recorded history, or one step derived from ``fase`` and ``periode.start``."""
    if case.historie:
        return [Step(item["fase"], item["datum"]) for item in case.historie]
    start = case.periode.get("start", "")
    return [Step(case.fase, f"{start}-01" if start else "")]


def first_date(case: Casus) -> str:
    """When the case entered the knowledge base's story: the date of its first phase."""
    return entries(case)[0].datum


def moves(case: Casus) -> list[Move]:
    """Every change of phase the history records, oldest first."""
    steps = entries(case)
    return [Move(case, before.fase, after.fase, after.datum) for before, after in zip(steps, steps[1:], strict=False)]


def phase_on(case: Casus, day: str) -> str | None:
    """The phase the case was in on ``day`` (None if it had not started yet)."""
    current = None
    for step in entries(case):
        if step.datum and step.datum <= day:
            current = step.fase
    return current


def in_period(day: str, after: str | None, until: str) -> bool:
    """``day`` in the half-open period (after, until]; ``after`` None means from the beginning."""
    return bool(day) and (after is None or day > after) and day <= until


def history_problems(case: Casus, source: Source, corpus: Corpus) -> list[Problem]:
    """Dates ascending, phases forward only, last phase = ``fase``, oogst not before oogsten."""
    problems: list[Problem] = []
    historie = case.historie

    def at(*location) -> int:
        return source.line(location)

    order = " → ".join(PHASES)
    for index in range(1, len(historie)):
        before, item = historie[index - 1], historie[index]
        where = f"historie[{index + 1}]"
        if item["datum"] < before["datum"]:
            problems.append(Problem(source.path, at("historie", index, "datum"),
                f"veld '{where}.datum' ({item['datum']}) ligt vóór de datum van de vorige fase "
                f"'{before['fase']}' ({before['datum']}); zet de fasen in 'historie' op volgorde van datum, "
                "oudste eerst"))
        step_before, step = PHASES.index(before["fase"]), PHASES.index(item["fase"])
        if step == step_before:
            problems.append(Problem(source.path, at("historie", index, "fase"),
                f"veld '{where}.fase': fase '{item['fase']}' staat twee keer achter elkaar in 'historie'; "
                "noteer alleen de datum waarop de casus een fase inging"))
        elif step < step_before:
            problems.append(Problem(source.path, at("historie", index, "fase"),
                f"veld '{where}.fase': een casus gaat niet terug van fase '{before['fase']}' naar "
                f"'{item['fase']}'; de fasen volgen elkaar op ({order}). Is de casus opnieuw begonnen? "
                "Beschrijf dat dan als een nieuwe casus"))

    if historie and historie[-1]["fase"] != case.fase:
        last = historie[-1]
        problems.append(Problem(source.path, at("fase"),
            f"veld 'fase' is '{case.fase}', maar de laatste fase in 'historie' is '{last['fase']}' "
            f"(sinds {last['datum']}); voeg aan 'historie' een regel toe als "
            f"'- {{fase: {case.fase}, datum: \"JJJJ-MM-DD\"}}' of zet 'fase' op '{last['fase']}'"))

    ijkmomenten = corpus.reference.lists.get("ijkmomenten", {})
    oogsten = next((item for item in historie if item["fase"] == "oogsten"), None)
    moment = ijkmomenten.get(case.oogst) if case.oogst else None
    if moment and oogsten and moment["datum"] < oogsten["datum"]:
        later = [key for key, item in ijkmomenten.items() if item["datum"] >= oogsten["datum"]]
        hint = f" Kies een ijkmoment op of na die datum: {', '.join(repr(key) for key in later)}" if later else ""
        problems.append(Problem(source.path, at("oogst"),
            f"veld 'oogst': ijkmoment '{case.oogst}' (datum {moment['datum']}) ligt vóór de datum waarop de "
            f"casus de fase oogsten inging ({oogsten['datum']}, volgens 'historie'); een casus wordt "
            f"geoogst nadat hij in de fase oogsten is.{hint}"))
    return problems
