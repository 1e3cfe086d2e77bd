"""The held-out set of contributor mistakes (tests/fixtures/fouten/): one check run finds them all, the build agrees.

Each mistake sits in its own file; ``verwacht.yml`` says per file what is wrong and which
``bestand:regel`` and message ``kennisbank check`` must give. The set is checked in one run,
as a contributor's pull request would be, and then built with ``mkdocs build --strict``:
the build must report the same problems, and nothing else, in particular no English warning
of MkDocs about a contributor's content.

With ``FOUTENSET_TABEL=<pad>`` the test writes the table "mistake → message" as Markdown.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import ROOT, Project

FIXTURE = ROOT / "tests" / "fixtures" / "fouten"
TODAY = "2026-11-30"  # the fixed 'today' of the set: bijgewerkt 2027-03-01 lies in the future
KENNISBANK = shutil.which("kennisbank", path=str(Path(sys.executable).parent)) or "kennisbank"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>\S.*)$")
# Words of MkDocs' and PyYAML's English messages; none may appear in what a contributor reads.
ENGLISH = re.compile(r"\b(the|not found|contains a link|found|expected|could not|while|error|warning|"
                     r"Doc file|unrecognized|anchor)\b")


def expected() -> dict[str, dict]:
    return yaml.safe_load((FIXTURE / "verwacht.yml").read_text(encoding="utf-8"))


SECRET = "GEHEIM-VAN-DE-BOUWMACHINE"  # in a file outside the set, which a symbolic link in the set points at


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """The site's configuration and data, with the set laid over it, the two large files and the link it needs."""
    outside = tmp_path_factory.mktemp("buiten") / "wachtwoorden.txt"
    outside.write_text(f"{SECRET}\n", encoding="utf-8")
    root = tmp_path_factory.mktemp("foutenset")
    Project.create(root)
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    (root / "verwacht.yml").unlink()
    (root / "cases" / "afbeelding-te-groot").mkdir(exist_ok=True)
    (root / "cases" / "afbeelding-te-groot" / "gevel.jpg").write_bytes(b"\xff\xd8\xff" + bytes(1_500_000))
    (root / "cases" / "symlink-kaart").mkdir(exist_ok=True)
    (root / "cases" / "symlink-kaart" / "kaart.png").symlink_to(outside)
    good = (root / "cases" / "goed.md").read_text(encoding="utf-8").replace(
        "Goede proefcasus in de binnenstad", "Proefcasus met een heel lange tekst")
    (root / "cases" / "te-lange-tekst.md").write_text(
        good + "\n" + "Een zin die in het verslag steeds terugkomt. " * 1200 + "\n", encoding="utf-8")
    return root


def environment() -> dict[str, str]:
    return {**os.environ, "KENNISBANK_VANDAAG": TODAY, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def checked(tree) -> subprocess.CompletedProcess:
    return subprocess.run([KENNISBANK, "check"], cwd=tree, capture_output=True, text=True, env=environment())


@pytest.fixture(scope="module")
def built(tree) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tree, capture_output=True,
                          text=True, env=environment())


def test_the_set_holds_at_least_forty_mistakes_each_in_its_own_file():
    mistakes = expected()
    assert len(mistakes) >= 40
    assert len({entry["fout"] for entry in mistakes.values()}) == len(mistakes)


def test_one_check_run_reports_every_mistake_with_path_line_and_message(checked):
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    missing = []
    for name, entry in sorted(expected().items()):
        prefix = f"{entry['bestand']}:{entry['regel']}: "
        if not any(line.startswith(prefix) and entry["melding"] in line for line in lines):
            missing.append((name, prefix, entry["melding"], [line for line in lines if line.startswith(entry["bestand"])]))
    assert not missing, missing
    _write_table(lines)


def test_no_file_of_the_set_is_silent(checked, tree):
    """Every file with a mistake is named by a problem: its own, one of its images, or the summary of a data file."""
    output = checked.stdout
    fine = {"cases/goed.md", "cases/concept.md", "instrumenten/erfpacht.md", "instrumenten/toolkits/proeftoolkit.md"}
    for path in sorted(tree.rglob("*")):
        relative = path.relative_to(tree).as_posix()
        if (not path.is_file() or not relative.startswith(("cases/", "instrumenten/")) or relative in fine
                or (path.suffix.lower() != ".md" and relative not in expected())):
            continue  # an image that is fine, of a file with a mistake
        folder = relative[: -len(".md")] + "/"  # or a problem of a file in its folder of images
        assert relative in output or folder in output, f"{relative} heeft geen melding"


def test_every_message_is_dutch(checked):
    for line in checked.stdout.splitlines():
        message = LINE.match(line)["message"]
        assert not ENGLISH.search(message), line


def test_every_mistake_is_reported_once(checked):
    """One cause, one message: the problems of a file do not repeat each other."""
    lines = checked.stdout.splitlines()
    assert len(lines) == len(set(lines))
    per_file: dict[str, int] = {}
    for line in lines:
        per_file[LINE.match(line)["path"]] = per_file.get(LINE.match(line)["path"], 0) + 1
    crowded = {path: count for path, count in per_file.items() if count > 1 and not path.startswith("data/")}
    assert not crowded, crowded


def test_the_strict_build_reports_the_same_problems_and_no_english_content_warning(checked, built):
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert "Traceback" not in output
    warnings = [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("WARNING")]
    assert warnings, output[-2000:]
    english = [warning for warning in warnings if not LINE.match(warning) or ENGLISH.search(warning)]
    assert not english, english
    assert sorted(warnings) == sorted(checked.stdout.splitlines())


def test_the_valid_files_of_the_set_are_built(built, tree):
    assert (tree / "site" / "cases" / "goed" / "index.html").exists()
    assert (tree / "site" / "instrumenten" / "erfpacht" / "index.html").exists()
    assert not (tree / "site" / "cases" / "concept").exists()
    assert not (tree / "site" / "cases" / "privacy-mobiel").exists()  # a file with a problem stays off the site


def test_no_file_from_outside_the_set_reaches_the_site(built, tree):
    site = tree / "site"
    assert site.is_dir()
    published = [path for path in site.rglob("*") if path.is_file()]
    assert not [path for path in published if SECRET.encode() in path.read_bytes()]
    assert not [path for path in site.rglob("*") if path.is_symlink()]
    assert not (site / "cases" / "symlink-kaart").exists()


def _write_table(lines: list[str]) -> None:
    target = os.environ.get("FOUTENSET_TABEL")
    if not target:
        return
    rows = ["| # | fout | bestand:regel | melding van `kennisbank check` |", "|---|---|---|---|"]
    for number, (name, entry) in enumerate(sorted(expected().items(), key=lambda item: item[0]), start=1):
        prefix = f"{entry['bestand']}:{entry['regel']}: "
        message = next(line for line in lines if line.startswith(prefix) and entry["melding"] in line)
        text = message[len(prefix):].replace("|", "\\|")
        rows.append(f"| {number} | {entry['fout']} (`{name}`) | `{prefix.rstrip(': ')}` | {text} |")
    Path(target).write_text("\n".join(rows) + "\n", encoding="utf-8")
