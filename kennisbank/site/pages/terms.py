"""A page per term of every taxonomy (a city, a phase, a topic, …) and an index per taxonomy.

This is the reverse direction of every card value: a case links to its city, the city's page
links back to its cases. A term page does not grow with the knowledge base: it shows the ten
items last updated and links to the overview filtered on the term for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from kennisbank.content.model import ENTITY_TYPES, Entity
from kennisbank.content.registry import TAXONOMIES, Taxonomy
from kennisbank.graph import Site, kinds_with
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page
from kennisbank.site.views import Link, make_page, newest_first

SHOWN = 10  # items per kind on a term page; the overview has them all
DESCRIPTION_FIELDS = ("intro", "tekst", "omschrijving", "doel", "toelichting")

# Taxonomies whose pages another module writes: the oogst pages assemble the harvest (pages/oogst.py),
# themes show coverage and the ladder (pages/themas.py), City Deals their relations (pages/citydeals.py).
OWN_PAGES = {"ijkmomenten", "themas", "citydeals"}
OWN_INDEX = {"sturing"}  # its index is the ladder (pages/sturing.py); its term pages are written here


@dataclass
class Section:
    """The items of one kind on a term page: the newest few, and where to find them all."""

    heading: str
    id: str
    shown: list[Entity]
    total: int
    plural: str
    all_url: str
    phrase: str
    empty: str


def newest(heading: str, id: str, items: Sequence[Entity], plural: str, all_url: str, phrase: str,
           empty: str, shown: int = SHOWN) -> Section:
    """A section of the ``shown`` items first in the order "Nieuwste eerst", with the count and the link to all."""
    return Section(heading, id, newest_first(items)[:shown], len(items), plural, all_url, phrase, empty)


def overview_query(taxonomy: Taxonomy, term: str) -> str:
    """The query that filters an overview on one term: '?stad=dordrecht'."""
    return f"?{taxonomy.node}={term}"


def term_page(site: Site, taxonomy: Taxonomy, term: str, item: dict) -> Page:
    uri = f"{taxonomy.folder}/{term}.md"
    label = site.graph.label(taxonomy, term)
    sections = []
    for kind in kinds_with(taxonomy):
        cls = ENTITY_TYPES[kind]
        items = site.graph.items_with(taxonomy, term, kind)
        sections.append(Section(
            heading=cls.plural.capitalize(), id=cls.folder, shown=newest_first(items)[:SHOWN], total=len(items),
            plural=cls.plural, all_url=relative_url(uri, f"{cls.folder}/index.md") + overview_query(taxonomy, term),
            phrase=f"met {taxonomy.singular} {label}", empty=f"Nog geen {cls.plural}."))
    description = next((str(item[key]) for key in DESCRIPTION_FIELDS if item.get(key)), "")
    deals = [Link(deal["naam"], relative_url(uri, f"city-deals/{deal['id']}.md"))
             for deal in site.reference["citydeals"].values()
             if taxonomy.name == "inzichten" and term in deal.get("inzichten", [])]
    has_cases = any(section.id == "cases" and section.total for section in sections)
    map_link = relative_url(uri, "kaart/index.md", f"stad-{term}") if taxonomy.name == "steden" and has_cases else ""
    return make_page(site, "pages/term.html", uri, taxonomy.page_title(label), description=item.get("kort") or description,
                     taxonomy=taxonomy, item=item, text=description, sections=sections, deals=deals, map_link=map_link)


INTROS = {
    "steden": ("De steden van de City Deal en hun casussen. De casussen per stad staan ook", "kaart/index.md",
               "op de kaart"),
}


def taxonomy_index(site: Site, taxonomy: Taxonomy) -> Page:
    uri = f"{taxonomy.folder}/index.md"
    terms = []
    for term, item in site.graph.terms(taxonomy).items():
        summary = item.get("kort") or item.get("omschrijving")
        terms.append((Link(site.graph.label(taxonomy, term), relative_url(uri, f"{taxonomy.folder}/{term}.md")),
                      len(site.graph.items_with(taxonomy, term)), " ".join(str(summary).split()) if summary else ""))
    intro, target, link_text = INTROS.get(taxonomy.name, ("", "", ""))
    intro_link = None
    if target:
        path, _, anchor = target.partition("#")
        intro_link = Link(link_text, relative_url(uri, path, anchor))
    return make_page(site, "pages/termen.html", uri, taxonomy.plural,
                     description=intro or f"Alle {taxonomy.plural.lower()} van de kennisbank, elk met zijn casussen "
                                          "en instrumenten.",
                     terms=terms, intro=intro, intro_link=intro_link)


def _term_shows(site: Site, inputs: Inputs, taxonomy: Taxonomy, term: str) -> tuple:
    """A term page shows, per kind, the newest items with the term and how many there are."""
    return tuple((kind, inputs.cards(newest_first(items)[:SHOWN]), len(items))
                 for kind in kinds_with(taxonomy) for items in [site.graph.items_with(taxonomy, term, kind)])


def _index_shows(site: Site, taxonomy: Taxonomy) -> tuple:
    return tuple((term, len(site.graph.items_with(taxonomy, term))) for term in site.graph.terms(taxonomy))


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    for taxonomy in TAXONOMIES:
        if taxonomy.name in OWN_PAGES or not taxonomy.folder:
            continue
        if taxonomy.name not in OWN_INDEX:
            yield Planned(f"{taxonomy.folder}/index.md", partial(taxonomy_index, site, taxonomy),
                          partial(_index_shows, site, taxonomy))
        for term, item in site.graph.terms(taxonomy).items():
            yield Planned(f"{taxonomy.folder}/{term}.md", partial(term_page, site, taxonomy, term, item),
                          partial(_term_shows, site, inputs, taxonomy, term))
