"""Relations to other City Deals: ``/city-deals/`` and a page per City Deal.

The deal names six City Deals to connect with. For each: its aim, period and link, where it
touches this deal's themes and voorwaardenscheppende inzichten (data/citydeals.yml), and the
cases and instruments that refer to it. The overview draws the relations as a graph, with
the same facts as two tables behind "Toon als tabel".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.figures import relations_svg
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.terms import SHOWN, Section
from kennisbank.site.render import Page
from kennisbank.site.views import Link, Row, make_page, newest_first

CITYDEALS = TAXONOMY["citydeals"]
INDEX = "city-deals/index.md"


def _period(deal: dict) -> str:
    return str(deal.get("periode", "onbekend")) + (" (begin of einde niet zeker)" if deal.get("bron") == "aanname" else "")


def _terms(site: Site, uri: str, taxonomy: str, ids: list[str]) -> list[Link]:
    found = TAXONOMY[taxonomy]
    return [Link(site.graph.label(found, term), relative_url(uri, f"{found.folder}/{term}.md")) for term in ids]


def deal_page(site: Site, deal: dict) -> Page:
    uri = f"city-deals/{deal['id']}.md"
    rows = [Row("Doel", [Link(deal["doel"])]), Row("Looptijd", [Link(_period(deal))])]
    if deal.get("url"):
        rows.append(Row("Website", [Link(deal["url"], deal["url"])]))
    rows.append(Row("Raakt aan thema's", _terms(site, uri, "themas", deal.get("themas", [])) or [Link("—")]))
    rows.append(Row("Raakt aan inzichten", _terms(site, uri, "inzichten", deal.get("inzichten", [])) or [Link("—")]))
    if deal.get("genoemd_in"):
        rows.append(Row("Genoemd in de dealtekst", [Link(deal["genoemd_in"])]))
    sections = []
    for kind, heading, plural, folder in (("casus", "Casussen die ernaar verwijzen", "casussen", "cases"),
                                          ("instrument", "Instrumenten die ernaar verwijzen", "instrumenten",
                                           "instrumenten")):
        items = site.graph.items_with(CITYDEALS, deal["id"], kind)
        sections.append(Section(heading, folder, newest_first(items)[:SHOWN], len(items), plural,
                                relative_url(uri, f"{folder}/index.md") + f"?citydeal={deal['id']}", "",
                                f"Nog geen {'casus' if kind == 'casus' else 'instrument'} verwijst naar deze City Deal."))
    return make_page(site, "pages/citydeal.html", uri, f"City Deal {deal['naam']}", description=deal["doel"],
                     deal=deal, rows=rows, sections=sections)


def _matrix(site: Site, columns: str, counts: bool) -> tuple[list, list]:
    terms = list(site.reference[columns].values())
    headers: list = ["City Deal", *_terms(site, INDEX, columns, [term["id"] for term in terms])]
    if counts:
        headers += ["Casussen", "Instrumenten"]
    rows = []
    for deal in site.reference["citydeals"].values():
        cells: list = [term["id"] in deal.get(columns, []) for term in terms]
        if counts:
            cells += [str(len(site.graph.items_with(CITYDEALS, deal["id"], kind))) for kind in ("casus", "instrument")]
        rows.append((Link(deal["naam"], relative_url(INDEX, f"city-deals/{deal['id']}.md")), cells))
    return headers, rows


def index_page(site: Site) -> Page:
    deals = []
    for deal in site.reference["citydeals"].values():
        deals.append({**deal, "link": Link(deal["naam"], relative_url(INDEX, f"city-deals/{deal['id']}.md")),
                      "period": _period(deal),
                      "touches": _terms(site, INDEX, "themas", deal.get("themas", []))
                      + _terms(site, INDEX, "inzichten", deal.get("inzichten", [])),
                      "cases": len(site.graph.items_with(CITYDEALS, deal["id"], "casus")),
                      "instruments": len(site.graph.items_with(CITYDEALS, deal["id"], "instrument"))})
    theme_columns, theme_rows = _matrix(site, "themas", counts=True)
    insight_columns, insight_rows = _matrix(site, "inzichten", counts=False)
    return make_page(site, "pages/citydeals.html", INDEX, "Andere City Deals",
                     description="De andere City Deals waarmee Dynamische Binnensteden verbinding zoekt: doel, "
                                 "looptijd en waar ze raken aan de thema's en inzichten van deze deal.",
                     deals=deals, picture=relations_svg(site), theme_columns=theme_columns, theme_rows=theme_rows,
                     insight_columns=insight_columns, insight_rows=insight_rows)


def _deal_shows(site: Site, inputs: Inputs, deal_id: str) -> tuple:
    return tuple((inputs.cards(newest_first(items)[:SHOWN]), len(items)) for kind in ("casus", "instrument")
                 for items in [site.graph.items_with(CITYDEALS, deal_id, kind)])


def _index_shows(site: Site) -> tuple:
    return tuple(len(site.graph.items_with(CITYDEALS, deal_id, kind)) for deal_id in site.reference["citydeals"]
                 for kind in ("casus", "instrument"))


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(INDEX, partial(index_page, site), partial(_index_shows, site))
    for deal in site.reference["citydeals"].values():
        yield Planned(f"city-deals/{deal['id']}.md", partial(deal_page, site, deal),
                      partial(_deal_shows, site, inputs, deal["id"]))
