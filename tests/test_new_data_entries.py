"""Adding a city, partner, ijkmoment or City Deal (issue 15, item 9): kennisbank nieuw writes it, check guides it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kennisbank.content.corpus import load_corpus

from .helpers import VALID_CASE

KENNISBANK = shutil.which("kennisbank", path=str(Path(sys.executable).parent)) or "kennisbank"


def kennisbank(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([KENNISBANK, *args], cwd=root, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})


@pytest.mark.parametrize("kind, name, file, slug", [
    ("stad", "'s-Hertogenbosch", "steden", "s-hertogenbosch"),
    ("partner", "Gemeente 's-Hertogenbosch", "partners", "gemeente-s-hertogenbosch"),
    ("ijkmoment", "2027-q4", "ijkmomenten", "2027-q4"),
    ("citydeal", "Vitale Winkelgebieden", "citydeals", "vitale-winkelgebieden"),
])
def test_nieuw_appends_an_entry_whose_placeholders_the_check_reports(project, kind, name, file, slug):
    before = (project.root / "data" / f"{file}.yml").read_text(encoding="utf-8")
    result = kennisbank(project.root, "nieuw", kind, name)
    assert result.returncode == 0, result.stderr
    assert f"Toegevoegd aan data/{file}.yml: {kind} '{slug}'" in result.stdout
    after = (project.root / "data" / f"{file}.yml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")) and f"- id: {slug}" in after  # comments and entries kept
    entries = yaml.safe_load(after)
    assert entries[-1]["id"] == slug
    if kind != "ijkmoment":
        assert entries[-1]["naam"] == name
    found = load_corpus(project.root, with_dates=False).problems
    assert found and all(p.path == f"data/{file}.yml" for p in found)
    own = [p for p in found if p.line > 1]
    assert own and all(f"van '{slug}' is nog niet ingevuld: vervang 'VUL IN'" in p.message for p in own), own
    again = kennisbank(project.root, "nieuw", kind, name)
    assert again.returncode == 1 and f"'{slug}' staat al in data/{file}.yml" in again.stderr


def test_a_filled_in_city_can_be_used_at_once(project):
    assert kennisbank(project.root, "nieuw", "stad", "'s-Hertogenbosch").returncode == 0
    path = project.root / "data" / "steden.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('provincie: "VUL IN: bijvoorbeeld Noord-Brabant"', "provincie: Noord-Brabant")
    text = text.replace("lat: VUL IN", "lat: 51.6889").replace("lon: VUL IN", "lon: 5.3033")
    path.write_text(text, encoding="utf-8")
    project.write("cases/a.md", VALID_CASE.replace("stad: dordrecht", "stad: s-hertogenbosch"))
    corpus = load_corpus(project.root, with_dates=False)
    assert corpus.problems == [] and corpus.cases["a"].stad == "s-hertogenbosch"


def test_an_ijkmoment_needs_a_valid_id(project):
    result = kennisbank(project.root, "nieuw", "ijkmoment", "Eind 2027")
    assert result.returncode == 1 and "2027-q4" in result.stderr
