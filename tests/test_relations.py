"""Every relation is walkable both ways in the built site.

For every case, instrument and toolkit and every relation it makes — each taxonomy
(thema, stad, fase, status, onderwerp, werkvorm, inzicht, City Deal, partner, rol,
sturing, soort, ijkmoment), instruments used, toolkits, beoogde resultaten — the item's
page links to the other side, and the other side's page links back: to the item itself, or,
where a term page shows only the items last updated, to the overview filtered on the term,
which lists the item with that term. Built from the frozen fixture content.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from kennisbank.graph import TAXONOMIES, Graph, term_ids

from .helpers import read_fixture_content

CORPUS = read_fixture_content()
GRAPH = Graph(CORPUS)
BASE = "http://kennisbank.test/"
NOT_TERMS = {"Periode", "Contact", "Bijgewerkt", "Laatst bijgewerkt", "Wettelijke basis", "Stappen"}


def url_of(folder: str, slug: str) -> str:
    return f"{folder}/{slug}/"


@cache
def _soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.exists(), f"pagina ontbreekt: /{url}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(site: Path, url: str):
    """The page's own content (not the navigation, which lists only overviews)."""
    return _soup(site, url).select_one("article")


def targets(site: Path, url: str, within=None) -> set[str]:
    """Every link target in the content, as a site path with its #fragment if any."""
    scope = within if within is not None else content(site, url)
    found = set()
    for anchor in scope.find_all("a", href=True):
        absolute = urlsplit(urljoin(BASE + url, anchor["href"]))
        if absolute.netloc != urlsplit(BASE).netloc:
            continue
        path = absolute.path.lstrip("/")
        found.add(path)
        if absolute.fragment:
            found.add(f"{path}#{absolute.fragment}")
    return found


def relations():
    """(item page, target page, what) for every relation written in the content."""
    for entity in CORPUS.entities():
        page = url_of(entity.folder, entity.id)
        for taxonomy in TAXONOMIES:
            if not taxonomy.folder:
                continue  # beoogde resultaten: anchors on the theme pages (test below)
            for term in term_ids(entity, taxonomy):
                yield page, url_of(taxonomy.folder, term), f"{taxonomy.node}={term}"
        for instrument in getattr(entity, "instrumenten", []):
            yield page, url_of("instrumenten", instrument), f"instrument={instrument}"
        for case in getattr(entity, "cases", []):
            yield page, url_of("cases", case), f"casus={case}"


RELATIONS = sorted(set(relations()))


def test_the_content_has_relations_of_every_kind():
    kinds = {what.split("=")[0] for _, _, what in RELATIONS}
    assert {"thema", "stad", "fase", "status", "onderwerp", "citydeal", "sturing", "soort",
            "instrument", "casus"} <= kinds


def links_back(site: Path, target: str, page: str, what: str) -> bool:
    """The target's page links to the item, or to an overview filtered on the term that lists the item."""
    found = targets(site, target)
    if page in found:
        return True
    name, term = what.split("=")
    overview = page.split("/")[0] + "/"
    if f"{overview}?{name}={term}" not in {link for link in _query_targets(site, target)}:
        return False
    index = json.loads((site / overview / "lijst.json").read_text(encoding="utf-8"))  # what the overview lists
    entry = next(entry for entry in index["items"] if entry["u"] == page.split("/", 1)[1])
    return term in entry["f"].get(name, [])


def _query_targets(site: Path, url: str) -> set[str]:
    found = set()
    for anchor in content(site, url).find_all("a", href=True):
        absolute = urlsplit(urljoin(BASE + url, anchor["href"]))
        if absolute.query:
            found.add(f"{absolute.path.lstrip('/')}?{absolute.query}")
    return found


@pytest.mark.parametrize("page, target, what", RELATIONS, ids=[f"{p}->{w}" for p, _, w in RELATIONS])
def test_relation_links_both_ways(fixture_site, page, target, what):
    assert target in targets(fixture_site, page), f"/{page} linkt niet naar /{target} ({what})"
    assert links_back(fixture_site, target, page, what), f"/{target} linkt niet terug naar /{page} ({what})"


