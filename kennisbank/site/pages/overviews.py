"""The overviews of all cases, all instruments and all toolkits, with filters, sorting and pages.

An overview stays light at any size: its page shows the first ``PAGE_SIZE`` items; every item
is on one of the numbered pages ``/<folder>/pagina/<n>/``, which work without JavaScript. With
JavaScript, docs/assets/filters.js reads the whole list from a compact index
(``/<folder>/lijst.json``, written by ``index_json``) and filters, sorts and pages it in the
browser: the facet counts follow the selection, an option that would give nothing is marked,
a value in a shared link that does not exist is reported, and everything the reader chooses is
in the address (``?thema=vastgoed&stad=dordrecht&sorteer=az&pagina=2``), so a shared link opens
the same list. A link from a term page can filter on any taxonomy of the kind (``?partner=bzk``);
the form shows controls for the facets readers choose from most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from kennisbank.content.model import ENTITY_TYPES, Entity
from kennisbank.content.registry import TAXONOMY, relations
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page, PageContext
from kennisbank.site.views import Link, Views, make_page, newest_first, newest_key

PAGE_SIZE = 20
SELECT_FROM = 7  # a facet with this many terms or more is a <select>, fewer are checkboxes

# The controls of each overview: (taxonomy, label, first option of a select).
CONTROLS = {
    "casus": (("themas", "Thema", "Alle thema's"), ("steden", "Stad", "Alle steden"), ("fasen", "Fase", "Alle fasen"),
              ("status", "Status", "Elke status"), ("onderwerpen", "Onderwerp", "Alle onderwerpen")),
    "instrument": (("themas", "Thema", "Alle thema's"), ("soort", "Soort", "Alle soorten"),
                   ("sturing", "Sturing (van drang naar dwang)", "Elke trede"),
                   ("onderwerpen", "Onderwerp", "Alle onderwerpen")),
    "toolkit": (("themas", "Thema", "Alle thema's"),),
}
# The orders a reader can choose: (name in the address, label). The first is the default.
SORTS = {
    "casus": (("nieuwste", "Nieuwste eerst"), ("az", "Titel A–Z"), ("stad", "Stad")),
    "instrument": (("az", "Naam A–Z"), ("trede", "Van drang naar dwang"), ("nieuwste", "Nieuwste eerst")),
    "toolkit": (("nieuwste", "Nieuwste eerst"), ("az", "Titel A–Z")),
}
INTROS = {
    "casus": ("Casussen", "Pilotcasussen uit de steden: hoe gemeenten regie voeren op de transformatie van hun "
              "binnenstad. Filter op thema, stad, fase, status of onderwerp; de filters staan in de link, zodat u een "
              "selectie kunt delen."),
    "instrument": ("Instrumenten", "Instrumenten waarmee gemeenten regie voeren op de binnenstad: juridisch, "
                   "financieel, organisatorisch, ruimtelijk en met informatie. Filter op thema, soort, trede en "
                   "onderwerp; hoe de instrumenten van drang naar dwang op elkaar volgen, staat bij"),
    "toolkit": ("Toolkits", "Gebundelde aanpakken: de oogst van een thema, elk een stappenplan met instrumenten en de "
                "casussen waarin het werkte. Filter op thema; wat elk thema wil bereiken, staat bij"),
}
# The link that ends each overview's introduction: (text, page).
INTRO_LINKS = {"casus": ("op de kaart", "kaart/index.md"), "instrument": ("van drang naar dwang", "sturing/index.md"),
               "toolkit": ("de thema's", "themas/index.md")}


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
    """Name in the address -> field, for every taxonomy an item of this kind carries and every kind of item it
    names (``?instrument=erfpacht``: the cases that use it, linked from the instrument's page)."""
    names = {}
    for item in relations(ENTITY_TYPES[kind]):
        target = item.about.points_at
        if target in TAXONOMY:
            names[TAXONOMY[target].node] = item.name
        elif target in ENTITY_TYPES:
            names[target] = item.name
    return names


def sort_keys(site: Site, item: Entity) -> dict[str, Any]:
    """What each order sorts on, for the page and for the index the script sorts with."""
    step = site.reference["sturing"].get(getattr(item, "sturing", ""), {}).get("trede", 0)
    city = site.graph.label(TAXONOMY["steden"], getattr(item, "stad", "")) if getattr(item, "stad", "") else ""
    return {"az": item.title.lower(), "nieuwste": newest_key(item), "stad": city.lower(),
            "trede": step}


def ordered(site: Site, kind: str, how: str) -> list[Entity]:
    items = sorted(site.corpus.of_kind(kind).values(), key=lambda item: item.title.lower())
    if how == "nieuwste":
        return newest_first(items)
    if how in ("stad", "trede"):
        return sorted(items, key=lambda item: sort_keys(site, item)[how])
    return items


def _facets(site: Site, kind: str, items: list[Entity]) -> list[Facet]:
    facets = []
    for taxonomy_name, label, all_label in CONTROLS[kind]:
        taxonomy = TAXONOMY[taxonomy_name]
        field = filter_names(kind)[taxonomy.node]
        terms = site.graph.terms(taxonomy)
        counts = {term: 0 for term in terms}
        for item in items:
            for term in item.values(field):
                counts[term] = counts.get(term, 0) + 1
        options = []
        for term, count in counts.items():
            if count and term in terms:
                step = f"{terms[term]['trede']}. " if "trede" in terms[term] else ""  # the ladder's order
                options.append((term, step + site.graph.label(taxonomy, term), count))
        facets.append(Facet(taxonomy.node, label, all_label, options))
    return facets


AROUND = 2  # page numbers a pager shows either side of the current page; the first and the last always


def pager_numbers(number: int, pages: int) -> list[int | None]:
    """The page numbers of a pager that does not grow: the first, the last, the current and two either side;
    None where numbers are left out (a single left-out number is shown instead)."""
    shown = sorted({1, pages, *range(max(1, number - AROUND), min(pages, number + AROUND) + 1)})
    found: list[int | None] = []
    previous = 0
    for current in shown:
        if current - previous == 2:
            found.append(current - 1)
        elif current - previous > 2:
            found.append(None)
        found.append(current)
        previous = current
    return found


def pager(uri: str, number: int, pages: int, uri_of: Callable[[int], str]) -> list[tuple[int | None, str]]:
    """(page number or None for a gap, link from ``uri``) for each entry of the pager."""
    return [(n, relative_url(uri, uri_of(n)) if n else "") for n in pager_numbers(number, pages)]


def page_uri(folder: str, number: int) -> str:
    return f"{folder}/index.md" if number == 1 else f"{folder}/pagina/{number}.md"


def list_page(site: Site, kind: str, number: int, pages: int, items: list[Entity], facets: list[Facet]) -> Page:
    cls = ENTITY_TYPES[kind]
    uri = page_uri(cls.folder, number)
    title, intro = INTROS[kind]
    intro_link = Link(INTRO_LINKS[kind][0], relative_url(uri, INTRO_LINKS[kind][1]))
    names = filter_names(kind)
    shown = items[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
    links = pager(uri, number, pages, partial(page_uri, cls.folder))
    return make_page(
        site, "pages/overzicht.html", uri, title if number == 1 else f"{title}, pagina {number} van {pages}",
        description=intro, search="lijst" if number == 1 else "nee", intro=intro + (" Ook" if kind == "casus" else ""),
        intro_link=intro_link, items=shown, total=len(items), number=number, pages=pages, pager=links,
        prefix=cls.folder, facets=facets, facet_names=list(names), what=cls.plural,
        singular=cls.singular, plural=cls.plural, sorts=SORTS[kind], page_size=PAGE_SIZE,
        index_url=relative_url(uri, f"{cls.folder}/lijst.json"), scripts=("filters.js",))


def overview_pages(site: Site, kind: str, inputs: Inputs) -> Iterator[Planned[Page]]:
    items = ordered(site, kind, SORTS[kind][0][0])
    pages = max(1, math.ceil(len(items) / PAGE_SIZE))
    facets = _facets(site, kind, items)  # the same on every page of the overview: they count the whole set
    for number in range(1, pages + 1):
        shown = items[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
        yield Planned(page_uri(ENTITY_TYPES[kind].folder, number),
                      partial(list_page, site, kind, number, pages, items, facets),
                      partial(_list_shows, inputs, shown, facets, len(items)))


def _list_shows(inputs: Inputs, shown: list[Entity], facets: list[Facet], total: int) -> tuple:
    """A page of an overview shows its items, the facets (counted over all items) and the total."""
    return inputs.cards(shown), repr(facets), total


def index_json(site: Site, kind: str) -> str:
    """The compact list the filter script works on: per item its card and everything it filters and sorts on.

    Keys are short because this is what a reader downloads (at 1,000 cases about 100 KB gzipped), and only
    on the overview: i id, t title, s summary, u address relative to the overview, b badges, f facet values,
    k sort keys. Text is data: the script puts it in the page with textContent, never as HTML.
    """
    cls = ENTITY_TYPES[kind]
    page = PageContext(f"{cls.folder}/index.md")
    views = Views(site, page)
    names = filter_names(kind)
    items: list[dict[str, Any]] = [{"i": item.id, "t": item.title, "s": item.samenvatting, "u": page.url(item),
              "b": views.badges(item),
              "f": {name: item.values(field) for name, field in names.items() if item.values(field)},
              "k": sort_keys(site, item)} for item in ordered(site, kind, "az")]
    used = {name: {value for item in items for value in item["f"].get(name, [])} for name in names}
    labels = {name: {term: _label(site, name, term) for term in sorted(used[name])} for name in names if used[name]}
    return json.dumps({"items": items, "labels": labels}, ensure_ascii=False, separators=(",", ":"))


def _label(site: Site, name: str, value: str) -> str:
    """How a filter value reads: a term's label, or the title of the item it names."""
    if name in ENTITY_TYPES:
        found = site.corpus.of_kind(name).get(value)
        return found.title if found else value
    return site.graph.label(next(taxonomy for taxonomy in TAXONOMY.values() if taxonomy.node == name), value)


def index_files(site: Site, inputs: Inputs) -> Iterator[Planned[str]]:
    """The index of each filtered overview (site path, content)."""
    for kind in CONTROLS:
        named = sorted({kind, *(name for name in filter_names(kind) if name in ENTITY_TYPES)})  # their titles as labels
        yield Planned(f"{ENTITY_TYPES[kind].folder}/lijst.json", partial(index_json, site, kind),
                      partial(lambda kinds: [inputs.cards_of(other) for other in kinds], named))


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield from overview_pages(site, "casus", inputs)
    yield from overview_pages(site, "instrument", inputs)
    yield from overview_pages(site, "toolkit", inputs)
