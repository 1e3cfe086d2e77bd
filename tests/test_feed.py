"""The Atom feed: parses with feedparser, follows RFC 4287, holds every published item, linked from every page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlparse

import feedparser
import yaml
from bs4 import BeautifulSoup

from kennisbank.content import dates

from .helpers import ROOT, case

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def atom_problems(xml: str) -> list[str]:
    """The RFC 4287 rules a feed reader relies on (section 4.1.1 and 4.1.2)."""
    root = ET.fromstring(xml)
    problems = []
    if root.tag != f"{ATOM}feed":
        return ["root is not atom:feed"]

    def one(element, name: str, where: str):
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1 or not (found[0].text or "").strip():
            problems.append(f"{where}: needs exactly one non-empty atom:{name}")
        return found[0] if found else None

    for name in ("id", "title", "updated"):
        one(root, name, "feed")
    if not root.findall(f"{ATOM}author/{ATOM}name"):
        problems.append("feed: needs an atom:author with a name (entries have none of their own)")
    if not [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self" and link.get("href")]:
        problems.append("feed: should have a rel=self link")
    ids = []
    for index, entry in enumerate(root.findall(f"{ATOM}entry")):
        where = f"entry {index}"
        for name in ("id", "title", "updated"):
            one(entry, name, where)
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if not alternates or not alternates[0].get("href", "").startswith("https://"):
            problems.append(f"{where}: needs an absolute rel=alternate link (no atom:content)")
        if entry.find(f"{ATOM}id") is not None:
            ids.append(entry.find(f"{ATOM}id").text)
        updated = entry.find(f"{ATOM}updated")
        if updated is not None and not RFC3339.match(updated.text or ""):
            problems.append(f"{where}: updated is not RFC 3339: {updated.text}")
    for element_id in [root.find(f"{ATOM}id").text, *ids]:
        if not re.match(r"^(tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:\S+|https?://\S+)$", element_id or ""):
            problems.append(f"id is not an IRI: {element_id}")
    if len(ids) != len(set(ids)):
        problems.append("entry ids are not unique")
    if not RFC3339.match(root.find(f"{ATOM}updated").text or ""):
        problems.append("feed: updated is not RFC 3339")
    return problems


def test_feed_parses_and_follows_the_atom_rules(fixture_site):
    xml = (fixture_site / "feed.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title and parsed.feed.author and parsed.feed.id and parsed.feed.updated
    assert atom_problems(xml) == []
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.link.startswith("https://") and entry.updated_parsed


def test_every_published_item_is_in_the_feed_with_its_date(fixture_site, fixture_corpus):
    corpus = fixture_corpus
    parsed = feedparser.parse((fixture_site / "feed.xml").read_text(encoding="utf-8"))
    links = {entry.link: entry for entry in parsed.entries}
    site_url = SITE_URL
    for item in corpus.cases.values():
        entry = links[f"{site_url}cases/{item.id}/"]
        assert entry.title == item.titel
        last_step = max(step["datum"] for step in item.historie) if item.historie else ""
        # its last change: never before the day it says it was updated or entered its phase (dates.last_change)
        assert entry.updated == max(dates.last_change(item), dates.rfc3339(last_step) if last_step else "")
        assert entry.updated[:10] >= max(item.bijgewerkt, last_step)
    for instrument in corpus.instrumenten.values():
        assert f"{site_url}instrumenten/{instrument.id}/" in links
    for toolkit in corpus.toolkits.values():
        assert f"{site_url}toolkits/{toolkit.id}/" in links
    harvested = {case.oogst for case in corpus.cases.values() if case.oogst}
    for moment in harvested:
        assert f"{site_url}oogst/{moment}/" in links
    moments = [datetime.fromisoformat(entry.updated.replace("Z", "+00:00")) for entry in parsed.entries]
    assert moments == sorted(moments, reverse=True)  # newest first


def test_every_page_links_the_feed_in_its_head(fixture_site):
    built_site = fixture_site
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        if head is None or head.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # redirect stubs of renamed pages
        if page.parent.name == "beheer":
            continue  # the editor: an application for contributors, not a page to follow
        link = head.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None and link.get("title"), page
        href = link["href"]
        if href.startswith("/"):  # 404.html links from the site's root path
            href = href.removeprefix(urlparse(SITE_URL).path)
            target = (built_site / href).resolve()
        else:
            target = (page.parent / href).resolve()
        assert target == (built_site / "feed.xml").resolve(), page


def test_drafts_are_not_in_the_feed(project):
    project.write("cases/openbaar.md", case())
    project.write("cases/geheim.md", case(titel="Geheime conceptcasus", concept=True))
    result = project.build()
    assert result.returncode == 0, result.stderr
    xml = (project.site / "feed.xml").read_text(encoding="utf-8")
    assert "cases/openbaar/" in xml
    assert "geheim" not in xml.lower() and "Geheime" not in xml
