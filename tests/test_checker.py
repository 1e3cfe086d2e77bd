"""One checker (issue 15, items 1-3): body links checked like the build would, all problems at once, real dates.

Each test writes a small project of its own (``project``: the site's configuration and data, no
content), so that the real cases never decide whether a test passes.
"""

from __future__ import annotations

import re

import pytest

from kennisbank.content import clock
from kennisbank.content.corpus import load_corpus
from kennisbank.graph import Site
from kennisbank.site.inputs import Inputs
from kennisbank.site.pages import problemen

from .helpers import EVALUATION_YAML, VALID_CASE, VALID_INSTRUMENT

SITE_URL = "https://citydeal-dynamische-binnensteden.github.io/kennisbank/"


def case(body_extra: str = "", front: tuple[str, str] | None = None, aanpak: str = "Tekst.") -> str:
    text = VALID_CASE.replace("## Aanpak\n\nTekst.", f"## Aanpak\n\n{aanpak}", 1)
    if front:
        assert front[0] in text
        text = text.replace(front[0], front[1], 1)
    return text + body_extra


def problems(project) -> list[str]:
    return [str(problem) for problem in load_corpus(project.root, with_dates=False, site_url=SITE_URL).problems]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if needle in line)


# -- item 1: links, images and anchors in the body --------------------------------------------

LINKS = [
    ("missing case", "Zie [x](bestaat-niet.md).", "de link 'bestaat-niet.md' gaat naar cases/bestaat-niet.md, en dat bestaat niet"),
    ("draft", "Zie [x](concept.md).", "maar dat is een concept (concept: true)"),
    ("site address", f"Zie [x]({SITE_URL}cases/andere/).", "is een webadres van deze site; schrijf een link naar een pagina "
                                                         "van de kennisbank als pad naar het bestand, dan werkt hij op "
                                                         "GitHub en op de site en wordt hij gecontroleerd: [x](andere.md)"),
    ("root-relative site address", "Zie [x](/kennisbank/cases/andere/).", "[x](andere.md)"),
    ("url relative to the page", "Zie [x](../andere/).", "[x](andere.md)"),
    ("missing image", "![Gevel](a/gevel.jpg)", "de afbeelding 'a/gevel.jpg' gaat naar cases/a/gevel.jpg, en dat bestaat niet"),
    ("missing attachment", "[Rapport](a/rapport.pdf)", "de link 'a/rapport.pdf' gaat naar cases/a/rapport.pdf, en dat bestaat niet"),
    ("anchor", "Zie [x](andere.md#lesen).", "gaat naar het anker '#lesen', maar dat bestaat niet in cases/andere.md; "),
    ("own anchor", "Zie [x](#aanpakk).", "Bedoelde u '#aanpak'?"),
    ("wrong folder", "Met [erfpacht](instrumenten/proefinstrument.md).", "Bedoelde u '../instrumenten/proefinstrument.md'?"),
    ("without .md", "Zie [x](andere).", "Bedoelde u 'andere.md'?"),
    ("external image", "![Gevel](https://example.org/gevel.jpg)", "komt van een andere site"),
    ("no alt text", "![](a/gevel.png)", "heeft geen beschrijving (alt-tekst)"),
    ("javascript", "[klik](javascript:alert(1))", "begint met 'javascript:' en wordt van de pagina gehaald"),
    ("raw img", '<img src="a/gevel.png" alt="x">', "schrijf de afbeelding in Markdown, niet als <img>"),
    ("raw internal a", '<a href="andere.md">x</a>', "schrijf de link in Markdown, niet als <a href>"),
    ("file not on the site", "[x](../data/steden.yml)", "staat wel in de repository maar niet op de site"),
    ("reference without definition", "Zie [het besluit][raad].", "staat nergens als '[raad]: adres'"),
]


