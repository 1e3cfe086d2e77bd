"""scripts/pr_preview.py: the job summary that tells a reviewer which pages of the preview to look at."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.cli import github_annotation
from kennisbank.content.problems import Problem

from .helpers import ENV, ROOT, VALID_CASE, Project

_spec = importlib.util.spec_from_file_location("pr_preview", ROOT / "scripts" / "pr_preview.py")
preview = importlib.util.module_from_spec(_spec)
sys.modules["pr_preview"] = preview  # dataclasses look their module up
_spec.loader.exec_module(preview)

Change = preview.Change
SITE_NAME = "Kennisbank Dynamische Binnensteden"
REDIRECT = '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../nieuwe-naam/"></head></html>'


def html_page(title: str) -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body></body></html>"


@pytest.fixture
def site(tmp_path) -> Path:
    """A built site with the pages the changes below make (HTML reduced to its title)."""
    site = tmp_path / "site"
    pages = {
        "": SITE_NAME,
        "cases/dordrecht-nieuw-plein/": f"Een nieuw plein &amp; meer - {SITE_NAME}",
        "cases/nieuwe-naam/": f"Hernoemde casus - {SITE_NAME}",
        "instrumenten/erfpacht/": f"Erfpacht - {SITE_NAME}",
        "toolkits/leegstandsaanpak/": f"Toolkit leegstandsaanpak - {SITE_NAME}",
        "privacy/": f"Privacy - {SITE_NAME}",
    }
    for url, title in pages.items():
        (site / url).mkdir(parents=True, exist_ok=True)
        (site / url / "index.html").write_text(html_page(title), encoding="utf-8")
    (site / "cases" / "oude-naam").mkdir(parents=True)
    (site / "cases" / "oude-naam" / "index.html").write_text(REDIRECT, encoding="utf-8")
    return site


@pytest.fixture
def checkout(tmp_path) -> Path:
    """The files of the pull request that the summary reads: only the draft's front matter."""
    root = tmp_path / "checkout"
    (root / "cases").mkdir(parents=True)
    (root / "cases" / "concept-idee.md").write_text("---\ntitel: Idee\nconcept: true\n---\n\n## Opgave\n",
                                                    encoding="utf-8")
    return root


CHANGES = [
    Change("A", "cases/dordrecht-nieuw-plein.md"),
    Change("A", "cases/dordrecht-nieuw-plein/plein.jpg"),
    Change("M", "instrumenten/erfpacht.md"),
    Change("M", "instrumenten/toolkits/leegstandsaanpak.md"),
    Change("M", "docs/privacy.md"),
    Change("R", "cases/nieuwe-naam.md", old_path="cases/oude-naam.md"),
    Change("D", "cases/weg.md"),
    Change("A", "cases/concept-idee.md"),
    Change("M", "data/steden.yml"),
    Change("M", "tests/test_iets.py"),
]

