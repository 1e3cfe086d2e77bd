"""The overviews of all cases, all instruments and all toolkits, with facet filters.

Every item is in the HTML, so the page works without JavaScript. Each list item carries
its terms in ``data-*`` attributes (one per facet, ids separated by spaces);
docs/assets/filters.js reads the form, hides what does not match, updates the count in a
live region and writes the choice into the URL query (``?thema=vastgoed&stad=dordrecht``),
so a shared link reopens the same selection. The form stays hidden until the script runs:
without it the filters could not work.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMY, term_ids
from kennisbank.content.model import Entity
from kennisbank.site.pages import ladder
from kennisbank.site.pages.blocks import block, span
from kennisbank.site.pages.common import GeneratedPage, entity_link, entity_list, link, text

SELECT_FROM = 7  # a facet with this many terms or more is a <select>, fewer are checkboxes


@dataclass(frozen=True)
class Facet:
    """One filter: its URL/form name, the taxonomy it filters on and its label."""

    name: str
    taxonomy: str
    label: str
    all_label: str  # first option of a <select>


CASE_FACETS = (
    Facet("thema", "themas", "Thema", "Alle thema's"),
    Facet("stad", "steden", "Stad", "Alle steden"),
    Facet("fase", "fasen", "Fase", "Alle fasen"),
    Facet("status", "status", "Status", "Elke status"),
    Facet("onderwerp", "onderwerpen", "Onderwerp", "Alle onderwerpen"),
)
INSTRUMENT_FACETS = (
    Facet("thema", "themas", "Thema", "Alle thema's"),
    Facet("soort", "soort", "Soort", "Alle soorten"),
    Facet("sturing", "sturing", "Sturing (van drang naar dwang)", "Elke trede"),
)


def _sorted(items):
    return sorted(items, key=lambda entity: entity.title.lower())


def _values(entity: Entity, facet: Facet) -> list[str]:
    return term_ids(entity, TAXONOMY[facet.taxonomy])


def _control(site: Site, prefix: str, facet: Facet, items: list[Entity]) -> str:
    """The form control of one facet: the terms that occur, in the deal's order, with their counts."""
    taxonomy = TAXONOMY[facet.taxonomy]
    counts = {term: sum(term in _values(item, facet) for item in items) for term in site.graph.terms(taxonomy)}
    terms = [term for term, count in counts.items() if count]
    control_id = f"{prefix}-{facet.name}"
    all_terms = site.graph.terms(taxonomy)

    def label(term: str) -> str:
        step = f"{all_terms[term]['trede']}. " if "trede" in all_terms[term] else ""  # the ladder's order
        return html.escape(f"{step}{site.graph.label(taxonomy, term)} ({counts[term]})")

    if len(terms) >= SELECT_FROM:
        options = f'<option value="">{html.escape(facet.all_label)}</option>' + "".join(
            f'<option value="{html.escape(term)}">{label(term)}</option>' for term in terms)
        return (f'<div class="kb-facet"><label for="{control_id}">{html.escape(facet.label)}</label>'
                f'<select id="{control_id}" name="{facet.name}">{options}</select></div>')
    boxes = "".join(
        f'<div class="kb-keuze"><input type="checkbox" id="{control_id}-{html.escape(term)}" name="{facet.name}" '
        f'value="{html.escape(term)}"><label for="{control_id}-{html.escape(term)}">{label(term)}</label></div>'
        for term in terms)
    return f'<fieldset class="kb-facet"><legend>{html.escape(facet.label)}</legend>{boxes}</fieldset>'


def filter_form(site: Site, prefix: str, facets: tuple[Facet, ...], items: list[Entity], what: str) -> str:
    """The filter form (raw HTML, hidden until filters.js shows it)."""
    controls = "".join(_control(site, prefix, facet, items) for facet in facets)
    return (f'<form class="kb-filters" id="{prefix}-filters" data-kb-list="{prefix}-lijst" '
            f'data-kb-count="{prefix}-aantal" aria-label="Filter de {html.escape(what)}" hidden>'
            f"{controls}"
            f'<p class="kb-filter-knoppen"><button type="reset" class="md-button">Alle filters wissen</button></p>'
            "</form>\n\n")


def count_line(prefix: str, total: int, singular: str, plural: str) -> str:
    """The count, a live region: the script rewrites it after every change, screen readers read it out."""
    return (f'<p class="kb-aantal" id="{prefix}-aantal" role="status" data-kb-total="{total}" '
            f'data-kb-singular="{html.escape(singular)}" data-kb-plural="{html.escape(plural)}">'
            f"{total} {html.escape(singular if total == 1 else plural)}</p>\n\n")


