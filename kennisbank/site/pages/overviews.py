"""The overviews of all cases, all instruments and all toolkits, with facet filters.

Every item is in the HTML, so the page works without JavaScript. Each list item carries its
terms in ``data-*`` attributes, one per taxonomy of its kind, named as in a shared link
(``?stad=dordrecht``); docs/assets/filters.js reads the form and the address, hides what does
not match, updates the count in a live region and writes the choice back into the address.
The form shows controls for the facets readers choose from most; a link from a term page can
filter on any taxonomy (``?partner=bzk``). The form stays hidden until the script runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from kennisbank.content.model import ENTITY_TYPES, Entity
from kennisbank.content.registry import TAXONOMY, relations
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.ladder import ladder
from kennisbank.site.render import Page
from kennisbank.site.views import Link, make_page

SELECT_FROM = 7  # a facet with this many terms or more is a <select>, fewer are checkboxes

# The controls of each overview: (taxonomy, label, first option of a select).
CONTROLS = {
    "casus": (("themas", "Thema", "Alle thema's"), ("steden", "Stad", "Alle steden"), ("fasen", "Fase", "Alle fasen"),
              ("status", "Status", "Elke status"), ("onderwerpen", "Onderwerp", "Alle onderwerpen")),
    "instrument": (("themas", "Thema", "Alle thema's"), ("soort", "Soort", "Alle soorten"),
                   ("sturing", "Sturing (van drang naar dwang)", "Elke trede"),
                   ("onderwerpen", "Onderwerp", "Alle onderwerpen")),
}


@dataclass
class Facet:
    """One filter control: its name in the address, its label and its options (term, label, count)."""

    name: str
    label: str
    all_label: str
    options: list[tuple[str, str, int]]

    @property
    def select(self) -> bool:
        return len(self.options) >= SELECT_FROM


def filter_names(kind: str) -> dict[str, str]:
    """Name in the address -> field, for every taxonomy an item of this kind carries."""
    return {TAXONOMY[item.about.points_at].node: item.name for item in relations(ENTITY_TYPES[kind])
            if item.about.points_at in TAXONOMY}


def _facets(site: Site, kind: str, items: list[Entity]) -> list[Facet]:
    facets = []
    for taxonomy_name, label, all_label in CONTROLS[kind]:
        taxonomy = TAXONOMY[taxonomy_name]
        field = filter_names(kind)[taxonomy.node]
        counts = {term: 0 for term in site.graph.terms(taxonomy)}
        for item in items:
            for term in item.values(field):
                counts[term] = counts.get(term, 0) + 1
        terms = site.graph.terms(taxonomy)
        options = []
        for term, count in counts.items():
            if count and term in terms:
                step = f"{terms[term]['trede']}. " if "trede" in terms[term] else ""  # the ladder's order
                options.append((term, step + site.graph.label(taxonomy, term), count))
        facets.append(Facet(taxonomy.node, label, all_label, options))
    return facets


def overview(site: Site, kind: str, uri: str, title: str, intro: str, intro_link: Link | None = None,
             **context) -> Page:
    cls = ENTITY_TYPES[kind]
    items = sorted(site.corpus.of_kind(kind).values(), key=lambda entity: entity.title.lower())
    names = filter_names(kind)

    def data_of(item: Entity) -> dict[str, str]:
        return {name: " ".join(item.values(field)) for name, field in names.items()}

    return make_page(site, "pages/overzicht.html", uri, title, description=intro, items=items, intro=intro,
                     intro_link=intro_link, prefix=cls.folder, facets=_facets(site, kind, items),
                     facet_names=list(names), what=cls.plural, singular=cls.singular, plural=cls.plural,
                     data_of=data_of, **{"list_heading": "", "list_id": "", "ladders": [], **context})


def cases_page(site: Site) -> Page:
    uri = "cases/index.md"
    return overview(site, "casus", uri, "Casussen",
                    "Pilotcasussen uit de steden: hoe gemeenten regie voeren op de transformatie van hun binnenstad. "
                    "Filter op thema, stad, fase, status of onderwerp; de filters staan in de link, zodat u een "
                    "selectie kunt delen. Ook",
                    Link("op de kaart", relative_url(uri, "kaart/index.md")))


def _escalation_text(site: Site) -> list[str]:
    """The deal's own paragraphs on drang, dwang and escalation (from the werkplan)."""
    paragraphs = [" ".join(paragraph.split()) for section in site.reference.deal.get("werkplan", [])
                  for paragraph in section["tekst"].split("\n\n")]
    return [p for p in paragraphs if "'dwang'" in p or "escalatie" in p]


def instruments_page(site: Site) -> Page:
    uri = "instrumenten/index.md"
    return overview(site, "instrument", uri, "Instrumenten",
                    "Instrumenten waarmee gemeenten regie voeren op de binnenstad: juridisch, financieel, "
                    "organisatorisch, ruimtelijk en met informatie. Filter de lijst op thema, soort, sturing en "
                    "onderwerp, of bekijk",
                    Link("per thema de ladder van drang naar dwang", "#ladder"),
                    list_heading="Alle instrumenten", list_id="alle-instrumenten",
                    escalation=_escalation_text(site),
                    ladders=[ladder(site, uri, thema) for thema in site.reference["themas"]])


def toolkits_page(site: Site) -> Page:
    groups = []
    for thema in site.reference["themas"].values():
        toolkits = site.graph.items_with(TAXONOMY["themas"], thema["id"], "toolkit")
        if toolkits:
            groups.append((thema, toolkits))
    return make_page(site, "pages/toolkits.html", "toolkits/index.md", "Toolkits",
                     description="Gebundelde aanpakken: de oogst per thema, elk een stappenplan met instrumenten.",
                     groups=groups)


def pages(site: Site) -> Iterator[Page]:
    yield cases_page(site)
    yield instruments_page(site)
    yield toolkits_page(site)
