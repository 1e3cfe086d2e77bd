"""The instrument ladder of a theme, from drang (stimuleren) to dwang (afdwingen), for the templates.

The deal asks for "a mix of instruments" where soft steering comes first and escalation to
coercive instruments is the last resort. ``templates/ladder.html`` shows that route as a
table (with the links) and as a staircase picture (``figures.ladder_svg``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kennisbank.content.model import Instrument
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.figures import instruments_per_rung, ladder_svg, rungs
from kennisbank.site.views import Link


@dataclass
class Ladder:
    id: str
    thema: str
    rows: list[tuple[Link, list[Instrument]]]
    picture: Markup


def ladder(site: Site, uri: str, thema: str) -> Ladder:
    """The ladder of one theme as seen from the page at ``uri``."""
    per_rung = instruments_per_rung(site, thema)
    rows = [(Link(f"{rung['trede']}. {rung['naam']}", relative_url(uri, f"sturing/{rung['id']}.md")), per_rung[rung["id"]])
            for rung in rungs(site)]
    anchor = f"ladder-{thema}"
    return Ladder(anchor, site.reference["themas"].get(thema, {}).get("naam", thema), rows,
                  ladder_svg(site, thema, f"{anchor}-svg"))
