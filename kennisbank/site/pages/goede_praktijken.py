"""Goede praktijken: the cases coalition staff marked as a good practice, lessons side by side.

Staff set ``goede_praktijk: {reden, sinds}`` on a case (reviewers guard that field in the
pull request). The index shows one card per case, in a grid, so that readers can compare the
lessons; every card has its own heading, so screen-reader users can jump between them, and
on a narrow screen or on paper the cards simply stack. Twelve cards a page, the most recently
marked first, on numbered pages (``/goede-praktijken/pagina/2/``) like an overview's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import partial

from kennisbank.content.model import Casus
from kennisbank.graph import Site
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.overviews import pager
from kennisbank.site.render import Page
from kennisbank.site.sections import section
from kennisbank.site.views import Views, make_page

INDEX = "goede-praktijken/index.md"
PAGE_SIZE = 12  # cases per page; the pages are numbered like an overview's, so no page grows


def page_uri(number: int) -> str:
    return INDEX if number == 1 else f"goede-praktijken/pagina/{number}.md"


def marked_since(site: Site, case: Casus) -> dict:
    """The ijkmoment at which a case was marked as a good practice."""
    return site.reference["ijkmomenten"][(case.goede_praktijk or {})["sinds"]]


def good_practices(site: Site) -> list[Casus]:
    """Marked cases, most recently marked first, then by title."""
    cases = [case for case in site.corpus.cases.values() if case.goede_praktijk]
    cases.sort(key=lambda case: case.title.lower())
    cases.sort(key=lambda case: marked_since(site, case)["datum"], reverse=True)
    return cases


def practice_uri(site: Site, case: Casus) -> str:
    """The page of the good practices that shows ``case``."""
    return page_uri(good_practices(site).index(case) // PAGE_SIZE + 1)


def index_page(site: Site, number: int, pages: int, shown: list[Casus], total: int) -> Page:
    uri = page_uri(number)

    def practices(kb: Views) -> list:
        return [(case, marked_since(site, case), [kb.term("themas", thema) for thema in case.themas],
                 section(case.body, "Lessen", shift=2)) for case in shown]
    title = "Goede praktijken" if number == 1 else f"Goede praktijken, pagina {number} van {pages}"
    return make_page(site, "pages/goede_praktijken.html", uri, title, search="lijst" if number == 1 else "nee",
                     description="Casussen die de coalitie als goede praktijk heeft aangewezen, met de reden en de "
                                 "lessen naast elkaar.", practices_of=practices, total=total, number=number, pages=pages,
                     pager=pager(uri, number, pages, page_uri))


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    cases = good_practices(site)
    pages = max(1, math.ceil(len(cases) / PAGE_SIZE))
    for number in range(1, pages + 1):
        shown = cases[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
        yield Planned(page_uri(number), partial(index_page, site, number, pages, shown, len(cases)),
                      partial(_shows, inputs, shown, len(cases)))  # with their Lessen


def _shows(inputs: Inputs, shown: list[Casus], total: int) -> tuple:
    return inputs.items(shown), total
