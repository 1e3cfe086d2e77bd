"""Shared fixtures: projects to put (bad) content in, the fixture site built once, and the real site for the gates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.model import Corpus

from .helpers import ENV, FIXTURE_CONTENT, ROOT, Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """Configuration, hooks, hand-written pages and data of the real site; no cases or instruments."""
    return Project.create(tmp_path)


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Project:
    """The site with the frozen fixture content of tests/fixtures/inhoud/ (not the site's own content)."""
    return Project.create(tmp_path_factory.mktemp("fixture"), FIXTURE_CONTENT)


@pytest.fixture(scope="session")
def fixture_site(fixture_project: Project) -> Path:
    """The fixture project, built once with --strict."""
    return fixture_project.built()


@pytest.fixture(scope="session")
def fixture_corpus(fixture_project: Project) -> Corpus:
    return load_corpus(fixture_project.root)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site with its own content, built once with --strict: for the quality gates only."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    return out
