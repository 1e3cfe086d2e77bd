"""mkdocs serve: an item's page is made again only when what it shows has changed.

Why: at 1,000 cases, making the page of every case, instrument and toolkit from its template
took about a third of each rebuild of ``mkdocs serve`` (4 of 13 s), while the usual edit
changes one file. The render store (rendercache.py) skips MkDocs' work for unchanged pages;
this skips ours, for item pages only (the other generated pages are made every time).

What an item's page shows, taken broadly so a preview is never stale: the item itself (every
field, its text and its media), and, for its lists, cards and neighbours, the fields of every
other item (not their texts), the reference data, the problems and warnings and the site's
address. A change in the text of one case therefore makes only that page again; a change in a
title or summary makes all of them again, as before. tests/test_performance_structure.py checks
that the preview is the site a fresh build makes, after both kinds of edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from kennisbank.content.model import Entity
from kennisbank.graph import Site
from kennisbank.integration.rendercache import digest
from kennisbank.site.render import Page


def _fields(entity: Entity, *, with_body: bool) -> tuple:
    values = tuple((field.name, getattr(entity, field.name)) for field in dataclasses.fields(entity)
                   if with_body or field.name != "body")
    return type(entity).__name__, values, entity.media


class ItemPages:
    """The item pages of the previous build of this process, each with the digest of what it was made from."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, Page]] = {}
        self._shared = ""
        self.made: list[str] = []  # src_uris made in the last build (the rest were kept)

    def start(self, site: Site) -> Callable[[Entity, Callable[[], Page]], Page]:
        """Start of a build: what every item page depends on; returns the function that makes or keeps a page."""
        corpus = site.corpus
        self._shared = digest(sorted(repr(_fields(entity, with_body=False)) for entity in corpus.entities()),
                               corpus.reference, corpus.problems, corpus.warnings, corpus.site_url)
        self.made = []
        return self.page

    def page(self, entity: Entity, make: Callable[[], Page]) -> Page:
        key = digest(self._shared, _fields(entity, with_body=True))
        kept = self._kept.get(entity.src_uri)
        if kept is not None and kept[0] == key:
            return kept[1]
        page = make()
        self._kept[entity.src_uri] = (key, page)
        self.made.append(entity.src_uri)
        return page