EXPECTED = """\
## Voorvertoning van deze pull request

De site is strikt gebouwd zoals hij na het samenvoegen online komt (zonder concepten). Download het artefact \
[`voorvertoning-site`](https://github.com/o/r/actions/runs/1/artifacts/2) (een zip-bestand, ook onder *Artifacts* \
van deze run), pak het uit en open het bestand uit de kolom *In het artefact* in uw browser. Om door te klikken: \
start in de uitgepakte map `python3 -m http.server` en ga naar http://localhost:8000/.

### Pagina's om te bekijken

| Wat | Pagina | In het artefact |
|---|---|---|
| nieuw | Casus: Een nieuw plein &amp; meer | `cases/dordrecht-nieuw-plein/index.html` |
| gewijzigd | Instrument: Erfpacht | `instrumenten/erfpacht/index.html` |
| gewijzigd | Toolkit leegstandsaanpak | `toolkits/leegstandsaanpak/index.html` |
| gewijzigd | Privacy | `privacy/index.html` |
| hernoemd naar `cases/nieuwe-naam.md` | Casus: `oude-naam` (`/cases/oude-naam/`) | het oude adres stuurt door \
(`vorige_namen`) |
| nieuw adres | Casus: Hernoemde casus | `cases/nieuwe-naam/index.html` |
| verwijderd | Casus: `weg` (`/cases/weg/`) | **het oude adres verdwijnt** (404 voor wie een link of bladwijzer \
heeft); hernoemd? zet de oude naam in `vorige_namen` |
| nieuw | Casus: `concept-idee` | concept: staat niet in de voorvertoning; bekijk het lokaal met \
`KENNISBANK_CONCEPTEN=1 scripts/serve` |

**Referentiedata gewijzigd: alle pagina's** (`data/steden.yml`). Kijk behalve naar de pagina's hierboven ook naar \
de startpagina en naar een paar pagina's die deze gegevens of deze opmaak tonen: een casus, een instrument, een \
stad en een thema.

<details><summary>Overige gewijzigde bestanden, zonder eigen pagina (1)</summary>

- `tests/test_iets.py`

</details>

### Meldingen van `kennisbank check`

**2 meldingen in 2 bestanden.** Ze staan ook bij de regels onder *Files changed*. Een melding in een bestand dat \
deze pull request niet wijzigt, komt meestal door een verwijzing: er wijst iets naar wat hier hernoemd, \
verwijderd of fout is.

| Bestand | Regel | Melding |
|---|---|---|
| `cases/dordrecht-nieuw-plein.md` | 7 | bijgewerkt: '2024-02-30' bestaat niet; gebruik een echte datum, \
bijvoorbeeld 2024-02-29 |
| `cases/ander.md` (niet gewijzigd) | 3 | instrumenten: 'oude-naam' bestaat niet |

### Waar u op let

De controle heeft velden, waarden, verwijzingen en datums al nagekeken. Lees de pagina's hierboven zoals een \
collega uit een andere gemeente ze leest, en loop de *Checklist voor de reviewer* in de beschrijving van deze \
pull request na: inhoud, privacy (geen persoonsgegevens), rechten, taal en of `concept` en `vorige_namen` kloppen.
"""

CHECK_OUTPUT = "\n".join([
    github_annotation("cases/dordrecht-nieuw-plein.md",
                      Problem("cases/dordrecht-nieuw-plein.md", 7,
                              "bijgewerkt: '2024-02-30' bestaat niet; gebruik een echte datum, bijvoorbeeld 2024-02-29")),
    github_annotation("cases/ander.md", Problem("cases/ander.md", 3, "instrumenten: 'oude-naam' bestaat niet")),
])


def test_the_summary_names_every_changed_page_with_its_place_in_the_artifact(site, checkout):
    summary = preview.render(CHANGES, site=site, root=checkout, check=preview.parse_annotations(CHECK_OUTPUT),
                             check_outcome="failure", build_outcome="success", artefact="voorvertoning-site",
                             artefact_url="https://github.com/o/r/actions/runs/1/artifacts/2")
    assert summary == EXPECTED.replace("\\\n", "")


@pytest.mark.parametrize("path, kind, slug, url", [
    ("cases/a-b.md", "casus", "a-b", "cases/a-b/"),
    ("instrumenten/erfpacht.md", "instrument", "erfpacht", "instrumenten/erfpacht/"),
    ("instrumenten/toolkits/t.md", "toolkit", "t", "toolkits/t/"),
    ("docs/privacy.md", "pagina", "privacy.md", "privacy/"),
    ("docs/index.md", "pagina", "index.md", ""),
])
def test_a_content_file_maps_to_its_page(path, kind, slug, url):
    page = preview.page_of(path)
    assert (page.kind, page.id, page.url, page.attachment) == (kind, slug, url, False)


def test_a_file_in_an_items_folder_is_an_attachment_of_its_page():
    assert preview.page_of("cases/a-b/foto.jpg") == preview.Page("casus", "a-b", "cases/a-b/", attachment=True)
    assert preview.page_of("instrumenten/toolkits/t/schema.pdf").url == "toolkits/t/"


@pytest.mark.parametrize("path, wide", [
    ("data/steden.yml", "data"), ("mkdocs.yml", "code"), ("kennisbank/content/model.py", "code"),
    ("hooks/kennisbank_hooks.py", "code"), ("docs/overrides/main.html", "code"), ("docs/assets/kennisbank.css", "code"),
    ("tests/test_x.py", None), ("README.md", None), ("sjablonen/casus.md", None),
])
def test_what_changes_every_page(path, wide):
    assert preview.site_wide(path) == wide
    assert preview.page_of(path) is None


