"""The map of cases (``/kaart/``): the Netherlands drawn as SVG at build time, a marker per case.

A case sits on its own ``locatie`` if it has one, else on its city's coordinates
(data/steden.yml). Cases at the same spot are spread on a small ring, so that each marker
stays a separate link with an accessible name. No tiles, no request to another host. The
list under the map says the same in text: the cases per city.
"""

from __future__ import annotations

import math
from collections import defaultdict

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMY
from kennisbank.content.model import Casus
from kennisbank.site.nederland import SHAPES, Projection
from kennisbank.site.html import element, esc, href, svg
from kennisbank.site.pages.common import GeneratedPage, entity_link, term_link, text

URI = "kaart/index.md"
RING = 11  # px: radius on which markers at the same spot are spread
MARKER = 6.5


def position(site: Site, case: Casus) -> tuple[float, float]:
    """(lon, lat) of a case: its own locatie, or the centre of its city."""
    if case.locatie:
        return case.locatie["lon"], case.locatie["lat"]
    stad = site.reference["steden"][case.stad]
    return stad["lon"], stad["lat"]


def _spread(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Markers at one spot, spread evenly on a ring around it."""
    if len(points) == 1:
        return points
    x, y = points[0]
    return [(round(x + RING * math.sin(2 * math.pi * n / len(points)), 1),
             round(y - RING * math.cos(2 * math.pi * n / len(points)), 1)) for n in range(len(points))]


def map_svg(site: Site, projection: Projection = Projection()) -> str:
    cases = sorted(site.corpus.cases.values(), key=lambda c: (c.stad, c.titel.lower()))
    spots: dict[tuple[float, float], list[Casus]] = defaultdict(list)
    for case in cases:
        spots[projection.xy(*position(site, case))].append(case)
    land = "".join(element("path", d=projection.path(shape), class_="kb-svg-land") for shape in SHAPES)
    cities, markers = [], []
    with_cases = {case.stad for case in cases}
    for stad in site.reference["steden"].values():
        if not (stad.get("deelnemer") or stad["id"] in with_cases):
            continue
        x, y = projection.xy(stad["lon"], stad["lat"])
        anchor = {"text_anchor": "end"} if stad["lon"] < 4.4 else {}
        dx = -14 if anchor else 14
        cities.append(element("circle", cx=f"{x:g}", cy=f"{y:g}", r=2.5, class_="kb-svg-stad"))
        cities.append(element("text", esc(stad["naam"]), x=f"{x + dx:g}", y=f"{y + 4:g}", class_="kb-svg-stadnaam",
                              **anchor))
    for spot, here in spots.items():
        for case, (x, y) in zip(here, _spread([spot] * len(here))):
            fase = site.graph.label(TAXONOMY["fasen"], case.fase).lower()
            name = f"{case.titel} ({site.reference['steden'][case.stad]['naam']}, fase {fase})"
            marker = element("circle", cx=f"{x:g}", cy=f"{y:g}", r=MARKER, class_=f"kb-svg-marker kb-fase-{case.fase}")
            markers.append(element("a", element("title", esc(name)) + marker, href=href(URI, case.src_uri),
                                   aria_label=name, class_="kb-svg-link"))
    title = element("title", esc(f"Kaart van Nederland met {len(cases)} casussen"), id="kaart-titel")
    content = (title + element("g", land, aria_hidden="true") + element("g", "".join(cities), aria_hidden="true")
               + element("g", "".join(markers)))
    return svg(content, projection.width, projection.height, class_="kb-kaart-svg", role="group",
               aria_labelledby="kaart-titel")


def _legend(site: Site) -> str:
    items = "".join(
        f'<li><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">'
        f'<circle cx="8" cy="8" r="{MARKER}" class="kb-svg-marker kb-fase-{fase["id"]}"/></svg> {esc(fase["naam"])}</li>'
        for fase in site.reference["fasen"].values())
    return f'<ul class="kb-legenda" aria-label="Legenda: kleur per fase">{items}</ul>'


def kaart_page(site: Site) -> GeneratedPage:
    markdown = "# Kaart van de casussen\n\n"
    markdown += ("Elke stip is een casus, in de kleur van zijn fase; kies een stip om de casus te openen. Staan er "
                 "meer casussen in één stad, dan liggen de stippen in een kring rond de stad. Onder de kaart staan "
                 "dezelfde casussen als lijst per stad.\n\n")
    markdown += f'<figure class="kb-figuur kb-kaart-figuur">\n{map_svg(site)}\n{_legend(site)}\n</figure>\n\n'
    markdown += "## Casussen per stad {#per-stad}\n\n"
    steden = TAXONOMY["steden"]
    found = False
    for stad in site.reference["steden"].values():
        cases = site.graph.items_with(steden, stad["id"], "casus")
        if not cases:
            continue
        found = True
        markdown += f"### {text(stad['naam'])} {{#stad-{stad['id']}}}\n\n"
        markdown += "".join(f"- {entity_link(URI, case)} — {text(site.graph.label(TAXONOMY['fasen'], case.fase))}\n"
                            for case in cases)
        markdown += f"\nAlles over {term_link(site, URI, steden, stad['id'])}.\n\n"
    if not found:
        markdown += "*Nog geen casussen.*\n"
    return GeneratedPage(URI, markdown)


def pages(site: Site):
    yield kaart_page(site)
