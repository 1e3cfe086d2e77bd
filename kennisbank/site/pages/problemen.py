"""A page listing every content problem, so a contributor previewing with ``mkdocs serve`` sees them."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from kennisbank.graph import Site
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page
from kennisbank.site.views import make_page

URI = "problemen.md"


def problems_page(site: Site) -> Page:
    return make_page(site, "pages/problemen.html", URI, "Problemen in de inhoud", search="nee", sitemap=False,
                     problems=[str(problem) for problem in site.corpus.problems])


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    if site.corpus.problems:
        yield Planned(URI, partial(problems_page, site), lambda: [str(problem) for problem in site.corpus.problems])
