"""YAML help (issue 15, item 8): the real cause and line of the usual YAML mistakes, in Dutch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.read import Source, parse_yaml, quote_problems

from .helpers import VALID_CASE

KENNISBANK = shutil.which("kennisbank", path=str(Path(sys.executable).parent)) or "kennisbank"


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

def alias_bomb(levels: int) -> str:
    """'Billion laughs': each level a list of ten aliases of the level above; 10**levels values once expanded."""
    lines = ["a0: &a0 [" + ", ".join(["haha"] * 10) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_first_alias_without_expanding_it():
    source, found = parsed("titel: Proef\n" + alias_bomb(6))
    assert found == ["4: '*a0' neemt de waarde over van het anker '&a0' elders in de YAML; zulke verwijzingen worden "
                     "hier niet ondersteund (ze kunnen de controle laten vastlopen). Schrijf de waarde voluit op "
                     "deze plek; de velden van dit bestand worden gecontroleerd zodra dit is opgelost"]
    assert source.data is None


def test_the_check_refuses_a_bomb_of_a_billion_values_as_fast_as_any_file(project):
    """Nine levels of ten: expanded, this would take hours and hundreds of GB; the timeout only catches that."""
    project.write("cases/a.md", VALID_CASE.replace("stad: dordrecht\n", alias_bomb(9) + "stad: dordrecht\n"))
    checked = subprocess.run([KENNISBANK, "check", "cases/a.md"], cwd=project.root, capture_output=True, text=True,
                             timeout=60)
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        "cases/a.md:5: '*a0' neemt de waarde over van het anker '&a0' elders in de YAML; zulke verwijzingen worden "
        "hier niet ondersteund (ze kunnen de controle laten vastlopen). Schrijf de waarde voluit op deze plek; de "
        "velden van dit bestand worden gecontroleerd zodra dit is opgelost"]


def test_an_anchor_without_an_alias_is_harmless():
    source, found = parsed("periode: &p\n  start: \"2024-01\"\n")
    assert found == [] and source.data == {"periode": {"start": "2024-01"}}


@pytest.mark.parametrize("name, text, expected", [
    ("nested lists", "titel: Proef\nthemas: " + "[" * 30 + "]" * 30 + "\n",
     "3: de YAML is hier meer dan 20 niveaus diep genest; zo diep gaat geen veld van de kennisbank. Controleer de "
     "inspringing en de haakjes [ ] en { }"),
    ("nesting deeper than Python recurses", "themas: " + "[" * 5000 + "]" * 5000 + "\n",
     "2: de YAML is hier meer dan 20 niveaus diep genest"),
    ("a number of 5,000 digits", "kosten:\n  bedrag: " + "9" * 5000 + "\n",
     "3: deze waarde is geen gewone tekst of getal (een getal met te veel cijfers, oneindig, of een YAML-tag als "
     "!!binary); is het tekst, zet het dan tussen aanhalingstekens"),
    ("infinity", "locatie:\n  lat: .inf\n", "3: deze waarde is geen gewone tekst of getal"),
    ("bytes", "titel: !!binary aGVsbG8=\n", "2: deze waarde is geen gewone tekst of getal"),
    ("a list as a field name", "? [titel, stad]\n: Proef\n", "2: een veldnaam moet een woord zijn, geen lijst of groep"),
])
def test_yaml_that_would_crash_or_stall_the_check_is_a_problem_at_its_line(name, text, expected):
    _, found = parsed(text)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_huge_file_is_not_read(project):
    project.write("cases/a.md", VALID_CASE + "Een zin van de tekst. " * 30_000)
    problems = [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]
    assert problems == ["cases/a.md:1: het bestand is 645 kB; een tekstbestand van de kennisbank is hooguit 512 kB "
                        "(de tekst van een casus hooguit 40.000 tekens). Is dit het goede bestand?"]
