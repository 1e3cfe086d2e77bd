"""The open data, the feed and the search index are written beside the rendering (integration/background.py).

- A build that writes them in a second process writes exactly what a build that writes them
  one after the other writes, byte for byte.
- A failure in that process fails the build, with a message that says what failed; a warning
  there fails a strict build, as any warning does.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from bench.corpus import generate
from kennisbank.integration import background
from kennisbank.integration.plugin import Kennisbank


def _build(root: Path, site: Path, strict: bool = False) -> None:
    Kennisbank.instance().on_startup("build", False)
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=strict))


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture
def small(project, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")  # not a Git repository: the build's moment is fixed here
    monkeypatch.chdir(project.root)
    generate(project.root, 12)
    return project.root


def test_the_second_process_writes_what_a_build_one_after_the_other_writes(small, tmp_path, monkeypatch):
    beside = tmp_path / "naast"
    _build(small, beside)
    assert (beside / "data" / "cases.json").exists() and (beside / "feed.xml").exists()
    assert (beside / "pagefind" / "pagefind-entry.json").exists()
    monkeypatch.delattr(os, "fork")  # where there is no fork: the same work after the pages
    after = tmp_path / "na"
    _build(small, after)
    assert _files(beside) == _files(after)


def test_a_failure_beside_the_build_fails_it_and_says_what(small, tmp_path, monkeypatch, caplog):
    def broken(site, site_url):
        raise ValueError("de open data kon niet worden gemaakt")

    monkeypatch.setattr(background, "published_files", broken)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        _build(small, tmp_path / "site")
    assert "zoekindex zijn niet geschreven: ValueError: de open data kon niet worden gemaakt" in caplog.text
    assert "Traceback" not in caplog.text


def test_a_warning_beside_the_build_fails_a_strict_build(small, tmp_path, monkeypatch, caplog):
    real = background.published_files

    def warned(site, site_url):
        logging.getLogger("mkdocs.plugins.kennisbank").warning("de woordenlijst ontbreekt")
        return real(site, site_url)

    monkeypatch.setattr(background, "published_files", warned)
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
        _build(small, tmp_path / "site", strict=True)
    assert caplog.text.count("de woordenlijst ontbreekt") == 1
