"""The pictures of the site, drawn at build time as inline SVG: the ladder, the relations graph, the map, charts.

Each picture is one image for assistive technology (``role="img"``, named by its ``<title>``,
described by its ``<desc>``, each referenced once); the page always gives the same facts as
text or a table next to it, with the links. Text in a picture is escaped by the builder in
``site/html.py`` and wrapped between words only.
"""

from __future__ import annotations

import math
from collections import defaultdict

from markupsafe import Markup

from kennisbank.content.model import Casus, Instrument
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.site.html import element, svg, wrap
from kennisbank.site.nederland import SHAPES, Projection


def _picture(id_prefix: str, title: str, description: str, *parts: Markup, width: float, height: float,
             css: str) -> Markup:
    """An SVG image named by its title and described by its description."""
    return svg(element("title", title, id=f"{id_prefix}-titel"), element("desc", description, id=f"{id_prefix}-uitleg"),
               *parts, width=width, height=height, role="img", class_=css,
               aria_labelledby=f"{id_prefix}-titel", aria_describedby=f"{id_prefix}-uitleg")


# -- the ladder from drang to dwang -------------------------------------------------

LADDER_WIDTH, STEP_HEIGHT, LADDER_TOP, LINE = 760, 22, 46, 15
NAME_WIDTH = 22  # characters per line under a step


def rungs(site: Site) -> list[dict]:
    """The sturing steps from drang to dwang."""
    return sorted(site.reference["sturing"].values(), key=lambda rung: rung["trede"])


def instruments_per_rung(site: Site, thema: str) -> dict[str, list[Instrument]]:
    """The theme's instruments on each step, by name."""
    ladder: dict[str, list[Instrument]] = {rung["id"]: [] for rung in rungs(site)}
    for instrument in site.graph.items_with(TAXONOMY["themas"], thema, "instrument"):
        if isinstance(instrument, Instrument) and instrument.sturing in ladder:
            ladder[instrument.sturing].append(instrument)  # not when data/sturing.yml is broken (a problem)
    return ladder


def ladder_svg(site: Site, thema: str, id_prefix: str) -> Markup:
    """The staircase: how higher the step, how more coercive the instrument."""
    thema_naam = site.graph.label(TAXONOMY["themas"], thema)
    ladder = instruments_per_rung(site, thema)
    steps = rungs(site)
    if not steps:
        return Markup("")  # data/sturing.yml is broken: reported as a problem, nothing to draw
    column = LADDER_WIDTH / len(steps)
    base = LADDER_TOP + STEP_HEIGHT * len(steps)
    parts = [
        element("text", "drang", x=4, y=18, class_="kb-svg-klein"),
        element("text", "dwang", x=LADDER_WIDTH - 4, y=18, class_="kb-svg-klein", text_anchor="end"),
        element("line", x1=52, y1=14, x2=LADDER_WIDTH - 60, y2=14, class_="kb-svg-pijl"),
        element("path", d=f"M{LADDER_WIDTH - 60},9 L{LADDER_WIDTH - 50},14 L{LADDER_WIDTH - 60},19 Z",
                class_="kb-svg-pijlpunt"),
    ]
    deepest = float(base)
    description = []
    for index, rung in enumerate(steps):
        x = index * column
        top = base - STEP_HEIGHT * (index + 1)
        parts.append(element("rect", x=f"{x + 2:g}", y=top, width=f"{column - 4:g}", height=base - top,
                             class_=f"kb-svg-trede kb-svg-trede-{index + 1}"))
        parts.append(element("text", f"{rung['trede']}. {rung['naam']}", x=f"{x + 6:g}", y=top - 6,
                             class_="kb-svg-label"))
        y = base + 18
        instruments = ladder[rung["id"]]
        for instrument in instruments:
            for number, line in enumerate(wrap(instrument.naam, NAME_WIDTH)):
                parts.append(element("text", f"• {line}" if number == 0 else line, x=f"{x + (6 if number == 0 else 16):g}",
                                     y=y, class_="kb-svg-tekst"))
                y += LINE
            y += 5
        if not instruments:
            parts.append(element("text", "geen", x=f"{x + 6:g}", y=y, class_="kb-svg-tekst kb-svg-leeg"))
            y += LINE
        deepest = max(deepest, y)
        names = ", ".join(instrument.naam for instrument in instruments) or "geen instrumenten"
        description.append(f"{rung['trede']}. {rung['naam']}: {names}.")
    return _picture(id_prefix, f"Ladder van drang naar dwang: {thema_naam}",
                    f"Instrumenten voor {thema_naam}, van drang naar dwang. " + " ".join(description),
                    *parts, width=LADDER_WIDTH, height=deepest + 4, css="kb-ladder-svg")


