"""The body on its own (issue 15, item 6): the sections of a case, a size limit, footnotes, and what HTML survives."""

from __future__ import annotations

import markdown
import pytest

from kennisbank.content.body import KEPT_HTML_TAGS, MAX_BODY_CHARACTERS, scan, structure_problems
from kennisbank.content.corpus import load_corpus
from kennisbank.content.model import Casus
from kennisbank.site import sanitize
from kennisbank.site.sections import section

from .helpers import VALID_CASE, VALID_INSTRUMENT

RULE = ("een casus heeft de delen '## Opgave', '## Aanpak', '## Resultaten' en '## Lessen', in die volgorde "
        "(meer kopjes mogen ertussen)")


def check(body: str) -> list[str]:
    return [f"{p.line}: {p.message}" for p in structure_problems("cases/a.md", scan(body, 10), Casus.sections)]


@pytest.mark.parametrize("body, expected", [
    ("## Opgave\n\nx\n\n## Aanpak\n\nx\n\n## Extra\n\nx\n\n## Resultaten\n\nx\n\n## Lessen\n\nx\n", []),
    ("Opgave\n------\n\nx\n\n## Aanpak {#aanpak}\n\nx\n\n## Resultaten ##\n\nx\n\n## Lessen:\n\nx\n", []),
    ("\nAlleen tekst.\n", [f"11: de tekst heeft niet de vaste kopjes; {RULE}"]),
    ("", [f"9: de tekst onder de YAML-kop ontbreekt; {RULE}"]),
    ("## Opgave\n\nx\n\n## Aanpak\n\nx\n\n## Resultaten\n\nx\n", [f"20: het kopje '## Lessen' ontbreekt; {RULE}"]),
    ("## Opgave\n\nx\n\n## Lessen\n\nx\n\n## Aanpak\n\nx\n\n## Resultaten\n\nx\n",
     [f"14: '## Lessen' staat niet op zijn plaats; {RULE}"]),
    ("# Opgave\n\nx\n\n## Aanpak\n\nx\n\n## Resultaten\n\nx\n\n## Lessen\n\nx\n",
     ["10: '# Opgave' moet een kopje van het tweede niveau zijn: schrijf '## Opgave' (twee hekjes)"]),
    ("## Opgaven\n\nx\n\n## Aanpak\n\nx\n\n## Resultaten\n\nx\n\n## Lessen\n\nx\n",
     [f"10: kopje 'Opgaven': bedoelde u '## Opgave'? E{RULE[1:]}"]),
    ("## Opgave\n\n```\n## Aanpak\n```\n\n## Resultaten\n\nx\n\n## Lessen\n\nx\n",
     [f"16: het kopje '## Aanpak' ontbreekt; {RULE}"]),  # above the section it should precede
])
def test_a_case_has_its_four_sections_in_order(body, expected):
    assert check(body) == expected


def test_other_kinds_have_no_required_sections(project):
    project.write("instrumenten/a.md", VALID_INSTRUMENT.replace("## Wat het is\n\nTekst.\n", "Alleen tekst.\n"))
    assert load_corpus(project.root, with_dates=False).problems == []


def test_a_body_over_the_limit_is_refused_with_advice(project):
    project.write("cases/a.md", VALID_CASE + "x" * MAX_BODY_CHARACTERS)
    [problem] = load_corpus(project.root, with_dates=False).problems
    assert problem.line == 15 and "de grens is 40.000 tekens" in problem.message and "PDF-bijlage" in problem.message


def test_footnotes_used_and_written_pass_the_others_are_named(project):
    good = VALID_CASE.replace("## Aanpak\n\nTekst.", "## Aanpak\n\nTekst[^bron].\n\n[^bron]: Raadsbesluit.")
    project.write("cases/a.md", good)
    assert load_corpus(project.root, with_dates=False).problems == []
    project.write("cases/a.md", good.replace("Tekst[^bron].", "Tekst[^brom]."))
    found = [(p.line, p.message.split(":")[0]) for p in load_corpus(project.root, with_dates=False).problems]
    assert found == [(21, "voetnoot [^brom] heeft geen tekst"), (23, "voetnoot [^bron] wordt nergens in de tekst gebruikt")]


def test_raw_html_the_sanitiser_removes_is_named(project):
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", '## Aanpak\n\n<script>x()</script>\n\n'
                                                   '<details><summary>Meer</summary>Tekst.</details>'))
    [problem] = load_corpus(project.root, with_dates=False).problems
    assert problem.line == 21 and problem.message.startswith("HTML-tag <script> wordt van de pagina gehaald")


def test_a_script_or_style_in_an_attribute_list_is_named_and_ids_and_classes_are_not(project):
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", '## Aanpak {#aanpak}\n\nTekst.\n'
                                                   '{: .klasse onclick="x()" style="color: red" }\n\n'
                                                   "`{ onload=y }` in code is tekst."))
    found = [(p.line, p.message) for p in load_corpus(project.root, with_dates=False).problems]
    assert [line for line, _ in found] == [22, 22], found
    assert found[0][1].startswith("het attribuut 'onclick' in '{…}' wordt van de pagina gehaald: een script")
    assert found[1][1].startswith("het attribuut 'style' in '{…}' wordt van de pagina gehaald: een stijl")


def test_the_checker_and_the_sanitiser_agree_on_the_html_that_stays():
    assert frozenset(sanitize.ALLOWED_TAGS) == KEPT_HTML_TAGS


def test_the_sanitiser_keeps_footnote_markup():
    html = markdown.markdown("Tekst[^a-1].\n\n[^a-1]: De noot.", extensions=["footnotes"])
    kept = sanitize.sanitize(html)
    for fragment in ('<sup id="fnref:a-1">', 'href="#fn:a-1"', 'class="footnote"', '<li id="fn:a-1">',
                     'class="footnote-backref" href="#fnref:a-1"'):
        assert fragment in kept, kept


def test_a_section_shown_elsewhere_takes_its_footnotes_along():
    body = "## Opgave\n\nA[^o].\n\n## Resultaten\n\n- r[^r]\n\n## Lessen\n\n- l\n\n[^o]: noot o.\n[^r]: noot r\n    vervolg.\n"
    assert section(body, "Resultaten") == "- r[^r]\n\n[^r]: noot r\n    vervolg."
    assert section(body, "Lessen") == "- l"