@pytest.mark.parametrize("name, line, fragment", LINKS, ids=[link[0] for link in LINKS])
def test_a_bad_link_in_the_body_is_reported_in_dutch_with_its_line(project, name, line, fragment):
    project.write("cases/andere.md", VALID_CASE)
    project.write("cases/concept.md", VALID_CASE.replace("status: lopend", "status: lopend\nconcept: true"))
    project.write("instrumenten/proefinstrument.md", VALID_INSTRUMENT)
    project.write("cases/a/gevel.png", b"\x89PNG\r\n\x1a\n")
    text = case(aanpak=line)
    project.write("cases/a.md", text)
    found = [p for p in problems(project) if p.startswith("cases/a.md:")]
    expected_line = line_of(text, line.split("(")[-1][:8] if "(" in line else line[:12])
    assert any(p.startswith(f"cases/a.md:{expected_line}: ") and fragment in p for p in found), found


def test_good_links_pass_and_are_written_from_the_docs_root_for_the_site(project):
    project.write("cases/andere.md", VALID_CASE)
    project.write("instrumenten/proefinstrument.md", VALID_INSTRUMENT)
    project.write("cases/a/gevel.png", b"\x89PNG\r\n\x1a\n")
    project.write("cases/a/rapport.pdf", b"%PDF-1.4\n" + bytes(3000))
    links = ("[x](andere.md#aanpak), [i](../instrumenten/proefinstrument.md), [over](../docs/over.md), "
             "[stad](../steden/dordrecht.md), [terug](#opgave), [r](a/rapport.pdf), ![Gevel](a/gevel.png), "
             "[extern](https://wetten.overheid.nl/), <https://example.org>, [mail](mailto:binnenstad@dordrecht.nl)")
    project.write("cases/a.md", case(aanpak=links))
    corpus = load_corpus(project.root, with_dates=False, site_url=SITE_URL)
    assert corpus.problems == []
    body = corpus.cases["a"].body
    for written in ("(/cases/andere.md#aanpak)", "(/instrumenten/proefinstrument.md)", "(/over.md)",
                    "(/steden/dordrecht.md)", "(/cases/a.md#opgave)", "(/cases/a/rapport.pdf)", "(/cases/a/gevel.png)",
                    "(https://wetten.overheid.nl/)", "<https://example.org>", "(mailto:binnenstad@dordrecht.nl)"):
        assert written in body, (written, body)
    assert [file.site for file in corpus.cases["a"].media] == ["cases/a/gevel.png", "cases/a/rapport.pdf"]
    [attachment] = corpus.cases["a"].bijlagen
    assert (attachment.title, attachment.site, attachment.size_text) == ("r", "cases/a/rapport.pdf", "3 kB")


def test_a_toolkit_links_as_github_shows_it_and_the_site_moves_it(project):
    """instrumenten/toolkits/x.md is /toolkits/x/ on the site: '../erfpacht.md' must still reach the instrument."""
    project.write("instrumenten/proefinstrument.md", VALID_INSTRUMENT)
    project.write("cases/andere.md", VALID_CASE)
    project.write("instrumenten/toolkits/t.md", """---
titel: Proeftoolkit voor de tests
samenvatting: Een toolkit die naar een instrument linkt, voor de tests.
thema: vastgoed
stappen:
  - titel: Stap een
    toelichting: Doe eerst dit en dan dat.
instrumenten: [proefinstrument]
bijgewerkt: "2026-01-01"
---

Zie [het instrument](../proefinstrument.md) en [de casus](../../cases/andere.md).
""")
    corpus = load_corpus(project.root, with_dates=False)
    assert corpus.problems == []
    assert "(/instrumenten/proefinstrument.md)" in corpus.toolkits["t"].body
    assert "(/cases/andere.md)" in corpus.toolkits["t"].body


def test_links_in_code_are_not_links(project):
    project.write("cases/a.md", case(aanpak="`[x](nergens.md)`\n\n```\n![](nergens.png)\n```\n\n    [y](ook-niet.md)"))
    assert problems(project) == []


def test_a_link_to_a_file_with_errors_fails_the_linking_file_too(project):
    project.write("cases/kapot.md", VALID_CASE.replace("fase: groeien", "fase: klaar"))
    project.write("cases/a.md", case(aanpak="Zie [x](kapot.md)."))
    corpus = load_corpus(project.root, with_dates=False)
    assert "a" not in corpus.cases
    assert any(p.path == "cases/a.md" and "cases/kapot.md, maar dat bestand bevat zelf fouten" in p.message
               for p in corpus.problems)


