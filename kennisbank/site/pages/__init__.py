"""Every generated page, one module per kind of page (named after its URL folder where it has one).

Each module has ``pages(site) -> Iterable[Page]``; ``all_pages`` collects them. To add a kind
of page, write a module here with a template in ``site/templates/pages/`` and add it to
``GENERATORS``.
"""

from __future__ import annotations

from collections.abc import Callable

from kennisbank.content.model import Entity
from kennisbank.graph import Site
from kennisbank.site.pages import (citydeals, goede_praktijken, items, kaart, kiezen, monitor, onderhoud, oogst,
                                   opendata, overviews, problemen, sturing, terms, themas, velden, vergelijk)
from kennisbank.site.render import Page

GENERATORS = [items, terms, themas, citydeals, overviews, sturing, kiezen, kaart, oogst, goede_praktijken, monitor,
              opendata, velden, vergelijk, onderhoud, problemen]


def all_pages(site: Site, item_page: Callable[[Entity, Callable[[], Page]], Page] = items.fresh) -> list[Page]:
    """Every generated page; ``item_page`` may keep an item's page from an earlier build (mkdocs serve)."""
    return [page for generator in GENERATORS
            for page in (items.pages(site, item_page) if generator is items else generator.pages(site))]


__all__ = ["Page", "all_pages"]
