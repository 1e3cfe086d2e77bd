"""The harvest: ``/oogst/`` and one page per ijkmoment that assembles itself from the content.

At each ijkmoment coalition staff publish what the cities harvested. Nothing on these
pages is written by hand; they are read from the content:

- harvested: cases whose ``oogst`` is this ijkmoment (their Resultaten and Lessen, per
  theme), toolkits and instruments whose ``oogst`` is this ijkmoment;
- what changed in the period (previous ijkmoment, this one]: cases whose history starts
  in it (new) and cases whose history records a change of phase in it (moved);
- the beoogde resultaten: covered for the first time in the period, covered before, or
  not yet. A resultaat counts as covered from the first history date of a case that
  works on it, or from the ijkmoment at which an instrument that works on it was
  harvested. (Existing instruments without ``oogst`` have no date, so they count on the
  theme pages but not here.)

Instruments have an optional ``oogst`` field, like toolkits, rather than a rule such as
"status nieuw and bijgewerkt in the period": ``bijgewerkt`` moves with every later edit,
which would move an instrument from one ijkmoment's harvest to another's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from kennisbank.content import history
from kennisbank.content.model import Casus, Instrument, Toolkit
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.export import build_time
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.terms import SHOWN, newest
from kennisbank.site.render import Page, examples_note
from kennisbank.site.sections import section
from kennisbank.site.views import make_page, newest_first

INDEX = "oogst/index.md"
SHOWN_WITH_TEXT = 5  # harvested cases per theme shown with their Resultaten and Lessen; the overview has them all


def page_uri(moment_id: str) -> str:
    return f"oogst/{moment_id}.md"


def moments(site: Site) -> list[dict]:
    """The ijkmomenten in order of date."""
    return sorted(site.reference.lists.get("ijkmomenten", {}).values(), key=lambda item: item["datum"])


def _by_title(items):
    return sorted(items, key=lambda entity: entity.title.lower())


@dataclass
class Harvest:
    """Everything one ijkmoment's page shows, as lists a test can compare exactly."""

    moment: dict
    previous: dict | None
    cases: list[Casus]
    toolkits: list[Toolkit]
    instruments: list[Instrument]
    new_cases: list[Casus]
    moves: list[history.Move]
    newly_covered: list[str]  # beoogd resultaat ids, in the deal's order
    covered_before: list[str]
    not_covered: list[str]

    @property
    def after(self) -> str | None:
        return self.previous["datum"] if self.previous else None


def coverage_dates(site: Site) -> dict[str, str]:
    """Beoogd resultaat -> the first date on which a case or harvested instrument worked on it."""
    ijkmomenten = site.reference.lists.get("ijkmomenten", {})
    dates: dict[str, str] = {}

    def cover(resultaat: str, day: str) -> None:
        if day and (resultaat not in dates or day < dates[resultaat]):
            dates[resultaat] = day

    for case in site.corpus.cases.values():
        for resultaat in case.resultaten:
            cover(resultaat, history.first_date(case))
    for instrument in site.corpus.instrumenten.values():
        if instrument.oogst in ijkmomenten:
            for resultaat in instrument.resultaten:
                cover(resultaat, ijkmomenten[instrument.oogst]["datum"])
    return dates


def harvest(site: Site, moment_id: str) -> Harvest:
    """What was harvested at an ijkmoment and what changed since the previous one."""
    ordered = moments(site)
    position = [item["id"] for item in ordered].index(moment_id)
    moment, previous = ordered[position], ordered[position - 1] if position else None
    until, after = moment["datum"], previous["datum"] if previous else None
    corpus = site.corpus

    new_cases = [case for case in corpus.cases.values() if history.in_period(history.first_date(case), after, until)]
    moves = [move for case in corpus.cases.values() for move in history.moves(case)
             if history.in_period(move.datum, after, until)]
    moves.sort(key=lambda move: (move.datum, move.case.title.lower()))

    covered = coverage_dates(site)
    resultaten = list(site.reference.resultaten)
    return Harvest(
        moment=moment,
        previous=previous,
        cases=_by_title(case for case in corpus.cases.values() if case.oogst == moment_id),
        toolkits=_by_title(toolkit for toolkit in corpus.toolkits.values() if toolkit.oogst == moment_id),
        instruments=_by_title(item for item in corpus.instrumenten.values() if item.oogst == moment_id),
        new_cases=_by_title(new_cases),
        moves=moves,
        newly_covered=[r for r in resultaten if r in covered and history.in_period(covered[r], after, until)],
        covered_before=[r for r in resultaten if r in covered and after is not None and covered[r] <= after],
        not_covered=[r for r in resultaten if r not in covered or covered[r] > until],
    )


# -- the pages --------------------------------------------------------------------


def _count(number: int, one: str, more: str, none: str) -> str:
    """'1 casus', '3 casussen', 'geen casus': a count as a reader says it."""
    return none if number == 0 else f"{number} {one if number == 1 else more}"


def summary(result: Harvest) -> list[str]:
    """The harvest in four lines."""
    examples = sum(1 for case in result.cases if case.voorbeeld)
    note = f" ({examples_note(len(result.cases), examples)})" if examples else ""
    return [
        _count(len(result.cases), "casus", "casussen", "geen casus") + " geoogst" + note,
        _count(len(result.toolkits), "toolkit", "toolkits", "geen toolkit") + " en "
        + _count(len(result.instruments), "nieuw of verbeterd instrument", "nieuwe of verbeterde instrumenten",
                 "geen nieuw of verbeterd instrument"),
        _count(len(result.new_cases), "nieuwe casus", "nieuwe casussen", "geen nieuwe casus") + " en "
        + _count(len(result.moves), "faseovergang", "faseovergangen", "geen faseovergang"),
        _count(len(result.newly_covered), "beoogd resultaat", "beoogde resultaten", "geen beoogd resultaat")
        + " voor het eerst gedekt",
    ]