def _meta(site: Site, entity: Entity, facets: tuple[Facet, ...]) -> str:
    """The item's terms as plain text (its page links each of them)."""
    labels = []
    for facet in facets:
        if facet.name == "onderwerp":
            continue  # too many to show in a list; the filter still uses them
        taxonomy = TAXONOMY[facet.taxonomy]
        values = [site.graph.label(taxonomy, term) for term in _values(entity, facet)]
        if values:
            labels.append(", ".join(values))
    return text(" · ".join(labels))


def filter_list(site: Site, uri: str, prefix: str, facets: tuple[Facet, ...], items: list[Entity]) -> str:
    """Every item, with its facet values in data-* attributes for the filter script."""
    lines = []
    for item in items:
        data = {f"data_{facet.name}": " ".join(_values(item, facet)) for facet in facets}
        content = (span("p", f"**{entity_link(uri, item)}**", class_="kb-item-titel") + "\n"
                   + span("p", text(item.samenvatting)) + "\n"
                   + span("p", _meta(site, item, facets), class_="kb-item-meta"))
        lines.append(block("li", content, **data))
    return block("ul", "\n".join(lines), class_="kb-lijst", id=prefix + "-lijst") + "\n\n"


def cases_page(site: Site) -> GeneratedPage:
    uri = "cases/index.md"
    cases = _sorted(site.corpus.cases.values())
    markdown = "# Casussen\n\n"
    markdown += ("Pilotcasussen uit de steden: hoe gemeenten regie voeren op de transformatie van hun binnenstad. "
                 "Filter op thema, stad, fase, status of onderwerp; de filters staan in de link, zodat u een "
                 f"selectie kunt delen. Ook op de {link(uri, 'kaart/index.md', 'kaart')}.\n\n")
    if not cases:
        return GeneratedPage(uri, markdown + "*Nog geen casussen.*\n")
    markdown += filter_form(site, "cases", CASE_FACETS, cases, "casussen")
    markdown += count_line("cases", len(cases), "casus", "casussen")
    markdown += filter_list(site, uri, "cases", CASE_FACETS, cases)
    return GeneratedPage(uri, markdown)


def _escalation_text(site: Site) -> str:
    """The deal's own paragraphs on drang, dwang and escalation (from the werkplan)."""
    paragraphs = [paragraph.strip() for section in site.reference.deal.get("werkplan", [])
                  for paragraph in section["tekst"].split("\n\n")]
    chosen = [p for p in paragraphs if "'dwang'" in p or "escalatie" in p]
    return "\n>\n".join(f"> {p}" for p in chosen) + "\n\n" if chosen else ""


def instruments_page(site: Site) -> GeneratedPage:
    uri = "instrumenten/index.md"
    instruments = _sorted(site.corpus.instrumenten.values())
    markdown = "# Instrumenten\n\n"
    markdown += ("Instrumenten waarmee gemeenten regie voeren op de binnenstad: juridisch, financieel, "
                 "organisatorisch, ruimtelijk en met informatie. Filter de lijst op thema, soort en sturing, of "
                 "bekijk [per thema de ladder van drang naar dwang](#ladder).\n\n")
    markdown += "## Alle instrumenten {#alle-instrumenten}\n\n"
    if instruments:
        markdown += filter_form(site, "instrumenten", INSTRUMENT_FACETS, instruments, "instrumenten")
        markdown += count_line("instrumenten", len(instruments), "instrument", "instrumenten")
        markdown += filter_list(site, uri, "instrumenten", INSTRUMENT_FACETS, instruments)
    else:
        markdown += "*Nog geen instrumenten.*\n\n"
    markdown += "## Van drang naar dwang per thema {#ladder}\n\n"
    markdown += "Uit de dealtekst:\n\n" + _escalation_text(site)
    markdown += ("Per thema staan de instrumenten hieronder op de "
                 f"{link(uri, 'sturing/index.md', 'vijf treden van de sturingsladder')}: van stimuleren (drang) "
                 "tot afdwingen (dwang).\n\n")
    for thema in site.reference["themas"].values():
        markdown += ladder.ladder(site, uri, thema["id"], thema["naam"])
    return GeneratedPage(uri, markdown)


def toolkits_page(site: Site) -> GeneratedPage:
    uri = "toolkits/index.md"
    markdown = "# Toolkits\n\nGebundelde aanpakken: de oogst per thema.\n\n"
    for thema in site.reference["themas"].values():
        toolkits = site.graph.items_with(TAXONOMY["themas"], thema["id"], "toolkit")
        if toolkits:
            markdown += f"## {text(thema['naam'])}\n\n" + entity_list(uri, toolkits) + "\n"
    if not site.corpus.toolkits:
        markdown += "*Nog geen toolkits.*\n"
    return GeneratedPage(uri, markdown)


def pages(site: Site):
    yield cases_page(site)
    yield instruments_page(site)
    yield toolkits_page(site)


__all__ = ["pages", "CASE_FACETS", "INSTRUMENT_FACETS"]
