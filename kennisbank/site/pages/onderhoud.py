"""Onderhoud (``/onderhoud/``): the staff's list of what needs looking after, out of the navigation, search and sitemap.

The legal bases of the instruments, oldest check first (the first ``SHOWN``: what to do first),
with their official identifier and a link to the text; the ones checked more than
``legal.STALE_MONTHS`` months ago are marked, as ``kennisbank check`` warns about them, with file
and line, every one. Below it, the legal instruments no lawyer has reviewed yet. The page does
not grow with the instruments.

Judged on the build's day (``clock.reference_day``: the last commit, or SOURCE_DATE_EPOCH), not the
clock, so that two builds of one commit are identical; ``kennisbank check`` judges by today.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from kennisbank.content import clock, legal
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page
from kennisbank.site.views import legal_basis_label, make_page

URI = "onderhoud/index.md"
SHOWN = 40  # rows of each list: the oldest checks first; kennisbank check names every stale one with file and line


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
                     rows=rows[:SHOWN], total=len(rows), stale=sum(1 for row in rows if row[3]), day=day.isoformat(),
                     limit=legal.stale_before(day).isoformat(), months=legal.STALE_MONTHS,
                     unreviewed=unreviewed[:SHOWN], unreviewed_total=len(unreviewed),
                     juridisch=relative_url(URI, "instrumenten/index.md") + "?soort=juridisch")


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(URI, partial(maintenance_page, site), lambda: (inputs.cards_of("instrument"), inputs.build_day))
