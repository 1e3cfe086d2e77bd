"""What a generated page is made from, so that ``mkdocs serve`` makes again only the pages an edit touches.

Every kind of generated page plans its pages (``Planned``): the address, how to make the page,
and its inputs, a value that is equal whenever the page would come out equal. A build makes
every page; ``mkdocs serve`` keeps a page whose inputs did not change since its previous build
(``integration/kept_pages.py``), so after an edit only the pages that show what changed are
made and rendered again. A new kind of page gets that by declaring its inputs; nothing else.

Inputs are named in a few terms, digested once per build (``Inputs``):

- ``card(item)``: every field of an item but its text (and its file's last change): what a list, a
  card or a count shows of it;
- ``item(item)``: every field, the text and the media: what the item's own page shows;
- ``reference``: data/ (labels, questions, ijkmomenten) and the site's address, which every page
  may show; it is part of every page's inputs.

Take them broadly: a page that shows an item's title names its card, which changes with any field
but the text. Too broad costs a page made again; too narrow leaves a preview stale, which
tests/test_performance_structure.py would see (a preview after each kind of edit is compared with
a fresh build, page by page).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from kennisbank.content import clock
from kennisbank.content.filecache import digest
from kennisbank.content.model import ENTITY_TYPES, Entity
from kennisbank.content.registry import references
from kennisbank.content.validate import _values_at
from kennisbank.graph import Site

T = TypeVar("T")
# What only an item's own page shows of it (and the data files made from it): not part of its card.
OWN_PAGE_ONLY = ("body", "media", "bijlagen", "gewijzigd")


@dataclass(frozen=True)
class Planned(Generic[T]):
    """A generated page (or data file) before it is made."""

    src_uri: str
    make: Callable[[], T]
    inputs: Callable[[], object]  # everything it shows; same inputs, same output


class Inputs:
    """Digests of the corpus in the terms pages declare their inputs in, each computed at most once per build."""

    def __init__(self, site: Site):
        self.site = site
        self._cards: dict[str, str] = {}
        self._items: dict[str, str] = {}
        self._shared: dict[str, str] = {}
        self._values: dict[object, Any] = {}

    @cached_property
    def reference(self) -> str:
        reference = self.site.reference
        return digest(reference.deal, reference.lists, sorted(reference.broken), self.site.corpus.site_url)

    def card(self, entity: Entity) -> str:
        """Every field but the text: what lists, cards and counts show of an item.

        Not the moment of its file's last change (``gewijzigd``): only the item's own page and the feed show it,
        and in a preview it moves with every save."""
        found = self._cards.get(entity.src_uri)
        if found is None:
            found = self._cards[entity.src_uri] = digest(type(entity).__name__, [
                (field.name, getattr(entity, field.name)) for field in dataclasses.fields(entity)
                if field.name not in OWN_PAGE_ONLY])
        return found

    def item(self, entity: Entity) -> str:
        """Every field, the text and the media: what an item's own page shows of it."""
        found = self._items.get(entity.src_uri)
        if found is None:
            found = self._items[entity.src_uri] = digest(self.card(entity), *(
                getattr(entity, name) for name in OWN_PAGE_ONLY), entity.body_line)
        return found

    @cached_property
    def last_changes(self) -> str:
        """When each item's file last changed (the feed's dates)."""
        return digest([(entity.src_uri, entity.gewijzigd) for entity in self.site.corpus.entities()])

    def named(self, entity: Entity) -> tuple:
        """The cards of every item a field of ``entity`` names, groups included (its card and evaluation link them)."""
        found = []
        for dotted, target in references(type(entity)):
            if target not in ENTITY_TYPES:
                continue
            items = self.site.corpus.of_kind(target)
            head = dotted.partition(".")[0]
            for _, value in _values_at({head: getattr(entity, head, None)}, dotted):
                found.append((target, value, self.card(items[value]) if value in items else None))
        return tuple(found)

    def cards(self, entities: Iterable[Entity]) -> tuple[str, ...]:
        return tuple(self.card(entity) for entity in entities)

    def items(self, entities: Iterable[Entity]) -> tuple[str, ...]:
        return tuple(self.item(entity) for entity in entities)

    def cards_of(self, kind: str) -> str:
        """Every item of a kind, as lists show them (for a page that counts or lists them all)."""
        return self.once(f"cards {kind}", lambda: self.cards(self.site.corpus.of_kind(kind).values()))

    def items_of(self, kind: str) -> str:
        """Every item of a kind with its text (for a page that quotes from every one of them)."""
        return self.once(f"items {kind}", lambda: self.items(self.site.corpus.of_kind(kind).values()))

    @cached_property
    def build_moment(self) -> str:
        """When the build counts as made (the open data's date): SOURCE_DATE_EPOCH, else the last commit."""
        return clock.build_moment(self.site.corpus.root).isoformat()

    @cached_property
    def build_day(self) -> str:
        """The day dated pages are written for (onderhoud, open data, monitor)."""
        return clock.reference_day(self.site.corpus.root).isoformat() + self.build_moment[:10]

    def value(self, name: object, make: Callable[[], T]) -> T:
        """``make()``, made once per build: a value several pages' inputs are read from (``name`` must be unique)."""
        if name not in self._values:
            self._values[name] = make()
        return self._values[name]

    def once(self, name: str, make: Callable[[], object]) -> str:
        """The digest of ``make()``, made once per build: inputs many pages share (``name`` must be unique)."""
        found = self._shared.get(name)
        if found is None:
            found = self._shared[name] = digest(make())
        return found
