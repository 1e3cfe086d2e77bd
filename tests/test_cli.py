"""The command line as a contributor uses it: ``kennisbank check`` and ``kennisbank nieuw``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.cli import github_annotation, github_escape_data, github_escape_property
from kennisbank.content.problems import Problem

from .helpers import KEUZEHULP, ROOT, VALID_CASE, VALID_INSTRUMENT
from .test_bad_input import BAD_INPUT, case_with

KENNISBANK = shutil.which("kennisbank", path=str(Path(sys.executable).parent)) or "kennisbank"

# GitHub's workflow command: ::error file=…,line=…::message (no raw newline, % escaped)
ANNOTATION = re.compile(r"^::error file=(?P<file>[^,:\r\n]+),line=(?P<line>[1-9][0-9]*)::(?P<message>[^\r\n]*)$")


def kennisbank(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed console script, run in ``root`` as a contributor would."""
    return subprocess.run([KENNISBANK, *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})})


@pytest.fixture
def with_templates(project):
    shutil.copytree(ROOT / "sjablonen", project.root / "sjablonen")
    return project


# -- check ------------------------------------------------------------------------------

def test_check_passes_on_the_real_content():
    result = kennisbank(ROOT, "check")
    assert result.returncode == 0, result.stdout
    assert all(": waarschuwing: " in line for line in result.stdout.splitlines()), result.stdout  # only warnings
    assert "Geen problemen gevonden" in result.stderr


@pytest.mark.parametrize("name, files, expected", BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_check_prints_every_bad_input_fixture_with_path_and_line(project, name, files, expected):
    for relative, content in files.items():
        project.write(relative, content)
    result = kennisbank(project.root, "check")
    path, line, fragment = expected
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(output.startswith(f"{path}:{line}: ") and fragment in output for output in lines), result.stdout
    assert all(re.match(r"^[^:]+:\d+: \S", output) for output in lines), result.stdout
    assert "Traceback" not in result.stderr


def test_check_reports_all_problems_of_all_files_at_once(project):
    project.write("cases/a.md", case_with("fase: groeien", "fase: groei"))
    project.write("cases/b.md", case_with("stad: dordrecht", "stad: Dordrecht").replace("status: lopend", "status: x"))
    result = kennisbank(project.root, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "cases/a.md:6: veld 'fase': 'groei' is geen toegestane waarde. Bedoelde u 'groeien'? "
        "Toegestaan: 'zaaien', 'groeien', 'oogsten'",
        # a format problem no longer hides the reference problem of the same file (issue 15, item 2)
        "cases/b.md:4: veld 'stad': 'Dordrecht' bestaat niet in data/steden.yml. Bedoelde u 'dordrecht'? "
        "Toegestaan: 'amsterdam', 'breda', 'den-haag', 'dordrecht', 'eindhoven', 'groningen', 'hilversum', "
        "'nijmegen', 'roosendaal', 'rotterdam', 'utrecht'",
        "cases/b.md:7: veld 'status': 'x' is geen toegestane waarde. "
        "Toegestaan: 'gepland', 'lopend', 'afgerond', 'gestopt'",
    ]
    assert "3 problemen gevonden in 2 bestanden" in result.stderr


def test_check_of_one_file_reports_only_that_file_but_resolves_references_against_everything(project):
    project.write("instrumenten/proefinstrument.md", VALID_INSTRUMENT)
    project.write("cases/goed.md", case_with("themas: [vastgoed]", "themas: [vastgoed]\ninstrumenten: [proefinstrument]"))
    project.write("cases/fout.md", case_with("fase: groeien", "fase: klaar"))
    result = kennisbank(project.root, "check", "cases/goed.md")
    assert result.returncode == 0, result.stdout
    result = kennisbank(project.root, "check", "cases/fout.md", "cases/goed.md")
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["cases/fout.md"]
    result = kennisbank(project.root, "check", "instrumenten")
    assert result.returncode == 0


def test_check_of_a_missing_path_is_a_usage_error(project):
    result = kennisbank(project.root, "check", "cases/bestaat-niet.md")
    assert result.returncode == 2
    assert "cases/bestaat-niet.md: bestaat niet" in result.stderr


def test_github_format_matches_the_annotation_syntax(project):
    project.write("cases/a.md", case_with("fase: groeien", "fase: groei"))
    project.write("cases/b.md", case_with("stad: dordrecht", "stad: Dordrecht"))
    result = kennisbank(project.root, "check", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), lines
    assert [(m["file"], m["line"]) for m in matches] == [("cases/a.md", "6"), ("cases/b.md", "4")]
    assert matches[0]["message"].startswith("veld 'fase': 'groei' is geen toegestane waarde.")


def test_github_escaping_follows_the_workflow_command_rules():
    assert github_escape_data("50% klaar\r\nregel 2: a,b") == "50%25 klaar%0D%0Aregel 2: a,b"
    assert github_escape_property("map,met:tekens%\n") == "map%2Cmet%3Atekens%25%0A"
    line = github_annotation("cases/a,b.md", Problem("cases/a,b.md", 3, "twee\nregels: 100%"))
    assert line == "::error file=cases/a%2Cb.md,line=3::twee%0Aregels: 100%25"
    assert ANNOTATION.match(line)


def test_check_reads_a_thousand_files_in_one_run(tmp_path):
    """Not timed (see BENCHMARKS/the report for figures): 1,000 cases in one run, all counted."""
    for folder in ("data",):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "data" / "keuzehulp.yml").write_text(KEUZEHULP, encoding="utf-8")  # no instruments here
    (tmp_path / "cases").mkdir()
    for number in range(1000):
        (tmp_path / "cases" / f"casus-{number}.md").write_text(VALID_CASE, encoding="utf-8")
    result = kennisbank(tmp_path, "check")
    assert result.returncode == 0, result.stdout[:2000]
    assert "1000 casussen" in result.stderr


