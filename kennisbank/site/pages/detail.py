"""The page of each case and instrument: a metadata card, the body, backlinks (toolkits: toolkit.py).

Every value on the card links to its term page or item page, so a reader can go from
any fact to everything else that shares it.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMY, term_ids
from kennisbank.content.model import Casus, Entity, Instrument
from kennisbank.site.pages.common import (GeneratedPage, dutch_date, entity_link, entity_list, resultaat_link, term_link,
                     text)
from kennisbank.site.pages.oogst import history_line
from kennisbank.site.pages.praktijken import notice as good_practice

VOORBEELD_NOTICE = (
    '!!! info "Illustratief voorbeeld"\n'
    "    Deze casus is een illustratief voorbeeld en beschrijft geen echt project. Hij laat zien hoe een casus "
    "in de kennisbank eruitziet.\n\n"
)


def card_row(label: str, values: list[str]) -> str:
    if not values:
        return ""
    return f"{label}\n:   {', '.join(values)}\n\n"


def term_links(site: Site, entity: Entity, taxonomy_name: str) -> list[str]:
    taxonomy = TAXONOMY[taxonomy_name]
    return [term_link(site, entity.src_uri, taxonomy, term) for term in term_ids(entity, taxonomy)]


def contact_line(contact: dict) -> list[str]:
    if not contact:
        return []
    parts = [text(contact[key]) for key in ("naam", "organisatie") if contact.get(key)]
    if contact.get("email"):
        parts.append(f"[{text(contact['email'])}](mailto:{contact['email']})")
    return [", ".join(parts)]


def card(rows: str) -> str:
    return f'<div class="kb-kaart" markdown>\n\n{rows}</div>\n\n'


def body(entity: Entity) -> str:
    return entity.body.strip() + "\n\n" if entity.body.strip() else ""


def case_page(site: Site, case: Casus) -> GeneratedPage:
    uri = case.src_uri
    periode = dutch_date(case.periode["start"])
    periode += f" – {dutch_date(case.periode['eind'])}" if case.periode.get("eind") else " – heden"
    rows = (
        card_row("Stad", term_links(site, case, "steden"))
        + card_row("Thema's", term_links(site, case, "themas"))
        + card_row("Fase", term_links(site, case, "fasen"))
        + card_row("Status", term_links(site, case, "status"))
        + card_row("Periode", [periode])
        + card_row("Rol van de gemeente", term_links(site, case, "rollen"))
        + card_row("Partners", term_links(site, case, "partners"))
        + card_row("Instrumenten", [entity_link(uri, site.corpus.instrumenten[i]) for i in case.instrumenten])
        + card_row("Beoogde resultaten", [resultaat_link(site, uri, r) for r in case.resultaten])
        + card_row("Inzichten", term_links(site, case, "inzichten"))
        + card_row("Onderwerpen", term_links(site, case, "onderwerpen"))
        + card_row("Werkvormen", term_links(site, case, "werkvormen"))
        + card_row("Andere City Deals", term_links(site, case, "citydeals"))
        + card_row("Geoogst bij", term_links(site, case, "ijkmomenten"))
        + card_row("Contact", contact_line(case.contact))
        + card_row("Laatst bijgewerkt", [dutch_date(case.bijgewerkt)] if case.bijgewerkt else [])
    )
    markdown = f"# {text(case.titel)}\n\n"
    markdown += VOORBEELD_NOTICE if case.voorbeeld else ""
    markdown += f'<p class="kb-samenvatting">{text(case.samenvatting)}</p>\n\n'
    markdown += good_practice(site, uri, case) + card(rows) + history_line(case) + body(case)
    toolkits = site.graph.linking_to(case, "toolkit")
    if toolkits:
        markdown += "## Onderdeel van toolkit\n\n" + entity_list(uri, toolkits)
    related = site.graph.related_cases(case)
    if related:
        markdown += "\n## Gerelateerde casussen\n\n" + entity_list(uri, related)
    return GeneratedPage(uri, markdown, source=case.path, contributor=True)


def legal_basis_label(basis: dict) -> str:
    """'Opiumwet, artikel 13b', linked to the text of the law where known."""
    label = text(basis["wet"]) + (f", artikel {text(basis['artikel'])}" if basis.get("artikel") else "")
    return f"[{label}]({basis['url']})" if basis.get("url") else label


def _legal_basis(instrument: Instrument) -> list[str]:
    return [f"{legal_basis_label(basis)} (gecontroleerd op {dutch_date(basis['gecontroleerd'])})"
            for basis in instrument.wettelijke_basis]


def instrument_page(site: Site, instrument: Instrument) -> GeneratedPage:
    uri = instrument.src_uri
    rows = (
        card_row("Soort", term_links(site, instrument, "soort"))
        + card_row("Sturing", term_links(site, instrument, "sturing"))
        + card_row("Status", term_links(site, instrument, "instrumentstatus"))
        + card_row("Thema's", term_links(site, instrument, "themas"))
        + card_row("Rol van de gemeente", term_links(site, instrument, "rollen"))
        + card_row("Wettelijke basis", _legal_basis(instrument))
        + card_row("Beoogde resultaten", [resultaat_link(site, uri, r) for r in instrument.resultaten])
        + card_row("Onderwerpen", term_links(site, instrument, "onderwerpen"))
        + card_row("Andere City Deals", term_links(site, instrument, "citydeals"))
        + card_row("Geoogst bij", term_links(site, instrument, "ijkmomenten"))
        + card_row("Laatst bijgewerkt", [dutch_date(instrument.bijgewerkt)] if instrument.bijgewerkt else [])
    )
    markdown = f"# {text(instrument.naam)}\n\n"
    markdown += f'<p class="kb-samenvatting">{text(instrument.samenvatting)}</p>\n\n'
    markdown += card(rows) + body(instrument)
    markdown += "## Toegepast in\n\n" + entity_list(uri, site.graph.linking_to(instrument, "casus"),
                                                   empty="Nog geen casus gebruikt dit instrument.")
    toolkits = site.graph.linking_to(instrument, "toolkit")
    if toolkits:
        markdown += "\n## In toolkits\n\n" + entity_list(uri, toolkits)
    return GeneratedPage(uri, markdown, source=instrument.path, contributor=True)


def pages(site: Site):
    corpus = site.corpus
    yield from (case_page(site, case) for case in corpus.cases.values())
    yield from (instrument_page(site, instrument) for instrument in corpus.instrumenten.values())


__all__ = ["pages", "case_page", "instrument_page", "card", "card_row", "contact_line", "term_links", "body",
           "legal_basis_label"]
