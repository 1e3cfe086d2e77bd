"""What every page generator shares: the site it works on and safe Markdown building blocks.

Contributor text (titles, summaries, names) is always escaped before it enters
generated Markdown, so that it is shown as text wherever it appears.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from kennisbank.content.dates import dutch_date  # noqa: F401  (re-exported for the page modules)
from kennisbank.graph import TAXONOMY, Site, Taxonomy
from kennisbank.content.model import Entity


@dataclass
class GeneratedPage:
    """A page that exists only in memory: MkDocs serves it at ``src_uri``."""

    src_uri: str
    markdown: str
    source: str | None = None  # repository path of the file it comes from (for "bewerk deze pagina")
    contributor: bool = False  # holds contributor Markdown: its HTML is sanitised


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|])")


def text(value: object) -> str:
    """Contributor or data text made inert for Markdown and HTML."""
    return _inert(str(value))


@functools.lru_cache(maxsize=65536)
def _inert(value: str) -> str:
    """text(), remembered: a title or summary is escaped again for every list it is in (90,000 calls at 1,000 cases)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=True))


def relative_uri(to_uri: str, from_uri: str) -> str:
    """posixpath.relpath(to_uri, dirname(from_uri)) for docs paths, without its two os.getcwd() calls.

    Generated pages hold some 50,000 links at 1,000 cases; relpath took a third of their generation.
    """
    start = from_uri.split("/")[:-1]
    target = to_uri.split("/")
    common = 0
    while common < len(start) and common < len(target) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def link(from_uri: str, to_uri: str, label: str, anchor: str = "") -> str:
    """A relative Markdown link between two docs paths (MkDocs checks and rewrites it)."""
    target = relative_uri(to_uri, from_uri)
    return f"[{text(label)}]({target}{'#' + anchor if anchor else ''})"


def term_uri(taxonomy: Taxonomy | str, term: str) -> str:
    taxonomy = TAXONOMY[taxonomy] if isinstance(taxonomy, str) else taxonomy
    return f"{taxonomy.folder}/{term}.md"


def term_link(site: Site, from_uri: str, taxonomy: Taxonomy | str, term: str) -> str:
    taxonomy = TAXONOMY[taxonomy] if isinstance(taxonomy, str) else taxonomy
    return link(from_uri, term_uri(taxonomy, term), site.graph.label(taxonomy, term))


def resultaat_link(site: Site, from_uri: str, resultaat: str) -> str:
    item = site.reference.resultaten[resultaat]
    return link(from_uri, term_uri("themas", item["thema"]), item["kort"], anchor=resultaat)


def entity_link(from_uri: str, entity: Entity) -> str:
    return link(from_uri, entity.src_uri, entity.title)


def entity_list(from_uri: str, entities: list[Entity], empty: str = "") -> str:
    """A bulleted list of items with their summaries."""
    if not entities:
        return f"*{empty}*\n" if empty else ""
    return "".join(f"- {entity_link(from_uri, e)} — {text(e.samenvatting)}\n" for e in entities)
