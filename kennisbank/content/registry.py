"""How the content model is declared: taxonomies, and what a field means beyond its type.

The JSON Schemas in ``content/schema/`` say what a field may hold; the entity dataclasses in
``content/model.py`` say, field by field with ``ref``/``refs``/``value``, what it *means*: its
label, what it points at, its name in the relation graph, whether readers search it as a tag.
Everything that follows the model is derived from those two declarations:

- reference checks (``content/validate.py``), drafts and template hints;
- taxonomies, term pages and backlinks (``graph.py``);
- the relation graph ``relaties.json`` and the columns of every export (``publish/export.py``);
- the card on an item's page and the field reference pages (``site/``);
- the tags and text of the search index (``integration/search.py``);
- the form of the editor at /beheer/ (``publish/beheer.py``): fields, widgets, allowed values.

So adding a relation field to cases is one line in ``Casus`` plus its entry in
``casus.schema.json``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

ABOUT = "kennisbank"  # the key of a field's metadata that holds its About


@dataclass(frozen=True)
class Taxonomy:
    """A list of terms that items are classified by; with ``folder``, a page per term at ``/<folder>/<term>/``."""

    name: str  # how fields refer to it
    singular: str
    plural: str
    folder: str | None = None  # None: no pages of its own
    data: str | None = None  # data/<data>.yml holds the terms; None: a closed list (the schema's enum and x-labels)
    node: str = ""  # how the relation graph (relaties.json) names a term: "stad" in "stad:utrecht"
    named: bool = True  # the term alone names its page ("Dordrecht"); False: "Casusstatus: Lopend"

    def page_title(self, label: str) -> str:
        """The title of a term's page: its name, or what kind of term it is first where the name alone says little."""
        return label if self.named else f"{self.singular[:1].upper()}{self.singular[1:]}: {label}"


TAXONOMIES = (
    Taxonomy("themas", "thema", "Thema's", "themas", data="themas", node="thema"),
    Taxonomy("resultaten", "beoogd resultaat", "Beoogde resultaten", data="themas", node="resultaat"),  # in themas.yml
    Taxonomy("steden", "stad", "Steden", "steden", data="steden", node="stad"),
    Taxonomy("fasen", "fase", "Fasen", "fasen", data="fasen", node="fase", named=False),
    Taxonomy("status", "casusstatus", "Statussen van casussen", "status", node="status", named=False),
    Taxonomy("onderwerpen", "onderwerp", "Onderwerpen", "onderwerpen", data="onderwerpen", node="onderwerp"),
    Taxonomy("werkvormen", "werkvorm", "Werkvormen", "werkvormen", data="werkvormen", node="werkvorm"),
    Taxonomy("inzichten", "voorwaardenscheppend inzicht", "Voorwaardenscheppende inzichten", "inzichten",
             data="inzichten", node="inzicht"),
    Taxonomy("citydeals", "City Deal", "Andere City Deals", "city-deals", data="citydeals", node="citydeal"),
    Taxonomy("partners", "partner", "Partners", "partners", data="partners", node="partner"),
    Taxonomy("rollen", "rol van de gemeente", "Rollen van de gemeente", "rollen", data="rollen", node="rol",
             named=False),
    Taxonomy("sturing", "sturingstrede", "Treden van drang naar dwang", "sturing", data="sturing", node="sturing",
             named=False),
    Taxonomy("soort", "soort instrument", "Soorten instrumenten", "soorten", node="soort", named=False),
    Taxonomy("instrumentstatus", "instrumentstatus", "Statussen van instrumenten", "instrumentstatus",
             node="instrumentstatus", named=False),
    Taxonomy("ijkmomenten", "ijkmoment", "Oogst per ijkmoment", "oogst", data="ijkmomenten", node="ijkmoment"),
)
TAXONOMY = {taxonomy.name: taxonomy for taxonomy in TAXONOMIES}


@dataclass(frozen=True)
class About:
    """What a field means for readers and for the knowledge graph (the schema says what it may hold)."""

    label: str  # "Stad": the card row, the field reference, the export's description
    points_at: str | None = None  # a taxonomy name, or a kind of item ("instrument", "casus")
    edge: str | None = None  # its name in relaties.json, e.g. "in_stad"
    search: str | None = None  # "tag": a chip on the search result; "text": in the searched text
    card: bool = True  # shown on the item's card
    show: str = ""  # how the card shows a value that is not a relation: "periode", "contact", "datum", …
    within: tuple[tuple[str, str], ...] = ()  # in a group (or list of groups): (sub-field, what it points at)
    export: bool = True  # part of the open data


def ref(points_at: str, label: str, edge: str | None = None, *, search: str | None = None, card: bool = True) -> Any:
    """A field holding one id: of a term (``points_at`` a taxonomy) or of an item (a kind)."""
    return field(default="", metadata={ABOUT: About(label, points_at, edge, search, card)})


def refs(points_at: str, label: str, edge: str | None = None, *, search: str | None = None, card: bool = True) -> Any:
    """A field holding a list of ids."""
    return field(default_factory=list, metadata={ABOUT: About(label, points_at, edge, search, card)})


def value(label: str, default: Any = None, *, show: str = "", card: bool = False, export: bool = True,
          within: dict[str, str] | None = None) -> Any:
    """A field that is no relation (text, a date, a group of fields); ``within``: references inside a group."""
    about = About(label, card=card, show=show, export=export, within=tuple((within or {}).items()))
    if isinstance(default, (list, dict)):
        empty = type(default)
        return field(default_factory=empty, metadata={ABOUT: about})
    return field(default=default, metadata={ABOUT: about})


@dataclass(frozen=True)
class Declared:
    """One declared field of a kind of item."""

    name: str
    about: About


_DECLARED: dict[type, list[Declared]] = {}


def declared_fields(cls: type) -> list[Declared]:
    """The fields of an entity class that carry an About, in reading order.

    That is its title and summary, then its own fields as declared, then the ones every kind
    shares (Entity's): the order of the card on its page and of the open data.
    """
    if cls in _DECLARED:
        return _DECLARED[cls]
    lead = (getattr(cls, "title_field", "titel"), "samenvatting")
    base = cls.__mro__[1]
    base_names = {f.name for f in dataclasses.fields(base)} if dataclasses.is_dataclass(base) else set()
    found = [Declared(item.name, item.metadata[ABOUT]) for item in dataclasses.fields(cls) if ABOUT in item.metadata]
    _DECLARED[cls] = sorted(found, key=lambda item: lead.index(item.name) if item.name in lead
                            else 2 + (item.name in base_names))
    return _DECLARED[cls]


def relations(cls: type) -> list[Declared]:
    """The fields that point at terms or items, in declaration order."""
    return [item for item in declared_fields(cls) if item.about.points_at]


_REFERENCES: dict[type, list[tuple[str, str]]] = {}


def references(cls: type) -> list[tuple[str, str]]:
    """Every (dotted field, what it points at) of a kind, groups included: 'goede_praktijk.sinds'."""
    if cls not in _REFERENCES:
        found = []
        for item in declared_fields(cls):
            if item.about.points_at:
                found.append((item.name, item.about.points_at))
            found += [(f"{item.name}.{sub}", target) for sub, target in item.about.within]
        _REFERENCES[cls] = found
    return _REFERENCES[cls]
