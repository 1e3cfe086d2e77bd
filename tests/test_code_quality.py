"""The code keeps its shape: layers that import one way (import-linter), ruff and mypy clean.

The contracts and settings are in pyproject.toml. These run as tests so that scripts/test,
and so CI, runs them with everything else.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

BIN = Path(sys.executable).parent


def run(tool: str, *args: str) -> subprocess.CompletedProcess:
    command = BIN / tool
    if not command.exists() and shutil.which(tool) is None:
        pytest.fail(f"{tool} ontbreekt; scripts/test installeert het (pyproject.toml, extra 'test')")
    return subprocess.run([str(command) if command.exists() else tool, *args], cwd=ROOT, capture_output=True,
                          text=True)


def test_layers_import_one_way():
    result = run("lint-imports")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing():
    result = run("ruff", "check", "kennisbank", "hooks", "tests", "bench", "scripts")
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_finds_nothing():
    result = run("mypy")
    assert result.returncode == 0, result.stdout[-4000:]
