"""The monitoring dashboard (``/monitor/``): the counts staff report at each ijkmoment.

Each count is drawn at build time as an SVG bar chart (``figures.bar_chart``), with the same
numbers as a table behind "Toon als tabel". The chart is one image for assistive technology
(``role="img"``, named by its ``<title>`` and described by its ``<desc>``, which reads out
every bar); the table is there for anyone who wants to read or copy the numbers. No script,
no chart library. Example cases (``voorbeeld: true``) are counted and said to be examples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from markupsafe import Markup

from kennisbank.content import history
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.export import build_time
from kennisbank.publish.urls import relative_url
from kennisbank.site.figures import bar_chart
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page
from kennisbank.site.views import Link, make_page

INDEX = "monitor/index.md"


@dataclass
class Chart:
    """One count: a heading, a picture, and the same numbers as a table."""

    id: str
    title: str
    columns: list[str]
    rows: list[tuple]  # (row header, [cells])
    picture: Markup | None = None
    intro: str = ""
    numeric: tuple[int, ...] = (1,)
    empty: str = ""
    extra: list = field(default_factory=list)


def bars(chart_id: str, title: str, column: str, counts: list[tuple[str, int]], intro: str = "") -> Chart:
    return Chart(chart_id, title, [column, "Aantal"], [(label, [str(value)]) for label, value in counts],
                 bar_chart(f"{chart_id}-grafiek", title, counts), intro)


def _count(site: Site, taxonomy_name: str, keys: list[str], values) -> list[tuple[str, int]]:
    taxonomy = TAXONOMY[taxonomy_name]
    counts = Counter(values)
    return [(site.graph.label(taxonomy, key), counts.get(key, 0)) for key in keys]


def monitor_page(site: Site) -> Page:
    cases = list(site.corpus.cases.values())
    instruments = list(site.corpus.instrumenten.values())
    reference = site.reference
    charts = [
        bars("per-thema", "Casussen per thema", "Thema",
             _count(site, "themas", list(reference["themas"]), [t for case in cases for t in case.themas])),
        bars("per-fase", "Casussen per fase", "Fase",
             _count(site, "fasen", list(reference["fasen"]), [c.fase for c in cases])),
        phases_per_moment(site),
        bars("per-status", "Casussen per status", "Status",
             _count(site, "status", list(site.graph.terms(TAXONOMY["status"])), [c.status for c in cases])),
    ]
    cities = Counter(case.stad for case in cases)
    steden = reference["steden"]
    shown = [city for city, item in steden.items() if item.get("deelnemer") or cities.get(city)]
    shown.sort(key=lambda city: (-cities.get(city, 0), steden[city]["naam"]))
    charts.append(bars("per-stad", "Casussen per stad", "Stad", _count(site, "steden", shown, cities.elements())))
    charts.append(coverage(site))
    ladder = sorted(reference["sturing"].values(), key=lambda step: step["trede"])
    counts = Counter(instrument.sturing for instrument in instruments)
    charts.append(bars("per-trede", "Instrumenten per trede van de ladder", "Trede (drang → dwang)",
                       [(f"{step['trede']} {step['naam']}", counts.get(step["id"], 0)) for step in ladder]))
    return make_page(site, "pages/monitor.html", INDEX, "Monitor",
                     description="De stand van de kennisbank in cijfers: casussen per thema, fase, status en stad, "
                                 "dekking van de beoogde resultaten en instrumenten per trede.",
                     charts=charts, cases=len(cases), instruments=len(instruments), toolkits=len(site.corpus.toolkits),
                     examples=sum(1 for case in cases if case.voorbeeld))


def phases_per_moment(site: Site) -> Chart:
    """How many cases were in each phase on the date of each past ijkmoment, read from their histories."""
    today = build_time(site).date().isoformat()
    fasen = site.reference["fasen"]
    moments = [moment for moment in sorted(site.reference["ijkmomenten"].values(), key=lambda item: item["datum"])
               if moment["datum"] <= today]
    rows = []
    for moment in moments:
        counts = Counter(history.phase_on(case, moment["datum"]) for case in site.corpus.cases.values())
        counts.pop(None, None)
        rows.append((Link(moment["naam"], relative_url(INDEX, f"oogst/{moment['id']}.md")),
                     [str(counts.get(fase, 0)) for fase in fasen] + [str(sum(counts.values()))]))
    return Chart("fasen-per-ijkmoment", "Fasen per ijkmoment", ["IJkmoment", *(fase["naam"] for fase in fasen.values()),
                                                                "Totaal"], rows,
                 intro="Hoeveel casussen op de datum van elk voorbije ijkmoment in welke fase waren, volgens de "
                       "historie van de casussen.", numeric=tuple(range(1, len(fasen) + 2)),
                 empty="Er is nog geen ijkmoment voorbij.")


def coverage(site: Site) -> Chart:
    """Per beoogd resultaat: how many cases and instruments work on it."""
    counts, rows = [], []
    for resultaat_id, resultaat in site.reference.resultaten.items():
        cases, instruments = site.graph.coverage(resultaat_id)
        counts.append((resultaat["kort"], len(cases) + len(instruments)))
        rows.append((Link(resultaat["kort"], relative_url(INDEX, f"themas/{resultaat['thema']}.md", resultaat_id)),
                     [str(len(cases) + len(instruments)), str(len(cases)), str(len(instruments))]))
    covered = sum(1 for _, value in counts if value)
    return Chart("dekking", "Dekking van de beoogde resultaten", ["Beoogd resultaat", "Samen", "Casussen", "Instrumenten"],
                 rows, bar_chart("dekking-grafiek", "Dekking van de beoogde resultaten", counts),
                 intro=f"{covered} van de {len(counts)} beoogde resultaten uit de dealtekst hebben minstens één casus of "
                       "instrument dat eraan werkt. Het aantal is casussen plus instrumenten; de themapagina's noemen "
                       "ze bij naam.", numeric=(1, 2, 3))


def _shows(site: Site, inputs: Inputs) -> tuple:
    """What the monitor counts: per case its themes, phase, status, city, results and history; per instrument
    its step and results; on the build's day (past ijkmomenten)."""
    cases = tuple((case.themas, case.fase, case.status, case.stad, case.resultaten, case.historie, case.periode,
                   case.voorbeeld) for case in site.corpus.cases.values())
    instruments = tuple((item.sturing, item.resultaten) for item in site.corpus.instrumenten.values())
    return cases, instruments, len(site.corpus.toolkits), inputs.build_day


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(INDEX, partial(monitor_page, site), partial(_shows, site, inputs))
