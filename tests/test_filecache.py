"""The checks keep what each file gave (content/filecache.py): same problems warm or cold, work only for what changed.

- Every problem is reported the same, at once and with its line, whether the store is empty or
  full, in-process and by ``kennisbank check`` (the set of contributor mistakes, tests/fixtures/fouten/).
- An unchanged file costs a stat: it is not read again; a changed file is checked again, alone.
- A store made by another version of the checks is not used; a store file that this user did not
  sign (one that came with a pull request) is never unpickled.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.content import filecache
from kennisbank.content.corpus import load_corpus

from .helpers import ENV, ROOT, Project, case

FOUTEN = ROOT / "tests" / "fixtures" / "fouten"
TODAY = "2026-11-30"  # the fixed 'today' of the set of mistakes (tests/test_foutenset.py)


@pytest.fixture
def mistakes(tmp_path, monkeypatch) -> Path:
    """The site's data with the set of contributor mistakes laid over it."""
    monkeypatch.setenv("KENNISBANK_VANDAAG", TODAY)
    root = tmp_path / "fouten"
    Project.create(root)
    shutil.copytree(FOUTEN, root, dirs_exist_ok=True)
    (root / "verwacht.yml").unlink()
    return root


def _reported(root: Path) -> tuple[list[str], list[str], list[str]]:
    corpus = load_corpus(root, with_dates=False)
    return ([str(problem) for problem in corpus.problems], [str(warning) for warning in corpus.warnings],
            sorted(entity.src_uri for entity in corpus.entities()))


def test_every_problem_is_reported_the_same_with_a_full_or_an_empty_store(mistakes):
    filecache.forget()
    cold = _reported(mistakes)
    assert len(cold[0]) > 40 and any(":1:" not in problem for problem in cold[0])  # many problems, with lines
    assert (mistakes / filecache.FOLDER).is_dir()

    filecache.forget()  # as a new process: the store comes from disk
    warm = _reported(mistakes)
    assert filecache.store(mistakes).made == []  # nothing was read and checked again
    assert warm == cold
    assert _reported(mistakes) == cold  # and again in the same process (mkdocs serve)


def test_kennisbank_check_prints_the_same_with_a_full_or_an_empty_store(mistakes):
    env = {**ENV, "KENNISBANK_VANDAAG": TODAY}
    command = [sys.executable, "-m", "kennisbank.cli", "check"]
    cold = subprocess.run(command, cwd=mistakes, capture_output=True, text=True, env=env)
    assert (mistakes / filecache.FOLDER).is_dir()
    warm = subprocess.run(command, cwd=mistakes, capture_output=True, text=True, env=env)
    assert cold.returncode == warm.returncode == 1
    assert cold.stdout.count("\n") > 40
    assert (warm.stdout, warm.stderr) == (cold.stdout, cold.stderr)


def _write_cases(root: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = root / "cases" / f"casus-{number}.md"
        path.write_text(case(titel=f"Proefcasus nummer {number}"), encoding="utf-8")
        paths.append(path)
    an_hour_ago = os.stat(paths[0]).st_mtime_ns - 3600 * 10**9  # older than the check: its stat can be trusted
    for path in paths:
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
    return paths


def test_an_unchanged_file_costs_a_stat_and_a_changed_one_is_checked_alone(project, monkeypatch):
    paths = _write_cases(project.root, 6)
    filecache.forget()
    load_corpus(project.root, with_dates=False)
    assert sorted(filecache.store(project.root).made) >= [f"cases/casus-{n}.md" for n in range(6)]

    filecache.forget()
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or real(path))
    load_corpus(project.root, with_dates=False)
    assert not [name for name in read if name.startswith("casus-")]  # a stat each, nothing read

    edited = case(titel="Proefcasus nummer 3", stad="utrecht")
    paths[3].write_text(edited, encoding="utf-8")
    corpus = load_corpus(project.root, with_dates=False)
    assert filecache.store(project.root).made == ["cases/casus-3.md"]
    assert corpus.cases["casus-3"].stad == "utrecht"


def test_a_change_that_keeps_size_and_time_is_seen_when_it_came_in_the_second_of_the_check(project):
    path = project.root / "cases" / "casus.md"
    path.write_text(case(stad="dordrecht"), encoding="utf-8")
    filecache.forget()
    assert load_corpus(project.root, with_dates=False).cases["casus"].stad == "dordrecht"
    stat = path.stat()
    path.write_text(case(stad="eindhoven"), encoding="utf-8")  # as long as "dordrecht"
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert load_corpus(project.root, with_dates=False).cases["casus"].stad == "eindhoven"


def test_a_store_of_another_version_of_the_checks_is_not_used(project, monkeypatch):
    _write_cases(project.root, 2)
    filecache.forget()
    load_corpus(project.root, with_dates=False)
    filecache.forget()
    monkeypatch.setattr(filecache, "engine_key", lambda: "een andere versie van kennisbank/content")
    load_corpus(project.root, with_dates=False)
    assert {"cases/casus-0.md", "cases/casus-1.md"} <= set(filecache.store(project.root).made)


class _Planted:
    """What a pickle from a pull request could do when loaded: here, write a file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def test_a_store_file_this_user_did_not_write_is_never_unpickled(project, tmp_path):
    _write_cases(project.root, 2)
    marker = tmp_path / "uitgevoerd"
    payload = filecache.engine_key().encode("ascii") + b"\n" + pickle.dumps({"x": _Planted(marker)})
    folder = project.root / filecache.FOLDER
    folder.mkdir(parents=True)
    for shard in range(filecache.SHARDS):  # signed with a key that is not this user's
        (folder / f"{filecache.FILE_STEM}-{shard:x}.pickle").write_bytes(filecache.MAGIC + bytes(32) + payload)
    filecache.forget()
    corpus = load_corpus(project.root, with_dates=False)
    assert not marker.exists()
    assert sorted(corpus.cases) == ["casus-0", "casus-1"]
    assert filecache.store(project.root).made  # everything was checked anew
