"""What the search index holds: one record per page, its whole text by section, metadata as tags.

A record is the HTML that Pagefind reads for a page (never served; the reader sees the page
itself). It is made here from the engine's own knowledge, not from the page's layout:

- **a case, instrument or toolkit** (``Page.search == "item"``): the title; its metadata as
  tags (city, themes, phase, laws, … — the fields the content registry marks ``search="tag"``;
  weighted above the text, and shown as chips on the result); the summary; the metadata the
  registry marks ``search="text"`` (instruments, topics, legal basis with article, toolkit
  steps); then **the whole text of every section the contributor wrote** (Opgave, Aanpak,
  Resultaten, Lessen, …), each under its heading with the heading's id, so that a section is
  found and linked on its own (``…/#aanpak``). What the site adds below the body (related cases,
  "toegepast in", the card) is not in the record: a case is not found by the words of its
  neighbours.
- **a generated list page** (``"lijst"``: term pages, overviews, oogst): its title and the start
  of its intro, weighted low. It is found by its name ("Dordrecht") and leads to the items; it
  does not crowd them out (the worker also multiplies its score by a factor below 1: a short
  page with a rare compound in its title would otherwise outrank the items).
- **a hand-written page**: its text by section, as MkDocs rendered it.
- ``"nee"``: not in the index.

Compounds in every text are marked for Pagefind (``search_text.Splitter.mark``) with the
vocabulary of all records together, so a part is split off only when it is a word of this site.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterable

from kennisbank.content.model import Casus, Entity, Instrument, Toolkit
from kennisbank.content.registry import TAXONOMY, Declared, relations
from kennisbank.graph import Site
from kennisbank.site.search_text import Splitter, vocabulary
from kennisbank.site.render import PageContext
from kennisbank.site.views import Views, legal_basis_label

# -- Weights (Pagefind multiplies a word's count by its weight; a heading of its own is 7 for h1, 6 for h2) --

TAG_WEIGHT = 3.0  # city, themes, phase, laws: what a reader types to find "the Dordrecht case"
SUMMARY_WEIGHT = 2.0
LIST_TITLE_WEIGHT = 0.5  # the name of a list page: found by it, below an item that has the word as a tag
LIST_TEXT_WEIGHT = 0.2
LIST_TEXT_CHARS = 300  # the intro of a list page: its start is enough to say what it lists


@dataclass
class Block:
    """A piece of a record: a heading (with the id it has on the page) or text, and its weight."""

    text: str
    heading: int = 0  # 1-6 for a heading
    id: str = ""
    weight: float | None = None  # None: Pagefind's own (headings by level, text 1)


@dataclass
class Record:
    url: str  # as the page's address relative to the site root: "cases/x/"
    title: str
    blocks: list[Block] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    kind: str = ""  # "casus", "instrument", "toolkit", "lijst", "pagina"

    def texts(self) -> Iterable[str]:
        yield self.title
        yield from self.tags
        yield from (block.text for block in self.blocks)

    def html(self, splitter: Splitter) -> str:
        """The document Pagefind indexes: the title and tags as meta, the blocks with compounds marked."""
        mark = splitter.mark
        out = ['<html lang="nl"><head><meta charset="utf-8">',
               f'<meta data-pagefind-meta="title[content]" content="{_attr(self.title)}">']
        if self.tags:
            out.append(f'<meta data-pagefind-meta="tags[content]" content="{_attr("|".join(self.tags))}">')
        if self.kind:
            out.append(f'<meta data-pagefind-meta="soort[content]" content="{_attr(self.kind)}">')
        out.append("</head><body>")
        for block in self.blocks:
            text = html.escape(mark(block.text), quote=False)
            if block.heading:
                tag = f"h{block.heading}"
                anchor = f' id="{_attr(block.id)}"' if block.id else ""
                element = f"<{tag}{anchor}>{text}</{tag}>"
            else:
                element = f"<p>{text}</p>"
            if block.weight is not None:
                element = f'<div data-pagefind-weight="{block.weight:g}">{element}</div>'
            out.append(element)
        out.append("</body></html>")
        return "\n".join(out)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


# -- Item pages ------------------------------------------------------------------------------------


EXAMPLE_TAG = "Voorbeeld"


def item_record(site: Site, entity: Entity, url: str, content: str) -> Record:
    """Title, tags, summary, metadata and every section the contributor wrote (from the rendered page)."""
    tags, text = metadata(site, entity)
    if getattr(entity, "voorbeeld", False):  # marked in the result list too (mkdocs.yml extra.tags: md-tag--voorbeeld)
        tags = [EXAMPLE_TAG, *tags]
    blocks = [Block(entity.title, heading=1)]
    if tags:
        blocks.append(Block(" · ".join(tags), weight=TAG_WEIGHT))
    blocks.append(Block(entity.samenvatting, weight=SUMMARY_WEIGHT))
    if text:
        blocks.append(Block(text))
    own = own_headings(entity.body)
    for level, anchor, title, body in sections(content):
        if normal(title) in own:
            blocks.append(Block(title, heading=max(2, level), id=anchor))
            if body:
                blocks.append(Block(body))
    return Record(url, entity.title, blocks, tags, entity.kind)


def metadata(site: Site, entity: Entity) -> tuple[list[str], str]:
    """(tags, text): the metadata of an item that go into its record (which ones: the content registry)."""
    fields = relations(type(entity))
    tags = [label for item in fields if item.about.search == "tag" for label in _labels(site, entity, item)]
    text = []
    if isinstance(entity, Casus) and entity.instrumenten:
        names = [site.corpus.instrumenten[i].title for i in entity.instrumenten if i in site.corpus.instrumenten]
        text.append(f"Instrumenten: {', '.join(names)}.")
    if isinstance(entity, Instrument) and entity.wettelijke_basis:
        tags += list(dict.fromkeys(basis["wet"] for basis in entity.wettelijke_basis))
        text.append(f"Wettelijke basis: {'; '.join(legal_basis_label(basis) for basis in entity.wettelijke_basis)}.")
    if isinstance(entity, Casus):  # the evaluation, in full: what a reader who compares cases types
        for lines in Views(site, PageContext(entity.src_uri)).evaluation(entity):
            text.append(f"{lines.label}: {'; '.join(' '.join(link.text for link in line) for line in lines.lines)}.")
    if isinstance(entity, Toolkit) and entity.stappen:
        text.append(f"Stappen: {'; '.join(step['titel'] for step in entity.stappen)}.")
    for item in fields:
        labels = _labels(site, entity, item) if item.about.search == "text" else []
        if labels:
            text.append(f"{item.about.label}: {', '.join(labels)}.")
    return list(dict.fromkeys(tags)), " ".join(text)


def _labels(site: Site, entity: Entity, item: Declared) -> list[str]:
    assert item.about.points_at is not None
    taxonomy = TAXONOMY[item.about.points_at]
    return [site.graph.label(taxonomy, term) for term in entity.values(item.name)]


# -- List pages and hand-written pages -------------------------------------------------------------


def list_record(url: str, title: str, intro: str) -> Record:
    """The name of a list page and the start of its intro, weighted low."""
    blocks = [Block(title, heading=1, weight=LIST_TITLE_WEIGHT)]
    intro = " ".join(intro.split())
    if intro:
        blocks.append(Block(_cut(intro, LIST_TEXT_CHARS), weight=LIST_TEXT_WEIGHT))
    return Record(url, title, blocks, kind="lijst")


def page_record(url: str, title: str, content: str) -> Record:
    """A hand-written page: its title, the text before its first heading, and each section."""
    blocks = [Block(title, heading=1)]
    first = _HEADING.search(content)
    intro = _text(content[:first.start()] if first else content)
    if intro:
        blocks.append(Block(intro))
    for level, anchor, heading, body in sections(content):
        if level == 1:
            heading = ""  # the page title, already there
        if heading:
            blocks.append(Block(heading, heading=level, id=anchor))
        if body:
            blocks.append(Block(body))
    return Record(url, title, blocks, kind="pagina")


# -- Reading rendered HTML -------------------------------------------------------------------------

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r"\bid=\"([^\"]*)\"")
_PERMALINK = re.compile(r"<a class=\"headerlink\"[^>]*>.*?</a>", re.S)
_SKIP = re.compile(r"<(script|style|svg|template)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def sections(content: str) -> list[tuple[int, str, str, str]]:
    """(level, id, heading, text) for every heading of rendered HTML that has an id, with the text up to the next."""
    found = []
    matches = [(match, anchor) for match in _HEADING.finditer(content) if (anchor := _ID.search(match.group(2)))]
    for index, (match, anchor) in enumerate(matches):  # a heading without an id stays in the text
        end = matches[index + 1][0].start() if index + 1 < len(matches) else len(content)
        found.append((int(match.group(1)), html.unescape(anchor.group(1)),
                      _text(_PERMALINK.sub("", match.group(3))), _text(content[match.end():end])))
    return found


def _text(fragment: str) -> str:
    """Rendered HTML as plain text (block ends become spaces)."""
    return " ".join(html.unescape(_TAG.sub(" ", _SKIP.sub(" ", fragment))).split())


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def own_headings(body: str) -> set[str]:
    """The headings the contributor wrote in the body (normalised), outside code blocks."""
    headings, fence = set(), None
    for line in body.splitlines():
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence and marker.group(1)[0] == fence else (fence or marker.group(1)[0])
            continue
        match = None if fence else _MD_HEADING.match(line)
        if match:
            headings.add(normal(re.sub(r"\{[^}]*\}\s*$", "", match.group(1))))
    return headings


def normal(heading: str) -> str:
    """A heading as words only, to compare Markdown with the rendered page."""
    heading = re.sub(r"\]\([^)]*\)", "", html.unescape(heading))  # [text](link) -> text
    return " ".join(re.findall(r"[^\W_]+", heading.lower()))


def all_texts(records: Iterable[Record]) -> Iterable[str]:
    for record in records:
        yield from record.texts()


def splitter_for(site: Site, records: list[Record]) -> Splitter:
    """A splitter that knows every word of these records and the curated list in data/."""
    curated = {word: list(item.get("delen", [])) for word, item in site.reference["zoeken-samenstellingen"].items()}
    return Splitter(vocabulary(all_texts(records)), curated)