def _themes(site: Site, result: Harvest, uri: str) -> list[dict]:
    """Per theme what was harvested; a case stands under its first theme and is named under the others.

    Bounded like a term page: per theme the cases last updated (with their Resultaten and Lessen), and
    the overview filtered on the ijkmoment and the theme for all of them; so for toolkits and instruments.
    """
    found = []
    themas = site.reference["themas"]
    moment_id = result.moment["id"]
    for thema_id, thema in themas.items():
        with_theme = [case for case in result.cases if thema_id in case.themas]
        own = newest_first(case for case in with_theme if case.themas[0] == thema_id)
        shared = newest_first(case for case in with_theme if case.themas[0] != thema_id)
        toolkits = [toolkit for toolkit in result.toolkits if toolkit.thema == thema_id]
        instruments = [item for item in result.instruments if thema_id in item.themas]
        if not (with_theme or toolkits or instruments):
            continue
        query = f"?ijkmoment={moment_id}&thema={thema_id}"
        found.append({
            "thema": thema, "total": len(with_theme), "all_url": relative_url(uri, "cases/index.md") + query,
            "own": [(case, {title: section(case.body, title, shift=3) for title in ("Resultaten", "Lessen")})
                    for case in own[:SHOWN_WITH_TEXT]],
            "shared": [(case, themas[case.themas[0]]["naam"]) for case in shared[:SHOWN]],
            "toolkits": newest("Toolkits", f"toolkits-{thema_id}", toolkits, "toolkits",
                               relative_url(uri, "toolkits/index.md"), "", ""),
            "instruments": newest("Nieuwe en verbeterde instrumenten", f"instrumenten-{thema_id}", instruments,
                                  "instrumenten", relative_url(uri, "instrumenten/index.md") + query,
                                  "met dit thema", "")})
    return found


def _changes(result: Harvest, uri: str) -> dict:
    """What changed in the period: the newest few new cases (by title) and phase changes (in order of date)."""
    new = sorted(result.new_cases, key=history.first_date, reverse=True)[:SHOWN]
    return {"new": sorted(new, key=lambda case: case.title.lower()), "new_total": len(result.new_cases),
            "moves": result.moves[-SHOWN:], "moves_total": len(result.moves),
            "all_url": relative_url(uri, "cases/index.md")}


def moment_page(site: Site, moment_id: str) -> Page:
    result = harvest(site, moment_id)
    moment, uri = result.moment, page_uri(moment_id)
    dates = coverage_dates(site)
    coverage = []
    for title, anchor, ids, empty in (
            ("Voor het eerst gedekt", "nieuw-gedekt", result.newly_covered, "Geen resultaten voor het eerst gedekt."),
            ("Al eerder gedekt", "eerder-gedekt", result.covered_before, "Nog geen resultaten eerder gedekt."),
            ("Nog zonder dekking", "niet-gedekt", result.not_covered, "Elk beoogd resultaat heeft dekking.")):
        rows = []
        for resultaat in ids:
            thema = site.reference.resultaten[resultaat]["thema"]
            since = dates[resultaat] if resultaat in dates and dates[resultaat] <= moment["datum"] else ""
            rows.append((resultaat, site.graph.label(TAXONOMY["themas"], thema), since))
        coverage.append({"title": title, "id": anchor, "rows": rows, "empty": empty})
    return make_page(site, "pages/oogst.html", uri, f"Oogst: {moment['naam']}",
                     description=moment.get("omschrijving", ""), moment=moment, result=result,
                     summary=summary(result), themes=_themes(site, result, uri), changes=_changes(result, uri),
                     coverage=coverage,
                     first_step=lambda case: history.entries(case)[0],
                     total=len(site.reference.resultaten), built=build_time(site).date().isoformat(),
                     covered=len(result.newly_covered) + len(result.covered_before))


def index_page(site: Site) -> Page:
    rows = []
    for moment in moments(site):
        result = harvest(site, moment["id"])
        rows.append((moment, result))
    return make_page(site, "pages/oogstmomenten.html", INDEX, "Oogst per ijkmoment",
                     description="Per ijkmoment wat de City Deal heeft geoogst: casussen met hun resultaten en "
                                 "lessen, toolkits en instrumenten, en wat er sinds het vorige ijkmoment veranderde.",
                     rows=rows)


def _moment_shows(site: Site, inputs: Inputs, moment_id: str) -> tuple:
    """An ijkmoment's page: the harvest (the cases shown with their texts, the rest as cards), the changes, coverage."""
    result = inputs.value(("oogst", moment_id), partial(harvest, site, moment_id))
    return (result.moment, result.previous, inputs.cards(result.cases), inputs.cards(result.toolkits),
            inputs.cards(result.instruments), inputs.cards(result.new_cases),
            [(inputs.card(move.case), move.van, move.naar, move.datum) for move in result.moves],
            [inputs.items(case for case, _ in block["own"]) for block in _themes(site, result, page_uri(moment_id))],
            result.newly_covered, result.covered_before, result.not_covered,
            inputs.once("oogst dekking", partial(coverage_dates, site)), inputs.build_day)  # its print head has the date


def _index_shows(site: Site, inputs: Inputs) -> tuple:
    return tuple(summary(inputs.value(("oogst", moment["id"]), partial(harvest, site, moment["id"])))
                 for moment in moments(site))


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(INDEX, partial(index_page, site), partial(_index_shows, site, inputs))
    for moment in moments(site):
        yield Planned(page_uri(moment["id"]), partial(moment_page, site, moment["id"]),
                      partial(_moment_shows, site, inputs, moment["id"]))
