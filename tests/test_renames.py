"""Renames (issue 15, item 7): an id that was published must stay a file or an old name of one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from kennisbank.content.corpus import load_corpus
from kennisbank.content.published import MANIFEST

from .helpers import ROOT, VALID_CASE

KENNISBANK = shutil.which("kennisbank", path=str(Path(sys.executable).parent)) or "kennisbank"
TITLE = "Proefcasus in de binnenstad"


def manifest(project, **kinds) -> None:
    project.write(MANIFEST, yaml.safe_dump(kinds, allow_unicode=True))


def problems(project) -> list[str]:
    return [str(p) for p in load_corpus(project.root, with_dates=False).problems]


def test_a_renamed_file_without_vorige_namen_is_told_what_to_add(project):
    manifest(project, casus={"dordrecht-oud": TITLE})
    project.write("cases/dordrecht-nieuw.md", VALID_CASE)
    project.write("cases/iets-anders.md", VALID_CASE.replace(TITLE, "Een heel andere casus over iets anders"))
    assert problems(project) == [
        "cases/dordrecht-nieuw.md:1: cases/dordrecht-oud.md stond op de site (/cases/dordrecht-oud/), maar bestaat "
        "niet meer. Is dit bestand de nieuwe naam, voeg dan `vorige_namen: [dordrecht-oud]` toe aan "
        "cases/dordrecht-nieuw.md, zodat het oude webadres doorverwijst. Is het bewust weggehaald? Haal "
        "'dordrecht-oud' dan weg uit gepubliceerd.yml"]


def test_with_vorige_namen_the_old_address_is_kept_and_all_is_well(project):
    manifest(project, casus={"dordrecht-oud": TITLE})
    project.write("cases/dordrecht-nieuw.md", VALID_CASE.replace("status: lopend", "status: lopend\n"
                                                                 "vorige_namen: [dordrecht-oud]"))
    assert problems(project) == []


def test_without_a_likely_new_file_the_manifest_line_is_named(project):
    project.write("cases/goed.md", VALID_CASE)
    manifest(project, casus={"goed": TITLE, "verdwenen": "Iets wat er niet meer is"})
    [problem] = problems(project)
    assert problem.startswith("gepubliceerd.yml:3: cases/verdwenen.md stond op de site (/cases/verdwenen/), maar "
                              "bestaat niet meer. Hernoemd? Dan: voeg `vorige_namen: [verdwenen]` toe")


def test_a_published_item_that_became_a_draft_is_reported_unless_drafts_are_shown(project):
    manifest(project, casus={"a": TITLE})
    project.write("cases/a.md", VALID_CASE.replace("status: lopend", "status: lopend\nconcept: true"))
    assert "is nu een concept" in problems(project)[0]
    assert load_corpus(project.root, include_drafts=True, with_dates=False).problems == []


def test_without_a_manifest_there_is_nothing_to_compare(project):
    project.write("cases/a.md", VALID_CASE)
    assert not (project.root / MANIFEST).exists() and problems(project) == []


def test_kennisbank_gepubliceerd_adds_what_is_published_and_keeps_what_was(project):
    manifest(project, casus={"oud": "Oude casus"})
    project.write("cases/a.md", VALID_CASE.replace("status: lopend", "status: lopend\nvorige_namen: [oud]"))
    project.write("cases/concept.md", VALID_CASE.replace("status: lopend", "status: lopend\nconcept: true"))
    result = subprocess.run([KENNISBANK, "gepubliceerd"], cwd=project.root, capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert "Toegevoegd aan gepubliceerd.yml (casus): a" in result.stdout
    written = yaml.safe_load((project.root / MANIFEST).read_text(encoding="utf-8"))
    assert written["casus"] == {"a": TITLE, "oud": "Oude casus"}  # the draft is not published
    assert problems(project) == []


def test_the_shipped_manifest_names_every_published_item():
    """Not about new content: only that what the manifest lists still exists (or redirects)."""
    corpus = load_corpus(ROOT, with_dates=False)
    assert not [p for p in corpus.problems if "stond op de site" in p.message]
