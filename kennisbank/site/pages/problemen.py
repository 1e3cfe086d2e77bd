"""A page listing every content problem, so a contributor previewing with ``mkdocs serve`` sees them."""

from __future__ import annotations

from typing import Iterator

from kennisbank.graph import Site
from kennisbank.site.render import Page
from kennisbank.site.views import make_page


def pages(site: Site) -> Iterator[Page]:
    problems = site.corpus.problems
    if problems:
        yield make_page(site, "pages/problemen.html", "problemen.md", "Problemen in de inhoud", search="nee",
                        sitemap=False,
                        problems=[str(problem) for problem in problems])
