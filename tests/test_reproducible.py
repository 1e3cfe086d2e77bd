"""Reproducible builds: two builds of one commit are byte-identical, file for file.

The moment a build is stamped with comes from SOURCE_DATE_EPOCH, else from the last commit
(kennisbank/content/clock.py), never from the clock: so a rebuild a second (or a day) later
writes the same exports, the same "gebouwd op" and the same sitemap.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kennisbank.content import clock

from .helpers import FIXTURE_CONTENT, Project

COMMIT_DATE = "2026-11-27T10:00:00+00:00"


def commit_all(root: Path) -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": COMMIT_DATE, "GIT_AUTHOR_DATE": COMMIT_DATE}
    for command in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "x"]):
        subprocess.run(command, cwd=root, check=True, env=env, capture_output=True)


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_build_moment_is_source_date_epoch_else_the_last_commit(tmp_path, monkeypatch):
    monkeypatch.delenv(clock.SOURCE_DATE, raising=False)
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    commit_all(tmp_path)
    assert clock.build_moment(tmp_path) == datetime.fromisoformat(COMMIT_DATE)
    monkeypatch.setenv(clock.SOURCE_DATE, "1700000000")
    assert clock.build_moment(tmp_path) == datetime.fromtimestamp(1700000000, UTC)


def test_outside_git_the_build_moment_is_now(tmp_path, monkeypatch):
    monkeypatch.delenv(clock.SOURCE_DATE, raising=False)
    assert abs((clock.build_moment(tmp_path) - datetime.now(UTC)).total_seconds()) < 5


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    project = Project.create(tmp_path_factory.mktemp("reproduceerbaar"), FIXTURE_CONTENT)
    commit_all(project.root)
    env = {key: value for key, value in os.environ.items() if key != clock.SOURCE_DATE}
    first = files_of(project.built(env=env))
    time.sleep(1.5)  # a clock in the build would now give another second
    project.write("site/overblijfsel.txt", "weg")  # the second build starts from a clean folder
    second = files_of(project.built("--clean", env=env))
    return first, second


def test_two_builds_of_one_commit_are_identical_file_for_file(two_builds):
    first, second = two_builds
    assert sorted(first) == sorted(second)
    differing = {name: (first[name][:300], second[name][:300]) for name in first if first[name] != second[name]}
    assert differing == {}


def test_the_exports_are_stamped_with_the_commit_date(two_builds):
    first, _ = two_builds
    assert json.loads(first["data/cases.json"])["gebouwd"] == "2026-11-27T10:00:00Z"
    # the sitemap dates each page by its own last commit (here the only one) or a later bijgewerkt, never the clock
    lastmods = set(re.findall(rb"<lastmod>([^<]*)</lastmod>", first["sitemap.xml"]))
    assert b"2026-11-27T10:00:00Z" in lastmods
    assert all(value == b"2026-11-27T10:00:00Z" or value.endswith(b"T00:00:00Z") for value in lastmods), lastmods
