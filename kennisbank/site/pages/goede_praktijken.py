"""Goede praktijken: the cases coalition staff marked as a good practice, lessons side by side.

Staff set ``goede_praktijk: {reden, sinds}`` on a case (reviewers guard that field in the
pull request). The index shows one card per case, in a grid, so that readers can compare the
lessons; every card has its own heading, so screen-reader users can jump between them, and
on a narrow screen or on paper the cards simply stack.
"""

from __future__ import annotations

from typing import Iterator

from kennisbank.content.model import Casus
from kennisbank.graph import Site
from kennisbank.site.render import Page
from kennisbank.site.sections import section
from kennisbank.site.views import Views, make_page

INDEX = "goede-praktijken/index.md"


def good_practices(site: Site) -> list[Casus]:
    """Marked cases, most recently marked first, then by title."""
    moments = site.reference["ijkmomenten"]
    cases = [case for case in site.corpus.cases.values() if case.goede_praktijk]
    cases.sort(key=lambda case: case.title.lower())
    cases.sort(key=lambda case: moments[case.goede_praktijk["sinds"]]["datum"], reverse=True)
    return cases


def index_page(site: Site) -> Page:
    def practices(kb: Views) -> list:
        return [(case, site.reference["ijkmomenten"][case.goede_praktijk["sinds"]],
                 [kb.term("themas", thema) for thema in case.themas], section(case.body, "Lessen", shift=2))
                for case in good_practices(site)]
    return make_page(site, "pages/goede_praktijken.html", INDEX, "Goede praktijken",
                     description="Casussen die de coalitie als goede praktijk heeft aangewezen, met de reden en de "
                                 "lessen naast elkaar.", practices_of=practices)


def pages(site: Site) -> Iterator[Page]:
    yield index_page(site)
