"""The instrument ladder of a theme, from drang (stimuleren) to dwang (afdwingen), for the templates.

The deal asks for "a mix of instruments" where soft steering comes first and escalation to
coercive instruments is the last resort. ``templates/ladder.html`` shows that route as one
table with the links; its rows step in like a staircase (CSS), so no separate picture repeats it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kennisbank.content.model import Instrument
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.figures import instruments_per_rung, rungs
from kennisbank.site.views import Link


SHOWN = 5  # instruments per step of a theme's ladder, the most applied first; the filtered overview has them all


@dataclass
class Rung:
    step: Link
    instruments: list[Instrument]  # the most applied, at most SHOWN
    more: int  # how many more the theme has on this step
    all_url: str  # the overview of instruments filtered on the theme and the step


@dataclass
class Ladder:
    id: str
    thema: str
    rows: list[Rung]


def ladder(site: Site, uri: str, thema: str) -> Ladder:
    """The ladder of one theme as seen from the page at ``uri``; a step does not grow with the instruments."""
    per_rung = instruments_per_rung(site, thema)
    rows = []
    for rung in rungs(site):
        found = sorted(per_rung[rung["id"]], key=lambda item: -len(site.graph.linking_to(item, "casus")))  # stable
        rows.append(Rung(Link(f"{rung['trede']}. {rung['naam']}", relative_url(uri, f"sturing/{rung['id']}.md")),
                         found[:SHOWN], max(0, len(found) - SHOWN),
                         relative_url(uri, "instrumenten/index.md") + f"?thema={thema}&sturing={rung['id']}"))
    return Ladder(f"ladder-{thema}", site.reference["themas"].get(thema, {}).get("naam", thema), rows)
