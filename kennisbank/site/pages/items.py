"""The page of each case, instrument and toolkit: a card with every fact linked, the body, and backlinks.

Every value on the card links to its term page or item page (the fields and their order
come from the content registry), so a reader can go from any fact to everything else that
shares it. A toolkit page is also a printable, step-by-step guide: the steps in order, every
instrument with its place on the drang → dwang ladder and its legal basis, the cases where the
approach worked, and whom to call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from kennisbank.content.model import Casus, Entity, Instrument, Toolkit
from kennisbank.graph import Site
from kennisbank.publish import linkeddata
from kennisbank.publish.export import base_url_of
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.goede_praktijken import practice_uri
from kennisbank.site.pages.terms import newest
from kennisbank.site.render import Page
from kennisbank.site.views import Link, Views, make_page


def _linked(site: Site, entity: Entity) -> dict:
    return linkeddata.for_entity(site, entity, base_url_of(site.corpus.site_url))


def case_page(site: Site, case: Casus) -> Page:
    practice = site.reference["ijkmomenten"].get(case.goede_praktijk["sinds"]) if case.goede_praktijk else None
    practice_url = relative_url(case.src_uri, practice_uri(site, case), f"praktijk-{case.id}") if practice else ""
    return make_page(site, "pages/casus.html", case.src_uri, case.titel, description=case.samenvatting,
                     source=case.path, search="item", linked_data=_linked(site, case), case=case, practice=practice,
                     practice_url=practice_url,
                     toolkits=site.graph.linking_to(case, "toolkit"), related=site.graph.related_cases(case),
                     compare_url=relative_url(case.src_uri, "vergelijk/index.md") + f"?casus={case.id}")


def instrument_page(site: Site, instrument: Instrument) -> Page:
    return make_page(site, "pages/instrument.html", instrument.src_uri, instrument.naam,
                     description=instrument.samenvatting, source=instrument.path, search="item",
                     linked_data=_linked(site, instrument), instrument=instrument,
                     applied=newest("Toegepast in", "toegepast-in", site.graph.linking_to(instrument, "casus"),
                                    "casussen", relative_url(instrument.src_uri, "cases/index.md")
                                    + f"?instrument={instrument.id}", "die dit instrument gebruiken",
                                    "Nog geen casus gebruikt dit instrument."),
                     toolkits=site.graph.linking_to(instrument, "toolkit"))


def in_order_of_use(toolkit: Toolkit, known: dict) -> list[tuple[int | None, Instrument]]:
    """The toolkit's instruments in the order it uses them: by the first step that names each ("Begin altijd met
    signaleren"), then those no step names, in the order of the toolkit's list. (step number or None, instrument)."""
    order: dict[str, int | None] = {}
    for number, step in enumerate(toolkit.stappen, start=1):
        for instrument_id in step.get("instrumenten", []):
            order.setdefault(instrument_id, number)
    for instrument_id in toolkit.instrumenten:
        order.setdefault(instrument_id, None)
    return [(number, known[instrument_id]) for instrument_id, number in order.items() if instrument_id in known]


def toolkit_page(site: Site, toolkit: Toolkit) -> Page:
    instruments = site.corpus.instrumenten
    cases = [site.corpus.cases[case] for case in toolkit.cases if case in site.corpus.cases]
    contacts = [("Voor deze toolkit", Views.contact(toolkit.contact))] if toolkit.contact else []
    contacts += [(f"Voor {case.title}", Views.contact(case.contact)) for case in cases if case.contact]
    return make_page(site, "pages/toolkit.html", toolkit.src_uri, toolkit.titel, description=toolkit.samenvatting,
                     source=toolkit.path, search="item", linked_data=_linked(site, toolkit), toolkit=toolkit,
                     instruments=in_order_of_use(toolkit, instruments),
                     instruments_of=lambda step: [instruments[i] for i in step.get("instrumenten", [])
                                                  if i in instruments],
                     cases=cases, contacts=contacts)


def _shows(site: Site, inputs: Inputs, entity: Entity) -> tuple:
    """What an item's page shows: the item, and as cards what it names, what names it, and related cases."""
    related = site.graph.related_cases(entity) if isinstance(entity, Casus) else []
    practice = practice_uri(site, entity) if isinstance(entity, Casus) and entity.goede_praktijk else ""
    return (inputs.item(entity), inputs.named(entity), inputs.cards(site.graph.linking_to(entity)),
            inputs.cards(related), practice)


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    makers: dict[str, Callable[[Site, Any], Page]] = {"casus": case_page, "instrument": instrument_page,
                                                      "toolkit": toolkit_page}
    for entity in site.corpus.entities():
        yield Planned(entity.src_uri, partial(makers[entity.kind], site, entity), partial(_shows, site, inputs, entity))


__all__ = ["plan", "case_page", "instrument_page", "toolkit_page", "Link"]
