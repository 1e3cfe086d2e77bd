"""The page of each case, instrument and toolkit: a card with every fact linked, the body, and backlinks.

Every value on the card links to its term page or item page (the fields and their order
come from the content registry), so a reader can go from any fact to everything else that
shares it. A toolkit page is also a printable, step-by-step guide: the steps in order, every
instrument with its place on the drang → dwang ladder and its legal basis, the cases where the
approach worked, and whom to call.
"""

from __future__ import annotations

from functools import partial
from collections.abc import Callable, Iterator

from kennisbank.content.model import Casus, Entity, Instrument, Toolkit
from kennisbank.graph import Site
from kennisbank.publish import linkeddata
from kennisbank.publish.export import base_url_of
from kennisbank.publish.urls import relative_url
from kennisbank.site.render import Page
from kennisbank.site.views import Link, Views, make_page


def _linked(site: Site, entity: Entity) -> dict:
    return linkeddata.for_entity(site, entity, base_url_of(site.corpus.site_url))


def case_page(site: Site, case: Casus) -> Page:
    practice = site.reference["ijkmomenten"].get(case.goede_praktijk["sinds"]) if case.goede_praktijk else None
    return make_page(site, "pages/casus.html", case.src_uri, case.titel, description=case.samenvatting,
                     source=case.path, search="item", linked_data=_linked(site, case), case=case, practice=practice,
                     toolkits=site.graph.linking_to(case, "toolkit"), related=site.graph.related_cases(case),
                     compare_url=relative_url(case.src_uri, "vergelijk/index.md") + f"?casus={case.id}")


def instrument_page(site: Site, instrument: Instrument) -> Page:
    return make_page(site, "pages/instrument.html", instrument.src_uri, instrument.naam,
                     description=instrument.samenvatting, source=instrument.path, search="item",
                     linked_data=_linked(site, instrument), instrument=instrument,
                     cases=site.graph.linking_to(instrument, "casus"),
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


def fresh(entity: Entity, make: Callable[[], Page]) -> Page:
    """Make the item's page (a build); mkdocs serve may keep one instead (integration/item_pages.py)."""
    return make()


def pages(site: Site, item_page: Callable[[Entity, Callable[[], Page]], Page] = fresh) -> Iterator[Page]:
    corpus = site.corpus
    yield from (item_page(case, partial(case_page, site, case)) for case in corpus.cases.values())
    yield from (item_page(instrument, partial(instrument_page, site, instrument))
                for instrument in corpus.instrumenten.values())
    yield from (item_page(toolkit, partial(toolkit_page, site, toolkit)) for toolkit in corpus.toolkits.values())


__all__ = ["pages", "case_page", "instrument_page", "toolkit_page", "Link"]
