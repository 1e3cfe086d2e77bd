"""A generated page inside MkDocs: a small Markdown stub, filled with the page's HTML after rendering.

MkDocs renders every page from Markdown. For a generated page (``site.render.Page``) that
Markdown is a stub: a placeholder paragraph for each piece of the page's trusted HTML, and
the contributor's Markdown where the page left a slot for it. MkDocs renders the stub (so
the contributor's links are checked and rewritten as on any page); the HTML that comes out
is sanitised when it holds contributor Markdown, and then each placeholder is replaced by
its piece of HTML. Python-Markdown never sees the generated HTML: no escaping for two
languages at once, and no time spent parsing thousands of generated links.

The placeholder holds a digest of its piece, so the stub changes exactly when the page
does (what the render cache of ``mkdocs serve`` keys on) and two builds stay identical.
"""

from __future__ import annotations

import hashlib
import html
import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

from kennisbank.site.render import Page
from kennisbank.site.sanitize import sanitize

_HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_PERMALINK = re.compile(r"<a class=\"headerlink\"[^>]*>.*?</a>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r"\sid=\"([^\"]+)\"")


def _placeholder(number: int, piece: str) -> str:
    return f"kb-deel-{number}-{hashlib.sha1(piece.encode('utf-8')).hexdigest()[:16]}"


def stub(page: Page) -> str:
    """The Markdown MkDocs renders for a generated page."""
    blocks = []
    for number, part in enumerate(page.parts()):
        blocks.append(page.prose[part] if isinstance(part, int) else _placeholder(number, part))
    return "\n\n".join(blocks) + "\n"


def fill(rendered: str, page: Page) -> str:
    """The rendered stub with every placeholder replaced by its piece of HTML; contributor HTML sanitised first."""
    if page.prose:
        rendered = sanitize(rendered)
    pieces = {_placeholder(number, part): part for number, part in enumerate(page.parts()) if isinstance(part, str)}
    if not pieces:
        return rendered
    pattern = re.compile(r"(?:<p>)?(" + "|".join(map(re.escape, pieces)) + r")(?:</p>)?")
    return pattern.sub(lambda match: pieces[match.group(1)], rendered)


def table_of_contents(content: str) -> tuple[TableOfContents, set[str]]:
    """The page's table of contents, read from its headings (ours and the contributor's), and every id on it.

    A title is the heading's text as HTML (escaped), which is how Material prints it.
    """
    flat: list[AnchorLink] = []
    for level, anchor, inner in _HEADING.findall(content):
        title = " ".join(_TAG.sub("", _PERMALINK.sub("", inner)).split())
        flat.append(AnchorLink(title, html.unescape(anchor), int(level)))
    roots: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for item in flat:
        while stack and stack[-1].level >= item.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    if roots:
        roots[0].active = True  # type: ignore[attr-defined]  # as MkDocs marks its first item
    return TableOfContents(roots), {html.unescape(found) for found in _ID.findall(content)}
