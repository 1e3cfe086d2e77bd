"""Example cases are marked wherever they appear, and the production switch leaves them out of everything.

Two builds of one project (the fixture content, all examples, plus one real case): with the
default setting every list that shows an example marks it; with ``voorbeelden: false`` no page,
list, count, feed, export, search entry or sitemap line knows the examples, and nothing links
to them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kennisbank.site.render import examples_note

from .gates import broken_links, site_path, site_url
from .helpers import FIXTURE_CONTENT, Project, case, content, page, read_fixture_content, replaced

REAL = "Een echte casus over de Voorstraat"


def _project(root: Path, production: bool) -> Project:
    project = Project.create(root, FIXTURE_CONTENT)
    project.write("cases/echt.md", case(titel=REAL, stad="dordrecht", fase="groeien"))
    toolkit = project.read("instrumenten/toolkits/leegstandsaanpak.md")
    project.write("instrumenten/toolkits/leegstandsaanpak.md", replaced(toolkit, "cases:\n", "cases:\n  - echt\n"))
    if production:
        project.write("mkdocs.yml", replaced(project.read("mkdocs.yml"), "voorbeelden: true", "voorbeelden: false"))
    return project


@pytest.fixture(scope="module")
def shown(tmp_path_factory) -> Path:
    return _project(tmp_path_factory.mktemp("met-voorbeelden"), production=False).built()


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> Path:
    return _project(tmp_path_factory.mktemp("zonder-voorbeelden"), production=True).built()


EXAMPLES = [item for item in read_fixture_content().cases.values() if item.voorbeeld]


def test_the_fixture_has_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("url", ["cases", "steden/dordrecht", "themas/vastgoed", "fasen/groeien", "status/lopend",
                                 "goede-praktijken", "kaart", "toolkits/leegstandsaanpak", ""])
def test_every_list_marks_each_example(shown, url):
    found = content(shown, url)
    for link in found.find_all("a", href=True):
        slug = link["href"].rstrip("/").rsplit("/", 1)[-1]
        example = next((item for item in EXAMPLES if item.id == slug and "cases/" in link["href"]), None)
        if example is None or link.find_parent(class_="kb-kaart") or link.find_parent("svg"):
            continue
        holder = link.find_parent(["li", "section", "tr"])
        assert holder is not None and holder.find(class_="kb-badge--voorbeeld"), (url, slug)


def test_map_markers_of_examples_say_so(shown):
    for marker in page(shown, "kaart").select("svg a"):
        if marker["href"].startswith("../cases/") and "echt" not in marker["href"]:
            assert "voorbeeld" in marker["aria-label"]


def test_the_production_build_knows_no_example(production):
    titles = [item.titel for item in EXAMPLES]
    for path in production.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".geojson", ".xml"):
            text = path.read_text(encoding="utf-8")
            for title in titles:
                assert title not in text, (path, title)
            for item in EXAMPLES:
                assert f"cases/{item.id}/" not in text, (path, item.id)
    cases = json.loads((production / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]
    assert [item["id"] for item in cases] == ["echt"]
    assert content(production, "cases").find(id="cases-aantal").get_text(strip=True) == "1 casus"
    assert REAL in content(production, "toolkits/leegstandsaanpak").get_text()


def test_both_builds_have_no_broken_links(shown, production):
    assert broken_links(shown, site_path(), site_url()) == []
    assert broken_links(production, site_path(), site_url()) == []


def test_a_good_practice_of_an_example_says_the_designation_is_part_of_the_example(shown):
    """Issue 27: "Goede praktijk – Aangewezen bij IJkmoment 2025" on an example read as a fact."""
    example = next(item for item in EXAMPLES if item.goede_praktijk)
    notice = content(shown, f"cases/{example.id}").find("p", class_="admonition-title", string=lambda text: text and
                                                            text.startswith("Goede praktijk")).parent
    text = " ".join(notice.get_text(" ").split())
    assert "Goede praktijk (in het voorbeeld)" in text and "ook de aanwijzing hoort bij het voorbeeld" in text


def test_the_oogst_page_says_how_many_harvested_cases_are_examples(shown):
    corpus = read_fixture_content()
    moment = next(case.oogst for case in EXAMPLES if case.oogst)
    harvested = [case for case in corpus.cases.values() if case.oogst == moment]
    first_line = " ".join(content(shown, f"oogst/{moment}").find(id="in-het-kort").find_next("li").get_text().split())
    assert first_line == f"{len(harvested)} casussen geoogst ({examples_note(len(harvested), len(harvested))})"
    assert "voorbeelden, geen echte projecten" in first_line


@pytest.mark.parametrize("total, examples, note", [
    (12, 0, ""),
    (12, 12, "alle 12 zijn illustratieve voorbeelden, geen echte projecten"),
    (2, 2, "allebei illustratieve voorbeelden, geen echte projecten"),
    (1, 1, "een illustratief voorbeeld, geen echt project"),
    (13, 12, "waarvan 12 illustratieve voorbeelden, geen echte projecten"),
    (13, 1, "waarvan 1 een illustratief voorbeeld, geen echt project"),
])
def test_how_many_are_examples_reads_as_dutch(total, examples, note):
    assert examples_note(total, examples) == note
