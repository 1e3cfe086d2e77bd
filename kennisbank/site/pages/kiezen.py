"""Welk instrument past? (``/instrumenten/kiezen/``): a decision aid from the questions in data/keuzehulp.yml.

A few questions (the problem, whether the owner cooperates, whether the municipality owns
property, whether a plan fixes the function, how urgent it is) lead through the ladder from
drang to dwang to the instruments that are proportionate, lightest first, each with when to use
it (the first sentence of its own "Wanneer inzetten"), its legal basis and the cases that used it;
what is heavier than the answers justify is listed as the escalation, "als dit niet werkt".

Every step is a page of links, so the whole aid works without JavaScript: the start page asks
the first question, each answer leads to a page with the next question
(``/instrumenten/kiezen/<answer>/<answer>/…/``), and the last one is the outcome; the start page
also lists every route at once. With JavaScript (docs/assets/keuzehulp.js) the start page shows
all questions as one form, which goes straight to the outcome. The pages are fixed by the data
(64 routes for five questions), never by the number of cases. Only the start page is in the
readers' search; the steps and outcomes would crowd it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from kennisbank.content import keuzehulp
from kennisbank.content.model import Instrument
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.sturing import when_to_use
from kennisbank.site.render import Page
from kennisbank.site.views import Link, legal_basis_label, make_page

FOLDER = "instrumenten/kiezen"
URI = f"{FOLDER}/index.md"
CASES_SHOWN = 3  # cases per instrument in an outcome; the instrument's page lists them all


def uri(answers: tuple[dict, ...] | list[dict]) -> str:
    return "/".join([FOLDER, *(answer["id"] for answer in answers), "index.md"])


@dataclass
class Advice:
    """One instrument in an outcome."""

    instrument: Instrument
    step: str  # 'trede 2 van 5: Faciliteren'
    when: str
    laws: list[Link]
    cases: list[Link]
    more_cases: int


def short(answer: dict) -> str:
    """An answer in a few words ('eigenaar werkt mee'), for titles and the list of routes."""
    return answer.get("kort") or answer["antwoord"]


def questions(site: Site) -> list[dict]:
    return list(site.reference["keuzehulp"].values())


def decision_aid_start(site: Site, thema: str) -> str:
    """The docs path of the decision aid started on a theme's problem (the first question's answer that names the
    theme, data/keuzehulp.yml): where a theme's entry on the home page and its theme page lead. '' if none."""
    first: dict = next(iter(questions(site)), {"antwoorden": []})
    answer = next((answer for answer in first["antwoorden"] if answer.get("thema") == thema), None)
    return uri((answer,)) if answer else ""


def _advice(site: Site, page_uri: str, ids: list[str]) -> list[Advice]:
    ladder = site.reference["sturing"]
    found = []
    for instrument_id in ids:
        instrument = site.corpus.instrumenten[instrument_id]
        step = ladder.get(instrument.sturing, {})
        cases = site.graph.linking_to(instrument, "casus")
        found.append(Advice(
            instrument, f"trede {step.get('trede', '?')} van {len(ladder)}: {step.get('naam', instrument.sturing)}",
            when_to_use(instrument),
            [Link(legal_basis_label(basis), basis.get("url")) for basis in instrument.wettelijke_basis],
            [Link(case.title, relative_url(page_uri, case.src_uri),
                  "voorbeeld" if getattr(case, "voorbeeld", False) else "") for case in cases[:CASES_SHOWN]],
            max(0, len(cases) - CASES_SHOWN)))
    return found


def _chosen(all_questions: list[dict], answers: tuple[dict, ...]) -> list[tuple[dict, dict, list]]:
    """(question, answer, the other answers) for every answer given so far. Each other answer links to the same
    route with only that answer changed: changing the first answer keeps the later ones (every combination of
    answers is a route, so they all still fit)."""
    here = uri(answers)
    return [(question, answer, [(other, relative_url(here, uri((*answers[:number], other, *answers[number + 1:]))))
                                for other in question["antwoorden"] if other["id"] != answer["id"]])
            for number, (question, answer) in enumerate(zip(all_questions, answers, strict=False))]


def step_page(site: Site, answers: tuple[dict, ...]) -> Page:
    """The next question after ``answers``, each answer a link; the start page when there are none."""
    all_questions = questions(site)
    question = all_questions[len(answers)]
    here = uri(answers)
    options = [(answer, relative_url(here, uri((*answers, answer)))) for answer in question["antwoorden"]]
    start = not answers
    title = "Welk instrument past?" if start else f"{question['vraag']} ({', '.join(map(short, answers))})"
    routes = [(route, relative_url(here, uri(route))) for route in keuzehulp.routes(all_questions)] if start else []
    return make_page(site, "pages/kiezen.html", here, title, search="lijst" if start else "nee",
                     description="Een keuzehulp: van uw probleem via de ladder van drang naar dwang naar de "
                                 "instrumenten die passen, de lichtste eerst.",
                     start=start, question=question, options=options, chosen=_chosen(all_questions, answers),
                     questions=all_questions, routes=routes, number=len(answers) + 1, total=len(all_questions),
                     restart=relative_url(here, URI), outcome=None, short=short,
                     scripts=("keuzehulp.js",) if start else ())


def outcome_page(site: Site, answers: tuple[dict, ...]) -> Page:
    all_questions = questions(site)
    here = uri(answers)
    ladder = {step_id: step["trede"] for step_id, step in site.reference["sturing"].items()}
    steps_of = {instrument_id: instrument.sturing for instrument_id, instrument in site.corpus.instrumenten.items()}
    fitting, escalation, highest = keuzehulp.outcome(all_questions, answers, ladder, steps_of)
    ceiling = next((step for step in site.reference["sturing"].values() if step["trede"] == highest), {})
    return make_page(site, "pages/kiezen.html", here,
                     f"Passende instrumenten bij: {', '.join(map(short, answers))}",
                     search="nee", description="De uitkomst van de keuzehulp: passende instrumenten, de lichtste eerst.",
                     start=False, chosen=_chosen(all_questions, answers), restart=relative_url(here, URI),
                     outcome={"fitting": _advice(site, here, fitting), "escalation": _advice(site, here, escalation),
                              "ceiling": ceiling, "advice": [a["advies"] for a in answers if a.get("advies")],
                              "ladder": relative_url(here, "sturing/index.md"),
                              "all": relative_url(here, "instrumenten/index.md")})


def _outcomes_show(site: Site, inputs: Inputs) -> tuple:
    """An outcome shows instruments (any of them, by their step on the ladder), with the first cases of each."""
    return inputs.items_of("instrument"), tuple(
        (inputs.cards(cases[:CASES_SHOWN]), len(cases))
        for instrument in site.corpus.instrumenten.values() for cases in [site.graph.linking_to(instrument, "casus")])


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    all_questions = questions(site)
    if not all_questions:
        return
    for depth in range(len(all_questions)):
        for answers in keuzehulp.routes(all_questions[:depth]):
            yield Planned(uri(answers), partial(step_page, site, answers), tuple)  # the questions alone (data/)
    shows = partial(inputs.once, "keuzehulp", partial(_outcomes_show, site, inputs))
    for answers in keuzehulp.routes(all_questions):
        yield Planned(uri(answers), partial(outcome_page, site, answers), shows)
