"""The page of each case and instrument: a metadata card, the body, backlinks (toolkits: toolkit.py).

Every value on the card links to its term page or item page, so a reader can go from
any fact to everything else that shares it.
"""

from __future__ import annotations

from ..index import TAXONOMY, term_ids
from ..model import Casus, Entity, Instrument
from .common import (GeneratedPage, Site, dutch_date, entity_link, entity_list, link, resultaat_link, term_link,
                     text)
from .oogst import history_line
from .praktijken import notice as good_practice

VOORBEELD_NOTICE = (
    '!!! info "Illustratief voorbeeld"\n'
    "    Deze casus is een illustratief voorbeeld en beschrijft geen echt project. Hij laat zien hoe een casus "
    "in de kennisbank eruitziet.\n\n"
)


def _row(label: str, values: list[str]) -> str:
    if not values:
        return ""
    return f"{label}\n:   {', '.join(values)}\n\n"


def _terms(site: Site, entity: Entity, taxonomy_name: str) -> list[str]:
    taxonomy = TAXONOMY[taxonomy_name]
    return [term_link(site, entity.src_uri, taxonomy, term) for term in term_ids(entity, taxonomy)]


def _contact(contact: dict) -> list[str]:
    if not contact:
        return []
    parts = [text(contact[key]) for key in ("naam", "organisatie") if contact.get(key)]
    if contact.get("email"):
        parts.append(f"[{text(contact['email'])}](mailto:{contact['email']})")
    return [", ".join(parts)]


def _card(rows: str) -> str:
    return f'<div class="kb-kaart" markdown>\n\n{rows}</div>\n\n'


def _body(entity: Entity) -> str:
    return entity.body.strip() + "\n\n" if entity.body.strip() else ""


def case_page(site: Site, case: Casus) -> GeneratedPage:
    uri = case.src_uri
    periode = dutch_date(case.periode["start"])
    periode += f" – {dutch_date(case.periode['eind'])}" if case.periode.get("eind") else " – heden"
    rows = (
        _row("Stad", _terms(site, case, "steden"))
        + _row("Thema's", _terms(site, case, "themas"))
        + _row("Fase", _terms(site, case, "fasen"))
        + _row("Status", _terms(site, case, "status"))
        + _row("Periode", [periode])
        + _row("Rol van de gemeente", _terms(site, case, "rollen"))
        + _row("Partners", _terms(site, case, "partners"))
        + _row("Instrumenten", [entity_link(uri, site.corpus.instrumenten[i]) for i in case.instrumenten])
        + _row("Beoogde resultaten", [resultaat_link(site, uri, r) for r in case.resultaten])
        + _row("Inzichten", _terms(site, case, "inzichten"))
        + _row("Onderwerpen", _terms(site, case, "onderwerpen"))
        + _row("Werkvormen", _terms(site, case, "werkvormen"))
        + _row("Andere City Deals", _terms(site, case, "citydeals"))
        + _row("Geoogst bij", _terms(site, case, "ijkmomenten"))
        + _row("Contact", _contact(case.contact))
        + _row("Laatst bijgewerkt", [dutch_date(case.bijgewerkt)] if case.bijgewerkt else [])
    )
    markdown = f"# {text(case.titel)}\n\n"
    markdown += VOORBEELD_NOTICE if case.voorbeeld else ""
    markdown += f'<p class="kb-samenvatting">{text(case.samenvatting)}</p>\n\n'
    markdown += good_practice(site, uri, case) + _card(rows) + history_line(case) + _body(case)
    toolkits = site.graph.toolkits_with_case.get(case.id, [])
    if toolkits:
        markdown += "## Onderdeel van toolkit\n\n" + entity_list(uri, toolkits)
    related = site.graph.related_cases(case)
    if related:
        markdown += "\n## Gerelateerde casussen\n\n" + entity_list(uri, related)
    return GeneratedPage(uri, markdown, source=case.path, contributor=True)


def _legal_basis(instrument: Instrument) -> list[str]:
    lines = []
    for basis in instrument.wettelijke_basis:
        label = text(basis["wet"]) + (f", artikel {text(basis['artikel'])}" if basis.get("artikel") else "")
        if basis.get("url"):
            label = f"[{label}]({basis['url']})"
        lines.append(f"{label} (gecontroleerd op {dutch_date(basis['gecontroleerd'])})")
    return lines


def instrument_page(site: Site, instrument: Instrument) -> GeneratedPage:
    uri = instrument.src_uri
    rows = (
        _row("Soort", _terms(site, instrument, "soort"))
        + _row("Sturing", _terms(site, instrument, "sturing"))
        + _row("Status", _terms(site, instrument, "instrumentstatus"))
        + _row("Thema's", _terms(site, instrument, "themas"))
        + _row("Rol van de gemeente", _terms(site, instrument, "rollen"))
        + _row("Wettelijke basis", _legal_basis(instrument))
        + _row("Beoogde resultaten", [resultaat_link(site, uri, r) for r in instrument.resultaten])
        + _row("Onderwerpen", _terms(site, instrument, "onderwerpen"))
        + _row("Andere City Deals", _terms(site, instrument, "citydeals"))
        + _row("Geoogst bij", _terms(site, instrument, "ijkmomenten"))
        + _row("Laatst bijgewerkt", [dutch_date(instrument.bijgewerkt)] if instrument.bijgewerkt else [])
    )
    markdown = f"# {text(instrument.naam)}\n\n"
    markdown += f'<p class="kb-samenvatting">{text(instrument.samenvatting)}</p>\n\n'
    markdown += _card(rows) + _body(instrument)
    markdown += "## Toegepast in\n\n" + entity_list(uri, site.graph.cases_using.get(instrument.id, []),
                                                   empty="Nog geen casus gebruikt dit instrument.")
    toolkits = site.graph.toolkits_with_instrument.get(instrument.id, [])
    if toolkits:
        markdown += "\n## In toolkits\n\n" + entity_list(uri, toolkits)
    return GeneratedPage(uri, markdown, source=instrument.path, contributor=True)


def pages(site: Site):
    corpus = site.corpus
    yield from (case_page(site, case) for case in corpus.cases.values())
    yield from (instrument_page(site, instrument) for instrument in corpus.instrumenten.values())


__all__ = ["pages", "case_page", "instrument_page", "link"]  # toolkit pages: pages/toolkit.py
