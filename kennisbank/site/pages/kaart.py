"""The map of cases (``/kaart/``): the Netherlands drawn as SVG at build time, markers per place.

A case sits on its own ``locatie`` if it has one, else on its city's coordinates
(data/steden.yml). The cases at one place share a marker with their number, which leads to
their list under the map; markers that would overlap are spread on a small ring, so none
hides another (``figures.spots``). No tiles, no request to another host. The list under the
map says the same in text: per city the cases last updated, and a link to all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.figures import map_svg
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.terms import SHOWN
from kennisbank.site.render import Page
from kennisbank.site.views import make_page, newest_first

URI = "kaart/index.md"


def kaart_page(site: Site) -> Page:
    cities = []
    for stad in site.reference["steden"].values():
        cases = site.graph.items_with(TAXONOMY["steden"], stad["id"], "casus")
        if cases:
            cities.append({**stad, "cases": newest_first(cases)[:SHOWN], "total": len(cases),
                           "all_url": relative_url(URI, "cases/index.md") + f"?stad={stad['id']}",
                           "page": relative_url(URI, f"steden/{stad['id']}.md")})
    picture = map_svg(site, case_url=lambda case: relative_url(URI, case.src_uri),
                      city_url=lambda stad: relative_url(URI, URI, f"stad-{stad}"))
    return make_page(site, "pages/kaart.html", URI, "Kaart van de casussen",
                     description="De casussen van de City Deal op de kaart van Nederland, in de kleur van hun fase.",
                     picture=picture, phases=list(site.reference["fasen"].values()), cities=cities)


def _shows(site: Site, inputs: Inputs) -> tuple:
    """The markers (where each case is, its title, phase and whether it is an example) and per city the newest."""
    markers = tuple((case.id, case.stad, case.locatie, case.titel, case.fase, case.voorbeeld)
                    for case in site.corpus.cases.values())
    cities = tuple((stad, inputs.cards(newest_first(cases)[:SHOWN]), len(cases)) for stad in site.reference["steden"]
                   for cases in [site.graph.items_with(TAXONOMY["steden"], stad, "casus")])
    return markers, cities


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(URI, partial(kaart_page, site), partial(_shows, site, inputs))
