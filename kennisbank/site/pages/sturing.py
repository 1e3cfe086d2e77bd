"""Van drang naar dwang (``/sturing/``): the steps of the ladder, the instruments on each, and per theme.

The deal asks for "a mix of instruments" where soft steering comes first and escalation to
coercive instruments is the last resort. This page leads somewhere from each step: the
instruments on it most applied in the cases, each with one line on when to use it (the first
sentence of its "Wanneer inzetten"), and the overview filtered on the step for all of them.
The ladder of each theme follows as a table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from kennisbank.content.model import Instrument
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.figures import rungs
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.ladder import ladder
from kennisbank.site.render import Page, data_markdown
from kennisbank.site.sections import section
from kennisbank.site.views import make_page

URI = "sturing/index.md"
SHOWN = 8  # instruments per step; the overview filtered on the step has them all
_TAG = re.compile(r"<[^>]+>")


def when_to_use(instrument: Instrument) -> str:
    """The first sentence of the instrument's own 'Wanneer inzetten', as plain text ('' if it has none)."""
    text = section(instrument.body, "Wanneer inzetten")
    if not text:
        return ""
    plain = " ".join(_TAG.sub(" ", str(data_markdown(text))).split())
    match = re.match(r"(.+?[.!?])(\s|$)", plain)
    return match.group(1) if match else plain


def escalation(site: Site) -> list[str]:
    """The deal's own paragraphs on drang, dwang and escalation (from the werkplan)."""
    paragraphs = [" ".join(paragraph.split()) for part in site.reference.deal.get("werkplan", [])
                  for paragraph in part["tekst"].split("\n\n")]
    return [paragraph for paragraph in paragraphs if "'dwang'" in paragraph or "escalatie" in paragraph]


def ladder_page(site: Site) -> Page:
    taxonomy = TAXONOMY["sturing"]
    steps = []
    for rung in rungs(site):
        instruments = [item for item in site.graph.items_with(taxonomy, rung["id"], "instrument")
                       if isinstance(item, Instrument)]
        used = sorted(instruments, key=lambda item: (-len(site.graph.linking_to(item, "casus")), item.title.lower()))
        steps.append({**rung, "instruments": [(item, when_to_use(item)) for item in used[:SHOWN]],
                      "total": len(instruments),
                      "all_url": relative_url(URI, "instrumenten/index.md") + f"?sturing={rung['id']}",
                      "page": relative_url(URI, f"sturing/{rung['id']}.md")})
    return make_page(site, "pages/sturing.html", URI, "Van drang naar dwang",
                     description="De ladder van stimuleren tot afdwingen: welke instrumenten een gemeente op elke trede "
                                 "heeft, wanneer ze passen, en per thema.",
                     steps=steps, escalation=escalation(site),
                     ladders=[ladder(site, URI, thema) for thema in site.reference["themas"]])


def _shows(site: Site, inputs: Inputs) -> tuple:
    """Every instrument (with the first sentence of its text) and how many cases apply each."""
    return inputs.items_of("instrument"), tuple(len(site.graph.linking_to(item, "casus"))
                                                  for item in site.corpus.instrumenten.values())


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(URI, partial(ladder_page, site), partial(_shows, site, inputs))
