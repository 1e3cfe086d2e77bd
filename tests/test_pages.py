"""The page layer: components escape contributor text, cards follow the content registry, links are relative."""

from __future__ import annotations

import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.dates import dutch_date
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.macros import markdown_text
from kennisbank.site.pages import all_pages
from kennisbank.site.pages.items import case_page
from kennisbank.site.views import legal_basis_label

from .helpers import CASE_BODY, case, soup


def test_dutch_dates():
    assert dutch_date("2024-05-31") == "31 mei 2024"
    assert dutch_date("2023-10") == "oktober 2023"
    assert dutch_date("2026-03-05") == "5 maart 2026"


@pytest.mark.parametrize("from_uri, to_uri, anchor, expected", [
    ("cases/a.md", "steden/dordrecht.md", "", "../../steden/dordrecht/"),
    ("cases/a.md", "themas/vastgoed.md", "vastgoed-1", "../../themas/vastgoed/#vastgoed-1"),
    ("index.md", "cases/index.md", "", "cases/"),
    ("cases/index.md", "cases/a.md", "", "a/"),
    ("kaart/index.md", "kaart/index.md", "stad-x", "#stad-x"),
    ("data/index.md", "data/cases.json", "", "cases.json"),
])
def test_links_are_relative_as_mkdocs_writes_them(from_uri, to_uri, anchor, expected):
    assert relative_url(from_uri, to_uri, anchor) == expected


@pytest.mark.parametrize("basis, label", [
    ({"wet": "Opiumwet", "artikel": "13b"}, "Opiumwet, artikel 13b"),
    ({"wet": "Omgevingswet", "artikel": "hoofdstuk 9"}, "Omgevingswet, hoofdstuk 9"),
    ({"wet": "Awb", "artikel": "titel 4.2"}, "Awb, titel 4.2"),
    ({"wet": "Omgevingswet", "artikel": "afdeling 13.6"}, "Omgevingswet, afdeling 13.6"),
    ({"wet": "Leegstandwet"}, "Leegstandwet"),
    ({"wet": "Leegstandwet", "artikel": "2 en 3"}, "Leegstandwet, artikelen 2 en 3"),
    ({"wet": "Omgevingswet", "artikel": "13.22 tot en met 13.24"}, "Omgevingswet, artikelen 13.22 tot en met 13.24"),
    # issue 27: one article with a note or a member is one article
    ({"wet": "Awb", "artikel": "4:23 (titel 4.2, subsidies)"}, "Awb, artikel 4:23 (titel 4.2, subsidies)"),
    ({"wet": "Gemeentewet", "artikel": "160, eerste lid, onder d, en tweede lid"},
     "Gemeentewet, artikel 160, eerste lid, onder d, en tweede lid"),
    ({"wet": "BW", "artikel": "7:231, tweede lid"}, "BW, artikel 7:231, tweede lid"),
    ({"wet": "Wet BIZ", "artikel": "1 (bijdrage); 3 tot en met 7"}, "Wet BIZ, artikelen 1 (bijdrage); 3 tot en met 7"),
    ({"wet": "Awb", "artikel": "5:31d en 5:32"}, "Awb, artikelen 5:31d en 5:32"),
    ({"wet": "BW", "artikel": "5:85 en verder (erfpacht)"}, "BW, artikelen 5:85 en verder (erfpacht)"),
])
def test_legal_basis_labels_read_as_dutch(basis, label):
    assert legal_basis_label(basis) == label


def test_markdown_text_shows_exactly_as_written():
    assert markdown_text("auto's *x* [y](z) {a} <b> & _") == r"auto's \*x\* \[y\]\(z\) \{a\} &lt;b&gt; &amp; \_"


def test_case_page_has_a_card_row_per_filled_field_in_declared_order(project):
    project.write("cases/a.md", case(onderwerpen=["leegstandsaanpak"]))
    site = Site(load_corpus(project.root))
    page = case_page(site, site.corpus.cases["a"])
    assert page.source == "cases/a.md" and page.search == "item"
    assert page.title == "Proefcasus in de binnenstad"
    assert page.description == "Een korte samenvatting van deze proefcasus voor de tests."
    card = soup(str(page.html)).select_one(".kb-kaart")
    rows = {dt.get_text(): dt.find_next_sibling("dd") for dt in card.find_all("dt")}
    assert list(rows) == ["Stad", "Thema's", "Fase", "Status", "Periode", "Onderwerpen", "Contact",
                          "Laatst bijgewerkt"]  # empty fields get no row
    assert rows["Stad"].a["href"] == "../../steden/dordrecht/"
    assert rows["Onderwerpen"].a["href"] == "../../onderwerpen/leegstandsaanpak/"
    assert rows["Periode"].get_text() == "januari 2024 – heden"
    assert "Illustratief voorbeeld" not in page.html
    assert [part.strip() for part in page.prose] == [CASE_BODY.strip()]  # a prose slot, rendered by MkDocs


def test_an_example_case_says_so_at_the_top(project):
    project.write("cases/a.md", case(voorbeeld=True))
    site = Site(load_corpus(project.root))
    html = soup(str(case_page(site, site.corpus.cases["a"]).html))
    assert html.h1.find_next_sibling().select_one(".admonition-title").get_text() == "Illustratief voorbeeld"


def test_every_entity_and_term_gets_a_page(project):
    project.write("cases/a.md", case())
    site = Site(load_corpus(project.root))
    uris = {page.src_uri for page in all_pages(site)}
    assert "cases/a.md" in uris
    assert {f"steden/{stad}.md" for stad in site.reference["steden"]} <= uris
    assert {f"themas/{thema}.md" for thema in site.reference["themas"]} <= uris
    assert "problemen.md" not in uris  # only when there are problems


def test_an_instrument_page_lists_its_sources_and_claims_no_review_that_did_not_happen(project):
    from kennisbank.site.pages.items import instrument_page

    from .helpers import instrument
    project.write("instrumenten/a.md", instrument())
    project.write("instrumenten/b.md", instrument(naam="Nagekeken instrument",
                                                  beoordeeld_door={"rol": "juridisch adviseur gemeente X",
                                                                   "datum": "2026-11-20"}))
    site = Site(load_corpus(project.root))
    unreviewed = soup(str(instrument_page(site, site.corpus.instrumenten["a"]).html))
    assert [a.get_text() for a in unreviewed.select("ol.kb-bronnen a")] == ["Proefbron voor de tests"]
    assert "nog niet nagekeken" in unreviewed.get_text() and unreviewed.select_one(".kb-nagekeken") is None
    reviewed = soup(str(instrument_page(site, site.corpus.instrumenten["b"]).html))
    assert reviewed.select_one(".kb-nagekeken").get_text() == (
        "Juridisch nagekeken op 20 november 2026 door juridisch adviseur gemeente X.")
