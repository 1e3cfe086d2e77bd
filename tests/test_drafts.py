"""Drafts (concept: true) are absent from everything public and shown with a banner in the preview."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus
from kennisbank.content.drafts import PREVIEW_SWITCH, preview_requested

from .helpers import VALID_CASE, VALID_INSTRUMENT, Project, replaced
from .test_search_index import fragments

DRAFT = replaced(replaced(VALID_CASE, "titel: Proefcasus in de binnenstad", "titel: Geheim conceptplan Zwanenburg"),
                 "themas: [vastgoed]", "themas: [vastgoed]\nonderwerpen: [leegstandsaanpak]\nconcept: true")
PUBLISHED = replaced(VALID_CASE, "themas: [vastgoed]", "themas: [vastgoed]\nonderwerpen: [leegstandsaanpak]")
SECRET = "Zwanenburg"
PUBLISHED_TITLE = "Proefcasus in de binnenstad"


def build(root: Path, site: str, preview: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(PREVIEW_SWITCH, None)
    if preview:
        env[PREVIEW_SWITCH] = "1"
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                          cwd=root, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The same project built for the public and as a preview with drafts."""
    root = Project.create(tmp_path_factory.mktemp("concepten")).root
    (root / "cases" / "gepubliceerd.md").write_text(PUBLISHED, encoding="utf-8")
    (root / "cases" / "geheim-concept.md").write_text(DRAFT, encoding="utf-8")
    sites = {}
    for name, preview in (("publiek", False), ("voorvertoning", True)):
        result = build(root, str(root / name), preview)
        assert result.returncode == 0, result.stderr[-3000:]
        sites[name] = root / name
    return sites


def files_mentioning(site: Path, text: str) -> list[str]:
    return [path.relative_to(site).as_posix() for path in site.rglob("*")
            if path.is_file() and text in path.read_text(encoding="utf-8", errors="ignore")]


def test_a_draft_is_nowhere_in_the_public_build(sites):
    site = sites["publiek"]
    assert not (site / "cases" / "geheim-concept").exists()
    assert (site / "cases" / "gepubliceerd" / "index.html").exists()
    # pages, lists, term pages, search index, sitemap, exports: no file mentions it
    assert files_mentioning(site, SECRET) == []
    assert files_mentioning(site, "geheim-concept") == []
    search = json.dumps(fragments(site), ensure_ascii=False)  # the search index (Pagefind's records)
    assert SECRET not in search and PUBLISHED_TITLE in search


def test_the_preview_shows_a_draft_with_a_banner_and_lists_it(sites):
    site = sites["voorvertoning"]
    soup = BeautifulSoup((site / "cases" / "geheim-concept" / "index.html").read_text(encoding="utf-8"), "html.parser")
    banner = soup.select_one("article .admonition.warning")
    assert banner is not None and banner.select_one(".admonition-title").get_text(strip=True) == "Concept"
    assert "niet op de openbare site" in banner.get_text()
    published = (site / "cases" / "gepubliceerd" / "index.html").read_text(encoding="utf-8")
    assert "admonition warning" not in published
    for listing in ("cases/index.html", "steden/dordrecht/index.html", "onderwerpen/leegstandsaanpak/index.html"):
        assert SECRET in (site / listing).read_text(encoding="utf-8"), listing
    assert SECRET in json.dumps(fragments(site), ensure_ascii=False)


def test_a_published_item_may_not_point_at_a_draft(project):
    project.write("instrumenten/proefinstrument.md", replaced(VALID_INSTRUMENT, "status: bestaand", "status: bestaand\nconcept: true"))
    project.write("cases/a.md", replaced(VALID_CASE, "themas: [vastgoed]", "themas: [vastgoed]\ninstrumenten: [proefinstrument]"))
    public = load_corpus(project.root)
    assert [str(p) for p in public.problems] == [
        "cases/a.md:6: veld 'instrumenten[1]' verwijst naar instrument 'proefinstrument', maar "
        "instrumenten/proefinstrument.md is een concept (concept: true) en staat niet op de openbare site; "
        "publiceer dat eerst of haal de verwijzing weg"]
    assert public.cases == {} and public.instrumenten == {}
    preview = load_corpus(project.root, include_drafts=True)
    assert preview.problems == []
    assert set(preview.cases) == {"a"} and preview.instrumenten["proefinstrument"].concept


def test_a_draft_may_point_at_another_draft_and_is_still_checked(project):
    project.write("instrumenten/proefinstrument.md", replaced(VALID_INSTRUMENT, "status: bestaand", "status: bestaand\nconcept: true"))
    project.write("cases/a.md", replaced(DRAFT, "themas: [vastgoed]", "themas: [vastgoed]\ninstrumenten: [proefinstrument]"))
    assert load_corpus(project.root).problems == []
    project.write("cases/b.md", replaced(DRAFT, "fase: groeien", "fase: klaar"))
    assert [p.path for p in load_corpus(project.root).problems] == ["cases/b.md"]


def test_preview_switch_values():
    assert preview_requested({PREVIEW_SWITCH: "1"}) and preview_requested({PREVIEW_SWITCH: "ja"})
    assert not preview_requested({}) and not preview_requested({PREVIEW_SWITCH: "0"})