# -- nieuw ------------------------------------------------------------------------------

FILL = {
    "titel": "Nieuwe proefcasus in Dordrecht",
    "samenvatting": "Een proefcasus die met kennisbank nieuw is begonnen en daarna is ingevuld.",
    "stad": "dordrecht",
    "themas": "[vastgoed]",
    "organisatie": "Gemeente Dordrecht",
    "naam": "Proefinstrument uit het sjabloon",
    "thema": "vastgoed",
    "instrumenten": "[proefinstrument]",
    "toelichting": "Eerst dit doen en dan dat.",
    "url": "https://example.org/bron",
}


def fill_in(text: str) -> str:
    """What a contributor does: replace every 'VUL IN' in the front matter and the text."""
    lines = []
    for line in text.split("\n"):
        match = re.match(r"^(\s*(?:- )?)([a-z_]+): .*VUL IN", line)
        if match:
            line = f"{match[1]}{match[2]}: {FILL[match[2]]}"
        elif "VUL IN" in line and not line.lstrip().startswith("#"):
            line = "Tekst van de bijdrager."
        lines.append(line)
    return "\n".join(lines)


def test_nieuw_casus_filled_in_builds_strictly(with_templates):
    project = with_templates
    result = kennisbank(project.root, "nieuw", "casus", "x")
    assert result.returncode == 0, result.stderr
    assert "Aangemaakt: cases/x.md" in result.stdout
    case = project.root / "cases" / "x.md"
    text = case.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../kennisbank/content/schema/casus.schema.json\n")

    unfilled = kennisbank(project.root, "check", "cases/x.md")
    assert unfilled.returncode == 1
    assert "veld 'stad' is nog niet ingevuld" in unfilled.stdout

    case.write_text(fill_in(text), encoding="utf-8")
    assert kennisbank(project.root, "check").returncode == 0
    build = project.build()
    assert build.returncode == 0, build.stderr[-3000:]
    assert "Nieuwe proefcasus in Dordrecht" in (project.site / "cases" / "x" / "index.html").read_text(encoding="utf-8")


def test_nieuw_instrument_and_toolkit_land_in_their_folders_and_validate(with_templates):
    project = with_templates
    assert kennisbank(project.root, "nieuw", "instrument", "proefinstrument").returncode == 0
    assert kennisbank(project.root, "nieuw", "toolkit", "proeftoolkit").returncode == 0
    toolkit = project.root / "instrumenten" / "toolkits" / "proeftoolkit.md"
    assert "$schema=../../kennisbank/content/schema/toolkit.schema.json" in toolkit.read_text(encoding="utf-8")
    for path in (project.root / "instrumenten" / "proefinstrument.md", toolkit):
        path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = kennisbank(project.root, "check")
    assert result.returncode == 0, result.stdout


def test_nieuw_refuses_an_existing_file(with_templates):
    with_templates.write("cases/bestaat.md", VALID_CASE)
    result = kennisbank(with_templates.root, "nieuw", "casus", "bestaat")
    assert result.returncode == 1
    assert "cases/bestaat.md bestaat al" in result.stderr
    assert (with_templates.root / "cases" / "bestaat.md").read_text(encoding="utf-8") == VALID_CASE


def test_nieuw_refuses_a_malformed_name_and_suggests_one(with_templates):
    result = kennisbank(with_templates.root, "nieuw", "casus", "Café Noord")
    assert result.returncode == 1
    assert "'Café Noord' is geen geldige naam" in result.stderr
    assert "kleine letters (a-z), cijfers en koppeltekens" in result.stderr
    assert "Bijvoorbeeld: cafe-noord" in result.stderr
    assert not list((with_templates.root / "cases").glob("*.md"))


def test_nieuw_refuses_an_old_name_of_another_item(with_templates):
    with_templates.write("cases/nieuwe-naam.md", VALID_CASE.replace("bijgewerkt:", "vorige_namen: [oude-naam]\nbijgewerkt:"))
    result = kennisbank(with_templates.root, "nieuw", "casus", "oude-naam")
    assert result.returncode == 1
    assert "'oude-naam' is een vorige naam van cases/nieuwe-naam.md" in result.stderr
    assert not (with_templates.root / "cases" / "oude-naam.md").exists()


def test_help_is_in_dutch():
    result = subprocess.run([KENNISBANK, "nieuw", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: kennisbank nieuw")
    assert "toon deze hulp en stop" in result.stdout
    wrong = subprocess.run([KENNISBANK, "nieuw", "boek", "x"], capture_output=True, text=True)
    assert wrong.returncode == 2
    assert "ongeldige keuze: 'boek'" in wrong.stderr
