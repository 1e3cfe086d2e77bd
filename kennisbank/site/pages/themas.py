"""The page of each ontwikkelthema (``/themas/<id>/``) and the index of themes.

A theme page answers "what does the deal want here, and how far are we": the deal's text,
then every beoogd resultaat with its coverage (the cases and instruments working on it, or a
visible "Nog geen casus"), the theme's cases per phase, its instruments on the drang → dwang
ladder, its toolkits and the City Deals it touches. Lists show the items last updated and
link to the overview for all of them, so the page does not grow with the knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from kennisbank.content.model import Casus
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish import linkeddata
from kennisbank.publish.export import base_url_of
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.ladder import ladder
from kennisbank.site.pages.kiezen import decision_aid_start
from kennisbank.site.pages.terms import SHOWN, newest
from kennisbank.site.render import Page
from kennisbank.site.views import Link, make_page, newest_first

THEMAS = TAXONOMY["themas"]
PER_RESULTAAT = 5  # cases and instruments shown per beoogd resultaat


def theme_page(site: Site, thema: dict) -> Page:
    thema_id = thema["id"]
    uri = f"themas/{thema_id}.md"
    cases = site.graph.items_with(THEMAS, thema_id, "casus")
    overview = relative_url(uri, "cases/index.md")
    coverage_rows, resultaten = [], []
    for resultaat in thema.get("resultaten", []):
        working, instruments = site.graph.coverage(resultaat["id"])
        coverage_rows.append((Link(resultaat["kort"], f"#{resultaat['id']}"),
                              [str(len(working)) if working else "Nog geen casus",
                               str(len(instruments)) if instruments else "Nog geen instrument"]))
        resultaten.append({**resultaat, "cases": newest_first(working)[:PER_RESULTAAT], "total_cases": len(working),
                           "all_cases": f"{overview}?resultaat={resultaat['id']}",
                           "instruments": instruments[:PER_RESULTAAT * 2]})
    phases = []
    for fase in site.reference["fasen"].values():
        in_phase = [case for case in cases if isinstance(case, Casus) and case.fase == fase["id"]]
        phases.append({**fase, "cases": newest_first(in_phase)[:SHOWN], "total": len(in_phase),
                       "all_url": f"{overview}?thema={thema_id}&fase={fase['id']}"})
    deals = [Link(deal["naam"], relative_url(uri, f"city-deals/{deal['id']}.md"))
             for deal in site.reference["citydeals"].values()
             if thema_id in deal.get("themas", []) or any(deal["id"] in case.values("citydeals") for case in cases)]
    return make_page(site, "pages/thema.html", uri, thema["naam"], description=thema.get("kort", ""), thema=thema,
                     linked_data=linkeddata.theme(site, thema, base_url_of(site.corpus.site_url)),
                     total=len(site.reference["themas"]), coverage_rows=coverage_rows, resultaten=resultaten,
                     phases=phases, ladder=ladder(site, uri, thema_id),
                     toolkits=newest("Toolkits", "toolkits", site.graph.items_with(THEMAS, thema_id, "toolkit"),
                                     "toolkits", relative_url(uri, "toolkits/index.md") + f"?thema={thema_id}",
                                     "bij dit thema", "Nog geen toolkit voor dit thema.", PER_RESULTAAT),
                     deals=deals, start=decision_aid_start(site, thema_id))


def themes_index(site: Site) -> Page:
    themas = []
    for thema in site.reference["themas"].values():
        resultaten = thema.get("resultaten", [])
        themas.append({**thema, "cases": len(site.graph.items_with(THEMAS, thema["id"], "casus")),
                       "instruments": len(site.graph.items_with(THEMAS, thema["id"], "instrument")),
                       "covered": sum(1 for r in resultaten if site.graph.coverage(r["id"])[0]),
                       "resultaten": len(resultaten)})
    return make_page(site, "pages/themas.html", "themas/index.md", "Thema's",
                     description="De vier ontwikkelthema's van de City Deal: wat de deal wil bereiken en hoe ver de "
                                 "casussen en instrumenten daarin zijn.", themas=themas)


def _theme_shows(site: Site, inputs: Inputs, thema_id: str) -> tuple:
    """A theme page shows the items of the theme (its coverage, phases, ladder and toolkits), as cards, and its
    ladder puts the instruments most applied first."""
    items = site.graph.items_with(THEMAS, thema_id)
    return inputs.cards(items), tuple(len(site.graph.linking_to(item, "casus")) for item in items
                                      if item.kind == "instrument")


def _index_shows(site: Site) -> tuple:
    return tuple((thema["id"], len(site.graph.items_with(THEMAS, thema["id"], "casus")),
                  len(site.graph.items_with(THEMAS, thema["id"], "instrument")),
                  [bool(site.graph.coverage(resultaat["id"])[0]) for resultaat in thema.get("resultaten", [])])
                 for thema in site.reference["themas"].values())


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned("themas/index.md", partial(themes_index, site), partial(_index_shows, site))
    for thema in site.reference["themas"].values():
        yield Planned(f"themas/{thema['id']}.md", partial(theme_page, site, thema),
                      partial(_theme_shows, site, inputs, thema["id"]))
