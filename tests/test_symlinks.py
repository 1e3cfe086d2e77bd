"""A symbolic link in a pull request (issue 28): refused by the check and the build, and nothing it points at is published.

Git stores a link (mode 120000), so a fork can send ``cases/x/kaart.png`` pointing at
``/etc/passwd``. These tests commit links in every folder that reaches the site, check out
the commit afresh as CI does, and run what CI runs on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from kennisbank.content.corpus import load_corpus
from kennisbank.content.symlinks import scan
from kennisbank.integration.file_guard import drop_links

from .helpers import CASE_BODY, ENV, INSTRUMENT, ROOT, VALID_CASE, Project, case, front_matter, toolkit

SECRET = "GEHEIM-VAN-DE-BOUWMACHINE"
KENNISBANK = shutil.which("kennisbank", path=str(Path(sys.executable).parent)) or "kennisbank"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)


@pytest.fixture
def outside(tmp_path) -> Path:
    """Files of 'the build machine', outside every project: each holds SECRET."""
    folder = tmp_path / "bouwmachine"
    (folder / "map").mkdir(parents=True)
    (folder / "wachtwoorden.txt").write_text(f"root:x:0:0:{SECRET}\n", encoding="utf-8")
    (folder / "map" / "foto.png").write_bytes(PNG + SECRET.encode())
    (folder / "toolkit.md").write_text(toolkit(samenvatting=f"Een samenvatting met {SECRET} erin, lang genoeg."),
                                       encoding="utf-8")
    shutil.copy(ROOT / "data" / "functieadressen.yml", folder / "functieadressen.yml")
    return folder


# Each link of the pull request: where it is, what it points at (relative to the outside folder, or a path in the
# repository for a relative link), and the path the check names.
LINKS = {
    "cases/a/kaart.png": ("wachtwoorden.txt", "cases/a/kaart.png"),  # an image of a valid case
    "cases/b.md": ("./a.md", "cases/b.md"),  # a case that is a link to another case, inside the repository
    "cases/c": ("map", "cases/c"),  # the folder of a case's images
    "instrumenten/proefinstrument/bijlage.pdf": ("wachtwoorden.txt", "instrumenten/proefinstrument/bijlage.pdf"),
    "instrumenten/toolkits/proeftoolkit.md": ("toolkit.md", "instrumenten/toolkits/proeftoolkit.md"),
    "data/functieadressen.yml": ("functieadressen.yml", "data/functieadressen.yml"),
    "gepubliceerd.yml": ("wachtwoorden.txt", "gepubliceerd.yml"),
    "docs/x/logo.svg": ("wachtwoorden.txt", "docs/x/logo.svg"),
    "docs/geheim.md": ("wachtwoorden.txt", "docs/geheim.md"),
    "docs/map": ("map", "docs/map"),
    "sjablonen/casus.md": ("toolkit.md", "sjablonen/casus.md"),
}


def committed_with_links(project: Project, outside: Path, clone: Path) -> Path:
    """The project with every link of LINKS, committed, and checked out afresh in ``clone``."""
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", "## Aanpak\n\n![Kaart van het gebied](a/kaart.png)"))
    project.write("cases/c.md", case(CASE_BODY.replace("## Aanpak\n\nTekst.", "## Aanpak\n\n![Foto](c/foto.png)")))
    project.write("instrumenten/proefinstrument.md", front_matter(INSTRUMENT, "## Wat het is\n\n[De bijlage]"
                                                                              "(proefinstrument/bijlage.pdf)\n"))
    for place, (target, _) in LINKS.items():
        link = project.root / place
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.exists():
            link.unlink()
        link.symlink_to(target if target.startswith("./") else outside / target)
    subprocess.run([*GIT, "init", "-q"], cwd=project.root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project.root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "Pull request met links"], cwd=project.root, check=True)
    stored = subprocess.run(["git", "ls-files", "-s"], cwd=project.root, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    assert sorted(line.split("\t")[1] for line in stored if line.startswith("120000")) == sorted(LINKS)
    subprocess.run(["git", "clone", "-q", str(project.root), str(clone)], check=True)
    assert all((clone / place).is_symlink() for place in LINKS)
    return clone


def test_a_link_committed_in_each_place_is_refused_by_the_check_and_the_build_and_never_published(
        project, outside, tmp_path):
    clone = committed_with_links(project, outside, tmp_path / "kloon")
    env = {**ENV, "NO_COLOR": "1"}
    check = subprocess.run([KENNISBANK, "check"], cwd=clone, capture_output=True, text=True, env=env)
    assert check.returncode == 1, check.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=clone, capture_output=True,
                           text=True, env=env)
    assert build.returncode != 0
    for output in (check.stdout, build.stderr):
        assert "Traceback" not in output
        for _, reported in LINKS.values():
            assert f"{reported}:1: dit is een symbolische link (symlink)" in output, (reported, output[-3000:])
        assert SECRET not in output  # not even a message quotes what a link points at
    site = clone / "site"
    published = [path for path in site.rglob("*") if path.is_file()]
    assert len(published) > 50  # the build wrote the site it could
    assert not [path for path in published if SECRET.encode() in path.read_bytes()]
    assert not [path for path in site.rglob("*") if path.is_symlink()]
    assert not (site / "x").exists() and not (site / "map").exists() and not (site / "geheim").exists()


def test_the_build_drops_a_link_the_checker_does_not_look_at(project, outside):
    """Defence in depth: node_modules is no content, but a pull request can commit a link there too."""
    dist = project.root / "node_modules" / "decap-cms" / "dist"
    dist.mkdir(parents=True)
    (dist / "decap-cms.js").symlink_to(outside / "wachtwoorden.txt")
    (dist / "decap-cms.js.LICENSE.txt").write_text("MIT\n", encoding="utf-8")
    check = subprocess.run([KENNISBANK, "check"], cwd=project.root, capture_output=True, text=True, env=ENV)
    assert check.returncode == 0, check.stdout  # the checker reads content, not node_modules
    build = project.build()
    assert build.returncode != 0
    assert "node_modules/decap-cms/dist/decap-cms.js:1: dit is een symbolische link (symlink)" in build.stderr
    assert (project.site / "beheer" / "decap" / "decap-cms.js.LICENSE.txt").exists()
    assert not (project.site / "beheer" / "decap" / "decap-cms.js").exists()
    assert not [path for path in project.site.rglob("*") if path.is_file() and SECRET.encode() in path.read_bytes()]


def test_mkdocs_itself_follows_links_in_docs_and_the_guard_removes_what_it_found(project, outside):
    (project.root / "docs" / "map").symlink_to(outside / "map", target_is_directory=True)
    (project.root / "docs" / "logo-kopie.svg").symlink_to(outside / "wachtwoorden.txt")
    config = load_config(str(project.root / "mkdocs.yml"))
    files = get_files(config)
    found = {file.src_uri for file in files}
    assert {"map/foto.png", "logo-kopie.svg"} <= found  # MkDocs would copy both
    dropped = drop_links(files, project.root, reported=["docs/map"])
    assert sorted(dropped) == ["docs/logo-kopie.svg", "docs/map/foto.png"]
    assert not {"map/foto.png", "logo-kopie.svg"} & {file.src_uri for file in files}
    assert "index.md" in {file.src_uri for file in files}  # plain files stay


def test_a_pipe_is_refused_without_being_read(project):
    """Reading a named pipe waits for a writer for ever; Git cannot store one, but a local folder can hold one."""
    project.write("cases/a.md", VALID_CASE)
    os.mkfifo(project.root / "docs" / "wacht.md")
    os.mkfifo(project.root / "cases" / "b.md")
    found = [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]
    assert [problem for problem in found if "pipe" in problem] == [
        "cases/b.md:1: dit is geen gewoon bestand, maar bijvoorbeeld een pipe; de kennisbank leest en publiceert "
        "alleen gewone bestanden uit de repository, want een link kan wijzen naar een bestand buiten de repository, "
        "op de computer die de site bouwt. Zet hier een gewoon bestand neer",
        "docs/wacht.md:1: dit is geen gewoon bestand, maar bijvoorbeeld een pipe; de kennisbank leest en publiceert "
        "alleen gewone bestanden uit de repository, want een link kan wijzen naar een bestand buiten de repository, "
        "op de computer die de site bouwt. Zet hier een gewoon bestand neer"]


def test_a_linked_folder_is_reported_once_and_not_entered(tmp_path, outside):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "alles").symlink_to(outside, target_is_directory=True)
    assert [(problem.path, problem.line) for problem in scan(tmp_path, "docs")] == [("docs/alles", 1)]


def test_a_linked_template_of_the_theme_stops_the_build_before_any_page_is_written(project, outside):
    """Jinja follows a link: docs/overrides/partials/copyright.html pointing outside would be in every page."""
    template = project.root / "docs" / "overrides" / "partials" / "copyright.html"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.unlink(missing_ok=True)
    template.symlink_to(outside / "wachtwoorden.txt")
    result = project.build()
    assert result.returncode != 0
    assert "de site wordt niet gebouwd: een sjabloon van de opmaak is een symbolische link" in result.stderr
    assert "docs/overrides/partials/copyright.html:1: dit is een symbolische link (symlink)" in result.stderr
    assert not project.site.exists()
