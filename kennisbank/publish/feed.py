"""The Atom feed (``/feed.xml``, RFC 4287) of cases, instruments, toolkits and oogst pages.

Readers subscribe once and see what is new or changed. Each entry's ``updated`` comes
from the content (``bijgewerkt``, the last date in a case's ``historie``, the items of an
oogst page), never from the build, so a rebuild does not make old entries look new.
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
    updated: str  # YYYY-MM-DD
    url: str
    summary: str


def _timestamp(day: str) -> str:
    """RFC 3339 for a date: midnight UTC."""
    return f"{day}T00:00:00Z"


def tag_uri(base_url: str, key: str) -> str:
    host = urlparse(base_url).hostname or "localhost"
    return f"tag:{host},{TAG_YEAR}:{key}"


def entries(site: Site, base_url: str) -> list[Entry]:
    """Every published case, instrument and toolkit, and every oogst page with a harvest; newest first."""
    result = []
    for case in published(site.corpus.cases.values()):
        steps = [step.datum for step in history.entries(case) if step.datum]
        updated = max([case.bijgewerkt, *steps]) if case.bijgewerkt or steps else ""
        result.append(Entry(f"casus/{case.id}", "casus", case.titel, updated, page_url(base_url, case),
                            case.samenvatting))
    for instrument in published(site.corpus.instrumenten.values()):
        result.append(Entry(f"instrument/{instrument.id}", "instrument", instrument.naam, instrument.bijgewerkt,
                            page_url(base_url, instrument), instrument.samenvatting))
    for toolkit in published(site.corpus.toolkits.values()):
        result.append(Entry(f"toolkit/{toolkit.id}", "toolkit", toolkit.titel, toolkit.bijgewerkt,
                            page_url(base_url, toolkit), toolkit.samenvatting))
    result += _oogst_entries(site, base_url)
    fallback = site.reference.deal.get("ondertekend") or "2023-06-14"  # the deal's signing date
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
        dates = [item.bijgewerkt for item in items if item.bijgewerkt]
        summary = f"Geoogst bij {moment['naam']}: " + "; ".join(item.title for item in items) + "."
        result.append(Entry(f"oogst/{moment['id']}", "oogst", f"Oogst: {moment['naam']}",
                            max(dates) if dates else moment["datum"],
                            page_url(base_url, f"oogst/{moment['id']}.md"), summary))
    return result


def feed_xml(site: Site, base_url: str) -> str:
    ET.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    items = entries(site, base_url)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    add(feed, "id", tag_uri(base_url, "feed"))
    add(feed, "title", TITLE)
    add(feed, "subtitle", "Nieuwe en bijgewerkte casussen, instrumenten, toolkits en oogstpagina's.")
    add(feed, "updated", _timestamp(items[0].updated) if items else _timestamp("2023-06-14"))
    add(feed, "link", rel="self", type="application/atom+xml", href=base_url + "feed.xml")
    add(feed, "link", rel="alternate", type="text/html", href=base_url)
    add(add(feed, "author"), "name", AUTHOR)
    add(feed, "rights", "CC BY 4.0")
    for item in items:
        entry = add(feed, "entry")
        add(entry, "id", tag_uri(base_url, item.key))
        add(entry, "title", item.title)
        add(entry, "updated", _timestamp(item.updated))
        add(entry, "link", rel="alternate", type="text/html", href=item.url)
        add(entry, "summary", item.summary)
        add(entry, "category", term=item.kind, label=KIND_LABELS[item.kind])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
