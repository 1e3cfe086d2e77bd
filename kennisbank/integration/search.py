"""What the search index holds, and how much of it: Material's index, reshaped for this site.

Material's search plugin writes an entry (title + text) for every section of every page. For a
knowledge base that is both too big and badly ranked: every list page repeats the title and
summary of each item in it, so /steden/dordrecht/ matches every word of every Dordrecht case,
and a case matches the words of the related cases listed under it. After Material has written
``search/search_index.json``, ``rewrite_index`` replaces the entries of:

- a case, instrument or toolkit page: one main entry with the title, the summary (the teaser
  shown in the result) and the metadata readers search by (city, themes, phase, instruments,
  topics, legal basis, toolkit steps; the short facets also as tags, shown as chips in the
  result), plus one entry per section the contributor wrote: its heading and the start of its
  text. What the site adds below (related cases, "toegepast in") is left out.
- a generated list page (term pages such as /steden/dordrecht/, overviews, oogst): Material
  does not read it at all (``search: exclude``, set by the plugin); it gets one entry here, its
  title and the start of its intro, with a lower boost. It is found by its name and leads to the
  items; it does not crowd them out.

Hand-written pages stay as Material indexed them.

Dutch word forms are handled in the browser: mkdocs.yml keeps the Dutch stemmer in Material's
``pipeline`` and docs/assets/javascripts/workers/dutch-search.js stems the query words. Field
boosts (title, tags, text) are in mkdocs.yml; the boosts per kind of entry are here.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from kennisbank.content.model import Casus, Entity, Instrument, Toolkit
from kennisbank.content.model import page_path as page_url  # as Material's index writes it
from kennisbank.content.registry import TAXONOMY, Declared, relations
from kennisbank.graph import Site
from kennisbank.site.render import Page
from kennisbank.site.views import legal_basis_label

# -- Size of the index: every setting that changes it (target: <= 2 MB at 1,000 cases) ------------

BODY_TEXT_CHARS = 400  # body text kept per case, instrument or toolkit, shared by its sections (then "…")
LIST_PAGE_TEXT_CHARS = 160  # intro text kept of a generated list page
EVALUATION_TEXT_CHARS = 240  # succesfactoren and knelpunten kept in a case's main entry
# Which metadata of an item is a tag (a chip on the result, searched) or searched text: the content
# registry says, per field (``search="tag"`` or ``"text"`` in content/model.py).

# -- Ranking: boost of an entry (multiplies the field boosts in mkdocs.yml) ---------------------------

ITEM_BOOST = 2.0  # main entry of a case, instrument or toolkit: title, summary, metadata
# A section of a case, instrument or toolkit keeps the default boost (1; not written, to save bytes).
LIST_PAGE_BOOST = 0.5  # a generated list page

INDEX_PATH = "search/search_index.json"


def rewrite_index(site_dir: str | Path, site: Site, generated: dict[str, Page], use_directory_urls: bool = True) -> None:
    """Reshape the index Material wrote (see the module docstring); no index, nothing to do.

    ``generated``: the generated pages by docs path. Material indexed the item pages; the list
    pages it skipped (``search: exclude``) get one short entry here, from their title and intro.
    """
    path = Path(site_dir) / INDEX_PATH
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = shaped_entries(index["docs"], site, generated, use_directory_urls)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def shaped_entries(entries: list[dict], site: Site, generated: dict[str, Page], use_directory_urls: bool = True):
    """Material's entries, with item pages reshaped and an entry for each list page added."""
    items = {page_url(entity.src_uri, use_directory_urls): entity for entity in site.corpus.entities()}
    by_page: dict[str, list[dict]] = {}
    for entry in entries:
        by_page.setdefault(entry["location"].split("#")[0], []).append(entry)
    shaped = []
    for url, page_entries in by_page.items():
        shaped += item_entries(site, items[url], page_entries) if url in items else page_entries
    for uri, page in generated.items():
        if page.search == "lijst":
            shaped.append(list_page_entry(page_url(uri, use_directory_urls), page))
    return shaped


# -- Item pages ------------------------------------------------------------------------------------


