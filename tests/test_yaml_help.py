"""YAML help (issue 15, item 8): the real cause and line of the usual YAML mistakes, in Dutch."""

from __future__ import annotations

import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.read import Source, parse_yaml, quote_problems

from .helpers import VALID_CASE


def parsed(text: str) -> tuple[Source, list[str]]:
    source = Source("cases/a.md")
    found = parse_yaml(text, source, first_line=2)
    return source, [f"{problem.line}: {problem.message}" for problem in found + (quote_problems(source)
                                                                                  if source.data else [])]


MISTAKES = [
    ("leading apostrophe", "titel: Proef\nstad: 's-Hertogenbosch\nthemas: [vastgoed]\nfase: groeien\n",
     "3: ongeldige YAML: de waarde begint met een apostrof (')", "\"'s-Hertogenbosch\""),
    ("leading apostrophe in a list", "themas:\n  - 's-Hertogenbosch\n  - vastgoed\n",
     "3: ongeldige YAML: de waarde begint met een apostrof", "dubbele aanhalingstekens"),
    ("curly quotes around a colon", "titel: “Leegstand: de aanpak”\nthemas: [vastgoed]\n",
     "2: ongeldige YAML: de waarde begint met een gekruld aanhalingsteken (“)", "rechte"),
    ("curly quotes YAML accepts", "titel: Proef\nstad: ‘dordrecht’\n",
     "3: veld 'stad': de waarde staat tussen gekrulde aanhalingstekens (‘…’)", '"dordrecht"'),
    ("merge key", "periode: &p\n  start: \"2024-01\"\ncontact:\n  <<: *p\n  organisatie: X\n",
     "5: '<<:' (velden overnemen van een anker met &naam en *naam) wordt hier niet ondersteund", "voluit"),
    ("text cut off by #", "titel: Aanpak #2 in de Voorstraat\n",
     "2: alles vanaf '#' valt weg", "\"Aanpak #2 in de Voorstraat\""),
]


@pytest.mark.parametrize("name, text, start, hint", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_the_message_names_the_cause_on_its_own_line(name, text, start, hint):
    _, found = parsed(text)
    assert any(message.startswith(start) and hint in message for message in found), found


def test_no_english_reaches_the_contributor():
    _, found = parsed("titel: Proef\nstad: @dordrecht\n")
    assert found and all("found" not in message and "expected" not in message for message in found), found


def test_quoted_apostrophes_and_comments_after_a_space_hash_space_are_fine():
    source, found = parsed("titel: \"'s-Hertogenbosch pakt aan\"\nander: 'Het ''s-Hertogenbosch'\nfase: zaaien  # later\n")
    assert found == []
    assert source.data == {"titel": "'s-Hertogenbosch pakt aan", "ander": "Het 's-Hertogenbosch", "fase": "zaaien"}


def test_a_decimal_comma_says_use_a_point(project):
    project.write("cases/a.md", VALID_CASE.replace("contact:", "locatie:\n  lat: 51,8141\n  lon: 4.67\ncontact:"))
    [problem] = load_corpus(project.root, with_dates=False).problems
    assert (problem.line, problem.message) == (11, "veld 'locatie.lat': '51,8141' is geen getal, want er staat een "
                                                   "komma in. Gebruik een punt als decimaalteken: lat: 51.8141")


def test_curly_quotes_around_an_id_give_one_message_not_also_an_unknown_value(project):
    project.write("cases/a.md", VALID_CASE.replace("stad: dordrecht", "stad: “dordrecht”").replace(
        "fase: groeien", "fase: “groeien”"))
    found = load_corpus(project.root, with_dates=False).problems
    assert [p.line for p in found] == [4, 6] and all("gekrulde aanhalingstekens" in p.message for p in found), found


# -- limits: a pull request cannot stall the check (issue 28) ---------------------------------------------------------

def test_a_huge_file_is_not_read(project):
    project.write("cases/a.md", VALID_CASE + "Een zin van de tekst. " * 30_000)
    problems = [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]
    assert problems == ["cases/a.md:1: het bestand is 645 kB; een tekstbestand van de kennisbank is hooguit 512 kB "
                        "(de tekst van een casus hooguit 40.000 tekens). Is dit het goede bestand?"]
