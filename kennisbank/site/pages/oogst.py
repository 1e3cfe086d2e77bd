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

from dataclasses import dataclass

from kennisbank.graph import Site
from kennisbank.content import history
from kennisbank.graph import TAXONOMY
from kennisbank.content.model import Casus, Instrument, Toolkit
from kennisbank.site.sections import section
from kennisbank.site.pages.common import GeneratedPage, dutch_date, entity_link, link, resultaat_link, term_link, text

INDEX = "oogst/index.md"


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


# -- Markdown --------------------------------------------------------------------


def history_line(case: Casus) -> str:
    """Under the case card: when the case entered each phase (only a recorded history)."""
    if not case.historie:
        return ""
    steps = " → ".join(f"{text(step.fase)} sinds {dutch_date(step.datum)}" for step in history.entries(case))
    return f'<p class="kb-historie">Verloop: {steps}.</p>\n\n'


def _case_block(site: Site, uri: str, case: Casus) -> str:
    """A harvested case: heading, facts, summary, then its own Resultaten and Lessen."""
    markdown = f"#### {entity_link(uri, case)} {{#casus-{case.id}}}\n\n"
    facts = [term_link(site, uri, "steden", case.stad), term_link(site, uri, "status", case.status)]
    markdown += " · ".join(facts) + "\n\n"
    markdown += f"{text(case.samenvatting)}\n\n"
    for title in ("Resultaten", "Lessen"):
        content = section(case.body, title, shift=3)
        markdown += f"##### {title}\n\n" + (content + "\n\n" if content else f"*Geen sectie {title} in deze casus.*\n\n")
    return markdown


def _instrument_item(site: Site, uri: str, instrument: Instrument) -> str:
    status = site.graph.label(TAXONOMY["instrumentstatus"], instrument.status)
    return f"- {entity_link(uri, instrument)} ({text(status.lower())}) — {text(instrument.samenvatting)}\n"


def _theme_sections(site: Site, uri: str, result: Harvest) -> str:
    markdown = ""
    themas = site.reference.lists.get("themas", {})
    for thema_id, thema in themas.items():
        own = [case for case in result.cases if case.themas[0] == thema_id]
        shared = [case for case in result.cases if thema_id in case.themas[1:]]
        toolkits = [toolkit for toolkit in result.toolkits if toolkit.thema == thema_id]
        instruments = [item for item in result.instruments if thema_id in item.themas]
        if not (own or shared or toolkits or instruments):
            continue
        markdown += f"## {text(thema['naam'])} {{#thema-{thema_id} .kb-thema}}\n\n"
        if own or shared:
            markdown += f"### Geoogste casussen {{#casussen-{thema_id}}}\n\n"
            markdown += "".join(_case_block(site, uri, case) for case in own)
            if shared:
                markdown += "Ook bij dit thema: " + ", ".join(
                    f"[{text(case.title)}](#casus-{case.id}) (onder {text(themas[case.themas[0]]['naam'])})"
                    for case in shared) + ".\n\n"
        if toolkits:
            markdown += f"### Toolkits {{#toolkits-{thema_id}}}\n\n" + "".join(
                f"- {entity_link(uri, toolkit)} — {text(toolkit.samenvatting)}\n" for toolkit in toolkits) + "\n"
        if instruments:
            markdown += f"### Nieuwe en verbeterde instrumenten {{#instrumenten-{thema_id}}}\n\n"
            markdown += "".join(_instrument_item(site, uri, item) for item in instruments) + "\n"
    return markdown


def _changes(site: Site, uri: str, result: Harvest) -> str:
    since = (f"sinds {text(result.previous['naam'])} ({dutch_date(result.previous['datum'])})"
             if result.previous else "tot en met dit eerste ijkmoment")
    markdown = f"## Wat veranderde {since} {{#veranderd .kb-thema}}\n\n"
    markdown += "### Nieuwe casussen {#nieuw}\n\n"
    if result.new_cases:
        for case in result.new_cases:
            step = history.entries(case)[0]
            markdown += (f"- {entity_link(uri, case)} — {term_link(site, uri, 'steden', case.stad)}, "
                         f"fase {text(step.fase)} sinds {dutch_date(step.datum)}\n")
    else:
        markdown += "*Geen nieuwe casussen in deze periode.*\n"
    markdown += "\n### Van fase gewisseld {#gewisseld}\n\n"
    if result.moves:
        for move in result.moves:
            markdown += (f"- {entity_link(uri, move.case)}: van {text(move.van)} naar {text(move.naar)} "
                         f"op {dutch_date(move.datum)}\n")
    else:
        markdown += "*Geen casussen van fase gewisseld in deze periode.*\n"
    return markdown + "\n"


