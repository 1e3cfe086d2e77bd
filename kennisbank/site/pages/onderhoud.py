"""Onderhoud (``/onderhoud/``): the staff's list of what needs looking after, out of the navigation, search and sitemap.

Every legal basis of every instrument, oldest check first, with its official identifier and a
link to the text; the ones checked more than ``legal.STALE_MONTHS`` months ago are marked, as
``kennisbank check`` warns about them. Below it, the legal instruments no lawyer has reviewed yet.

Judged on the build's day (``clock.reference_day``: the last commit, or SOURCE_DATE_EPOCH), not the
clock, so that two builds of one commit are identical; ``kennisbank check`` judges by today.
"""

from __future__ import annotations

from typing import Iterator

from kennisbank.content import clock, legal
from kennisbank.graph import Site
from kennisbank.site.render import Page
from kennisbank.site.views import legal_basis_label, make_page

URI = "onderhoud/index.md"


def legal_bases(site: Site) -> list[tuple]:
    """(instrument, basis, label, stale) for every legal basis, oldest check first."""
    day = clock.reference_day(site.corpus.root)
    found = [(instrument, basis, legal_basis_label(basis), legal.is_stale(basis["gecontroleerd"], day))
             for instrument in site.corpus.instrumenten.values() for basis in instrument.wettelijke_basis]
    return sorted(found, key=lambda row: (row[1]["gecontroleerd"], row[0].title.lower()))


def maintenance_page(site: Site) -> Page:
    day = clock.reference_day(site.corpus.root)
    rows = legal_bases(site)
    unreviewed = sorted((instrument for instrument in site.corpus.instrumenten.values()
                         if instrument.soort == "juridisch" and not instrument.beoordeeld_door),
                        key=lambda instrument: instrument.title.lower())
    return make_page(site, "pages/onderhoud.html", URI, "Onderhoud", search="nee", sitemap=False,
                     description="Voor de coalitiestaf: wettelijke grondslagen die opnieuw gecontroleerd moeten worden.",
                     rows=rows, stale=sum(1 for row in rows if row[3]), day=day.isoformat(),
                     limit=legal.stale_before(day).isoformat(), months=legal.STALE_MONTHS, unreviewed=unreviewed)


def pages(site: Site) -> Iterator[Page]:
    yield maintenance_page(site)