def _resultaat_section(site: Path, thema: str, resultaat: str):
    """The part of a theme page under the resultaat's heading, up to the next heading."""
    article = content(site, url_of("themas", thema))
    heading = article.find(id=resultaat)
    assert heading is not None, f"/themas/{thema}/ heeft geen kop #{resultaat}"
    section = BeautifulSoup("", "html.parser").new_tag("div")
    for sibling in list(heading.find_next_siblings()):
        if sibling.name in ("h2", "h3"):
            break
        section.append(sibling.__copy__())
    return section


def test_beoogde_resultaten_link_both_ways(fixture_site):
    resultaten = CORPUS.reference.resultaten
    checked = 0
    for entity in list(CORPUS.cases.values()) + list(CORPUS.instrumenten.values()):
        page = url_of(entity.folder, entity.id)
        for resultaat in entity.resultaten:
            thema = resultaten[resultaat]["thema"]
            assert f"themas/{thema}/#{resultaat}" in targets(fixture_site, page), (page, resultaat)
            section = _resultaat_section(fixture_site, thema, resultaat)
            assert page in targets(fixture_site, url_of("themas", thema), within=section), (resultaat, page)
            checked += 1
    assert checked > 0


def test_toolkit_backlinks_on_cases_and_instruments(fixture_site):
    for toolkit in CORPUS.toolkits.values():
        page = url_of("toolkits", toolkit.id)
        for case in toolkit.cases:
            heading = content(fixture_site, url_of("cases", case)).find(
                lambda tag: tag.name == "h2" and "Onderdeel van toolkit" in tag.get_text())
            assert heading is not None, case
            assert page in targets(fixture_site, url_of("cases", case), within=heading.find_next_sibling())
        for instrument in toolkit.instrumenten:
            assert page in targets(fixture_site, url_of("instrumenten", instrument)), (instrument, page)


def test_instrument_pages_say_where_they_were_applied(fixture_site):
    for case in CORPUS.cases.values():
        for instrument in case.instrumenten:
            page = url_of("instrumenten", instrument)
            heading = content(fixture_site, page).find(lambda tag: tag.name == "h2" and "Toegepast in" in tag.get_text())
            assert heading is not None, instrument
            assert url_of("cases", case.id) in targets(fixture_site, page, within=heading.find_next_sibling()), \
                (instrument, case.id)


def test_every_value_on_a_card_is_a_link(fixture_site):
    for entity in list(CORPUS.cases.values()) + list(CORPUS.instrumenten.values()):
        card = content(fixture_site, url_of(entity.folder, entity.id)).select_one(".kb-kaart")
        assert card is not None, entity.id
        for term in card.find_all("dt"):
            label = term.get_text(strip=True)
            if label in NOT_TERMS:
                continue
            value = term.find_next_sibling("dd")
            unlinked = value.get_text()
            for anchor in value.find_all("a"):
                unlinked = unlinked.replace(anchor.get_text(), "")
            assert value.find("a") and not unlinked.replace(",", "").strip(), \
                f"{entity.id}: '{label}' heeft een waarde zonder link: {unlinked.strip()!r}"


def test_related_cases_block_is_on_case_pages(fixture_site):
    with_related = 0
    for case in CORPUS.cases.values():
        article = content(fixture_site, url_of("cases", case.id))
        heading = article.find(lambda tag: tag.name == "h2" and "Gerelateerde casussen" in tag.get_text())
        if heading is not None:
            links = targets(fixture_site, url_of("cases", case.id), within=heading.find_next_sibling())
            assert links and all(link.startswith("cases/") for link in links)
            with_related += 1
    assert with_related >= len(CORPUS.cases) // 2


def test_index_pages_link_every_term(fixture_site):
    for taxonomy in TAXONOMIES:
        if not taxonomy.folder:
            continue
        index = f"{taxonomy.folder}/"
        links = targets(fixture_site, index)
        for term in GRAPH.terms(taxonomy):
            assert url_of(taxonomy.folder, term) in links, f"/{index} linkt niet naar {term}"
