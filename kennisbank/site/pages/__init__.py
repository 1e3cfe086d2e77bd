"""Every generated page, one module per kind of page (named after its URL folder where it has one).

Each module plans its pages: ``plan(site, inputs) -> Iterable[Planned]``, each with its address,
how to make it, and what it shows (its inputs, in the terms of ``site/inputs.py``). ``GENERATORS``
is the registry of kinds; ``planned`` collects them, ``all_pages`` makes them all (a build), and
``mkdocs serve`` makes only the pages whose inputs changed (integration/kept_pages.py). To add a
kind of page, write a module here with a template in ``site/templates/pages/``, declare what each
page shows, and add it to ``GENERATORS``: its pages are then kept in previews like every other.
The data files the pages read (an overview's index, the rows of /vergelijk/) are planned the same
way (``data_files``).
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages import (citydeals, goede_praktijken, items, kaart, kiezen, monitor, onderhoud, oogst,
                                   opendata, overviews, problemen, sturing, terms, themas, velden, vergelijk)
from kennisbank.site.render import Page

GENERATORS = [items, terms, themas, citydeals, overviews, sturing, kiezen, kaart, oogst, goede_praktijken, monitor,
              opendata, velden, vergelijk, onderhoud, problemen]


def planned(site: Site, inputs: Inputs | None = None) -> list[Planned[Page]]:
    """Every generated page, not yet made."""
    inputs = inputs or Inputs(site)
    return [page for generator in GENERATORS for page in generator.plan(site, inputs)]


def data_files(site: Site, inputs: Inputs | None = None) -> list[Planned[str]]:
    """The files the pages' scripts read: each overview's index, and per case its rows for /vergelijk/."""
    inputs = inputs or Inputs(site)
    return [*overviews.index_files(site, inputs), *vergelijk.data_files(site, inputs)]


def all_pages(site: Site) -> list[Page]:
    """Every generated page, made (a build)."""
    return [page.make() for page in planned(site)]


__all__ = ["Page", "Planned", "all_pages", "data_files", "planned"]