def item_entries(site: Site, entity: Entity, page_entries: list[dict]) -> list[dict]:
    """Main entry (title, summary, metadata) and the contributor's own sections, shortened."""
    tags, text = metadata(site, entity)
    main = {"location": page_entries[0]["location"], "title": _escape(entity.title),
            "text": f"<p>{_escape(entity.samenvatting)}</p>" + (f"<p>{_escape(text)}</p>" if text else ""),
            "tags": [_escape(tag) for tag in tags], "boost": ITEM_BOOST}
    own = own_headings(entity.body)
    sections = [entry for entry in page_entries[1:] if _normal(entry["title"]) in own]
    chars = BODY_TEXT_CHARS // max(1, len(sections))
    return [main] + [{"location": entry["location"], "title": entry["title"],
                      "text": f"<p>{_cut(_plain(entry['text']), chars)}</p>"} for entry in sections]


def metadata(site: Site, entity: Entity) -> tuple[list[str], str]:
    """(tags, text): the metadata of an item that go into its main entry."""
    fields = relations(type(entity))
    tags = [label for item in fields if item.about.search == "tag" for label in _labels(site, entity, item)]
    text = []
    if isinstance(entity, Casus) and entity.instrumenten:
        names = [site.corpus.instrumenten[i].title for i in entity.instrumenten if i in site.corpus.instrumenten]
        text.append(f"Instrumenten: {', '.join(names)}.")
    if isinstance(entity, Instrument) and entity.wettelijke_basis:
        tags += list(dict.fromkeys(basis["wet"] for basis in entity.wettelijke_basis))
        laws = [legal_basis_label(basis) for basis in entity.wettelijke_basis]
        text.append(f"Wettelijke basis: {'; '.join(laws)}.")
    if isinstance(entity, Casus) and (entity.succesfactoren or entity.knelpunten):
        evaluation = [f"{label}: {'; '.join(values)}." for label, values in
                      (("Succesfactoren", entity.succesfactoren), ("Knelpunten", entity.knelpunten)) if values]
        text.append(_cut(" ".join(evaluation), EVALUATION_TEXT_CHARS))
    if isinstance(entity, Toolkit) and entity.stappen:
        text.append(f"Stappen: {'; '.join(step['titel'] for step in entity.stappen)}.")
    for item in fields:
        labels = _labels(site, entity, item) if item.about.search == "text" else []
        if labels:
            text.append(f"{item.about.label}: {', '.join(labels)}.")
    return tags, " ".join(text)


def _labels(site: Site, entity: Entity, item: Declared) -> list[str]:
    assert item.about.points_at is not None
    taxonomy = TAXONOMY[item.about.points_at]
    return [site.graph.label(taxonomy, term) for term in entity.values(item.name)]


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def own_headings(body: str) -> set[str]:
    """The headings the contributor wrote in the body (normalised), outside code blocks."""
    headings, fence = set(), None
    for line in body.splitlines():
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence and marker.group(1)[0] == fence else (fence or marker.group(1)[0])
            continue
        match = None if fence else _HEADING.match(line)
        if match:
            headings.add(_normal(re.sub(r"\{[^}]*\}\s*$", "", match.group(1))))
    return headings


# -- List pages ------------------------------------------------------------------------------------


def list_page_entry(location: str, page: Page) -> dict:
    """Title and the start of the intro of a generated list page."""
    return {"location": location, "title": _escape(page.title),
            "text": f"<p>{_escape(_cut(' '.join(page.description.split()), LIST_PAGE_TEXT_CHARS))}</p>",
            "boost": LIST_PAGE_BOOST}


# -- Text ------------------------------------------------------------------------------------------


def _escape(value: str) -> str:
    """Text for the index: Material's results insert it as HTML."""
    return html.escape(str(value), quote=False)


def _plain(text: str) -> str:
    """Material's (already escaped) entry text without its tags."""
    return " ".join(re.sub(r"<[^>]*>", " ", text).split())


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def _normal(heading: str) -> str:
    """A heading as words only, to compare Markdown with the text Material indexed."""
    heading = re.sub(r"\]\([^)]*\)", "", html.unescape(heading))  # [text](link) -> text
    return " ".join(re.findall(r"[^\W_]+", heading.lower()))
