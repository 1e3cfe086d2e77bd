"""The monitoring dashboard (``/monitor/``): the counts staff report at each ijkmoment.

Each count is drawn at build time as an SVG bar chart and given as a table next to it.
The chart is one image for assistive technology (``role="img"``, named by its
``<title>`` and described by its ``<desc>``, which reads out every bar); the table holds
the same numbers for anyone who wants to read or copy them. No script, no chart library.
"""

from __future__ import annotations

import html
from collections import Counter

from kennisbank.graph import Site
from kennisbank.content import history
from kennisbank.publish.export import build_time
from kennisbank.graph import TAXONOMY
from kennisbank.site.pages.common import GeneratedPage, link, resultaat_link, text

INDEX = "monitor/index.md"
WIDTH, ROW, BAR, LABEL = 440, 40, 14, 16  # px: canvas width, row height, bar height, label line


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> str:
    """A horizontal bar chart: per row the label on one line, the bar with its number under it."""
    largest = max((value for _, value in rows), default=0) or 1
    room = WIDTH - 48  # leave space for the number after the longest bar
    height = ROW * len(rows) + 8
    description = "Staafdiagram. " + "; ".join(f"{label}: {value}" for label, value in rows) + "."
    parts = [f'<svg class="kb-grafiek" role="img" aria-labelledby="{chart_id}-titel" '
             f'aria-describedby="{chart_id}-beschrijving" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{chart_id}-titel">{html.escape(title)}</title>',
             f'<desc id="{chart_id}-beschrijving">{html.escape(description)}</desc>']
    for index, (label, value) in enumerate(rows):
        top = index * ROW + 4
        width = round(room * value / largest) if value else 0
        parts.append(f'<text class="kb-grafiek-label" x="0" y="{top + LABEL - 4}">{html.escape(label)}</text>')
        parts.append(f'<rect class="kb-grafiek-staaf" x="0" y="{top + LABEL}" width="{max(width, 1)}" height="{BAR}"/>')
        parts.append(f'<text class="kb-grafiek-getal" x="{width + 6}" y="{top + LABEL + BAR - 2}">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def chart_with_table(chart_id: str, title: str, column: str, rows: list[tuple[str, int]],
                     table_labels: list[str] | None = None, extra_columns: tuple[str, ...] = (),
                     extra: list[tuple] = (), intro: str = "", stacked: bool = False) -> str:
    """A section: heading, then the chart and a table with the same numbers beside (or under) it.

    ``table_labels`` (Markdown, e.g. links) replace the plain labels in the table.
    """
    labels = table_labels or [text(label) for label, _ in rows]
    layout = "kb-grafiek-met-tabel kb-grafiek-met-tabel--onder" if stacked else "kb-grafiek-met-tabel"
    markdown = f"## {text(title)} {{#{chart_id}}}\n\n{intro}"
    markdown += f'<div class="{layout}" markdown>\n\n'
    markdown += f'<figure class="kb-figuur">{bar_chart(chart_id + "-grafiek", title, rows)}</figure>\n\n'
    markdown += f"| {column} | Aantal |" + "".join(f" {name} |" for name in extra_columns)
    markdown += "\n|---|--:|" + "--:|" * len(extra_columns) + "\n"
    for index, (label, (_, value)) in enumerate(zip(labels, rows)):
        cells = "".join(f" {cell} |" for cell in (extra[index] if extra else ()))
        markdown += f"| {label} | {value} |{cells}\n"
    return markdown + "\n</div>\n\n"


def _count(site: Site, taxonomy_name: str, keys: list[str], values) -> list[tuple[str, int]]:
    taxonomy = TAXONOMY[taxonomy_name]
    counts = Counter(values)
    return [(site.graph.label(taxonomy, key), counts.get(key, 0)) for key in keys]