def test_git_name_status_with_renames_and_odd_names():
    out = "M\0cases/a.md\0R093\0cases/oud.md\0cases/nieuw.md\0A\0docs/met spatie.md\0D\0cases/b.md\0"
    assert preview.parse_name_status(out) == [
        Change("M", "cases/a.md"), Change("R", "cases/nieuw.md", old_path="cases/oud.md"),
        Change("A", "docs/met spatie.md"), Change("D", "cases/b.md")]


def test_annotations_are_read_back_from_the_checks_workflow_commands():
    problem = Problem("cases/x,y.md", 12, "waarde: 100% fout: a, b\nvolgende regel")
    line = github_annotation("cases/x,y.md", problem)
    other = "::warning file=data/steden.yml,line=4,title=Let op::een waarschuwing"
    parsed = preview.parse_annotations(f"Een regel die geen melding is\n{line}\n{other}\n")
    assert parsed == [preview.Annotation("error", "cases/x,y.md", 12, "waarde: 100% fout: a, b\nvolgende regel"),
                      preview.Annotation("warning", "data/steden.yml", 4, "een waarschuwing")]


def test_text_from_the_pull_request_cannot_inject_markup(site, checkout):
    evil = "<img src=https://tracker.example/x.gif> [klik](https://evil.example) | `code` ![beeld](x.png)"
    changes = [Change("A", "cases/<script>alert(1)<|script>.md"), Change("M", "tests/`x`|<b>.py")]
    check = [preview.Annotation("error", "cases/a|b.md", 1, evil)]
    summary = preview.render(changes, site=site, root=checkout, check=check, check_outcome="failure",
                             build_outcome="success")
    outside_code = re.sub(r"`[^`\n]*`", "", summary)  # in a code span, < is shown as it is
    assert set(re.findall(r"<(\w+)", outside_code)) == {"details", "summary"}  # only the summary's own HTML
    assert "[klik](" not in summary and "![beeld](" not in summary  # brackets escaped: no link, no image
    assert "\\[klik\\](https://evil.example)" in summary
    for row in (line for line in summary.splitlines() if line.startswith("| ")):
        unescaped = len(row) - len(row.replace("|", "")) - row.count("\\|")
        assert unescaped == 4, row  # a table row of three cells: text cannot add or break cells


def test_without_a_build_there_is_no_preview_but_the_problems_are_listed(site, checkout):
    check = preview.parse_annotations(CHECK_OUTPUT)
    summary = preview.render(CHANGES, site=site, root=checkout, check=check, check_outcome="failure",
                             build_outcome="skipped")
    assert "**Er is geen voorvertoning**" in summary and "index.html" not in summary
    assert "| nieuw | Casus: `dordrecht-nieuw-plein` | — |" in summary
    assert "**2 meldingen in 2 bestanden.**" in summary


def test_a_page_missing_from_a_successful_build_is_said_to_be_missing(site, checkout):
    summary = preview.render([Change("A", "cases/niet-gebouwd.md")], site=site, root=checkout, check=[],
                             check_outcome="success", build_outcome="success")
    assert "| nieuw | Casus: `niet-gebouwd` | **niet gebouwd**: zie de meldingen hieronder |" in summary
    assert "Geen meldingen: de inhoud is in orde." in summary


def test_a_failed_check_without_annotations_is_not_reported_as_clean(site, checkout):
    summary = preview.render([], site=site, root=checkout, check=[], check_outcome="failure", build_outcome="skipped")
    assert "**De controle faalde zonder meldingen per regel**" in summary
    assert "Deze pull request verandert geen pagina's" in summary
    assert "De controle is niet gelopen" in preview.render([], site=None, check=None)