# -- the relations of the other City Deals ------------------------------------------

GRAPH_WIDTH, BOX_WIDTH, BOX_HEIGHT, GAP = 760, 250, 36, 10
RIGHT_X = GRAPH_WIDTH - BOX_WIDTH - 2


def _box(x: float, y: float, label: str, css: str) -> list[Markup]:
    lines = wrap(label, 34)[:2]
    first = y + BOX_HEIGHT / 2 + 4 - 7 * (len(lines) - 1)
    return [element("rect", x=f"{x:g}", y=f"{y:g}", width=BOX_WIDTH, height=BOX_HEIGHT, rx=4, class_=css),
            *(element("text", line, x=f"{x + 10:g}", y=f"{first + 14 * n:g}", class_="kb-svg-tekst")
              for n, line in enumerate(lines))]


def relations_svg(site: Site) -> Markup:
    """City Deals on the left, this deal's themes and inzichten on the right, a line for each touch."""
    deals = list(site.reference["citydeals"].values())
    right_y: dict[tuple[str, str], float] = {}
    y = 30.0
    parts = [element("text", "Thema's", x=RIGHT_X, y=20, class_="kb-svg-label")]
    for thema in site.reference["themas"].values():
        right_y["themas", thema["id"]] = y
        y += BOX_HEIGHT + GAP
    y += 26
    parts.append(element("text", "Voorwaardenscheppende inzichten", x=RIGHT_X, y=f"{y - 10:g}", class_="kb-svg-label"))
    for inzicht in site.reference["inzichten"].values():
        right_y["inzichten", inzicht["id"]] = y
        y += BOX_HEIGHT + GAP
    height = y + 30
    step = (height - 60 - BOX_HEIGHT) / max(len(deals) - 1, 1)
    parts.append(element("text", "Andere City Deals", x=2, y=20, class_="kb-svg-label"))
    lines: list[Markup] = []
    boxes: list[Markup] = []
    description = []
    for index, deal in enumerate(deals):
        left_y = 30 + index * step
        boxes += _box(2, left_y, deal["naam"], "kb-svg-knoop kb-svg-knoop-deal")
        touched = []
        for kind, css in (("themas", "kb-svg-lijn"), ("inzichten", "kb-svg-lijn kb-svg-lijn-inzicht")):
            for term in deal.get(kind, []):
                if (kind, term) not in right_y:
                    continue
                y1, y2 = left_y + BOX_HEIGHT / 2, right_y[kind, term] + BOX_HEIGHT / 2
                x1, x2 = 2 + BOX_WIDTH, RIGHT_X
                middle = (x1 + x2) / 2
                lines.append(element("path", d=f"M{x1:g},{y1:g} C{middle:g},{y1:g} {middle:g},{y2:g} {x2:g},{y2:g}",
                                     class_=css))
                touched.append(site.graph.label(TAXONOMY[kind], term))
        description.append(f"{deal['naam']} raakt aan {', '.join(touched) or 'niets'}.")
    for (kind, term), top in right_y.items():
        boxes += _box(RIGHT_X, top, site.graph.label(TAXONOMY[kind], term), f"kb-svg-knoop kb-svg-knoop-{kind}")
    legend = element("text", "Doorgetrokken lijn: raakt aan een thema. Gestreepte lijn: raakt aan een inzicht.",
                     x=2, y=f"{height - 8:g}", class_="kb-svg-klein")
    return _picture("relaties", "Relaties van de andere City Deals met de thema's en inzichten", " ".join(description),
                    *parts, *lines, *boxes, legend, width=GRAPH_WIDTH, height=height, css="kb-relaties-svg")


# -- the map of cases ---------------------------------------------------------------

MARKER, CLUSTER, RING = 6.5, 9.5, 14  # px: radius of a marker, of a marker for several cases, of the ring


def position(site: Site, case: Casus) -> tuple[float, float]:
    """(lon, lat) of a case: its own locatie, or the centre of its city."""
    if case.locatie:
        return case.locatie["lon"], case.locatie["lat"]
    stad = site.reference["steden"][case.stad]
    return stad["lon"], stad["lat"]