def monitor_page(site: Site) -> GeneratedPage:
    cases = list(site.corpus.cases.values())
    instruments = list(site.corpus.instrumenten.values())
    reference = site.reference
    markdown = "# Monitor\n\n"
    markdown += (f"De stand van de kennisbank in cijfers: {len(cases)} casussen, {len(instruments)} instrumenten en "
                 f"{len(site.corpus.toolkits)} toolkits. De coalitie rapporteert deze cijfers bij elk ijkmoment; wat er "
                 f"per ijkmoment is geoogst staat op de {link(INDEX, 'oogst/index.md', 'oogstpagina’s')}. Een casus met "
                 "meer thema's telt bij elk van die thema's mee. Elke grafiek staat ook als tabel naast de grafiek.\n\n")

    themas = list(reference.lists.get("themas", {}))
    markdown += chart_with_table("per-thema", "Casussen per thema", "Thema",
                                 _count(site, "themas", themas, [t for case in cases for t in case.themas]))
    markdown += chart_with_table("per-fase", "Casussen per fase", "Fase",
                                 _count(site, "fasen", list(reference.lists.get("fasen", {})), [c.fase for c in cases]))
    markdown += phases_per_moment(site)
    statuses = list(site.graph.terms(TAXONOMY["status"]))
    markdown += chart_with_table("per-status", "Casussen per status", "Status",
                                 _count(site, "status", statuses, [c.status for c in cases]))
    cities = Counter(case.stad for case in cases)
    steden = reference.lists.get("steden", {})
    shown = [city for city, item in steden.items() if item.get("deelnemer") or cities.get(city)]
    shown.sort(key=lambda city: (-cities.get(city, 0), steden[city]["naam"]))
    markdown += chart_with_table("per-stad", "Casussen per stad", "Stad", _count(site, "steden", shown, cities.elements()))

    markdown += coverage(site)

    ladder = sorted(reference.lists.get("sturing", {}).values(), key=lambda step: step["trede"])
    counts = Counter(instrument.sturing for instrument in instruments)
    markdown += chart_with_table("per-trede", "Instrumenten per trede van de ladder", "Trede (drang → dwang)",
                                 [(f"{step['trede']} {step['naam']}", counts.get(step["id"], 0)) for step in ladder])
    return GeneratedPage(INDEX, markdown)


def phases_per_moment(site: Site) -> str:
    """How many cases were in each phase on the date of each past ijkmoment, read from their histories."""
    today = build_time().date().isoformat()
    fasen = site.reference.lists.get("fasen", {})
    moments = [moment for moment in sorted(site.reference.lists.get("ijkmomenten", {}).values(),
                                           key=lambda item: item["datum"]) if moment["datum"] <= today]
    markdown = "## Fasen per ijkmoment {#fasen-per-ijkmoment}\n\n"
    markdown += ("Hoeveel casussen op de datum van elk voorbije ijkmoment in welke fase waren, volgens de historie van "
                 "de casussen.\n\n")
    if not moments:
        return markdown + "*Er is nog geen ijkmoment voorbij.*\n\n"
    markdown += "| IJkmoment | " + " | ".join(text(fase["naam"]) for fase in fasen.values()) + " | Totaal |\n"
    markdown += "|---|" + "--:|" * (len(fasen) + 1) + "\n"
    for moment in moments:
        counts = Counter(history.phase_on(case, moment["datum"]) for case in site.corpus.cases.values())
        counts.pop(None, None)
        label = link(INDEX, f"oogst/{moment['id']}.md", moment["naam"])
        markdown += (f"| {label} | "
                     + " | ".join(str(counts.get(fase, 0)) for fase in fasen) + f" | {sum(counts.values())} |\n")
    return markdown + "\n"


def coverage(site: Site) -> str:
    """Per beoogd resultaat: how many cases and instruments work on it."""
    rows, labels, extra = [], [], []
    for resultaat_id, resultaat in site.reference.resultaten.items():
        cases, instruments = site.graph.coverage(resultaat_id)
        rows.append((resultaat["kort"], len(cases) + len(instruments)))
        labels.append(f"{resultaat_link(site, INDEX, resultaat_id)} ({text(resultaat_id)})")
        extra.append((len(cases), len(instruments)))
    covered = sum(1 for _, value in rows if value)
    intro = (f"{covered} van de {len(rows)} beoogde resultaten uit de dealtekst hebben minstens één casus of instrument "
             "dat eraan werkt. Het aantal is casussen plus instrumenten; de "
             f"{link(INDEX, 'themas/index.md', 'themapagina’s')} noemen ze bij naam.\n\n")
    return chart_with_table("dekking", "Dekking van de beoogde resultaten", "Beoogd resultaat", rows,
                            table_labels=labels, extra_columns=("Casussen", "Instrumenten"), extra=extra,
                            intro=intro, stacked=True)


def pages(site: Site):
    yield monitor_page(site)
