"""The site's own drawings (docs/**/*.svg): shapes only; a script in one is refused at its line (issue 28)."""

from __future__ import annotations

import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.svg import file_problems

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 48 48">\n{}\n</svg>\n'


@pytest.mark.parametrize("name, inside, expected", [
    ("script", "<script>alert(document.cookie)</script>", "2: <script> hoort niet in een tekening van de site"),
    ("event handler", '<rect width="4" height="4" onclick="alert(1)"/>',
     "2: het attribuut 'onclick' voert een script uit; haal het weg"),
    ("script under another prefix", '<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>',
     "2: <script> hoort niet in een tekening van de site"),
    ("HTML inside", '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>',
     "2: <foreignObject> hoort niet in een tekening van de site"),
    ("a link", '<a href="javascript:alert(1)"><rect width="4" height="4"/></a>',
     "2: <a> hoort niet in een tekening van de site"),
    ("another file", '<use xlink:href="https://elders.example/tekening.svg#vorm"/>',
     "2: 'href=\"https://elders.example/tekening.svg#vorm\"' verwijst naar iets buiten deze tekening"),
    ("an image from elsewhere", '<rect width="4" height="4" style="fill: url(https://elders.example/x.png)"/>',
     "2: het attribuut 'style' verwijst naar iets buiten deze tekening; gebruik alleen url(#naam)"),
])
def test_anything_but_a_drawing_is_refused_at_its_line(name, inside, expected):
    found = [f"{problem.line}: {problem.message}" for problem in file_problems(SVG.format(inside).encode(), "docs/x.svg")]
    assert found and found[0].startswith(expected), found


def test_entities_are_refused_before_they_expand():
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "hahahahaha">\n'
            + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8))
            + ']>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>\n')
    found = file_problems(bomb.encode(), "docs/x.svg")
    assert [(problem.line, problem.message) for problem in found] == [
        (2, "een <!DOCTYPE> of <!ENTITY> hoort niet in een tekening van de site; haal die regels weg")]


def test_a_drawing_with_gradients_references_to_itself_and_an_editors_metadata_passes():
    drawing = SVG.format(
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>\n'
        '<defs><linearGradient id="kleur"><stop offset="0" stop-color="#1c4a72"/></linearGradient></defs>\n'
        '<g><rect id="blok" width="10" height="10" fill="url(#kleur)"/><use href="#blok" x="12"/></g>\n'
        '<text x="1" y="40">Kennisbank</text>')
    assert file_problems(drawing.encode(), "docs/x.svg") == []


def test_the_check_reports_a_script_in_the_sites_logo(project):
    logo = project.root / "docs" / "assets" / "logo.svg"
    assert load_corpus(project.root, with_dates=False).problems == []  # the site's own drawings pass
    logo.write_text(logo.read_text(encoding="utf-8").replace("<rect ", '<rect onload="fetch(\'/beheer/\')" ', 1),
                    encoding="utf-8")
    [problem] = load_corpus(project.root, with_dates=False).problems
    assert str(problem) == "docs/assets/logo.svg:2: het attribuut 'onload' voert een script uit; haal het weg"