def test_the_problems_page_lists_link_problems(project):
    project.write("cases/goed.md", VALID_CASE)
    project.write("cases/a.md", case(aanpak="Zie [x](bestaat-niet.md)."))
    corpus = load_corpus(project.root, with_dates=False)
    [page] = [plan.make() for plan in problemen.plan(Site(corpus), Inputs(Site(corpus)))]
    assert page.src_uri == "problemen.md"
    assert "cases/a.md:" in page.html and "bestaat-niet.md" in page.html


def test_mkdocs_resolves_the_rewritten_links_from_the_docs_root():
    """The rewritten form '/cases/x.md' only works with this setting; see the comment in mkdocs.yml."""
    import yaml

    from .helpers import ROOT
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["validation"]["links"]["absolute_links"] == "relative_to_docs"
    assert any(isinstance(e, dict) and "footnotes" in e for e in config["markdown_extensions"])


# -- item 2: all at once ----------------------------------------------------------------------

def test_format_reference_and_body_problems_of_one_file_come_in_one_run(project):
    text = case(front=("stad: dordrecht\nthemas: [vastgoed]\nfase: groeien",
                       "stad: Dordrecht\nthemas: [vastgoed]\nfase: groei"),
                aanpak="Zie [x](nergens.md). Bel 06-12345678.")
    text = text.replace("## Lessen\n\nTekst.\n", "")
    project.write("cases/a.md", text)
    found = problems(project)
    assert any(":6: veld 'fase': 'groei' is geen toegestane waarde" in p for p in found)  # format
    assert any(":4: veld 'stad': 'Dordrecht' bestaat niet in data/steden.yml" in p for p in found)  # reference
    assert any("nergens.md" in p for p in found)  # link
    assert any("mobiel nummer" in p for p in found)  # personal data
    assert any("het kopje '## Lessen' ontbreekt" in p for p in found)  # structure


def test_a_yaml_error_stops_only_the_field_checks_and_says_so(project):
    text = case(front=("titel: Proefcasus in de binnenstad", "titel: [Proefcasus"), aanpak="Zie [x](nergens.md).")
    project.write("cases/a.md", text)
    found = problems(project)
    assert any(p.startswith("cases/a.md:3: ongeldige YAML") and "gecontroleerd zodra dit is opgelost" in p
               for p in found), found
    assert any("nergens.md" in p for p in found)  # the body is still checked


def test_a_broken_data_file_gives_its_own_problems_first_and_one_line_for_the_files_using_it(project):
    ijkmomenten = project.root / "data" / "ijkmomenten.yml"
    ijkmomenten.write_text(ijkmomenten.read_text(encoding="utf-8").replace("'2024-12-31'", "'2024-02-30'"),
                           encoding="utf-8")
    oogst = VALID_CASE.replace("fase: groeien", "fase: oogsten").replace("contact:",
                                                                         EVALUATION_YAML + "oogst: 2024-q4\ncontact:")
    for number in range(5):
        project.write(f"cases/oogst-{number}.md", oogst)
    project.write("instrumenten/proefinstrument.md", VALID_INSTRUMENT)
    project.write("cases/zonder-oogst.md", VALID_CASE)
    project.write("instrumenten/toolkits/t.md", """---
titel: Proeftoolkit voor de tests
samenvatting: Een toolkit die naar een casus verwijst die op de data wacht.
thema: vastgoed
stappen:
  - titel: Stap een
    toelichting: Doe eerst dit en dan dat.
instrumenten: [proefinstrument]
cases: [oogst-1]
bijgewerkt: "2026-01-01"
---
""")
    corpus = load_corpus(project.root, with_dates=False)
    lines = [str(problem) for problem in corpus.problems]
    assert lines[0].startswith("data/ijkmomenten.yml:") and "'2024-02-30' is geen bestaande datum" in lines[0]
    assert len(lines) == 2, lines
    assert lines[1].startswith("data/ijkmomenten.yml:1: 6 bestanden gebruiken waarden uit dit bestand")
    assert "instrumenten/toolkits/t.md" in lines[1]  # waiting through a case that waits
    assert list(corpus.cases) == ["zonder-oogst"] and list(corpus.instrumenten) == ["proefinstrument"]


