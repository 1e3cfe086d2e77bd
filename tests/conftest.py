"""Shared fixtures: a throwaway copy of the project to put (bad) content in, and a real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

VALID_CASE = """---
titel: Proefcasus in de binnenstad
samenvatting: Een korte samenvatting van deze proefcasus voor de tests.
stad: dordrecht
themas: [vastgoed]
fase: groeien
status: lopend
periode:
  start: "2024-01"
contact:
  organisatie: Gemeente Dordrecht
bijgewerkt: "2026-01-15"
---

## Opgave

Tekst.

## Aanpak

Tekst.

## Resultaten

Tekst.

## Lessen

Tekst.
"""

VALID_INSTRUMENT = """---
naam: Proefinstrument
samenvatting: Een korte samenvatting van dit proefinstrument voor de tests.
soort: juridisch
sturing: reguleren
themas: [vastgoed]
status: bestaand
bijgewerkt: "2026-01-15"
---

## Wat het is

Tekst.
"""


@dataclass
class Project:
    """A copy of the site's configuration and reference data with content of the test's choosing."""

    root: Path

    @classmethod
    def create(cls, root: Path) -> "Project":
        """Configuration, hooks, hand-written pages and data of the real site; no cases or instruments."""
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        for folder in ("docs", "hooks", "data"):
            shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
        (root / "cases").mkdir(exist_ok=True)
        (root / "instrumenten" / "toolkits").mkdir(parents=True, exist_ok=True)
        return cls(root)

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def build(self, *args: str) -> subprocess.CompletedProcess:
        """``mkdocs build --strict`` of this project, as a contributor would run it."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args],
                              cwd=self.root, capture_output=True, text=True, env=env)

    @property
    def site(self) -> Path:
        return self.root / "site"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """Configuration, hooks, hand-written pages and data of the real site; no cases or instruments."""
    return Project.create(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out
