"""The instrument ladder: per theme the instruments from drang (stimuleren) to dwang (afdwingen).

The deal asks for "a mix of instruments" where soft steering comes first and a route of
escalation to coercive instruments is the last resort. The ladder shows that route twice:
as a table (the accessible, linked version) and as a staircase drawn in SVG (a picture
with a text alternative; its links are in the table).
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMY
from kennisbank.content.model import Instrument
from kennisbank.site.html import element, esc, svg, wrap
from kennisbank.site.pages.blocks import table
from kennisbank.site.pages.common import entity_link, link, term_uri, text

WIDTH = 760
STEP_HEIGHT = 22
TOP = 46  # room for the drang -> dwang arrow above the highest step
LINE = 15
NAME_WIDTH = 23  # characters per line under a step


def rungs(site: Site) -> list[dict]:
    """The sturing steps from drang to dwang."""
    return sorted(site.reference["sturing"].values(), key=lambda rung: rung["trede"])


def instruments_per_rung(site: Site, thema: str) -> dict[str, list[Instrument]]:
    """The theme's instruments on each step, by name."""
    ladder: dict[str, list[Instrument]] = {rung["id"]: [] for rung in rungs(site)}
    for instrument in site.graph.items_with(TAXONOMY["themas"], thema, "instrument"):
        if instrument.sturing in ladder:  # not when data/sturing.yml is broken (reported as a problem)
            ladder[instrument.sturing].append(instrument)
    return ladder


def ladder_table(site: Site, uri: str, thema: str, labelled_by: str) -> str:
    ladder = instruments_per_rung(site, thema)
    rows = []
    for rung in rungs(site):
        header = link(uri, term_uri("sturing", rung["id"]), f"{rung['trede']}. {rung['naam']}")
        instruments = ladder[rung["id"]]
        cell = ", ".join(entity_link(uri, i) for i in instruments) if instruments else "*geen*"
        rows.append((header, [cell]))
    return table(["Trede, van drang naar dwang", "Instrumenten"], rows, labelled_by, css="kb-ladder")


def _description(site: Site, thema_naam: str, ladder: dict[str, list[Instrument]]) -> str:
    parts = []
    for rung in rungs(site):
        names = [i.naam for i in ladder[rung["id"]]]
        parts.append(f"{rung['trede']}. {rung['naam']}: {', '.join(names) if names else 'geen instrumenten'}.")
    return f"Instrumenten voor {thema_naam}, van drang naar dwang. " + " ".join(parts)


def ladder_figure(site: Site, thema: str, id_prefix: str) -> str:
    """The staircase as an SVG picture (role img, with a title and a description)."""
    thema_naam = site.graph.label(TAXONOMY["themas"], thema)
    ladder = instruments_per_rung(site, thema)
    steps = rungs(site)
    if not steps:
        return ""  # data/sturing.yml is broken: reported as a problem, nothing to draw
    column = WIDTH / len(steps)
    base = TOP + STEP_HEIGHT * len(steps)
    parts = [
        element("title", esc(f"Ladder van drang naar dwang: {thema_naam}"), id=f"{id_prefix}-titel"),
        element("desc", esc(_description(site, thema_naam, ladder)), id=f"{id_prefix}-uitleg"),
        element("text", "drang", x=4, y=18, class_="kb-svg-klein"),
        element("text", "dwang", x=WIDTH - 4, y=18, class_="kb-svg-klein", text_anchor="end"),
        element("line", x1=52, y1=14, x2=WIDTH - 60, y2=14, class_="kb-svg-pijl"),
        element("path", d=f"M{WIDTH - 60},9 L{WIDTH - 50},14 L{WIDTH - 60},19 Z", class_="kb-svg-pijlpunt"),
    ]
    deepest = base
    for index, rung in enumerate(steps):
        x = index * column
        top = base - STEP_HEIGHT * (index + 1)
        parts.append(element("rect", x=f"{x + 2:g}", y=top, width=f"{column - 4:g}", height=base - top,
                             class_=f"kb-svg-trede kb-svg-trede-{index + 1}"))
        parts.append(element("text", esc(f"{rung['trede']}. {rung['naam']}"), x=f"{x + 6:g}", y=top - 6,
                             class_="kb-svg-label"))
        y = base + 18
        instruments = ladder[rung["id"]]
        for instrument in instruments:
            for number, line in enumerate(wrap(instrument.naam, NAME_WIDTH)):
                line = f"• {line}" if number == 0 else line
                indent = 6 if number == 0 else 16
                parts.append(element("text", esc(line), x=f"{x + indent:g}", y=y, class_="kb-svg-tekst"))
                y += LINE
            y += 5
        if not instruments:
            parts.append(element("text", "geen", x=f"{x + 6:g}", y=y, class_="kb-svg-tekst kb-svg-leeg"))
            y += LINE
        deepest = max(deepest, y)
    picture = svg("".join(parts), WIDTH, deepest + 4, role="img", class_="kb-ladder-svg",
                  aria_labelledby=f"{id_prefix}-titel {id_prefix}-uitleg")
    return (f'<figure class="kb-figuur">\n{picture}\n<figcaption>De ladder van {esc(thema_naam)} als trap: '
            f"hoe hoger de trede, hoe dwingender het instrument. De tabel geeft dezelfde instrumenten met "
            f"links.</figcaption>\n</figure>\n\n")


def ladder(site: Site, uri: str, thema: str, heading: str, heading_level: int = 3) -> str:
    """A heading, the table and the picture for one theme."""
    anchor = f"ladder-{thema}"
    return (f"{'#' * heading_level} {text(heading)} {{#{anchor}}}\n\n"
            + ladder_table(site, uri, thema, anchor) + ladder_figure(site, thema, f"{anchor}-svg"))
