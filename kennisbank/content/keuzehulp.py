"""The decision aid's questions (``data/keuzehulp.yml``) checked against the instruments, and its routes.

The schema (referentie.schema.json, ``keuzehulp``) says what a question and an answer may hold;
this module adds what a schema cannot: every instrument an answer names exists (and is published),
answer ids are unique within their question, and the number of routes stays small, because every
route is a page (site/pages/kiezen.py).
"""

from __future__ import annotations

import itertools
from math import prod
from pathlib import Path

from kennisbank.content.problems import Problem, suggestion
from kennisbank.content.read import read_yaml

FILE = "data/keuzehulp.yml"
MAX_ROUTES = 200


def problems(root: Path, questions: list[dict], instruments: set[str]) -> list[Problem]:
    """Unknown instruments, answer ids used twice in a question, and too many routes; with lines."""
    path = root / FILE
    if not questions or not path.exists():
        return []
    source, _ = read_yaml(path, FILE)
    found = []
    for number, question in enumerate(questions):
        seen: set[str] = set()
        for index, answer in enumerate(question["antwoorden"]):
            if answer["id"] in seen:
                found.append(Problem(FILE, source.line((number, "antwoorden", index, "id")),
                                     f"antwoord '{answer['id']}' komt twee keer voor bij vraag '{question['id']}'"))
            seen.add(answer["id"])
            for key in ("instrumenten", "zonder"):
                for position, instrument in enumerate(answer.get(key, [])):
                    if instrument not in instruments:
                        found.append(Problem(FILE, source.line((number, "antwoorden", index, key, position)),
                            f"veld '{key}' van antwoord '{answer['id']}' noemt instrument '{instrument}', maar "
                            f"instrumenten/{instrument}.md bestaat niet of staat niet op de site."
                            f"{suggestion(instrument, sorted(instruments))}"))
    routes = prod(len(question["antwoorden"]) for question in questions)
    if routes > MAX_ROUTES:
        found.append(Problem(FILE, 1, f"de vragen geven {routes} routes, en elke route is een pagina; houd het bij "
                                      f"hooguit {MAX_ROUTES} (minder vragen of minder antwoorden)"))
    return found


def routes(questions: list[dict]) -> list[tuple[dict, ...]]:
    """Every route through the questions: one answer per question, in order."""
    return list(itertools.product(*(question["antwoorden"] for question in questions)))


def outcome(questions: list[dict], answers: tuple[dict, ...], ladder: dict[str, int],
            steps_of: dict[str, str]) -> tuple[list[str], list[str], int]:
    """(fitting, escalation, highest step) for a route.

    ``ladder``: step id -> its number (1 stimuleren … 5 afdwingen); ``steps_of``: instrument id -> its step.
    Fitting: every instrument of the answers, less what an answer leaves out, up to the lowest
    ``hoogste_trede`` of the answers; escalation: those above it. Both lightest first, in data order.
    """
    named = list(dict.fromkeys(instrument for answer in answers for instrument in answer.get("instrumenten", [])))
    left_out = {instrument for answer in answers for instrument in answer.get("zonder", [])}
    highest = min([ladder[answer["hoogste_trede"]] for answer in answers if answer.get("hoogste_trede")]
                  or [max(ladder.values(), default=5)])
    usable = [instrument for instrument in named if instrument not in left_out and instrument in steps_of]
    usable.sort(key=lambda instrument: ladder.get(steps_of[instrument], 0))
    return ([i for i in usable if ladder.get(steps_of[i], 0) <= highest],
            [i for i in usable if ladder.get(steps_of[i], 0) > highest], highest)
