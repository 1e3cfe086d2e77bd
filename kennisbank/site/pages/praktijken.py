"""Goede praktijken: the cases coalition staff marked as a good practice, lessons side by side.

Staff set ``goede_praktijk: {reden, sinds}`` on a case (reviewers guard that field in the
pull request). The index shows one card per case, in a grid, so that readers can compare
the lessons; every card has its own heading, so screen-reader users can jump between them,
and on a narrow screen or on paper the cards simply stack.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.site.sections import section
from kennisbank.site.pages.common import GeneratedPage, dutch_date, entity_link, link, term_link, text
from kennisbank.site.pages.oogst import page_uri

INDEX = "goede-praktijken/index.md"


def good_practices(site: Site) -> list:
    """Marked cases, most recently marked first, then by title."""
    moments = site.reference.lists.get("ijkmomenten", {})
    cases = [case for case in site.corpus.cases.values() if case.goede_praktijk]
    cases.sort(key=lambda case: case.title.lower())
    cases.sort(key=lambda case: moments[case.goede_praktijk["sinds"]]["datum"], reverse=True)
    return cases


def notice(site: Site, uri: str, case) -> str:
    """On the case page: a box saying it is a good practice, why, and since which ijkmoment."""
    if not case.goede_praktijk:
        return ""
    moment = site.reference.lists["ijkmomenten"][case.goede_praktijk["sinds"]]
    return ('!!! success "Goede praktijk"\n'
            f"    {text(case.goede_praktijk['reden'])} Aangewezen bij {text(moment['naam'])}; zie alle "
            f"{link(uri, INDEX, 'goede praktijken', anchor=f'praktijk-{case.id}')}.\n\n")


def _card(site: Site, case) -> str:
    practice = site.reference.lists["ijkmomenten"][case.goede_praktijk["sinds"]]
    lessons = section(case.body, "Lessen", shift=2) or "*Deze casus heeft (nog) geen sectie Lessen.*"
    themes = ", ".join(term_link(site, INDEX, "themas", thema) for thema in case.themas)
    return (
        f'<section class="kb-praktijk" markdown>\n\n'
        f"## {entity_link(INDEX, case)} {{#praktijk-{case.id}}}\n\n"
        f"{term_link(site, INDEX, 'steden', case.stad)} · {themes}\n\n"
        f"**Waarom een goede praktijk:** {text(case.goede_praktijk['reden'])} "
        f"*(sinds {link(INDEX, page_uri(practice['id']), practice['naam'])}, {dutch_date(practice['datum'])})*\n\n"
        f"### Lessen\n\n{lessons}\n\n"
        "</section>\n\n"
    )


def index_page(site: Site) -> GeneratedPage:
    cases = good_practices(site)
    markdown = "# Goede praktijken\n\n"
    markdown += ("Casussen die de coalitie bij een ijkmoment als goede praktijk heeft aangewezen, met de reden en de "
                 "lessen naast elkaar. Zo ziet u snel wat in de ene stad werkte en wat u in de uwe kunt gebruiken. "
                 f"Alle casussen staan in het {link(INDEX, 'cases/index.md', 'overzicht van casussen')}.\n\n")
    if not cases:
        return GeneratedPage(INDEX, markdown + "*Er zijn nog geen goede praktijken aangewezen.*\n")
    markdown += '<div class="kb-praktijken" markdown>\n\n'
    markdown += "".join(_card(site, case) for case in cases)
    markdown += "</div>\n"
    return GeneratedPage(INDEX, markdown, contributor=True)


def pages(site: Site):
    yield index_page(site)
