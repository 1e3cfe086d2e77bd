"""Macros render the deal's data with links relative to the page that calls them."""

from kennisbank.content.corpus import load_corpus
from kennisbank.site.macros import Macros
from kennisbank.graph import Site

from .conftest import ROOT


def macros_for(uri: str) -> Macros:
    return Macros(Site(load_corpus(ROOT)), lambda: uri)


def test_links_are_relative_to_the_calling_page():
    assert "(themas/vastgoed.md)" in macros_for("index.md").themas()
    assert "(../themas/vastgoed.md)" in macros_for("over/index.md").themas()


def test_every_beoogd_resultaat_is_listed_with_an_anchor():
    markdown = macros_for("over.md").resultaten("financiering")
    for number in range(1, 6):
        assert f"themas/financiering.md#financiering-{number})" in markdown


def test_doelen_and_fasen_come_from_the_data():
    macros = macros_for("over.md")
    assert macros.doelen().count("\n") >= 6 * 2
    fasen = macros.fasen()
    assert "Zaaien" in fasen and "Groeien" in fasen and "Oogsten" in fasen


def test_newest_cases_are_sorted_by_date():
    macros = macros_for("index.md")
    cases = sorted(macros.site.corpus.cases.values(), key=lambda c: (c.bijgewerkt, c.titel), reverse=True)
    first_line = macros.nieuwste_cases(1).strip()
    assert f"(cases/{cases[0].id}.md)" in first_line and "\n" not in first_line
