"""The Atom feed (``/feed.xml``, RFC 4287) of cases, instruments, toolkits and oogst pages.

Readers subscribe once and see what is new or changed. Each entry's ``updated`` is the item's
real last change (``dates.last_change``: the moment of its file's last commit, or a later
``bijgewerkt``; for a case also the start of its latest phase in ``historie``; for an oogst page
the latest change among what it harvested), never the build, so a rebuild does not make old
entries look new. ``write_feed`` writes a feed for any list of entries (a feed per theme or city
can use it).
Ids are tag URIs (RFC 4151) made of the site's host and the item's kind and id: they do
not change when the page layout or the path of the site changes.

The XML is written with the standard library: Atom needs a dozen elements, and the tests
check the result with feedparser and against the RFC's rules.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlparse

from kennisbank.content import history
from kennisbank.content.dates import last_change, rfc3339
from kennisbank.graph import Site
from kennisbank.publish.export import published
from kennisbank.publish.urls import page_url

ATOM = "http://www.w3.org/2005/Atom"
TITLE = "Kennisbank Dynamische Binnensteden: nieuw en bijgewerkt"
AUTHOR = "City Deal Dynamische Binnensteden – Regie op Transformatie"
TAG_YEAR = "2026"  # the year the site's host started minting these ids (RFC 4151)
KIND_LABELS = {"casus": "Casus", "instrument": "Instrument", "toolkit": "Toolkit", "oogst": "Oogst"}


@dataclass
class Entry:
    key: str  # kind/id, the specific part of the tag URI
    kind: str
    title: str
    updated: str  # RFC 3339 moment, UTC
    url: str
    summary: str


def tag_uri(base_url: str, key: str) -> str:
    host = urlparse(base_url).hostname or "localhost"
    return f"tag:{host},{TAG_YEAR}:{key}"


def entries(site: Site, base_url: str) -> list[Entry]:
    """Every published case, instrument and toolkit, and every oogst page with a harvest; newest first."""
    result = []
    for case in published(site.corpus.cases.values()):
        steps = [rfc3339(step.datum) for step in history.entries(case) if step.datum]
        updated = max(filter(None, [last_change(case), *steps]), default="")
        result.append(Entry(f"casus/{case.id}", "casus", case.titel, updated, page_url(base_url, case),
                            case.samenvatting))
    for instrument in published(site.corpus.instrumenten.values()):
        result.append(Entry(f"instrument/{instrument.id}", "instrument", instrument.naam, last_change(instrument),
                            page_url(base_url, instrument), instrument.samenvatting))
    for toolkit in published(site.corpus.toolkits.values()):
        result.append(Entry(f"toolkit/{toolkit.id}", "toolkit", toolkit.titel, last_change(toolkit),
                            page_url(base_url, toolkit), toolkit.samenvatting))
    result += _oogst_entries(site, base_url)
    fallback = rfc3339(site.reference.deal.get("ondertekend") or "2023-06-14")  # the deal's signing date
    for entry in result:
        entry.updated = entry.updated or fallback
    result.sort(key=lambda entry: entry.key)
    result.sort(key=lambda entry: entry.updated, reverse=True)
    return result


def _oogst_entries(site: Site, base_url: str) -> list[Entry]:
    """An oogst page changes when what was harvested at its ijkmoment changes."""
    harvested = [*published(site.corpus.cases.values()), *published(site.corpus.instrumenten.values()),
                 *published(site.corpus.toolkits.values())]
    result = []
    for moment in site.reference.lists.get("ijkmomenten", {}).values():
        items = [item for item in harvested if item.oogst == moment["id"]]
        if not items:
            continue
        changes = [change for change in map(last_change, items) if change]
        summary = f"Geoogst bij {moment['naam']}: " + "; ".join(item.title for item in items) + "."
        result.append(Entry(f"oogst/{moment['id']}", "oogst", f"Oogst: {moment['naam']}",
                            max(changes) if changes else rfc3339(str(moment["datum"])),
                            page_url(base_url, f"oogst/{moment['id']}.md"), summary))
    return result


def feed_xml(site: Site, base_url: str) -> str:
    """/feed.xml: every published item and oogst page."""
    return write_feed(entries(site, base_url), base_url, key="feed", title=TITLE,
                      subtitle="Nieuwe en bijgewerkte casussen, instrumenten, toolkits en oogstpagina's.",
                      path="feed.xml", page=base_url)


def write_feed(items: list[Entry], base_url: str, *, key: str, title: str, subtitle: str, path: str, page: str) -> str:
    """An Atom feed of ``items`` (newest first): ``key`` makes its id, ``path`` is where it is published
    (its rel=self), ``page`` the page it follows (its rel=alternate)."""
    ET.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    add(feed, "id", tag_uri(base_url, key))
    add(feed, "title", title)
    add(feed, "subtitle", subtitle)
    add(feed, "updated", max((item.updated for item in items), default=rfc3339("2023-06-14")))
    add(feed, "link", rel="self", type="application/atom+xml", href=base_url + path)
    add(feed, "link", rel="alternate", type="text/html", href=page)
    add(add(feed, "author"), "name", AUTHOR)
    add(feed, "rights", "CC BY 4.0")
    for item in items:
        entry = add(feed, "entry")
        add(entry, "id", tag_uri(base_url, item.key))
        add(entry, "title", item.title)
        add(entry, "updated", item.updated)
        add(entry, "link", rel="alternate", type="text/html", href=item.url)
        add(entry, "summary", item.summary)
        add(entry, "category", term=item.kind, label=KIND_LABELS[item.kind])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
