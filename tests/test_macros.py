"""Macros render the deal's data with links relative to the page that calls them."""

from kennisbank.graph import Site
from kennisbank.site.macros import Macros

from .helpers import read_fixture_content, soup

SITE = Site(read_fixture_content())


def macros_for(uri: str) -> Macros:
    return Macros(SITE, lambda: uri)


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


def test_newest_cases_are_those_published_last_not_those_edited_last():
    corpus = read_fixture_content()
    by_edit = sorted(corpus.cases.values(), key=lambda c: c.bijgewerkt)
    for number, item in enumerate(by_edit):  # published in the reverse order of their last edit
        item.gepubliceerd = f"2020-01-{len(by_edit) - number:02d}"
    listed = soup(str(Macros(Site(corpus), lambda: "index.md").nieuwste_cases(3))).select("li.kb-item")
    assert [li.a["href"] for li in listed] == [f"cases/{item.id}/" for item in by_edit[:3]]


