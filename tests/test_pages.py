"""Generated Markdown: cards that link every value, escaped contributor text, Dutch dates."""

from kennisbank.content.corpus import load_corpus
from kennisbank.graph import Site
from kennisbank.site.pages import all_pages
from kennisbank.site.pages.common import dutch_date, link, text
from kennisbank.site.pages.detail import case_page

from .conftest import VALID_CASE


def test_dutch_dates():
    assert dutch_date("2024-05-31") == "31 mei 2024"
    assert dutch_date("2023-10") == "oktober 2023"
    assert dutch_date("2026-03-05") == "5 maart 2026"


def test_contributor_text_is_inert_in_markdown():
    assert text("<b>{{ x }}</b> [link](javascript:1) *ster*") == (
        "&lt;b&gt;\\{\\{ x \\}\\}&lt;/b&gt; \\[link\\](javascript:1) \\*ster\\*")


def test_links_are_relative_markdown_links_that_mkdocs_checks():
    assert link("cases/a.md", "steden/dordrecht.md", "Dordrecht") == "[Dordrecht](../steden/dordrecht.md)"
    assert link("cases/a.md", "themas/vastgoed.md", "Vastgoed", anchor="vastgoed-1") == \
        "[Vastgoed](../themas/vastgoed.md#vastgoed-1)"


def test_case_card_has_a_row_per_filled_field(project):
    project.write("cases/a.md", VALID_CASE.replace("themas: [vastgoed]",
                                                   "themas: [vastgoed]\nonderwerpen: [leegstandsaanpak]"))
    site = Site(load_corpus(project.root))
    page = case_page(site, site.corpus.cases["a"])
    assert page.contributor and page.source == "cases/a.md"
    assert "Stad\n:   [Dordrecht](../steden/dordrecht.md)" in page.markdown
    assert "Onderwerpen\n:   [Leegstandsaanpak](../onderwerpen/leegstandsaanpak.md)" in page.markdown
    assert "Werkvormen" not in page.markdown  # empty fields get no row
    assert "Illustratief voorbeeld" not in page.markdown


def test_every_entity_and_term_gets_a_page(project):
    project.write("cases/a.md", VALID_CASE)
    site = Site(load_corpus(project.root))
    uris = {page.src_uri for page in all_pages(site)}
    assert "cases/a.md" in uris
    assert {f"steden/{stad}.md" for stad in site.reference["steden"]} <= uris
    assert {f"themas/{thema}.md" for thema in site.reference["themas"]} <= uris
    assert "problemen.md" not in uris  # only when there are problems