def spots(site: Site, projection: Projection) -> list[tuple[float, float, list[Casus]]]:
    """The markers: (x, y, cases) with the cases at one point together, and no marker on top of another.

    Markers closer than two radii are spread on a small ring around their middle, so each stays
    a separate link.
    """
    here: dict[tuple[float, float], list[Casus]] = defaultdict(list)
    for case in sorted(site.corpus.cases.values(), key=lambda c: (c.stad, c.titel.lower())):
        here[projection.xy(*position(site, case))].append(case)
    points = list(here.items())
    groups: list[list[int]] = []
    for index, ((x, y), _) in enumerate(points):
        for group in groups:
            gx, gy = points[group[0]][0]
            if math.hypot(x - gx, y - gy) < 2 * CLUSTER:
                group.append(index)
                break
        else:
            groups.append([index])
    placed = []
    for group in groups:
        cx, cy = points[group[0]][0]
        for n, index in enumerate(group):
            (x, y), cases = points[index]
            if len(group) > 1:
                angle = 2 * math.pi * n / len(group)
                x, y = round(cx + RING * math.sin(angle), 1), round(cy - RING * math.cos(angle), 1)
            placed.append((x, y, cases))
    return placed


def map_svg(site: Site, case_url, city_url, projection: Projection = Projection()) -> Markup:
    """The Netherlands with a marker per place: one case links to it, several to their list under the map.

    ``case_url(case)`` and ``city_url(stad_id)`` give the links (relative to the page).
    """
    land = element("g", *(element("path", d=projection.path(shape), class_="kb-svg-land") for shape in SHAPES),
                   aria_hidden="true")
    cities = []
    with_cases = {case.stad for case in site.corpus.cases.values()}
    for stad in site.reference["steden"].values():
        if not (stad.get("deelnemer") or stad["id"] in with_cases):
            continue
        x, y = projection.xy(stad["lon"], stad["lat"])
        anchor = {"text_anchor": "end"} if stad["lon"] < 4.4 else {}
        cities.append(element("circle", cx=f"{x:g}", cy=f"{y:g}", r=2.5, class_="kb-svg-stad"))
        cities.append(element("text", stad["naam"], x=f"{x + (-14 if anchor else 14):g}", y=f"{y + 4:g}",
                              class_="kb-svg-stadnaam", **anchor))
    markers = []
    for x, y, cases in spots(site, projection):
        first = cases[0]
        city = site.reference["steden"][first.stad]["naam"]
        if len(cases) == 1:
            fase = site.graph.label(TAXONOMY["fasen"], first.fase).lower()
            name = f"{first.titel} ({city}, fase {fase}{', voorbeeld' if first.voorbeeld else ''})"
            shape = element("circle", cx=f"{x:g}", cy=f"{y:g}", r=MARKER, class_=f"kb-svg-marker kb-fase-{first.fase}")
            href = case_url(first)
        else:
            name = f"{len(cases)} casussen in {city}"
            shape = element("g", element("circle", cx=f"{x:g}", cy=f"{y:g}", r=CLUSTER, class_="kb-svg-marker kb-svg-groep"),
                            element("text", str(len(cases)), x=f"{x:g}", y=f"{y + 4:g}", text_anchor="middle",
                                    class_="kb-svg-aantal", aria_hidden="true"))
            href = city_url(first.stad)
        markers.append(element("a", element("title", name), shape, href=href, aria_label=name, class_="kb-svg-link"))
    total = len(site.corpus.cases)
    return svg(element("title", f"Kaart van Nederland met {total} casussen", id="kaart-titel"),
               land, element("g", *cities, aria_hidden="true"), element("g", *markers),
               width=projection.width, height=projection.height, class_="kb-kaart-svg", role="group",
               aria_labelledby="kaart-titel")


# -- bar charts ---------------------------------------------------------------------

CHART_WIDTH, ROW, BAR, LABEL = 440, 40, 14, 16  # px: canvas width, row height, bar height, label line


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> Markup:
    """A horizontal bar chart: per row the label on one line, the bar with its number under it."""
    largest = max((value for _, value in rows), default=0) or 1
    room = CHART_WIDTH - 48  # leave space for the number after the longest bar
    parts = []
    for index, (label, value) in enumerate(rows):
        top = index * ROW + 4
        width = round(room * value / largest) if value else 0
        parts.append(element("text", label, class_="kb-grafiek-label", x=0, y=top + LABEL - 4))
        parts.append(element("rect", class_="kb-grafiek-staaf", x=0, y=top + LABEL, width=max(width, 1), height=BAR))
        parts.append(element("text", str(value), class_="kb-grafiek-getal", x=width + 6, y=top + LABEL + BAR - 2))
    description = "Staafdiagram. " + "; ".join(f"{label}: {value}" for label, value in rows) + "."
    return _picture(chart_id, title, description, *parts, width=CHART_WIDTH, height=ROW * len(rows) + 8,
                    css="kb-grafiek")