def test_the_command_line_diffs_against_the_base_in_git(tmp_path, site, capsys):
    repo = tmp_path / "repo"
    (repo / "cases").mkdir(parents=True)
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "cases" / "oude-naam.md").write_text("---\ntitel: Oud\n---\n\n## Opgave\n\nTekst die blijft.\n")
    (repo / "README.md").write_text("x\n")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "basis"], check=True)
    base = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([*git, "mv", "cases/oude-naam.md", "cases/nieuwe-naam.md"], check=True)
    (repo / "instrumenten").mkdir()
    (repo / "instrumenten" / "erfpacht.md").write_text("---\nnaam: Erfpacht\n---\n")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "pr"], check=True)
    controle = tmp_path / "controle.txt"
    controle.write_text("")
    args = ["--basis", base, "--site", str(site), "--controle", str(controle), "--controle-uitkomst", "success",
            "--build-uitkomst", "success", "--artefact-url", ""]
    assert preview.main([*args, "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert "| hernoemd naar `cases/nieuwe-naam.md` | Casus: `oude-naam` (`/cases/oude-naam/`) |" in out
    assert "| nieuw adres | Casus: Hernoemde casus | `cases/nieuwe-naam/index.html` |" in out
    assert "| nieuw | Instrument: Erfpacht | `instrumenten/erfpacht/index.html` |" in out
    assert "Download het artefact `voorvertoning-site`" in out


def test_an_unknown_base_fails_loudly(capsys):
    assert preview.main(["--basis", "0" * 40]) == 1
    assert "kan de gewijzigde bestanden niet bepalen" in capsys.readouterr().err
    assert preview.main(["--basis=--output=x"]) == 1


# -- a hostile pull request (issue 28) ------------------------------------------------------------------------------

def test_front_matter_does_not_follow_a_link_or_stall_on_hostile_yaml(tmp_path):
    outside = tmp_path / "buiten.md"
    outside.write_text("---\ntitel: Elders\nconcept: true\n---\n", encoding="utf-8")
    root = tmp_path / "checkout"
    (root / "cases").mkdir(parents=True)
    (root / "cases" / "link.md").symlink_to(outside)
    assert preview.front_matter(tmp_path, "buiten.md") == {"titel": "Elders", "concept": True}
    assert preview.front_matter(root, "cases/link.md") == {}  # read, it would say concept: true
    bomb = "a0: &a0 [" + ", ".join(["x"] * 10) + "]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    hostile = {"bom.md": (bomb, None), "diep.md": ("a: " + "[" * 5000 + "]" * 5000 + "\n", None),
               "getal.md": ("a: " + "9" * 5000 + "\n", True)}  # a number Python cannot print stays text
    for name, (head, concept) in hostile.items():
        (root / "cases" / name).write_text(f"---\n{head}concept: true\n---\n", encoding="utf-8")
        assert preview.front_matter(root, f"cases/{name}").get("concept") is concept, name
    assert preview.front_matter(root, "cases/bestaat-niet.md") == {}


def test_a_pull_request_with_a_link_gets_no_preview_and_the_summary_names_the_link(tmp_path, capsys):
    """What the workflow does on a pull request: check, strict build, summary; the link never reaches the site."""
    secret = tmp_path / "bouwmachine" / "wachtwoorden.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:GEHEIM-VAN-DE-BOUWMACHINE\n", encoding="utf-8")
    project = Project.create(tmp_path / "pr")
    git = ["git", "-C", str(project.root), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "basis"], check=True)
    base = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", "## Aanpak\n\n![Kaart van het gebied](a/kaart.png)"))
    (project.root / "cases" / "a").mkdir()
    (project.root / "cases" / "a" / "kaart.png").symlink_to(secret)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "pr"], check=True)

    env = {**ENV, "NO_COLOR": "1"}
    check = subprocess.run([str(Path(sys.executable).parent / "kennisbank"), "check", "--format", "github"],
                           cwd=project.root, capture_output=True, text=True, env=env)
    assert check.returncode == 1
    controle = tmp_path / "controle.txt"
    controle.write_text(check.stdout, encoding="utf-8")
    build = project.build()
    assert build.returncode != 0
    assert not [path for path in project.site.rglob("*") if path.is_file() and b"GEHEIM" in path.read_bytes()]

    args = ["--basis", base, "--site", str(project.site), "--controle", str(controle), "--controle-uitkomst",
            "failure", "--build-uitkomst", "skipped", "--root", str(project.root)]
    assert preview.main(args) == 0
    summary = capsys.readouterr().out
    assert "**Er is geen voorvertoning**" in summary
    assert "| nieuw | Casus: `a` | — |" in summary
    assert "| `cases/a/kaart.png` | 1 | dit is een symbolische link (symlink); de kennisbank leest en publiceert" in summary
    assert "GEHEIM" not in summary