def _coverage(site: Site, uri: str, result: Harvest) -> str:
    total = len(site.reference.resultaten)
    covered = len(result.newly_covered) + len(result.covered_before)
    dates = coverage_dates(site)
    markdown = "## Beoogde resultaten met dekking {#resultaten}\n\n"
    markdown += (f"Op dit ijkmoment werken casussen of geoogste instrumenten aan {covered} van de {total} beoogde "
                 "resultaten uit de dealtekst. Een resultaat telt vanaf de eerste datum in de historie van een casus "
                 "die eraan werkt, of vanaf het ijkmoment waarop een instrument dat eraan werkt is geoogst.\n\n")
    for title, anchor, ids, empty in (
            ("Voor het eerst gedekt", "nieuw-gedekt", result.newly_covered, "Geen resultaten voor het eerst gedekt."),
            ("Al eerder gedekt", "eerder-gedekt", result.covered_before, "Nog geen resultaten eerder gedekt."),
            ("Nog zonder dekking", "niet-gedekt", result.not_covered, "Elk beoogd resultaat heeft dekking.")):
        markdown += f"### {title} {{#{anchor}}}\n\n"
        if not ids:
            markdown += f"*{empty}*\n\n"
            continue
        for resultaat in ids:
            thema = site.reference.resultaten[resultaat]["thema"]
            line = f"- {resultaat_link(site, uri, resultaat)} ({text(site.graph.label(TAXONOMY['themas'], thema))})"
            if resultaat in dates and dates[resultaat] <= result.moment["datum"]:
                line += f", sinds {dutch_date(dates[resultaat])}"
            markdown += line + "\n"
        markdown += "\n"
    return markdown


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _summary(result: Harvest) -> str:
    return (f"- {_count(len(result.cases), 'casus', 'casussen')} geoogst\n"
            f"- {_count(len(result.toolkits), 'toolkit', 'toolkits')} en "
            f"{_count(len(result.instruments), 'nieuw of verbeterd instrument', 'nieuwe of verbeterde instrumenten')}\n"
            f"- {_count(len(result.new_cases), 'nieuwe casus', 'nieuwe casussen')} en "
            f"{_count(len(result.moves), 'faseovergang', 'faseovergangen')}\n"
            f"- {_count(len(result.newly_covered), 'beoogd resultaat', 'beoogde resultaten')} voor het eerst gedekt\n\n")


def moment_page(site: Site, moment_id: str) -> GeneratedPage:
    result = harvest(site, moment_id)
    moment, uri = result.moment, page_uri(moment_id)
    markdown = f"# Oogst: {text(moment['naam'])}\n\n"
    markdown += f'<p class="kb-samenvatting">{text(moment.get("omschrijving", ""))}</p>\n\n'
    period = (f"na {dutch_date(result.after)} tot en met {dutch_date(moment['datum'])}" if result.previous
              else f"tot en met {dutch_date(moment['datum'])}")
    markdown += (f"IJkmoment op {dutch_date(moment['datum'])}; de wijzigingen hieronder gaan over de periode {period}. "
                 "Deze pagina stelt zichzelf samen uit de casussen, instrumenten en toolkits in de kennisbank. "
                 f"{link(uri, INDEX, 'Alle ijkmomenten')}.\n\n")
    markdown += "## In het kort {#in-het-kort}\n\n" + _summary(result)
    themes = _theme_sections(site, uri, result)
    markdown += themes or "*Bij dit ijkmoment is (nog) niets geoogst.*\n\n"
    markdown += _changes(site, uri, result) + _coverage(site, uri, result)
    return GeneratedPage(uri, markdown, contributor=True)


def index_page(site: Site) -> GeneratedPage:
    markdown = "# Oogst per ijkmoment\n\n"
    markdown += ("Bij elk ijkmoment worden de resultaten uit de werkgroepen opgehaald en gedeeld. Per ijkmoment ziet u "
                 "wat er is geoogst (casussen met hun resultaten en lessen, toolkits en instrumenten), wat er sinds het "
                 "vorige ijkmoment veranderde en welke beoogde resultaten dekking hebben. Elke pagina is te printen als "
                 f"een net document. Zie ook de {link(INDEX, 'goede-praktijken/index.md', 'goede praktijken')} en de "
                 f"{link(INDEX, 'monitor/index.md', 'monitor')}.\n\n")
    markdown += "| IJkmoment | Datum | Geoogste casussen | Toolkits | Instrumenten | Nieuwe casussen |\n"
    markdown += "|---|---|--:|--:|--:|--:|\n"
    for moment in moments(site):
        result = harvest(site, moment["id"])
        markdown += (f"| {link(INDEX, page_uri(moment['id']), moment['naam'])} | {dutch_date(moment['datum'])} "
                     f"| {len(result.cases)} | {len(result.toolkits)} | {len(result.instruments)} "
                     f"| {len(result.new_cases)} |\n")
    return GeneratedPage(INDEX, markdown + "\n")


def pages(site: Site):
    yield index_page(site)
    for moment in moments(site):
        yield moment_page(site, moment["id"])
