"""How a generated page is made: Jinja templates with autoescape, and slots for the contributor's Markdown.

Everything the engine generates (cards, lists, badges, tables, filters, figures) is HTML from
the templates in ``site/templates/``, with autoescape on: a contributor's text is escaped once,
for the context it lands in, and can never become markup. Markdown is only for prose: the
body a contributor wrote (``page.prose(body)`` in a template leaves a slot for it, which the
MkDocs integration fills with the rendered, sanitised Markdown) and the deal's own texts from
``data/`` (``data_markdown``, rendered here and sanitised the same way).

This is how Material's blog plugin works too: a small stub for MkDocs, the page from partials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from kennisbank.content.dates import dutch_date
from kennisbank.content.model import Entity
from kennisbank.publish.urls import relative_url
from kennisbank.site.sanitize import sanitize

PROSE_SLOT = re.compile(r"<!--kb-prose-(\d+)-->")


@dataclass
class Page:
    """A generated page: trusted HTML with slots for contributor Markdown, and what its head needs."""

    src_uri: str
    title: str  # plain text; escaped wherever it is used (<title>, header, search)
    html: Markup  # the page's content, with a slot <!--kb-prose-N--> for each prose part
    prose: list[str] = field(default_factory=list)  # contributor Markdown, by slot number
    description: str = ""  # plain text for <meta name="description">
    source: str | None = None  # repository path of the file it comes from (for "bewerk deze pagina")
    search: str = "lijst"  # how it is searched: "item" (its own entries), "lijst" (one short entry), "nee"
    head: Markup = field(default_factory=Markup)  # for the page's <head>: its schema.org JSON-LD (json_ld)
    # Scripts in docs/assets/ that only this page uses (site-wide ones are in mkdocs.yml): every other page
    # loads less and runs less on a phone (issue 12).
    scripts: tuple[str, ...] = ()
    sitemap: bool = True  # False: a page for staff or previews only, left out of sitemap.xml
    hide: tuple[str, ...] = ()  # parts of Material's layout this page leaves out ("toc": room for a wide table)

    def parts(self) -> list[str | int]:
        """The HTML between the slots, and the slot numbers, in order: ["<h1>…", 0, "<h2>…"]."""
        pieces: list[str | int] = []
        for index, piece in enumerate(PROSE_SLOT.split(self.html)):
            if index % 2:
                pieces.append(int(piece))
            elif piece:
                pieces.append(piece)
        return pieces


class PageContext:
    """What a template sees of the page it renders: links relative to it, and slots for prose."""

    def __init__(self, src_uri: str):
        self.src_uri = src_uri
        self.prose_parts: list[str] = []

    def url(self, target: Entity | str, anchor: str = "") -> str:
        """The relative link to an item or a docs path (``cases/index.md``), as MkDocs would write it."""
        to_uri = target if isinstance(target, str) else target.src_uri
        return relative_url(self.src_uri, to_uri, anchor)

    def prose(self, text: str) -> Markup:
        """A slot for contributor Markdown: rendered, sanitised and put here by the MkDocs integration."""
        if not text.strip():
            return Markup("")
        self.prose_parts.append(text)
        return Markup(f'<div class="kb-proza"><!--kb-prose-{len(self.prose_parts) - 1}--></div>')


class _Undefined(jinja2.StrictUndefined):
    """A missing value is false in a test (``{% if item.kort %}``), and an error anywhere else."""

    def __bool__(self) -> bool:  # type: ignore[override]  # StrictUndefined makes it fail; here it is false
        return False


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kennisbank.site", "templates"),
        autoescape=True,
        undefined=_Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datum"] = lambda iso: dutch_date(iso) if iso else ""
    env.filters["data_markdown"] = data_markdown
    env.globals["aantal"] = count
    env.globals["voorbeelden"] = examples_note
    return env


def render(template: str, page: PageContext, **context: Any) -> Markup:
    """Render a template for a page; the prose parts it leaves slots for are collected on ``page``."""
    return Markup(environment().get_template(template).render(page=page, **context))


def count(number: int, one: str, more: str) -> str:
    """'1 casus', '3 casussen'."""
    return f"{number} {one if number == 1 else more}"


def examples_note(total: int, examples: int) -> str:
    """How many of ``total`` cases are illustrative examples, for after the count in brackets ("12 casussen (…)"):
    '' when none is; "alle 12 zijn illustratieve voorbeelden …" when every one is, never "waarvan 12"."""
    if not examples:
        return ""
    if examples == total:
        if total == 1:
            return "een illustratief voorbeeld, geen echt project"
        return f"{'allebei' if total == 2 else f'alle {total} zijn'} illustratieve voorbeelden, geen echte projecten"
    if examples == 1:
        return "waarvan 1 een illustratief voorbeeld, geen echt project"
    return f"waarvan {examples} illustratieve voorbeelden, geen echte projecten"


_MARKDOWN = markdown.Markdown(extensions=["attr_list", "def_list", "tables"])


@lru_cache(maxsize=4096)
def data_markdown(text: str) -> Markup:
    """A text from data/ (the deal's own words, which may hold Markdown), as sanitised HTML."""
    _MARKDOWN.reset()
    return Markup(sanitize(_MARKDOWN.convert(str(text).strip())))


def json_ld(data: dict) -> Markup:
    """Linked data as a ``<script type="application/ld+json">``, written by a template whose ``tojson`` escapes
    ``<``, ``>``, ``&`` and ``'``: no contributor text can close the script or start markup."""
    return Markup(environment().get_template("json_ld.html").render(data=data).strip())