def test_ids_in_data_that_name_other_data_are_checked(project):
    partners = project.root / "data" / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("stad: dordrecht", "stad: dordrect", 1),
                        encoding="utf-8")
    found = problems(project)
    assert any(p.startswith("data/partners.yml:") and "'dordrect' bestaat niet in data/steden.yml. Bedoelde u "
               "'dordrecht'?" in p for p in found), found


def test_a_file_in_a_content_folder_that_is_not_read_is_reported(project):
    project.write("cases/casus.MD", VALID_CASE)
    project.write("cases/foto.jpg", b"\xff\xd8")
    found = problems(project)
    assert "cases/casus.MD:1: dit bestand wordt niet gelezen: alleen bestanden die eindigen op '.md' (kleine " \
           "letters) zijn inhoud. Hernoem het naar casus.md" in found
    assert any(p.startswith("cases/foto.jpg:1: afbeeldingen en bijlagen horen in de map") for p in found)


# -- item 3: real dates, none in the future ------------------------------------------------------

def test_an_impossible_date_is_refused_with_the_reason(project):
    project.write("cases/a.md", VALID_CASE.replace('bijgewerkt: "2026-01-15"', 'bijgewerkt: "2024-02-30"'))
    assert problems(project) == ["cases/a.md:12: veld 'bijgewerkt': '2024-02-30' is geen bestaande datum (februari "
                                 "2024 heeft 29 dagen, geen 30); schrijf een echte datum als \"JJJJ-MM-DD\""]


def test_a_wrong_form_is_reported_once_not_also_as_an_impossible_date(project):
    project.write("cases/a.md", VALID_CASE.replace('bijgewerkt: "2026-01-15"', "bijgewerkt: 15-01-2026"))
    assert len(problems(project)) == 1


def test_each_missing_field_is_reported_once(project):
    project.write("cases/a.md", "---\ntitel: Een casus zonder velden\nonbekend: 1\n---\n\n## Opgave\n\nTekst.\n")
    found = problems(project)
    missing = [problem for problem in found if "ontbreekt;" in problem]
    assert len(missing) == len(set(missing)) >= 7, found
    assert sum("verplicht veld 'stad' ontbreekt" in problem for problem in found) == 1


@pytest.mark.parametrize("field, text", [
    ("bijgewerkt", 'bijgewerkt: "2026-12-01"'),
    ("historie[1].datum", 'historie:\n  - {fase: groeien, datum: "2026-12-01"}\nbijgewerkt: "2026-01-15"'),
])
def test_a_date_after_today_is_refused_for_what_already_happened(project, monkeypatch, field, text):
    monkeypatch.setenv(clock.FIXED_TODAY, "2026-11-30")
    project.write("cases/a.md", VALID_CASE.replace('bijgewerkt: "2026-01-15"', text))
    found = problems(project)
    assert len(found) == 1 and f"veld '{field}': 2026-12-01 ligt in de toekomst (vandaag is 2026-11-30)" in found[0]
    monkeypatch.setenv(clock.FIXED_TODAY, "2026-12-01")
    assert problems(project) == []


def test_the_clock_can_be_fixed_and_falls_back_to_the_real_date(monkeypatch):
    monkeypatch.setenv(clock.FIXED_TODAY, "2030-01-02")
    assert clock.today().isoformat() == "2030-01-02"
    monkeypatch.setenv(clock.FIXED_TODAY, "morgen")
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", clock.today().isoformat())


def test_the_end_of_a_period_may_lie_in_the_future(project, monkeypatch):
    monkeypatch.setenv(clock.FIXED_TODAY, "2026-11-30")
    project.write("cases/a.md", VALID_CASE.replace('  start: "2024-01"', '  start: "2024-01"\n  eind: "2028-06"'))
    assert problems(project) == []
