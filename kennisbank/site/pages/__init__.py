"""Markdown for every generated page, one module per kind of page.

Each module has ``pages(site) -> Iterable[GeneratedPage]``; ``all_pages`` collects them.
To add a kind of page, write a module here and add it to ``GENERATORS``.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.site.pages import (citydeals, detail, kaart, monitor, oogst, opendata, overviews, praktijken,
                                   problems, terms, themes, toolkit, velden)
from kennisbank.site.pages.common import GeneratedPage

GENERATORS = [detail, toolkit, terms, themes, citydeals, overviews, kaart, oogst, praktijken, monitor, opendata, velden,
              problems]


def all_pages(site: Site) -> list[GeneratedPage]:
    return [page for generator in GENERATORS for page in generator.pages(site)]


__all__ = ["GeneratedPage", "Site", "all_pages"]
