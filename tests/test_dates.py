"""'Laatst bijgewerkt': from the bijgewerkt field, else one git log, else the file's own date; in Dutch."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kennisbank.content import dates
from kennisbank.content.corpus import load_corpus
from kennisbank.content.dates import dutch_date

from .helpers import VALID_CASE, VALID_INSTRUMENT, replaced

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")

WITHOUT_DATE = replaced(VALID_CASE, 'bijgewerkt: "2026-01-15"\n', "")


def git(root: Path, *args: str, when: str = "2026-03-05T12:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def commit(root: Path, paths: dict[str, str], when: str) -> None:
    for relative, text in paths.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    git(root, "add", *paths)
    git(root, "commit", "-q", "-m", "wijziging", when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    commit(tmp_path, {"site/cases/a.md": "a", "site/cases/b.md": "b"}, "2025-03-05T10:00:00")
    commit(tmp_path, {"site/cases/b.md": "b2"}, "2026-01-10T10:00:00")
    commit(tmp_path, {"elders.md": "x"}, "2026-02-01T10:00:00")
    return tmp_path


def test_last_commit_of_each_file_from_one_git_log(repo, monkeypatch):
    calls = []
    real_popen = subprocess.Popen
    monkeypatch.setattr(dates.subprocess, "Popen", lambda *a, **k: calls.append(a) or real_popen(*a, **k))
    site = repo / "site"  # the site may live in a subfolder of the repository
    assert dates.git_dates(site, ["cases/a.md", "cases/b.md"]) == {"cases/a.md": "2025-03-05", "cases/b.md": "2026-01-10"}
    assert len(calls) == 1


def test_untracked_files_and_folders_outside_git_use_the_file_date(repo, tmp_path_factory):
    (repo / "site" / "cases" / "nieuw.md").write_text("nieuw", encoding="utf-8")
    os.utime(repo / "site" / "cases" / "nieuw.md", (1767225600, 1767225600))  # 2026-01-01
    assert dates.last_updated(repo / "site", ["cases/a.md", "cases/nieuw.md"]) == {
        "cases/a.md": "2025-03-05", "cases/nieuw.md": date.fromtimestamp(1767225600).isoformat()}
    outside = tmp_path_factory.mktemp("geen-repo")
    (outside / "a.md").write_text("a", encoding="utf-8")
    os.utime(outside / "a.md", (1767225600, 1767225600))
    assert dates.git_dates(outside, ["a.md"]) == {}
    assert dates.last_updated(outside, ["a.md"]) == {"a.md": date.fromtimestamp(1767225600).isoformat()}


def test_without_git_installed_the_file_date_is_used(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    os.utime(tmp_path / "a.md", (1767225600, 1767225600))
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    assert dates.git_dates(tmp_path, ["a.md"]) == {}
    assert dates.last_updated(tmp_path, ["a.md"]) == {"a.md": date.fromtimestamp(1767225600).isoformat()}


def test_the_bijgewerkt_field_wins_over_git(project):
    git(project.root, "init", "-q")
    project.write("cases/met-datum.md", VALID_CASE)
    project.write("cases/zonder-datum.md", WITHOUT_DATE)
    project.write("instrumenten/proefinstrument.md", replaced(VALID_INSTRUMENT, 'bijgewerkt: "2026-01-15"\n', ""))
    git(project.root, "add", "cases", "instrumenten")
    git(project.root, "commit", "-q", "-m", "inhoud", when="2026-03-05T09:00:00")
    corpus = load_corpus(project.root)
    assert corpus.problems == []
    assert corpus.cases["met-datum"].bijgewerkt == "2026-01-15"
    assert corpus.cases["zonder-datum"].bijgewerkt == "2026-03-05"
    assert corpus.instrumenten["proefinstrument"].bijgewerkt == "2026-03-05"


def test_feed_sitemap_and_schema_org_take_the_moment_of_the_last_commit(project):
    git(project.root, "init", "-q")
    project.write("cases/met-datum.md", VALID_CASE)  # bijgewerkt: 2026-01-15, committed later
    git(project.root, "add", "cases")
    git(project.root, "commit", "-q", "-m", "inhoud", when="2026-03-05T09:30:15+01:00")
    case = load_corpus(project.root).cases["met-datum"]
    assert case.bijgewerkt == "2026-01-15"  # what the page shows as "Laatst bijgewerkt"
    assert dates.last_change(case) == "2026-03-05T08:30:15Z"  # a real moment, not a made-up midnight
    case.bijgewerkt = "2026-03-06"  # a day the contributor set that is later than anything Git knows
    assert dates.last_change(case) == "2026-03-06T00:00:00Z"


def test_dutch_date_format():
    assert dutch_date("2026-03-05") == "5 maart 2026"
    assert dutch_date("2025-12-31") == "31 december 2025"


def test_pages_show_when_they_were_last_updated(project):
    git(project.root, "init", "-q")
    project.write("cases/zonder-datum.md", WITHOUT_DATE)
    git(project.root, "add", ".")
    git(project.root, "commit", "-q", "-m", "alles", when="2026-03-05T09:00:00")
    project.write("cases/met-datum.md", VALID_CASE)  # not committed yet, but it has the field
    result = project.build()
    assert result.returncode == 0, result.stderr[-3000:]

    def card(slug: str) -> str:
        soup = BeautifulSoup((project.site / "cases" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        return soup.select_one(".kb-kaart").get_text(" ", strip=True)

    assert "Laatst bijgewerkt 5 maart 2026" in card("zonder-datum")
    assert "Laatst bijgewerkt 15 januari 2026" in card("met-datum")
    page = BeautifulSoup((project.site / "bijdragen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article .kb-bijgewerkt").get_text(strip=True) == "Laatst bijgewerkt: 5 maart 2026"


def test_the_sitemap_gives_each_page_its_real_last_change_and_leaves_out_staff_pages(project):
    git(project.root, "init", "-q")
    project.write("cases/zonder-datum.md", WITHOUT_DATE)
    git(project.root, "add", ".")
    git(project.root, "commit", "-q", "-m", "alles", when="2026-03-05T09:00:00+00:00")
    project.write("cases/zonder-datum.md", WITHOUT_DATE + "\nNog een regel.\n")
    git(project.root, "add", ".")
    git(project.root, "commit", "-q", "-m", "casus bijgewerkt", when="2026-04-02T14:15:16+00:00")
    site = project.built()
    urls = {url.loc.get_text(): url.lastmod.get_text() if url.lastmod else None
            for url in BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml").find_all("url")}
    base = "https://citydeal-dynamische-binnensteden.github.io/kennisbank/"
    assert urls[f"{base}cases/zonder-datum/"] == "2026-04-02T14:15:16Z"  # its own last commit, not the build's
    assert urls[f"{base}contact/"] == "2026-03-05T09:00:00Z"  # a hand-written page: its file's last commit
    assert urls[f"{base}cases/"] is None  # a list follows many files: no date rather than a wrong one
    assert f"{base}onderhoud/" not in urls  # for the staff, not for search engines
