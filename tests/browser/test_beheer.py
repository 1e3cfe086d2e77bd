"""The editor at /beheer/ in Chromium, with decap-server as its local backend: a case made and a case moved on, by form.

A copy of the project (the frozen fixture content, the templates, the reference data) becomes a
git repository; decap-server (npm, ``MODE=git``) serves it to Decap as GitHub would, so that
``publish_mode: editorial_workflow`` makes every save a branch ``cms/<collection>/<slug>``, as
it makes a pull request on GitHub. The test fills the form as a person does (labels, keyboard),
saves, and then runs ``kennisbank check`` and a strict build on a copy of the project with the
file from that branch. Every request the page makes is recorded: only the site itself and the
local backend may be asked anything.
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from ..gates import site_path
from ..helpers import ENV, FIXTURE_CONTENT, ROOT, Project, add_decap_bundle
from .conftest import record_other_hosts, serve, watch_policy
from .site_tour import axe_violations

NODE_MODULES = ROOT / "node_modules"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
BIN = Path(sys.executable).parent
BODY = ("## Opgave\n\nIn de Voorstraat staan zes winkels langer dan een jaar leeg.\n\n"
        "## Aanpak\n\nDe gemeente spreekt elke eigenaar en zoekt samen naar nieuwe huurders.\n\n"
        "## Resultaten\n\nTwee panden zijn weer in gebruik, als werkplaats en als winkel.\n\n"
        "## Lessen\n\nBegin met de eigenaren die willen; de rest volgt.\n")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


class Editor:
    """The project under the editor, decap-server in front of it, and the built site with /beheer/."""

    def __init__(self, root: Path, url: str, backend: str):
        self.root, self.url, self.backend = root, url, backend

    def branch_file(self, branch: str, path: str, timeout: float = 20) -> str:
        """The file as the save committed it on its branch (waiting for the commit)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # the branch exists a moment before its commit does
            shown = subprocess.run(["git", "show", f"{branch}:{path}"], cwd=self.root, capture_output=True, text=True)
            if shown.returncode == 0:
                return shown.stdout
            time.sleep(0.2)
        raise AssertionError(f"geen branch {branch} na het opslaan; branches: {_git(self.root, 'branch')}")

    def checked_copy(self, tmp: Path, path: str, text: str) -> Path:
        """A copy of the project with ``text`` at ``path``: checked and built strictly, as CI does a pull request."""
        copy = tmp / "controle"
        shutil.copytree(self.root, copy, ignore=shutil.ignore_patterns(".git", "node_modules", "site"))
        (copy / path).write_text(text, encoding="utf-8")
        check = subprocess.run([str(BIN / "kennisbank"), "check"], cwd=copy, capture_output=True, text=True, env=ENV)
        assert check.returncode == 0, f"kennisbank check:\n{check.stdout}{check.stderr}\n--- {path}:\n{text}"
        return Project(copy).built()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    if not DECAP_SERVER.exists() or shutil.which("node") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("decap-server of node ontbreekt; scripts/setup-test-tools installeert ze")
        pytest.skip("decap-server is niet geïnstalleerd (npm ci --ignore-scripts)")
    root = tmp_path_factory.mktemp("beheer") / "project"
    Project.create(root, FIXTURE_CONTENT)
    shutil.copytree(ROOT / "sjablonen", root / "sjablonen")
    # The project's own list of published items (not the site's: the fixture content is not the site's content)
    subprocess.run([str(BIN / "kennisbank"), "gepubliceerd"], cwd=root, check=True, capture_output=True, env=ENV)
    add_decap_bundle(root)
    _git(root, "init", "-q", "-b", "main")
    (root / ".git" / "info" / "exclude").write_text("node_modules\nsite/\n", encoding="utf-8")
    _git(root, "config", "user.name", "Test")
    _git(root, "config", "user.email", "test@example.org")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Inhoud van de proef")
    port = _free_port()
    backend = f"http://127.0.0.1:{port}/api/v1"
    log = (root.parent / "decap-server.log").open("w")
    server = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=root, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(root), "PORT": str(port),
                                   "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info"})
    site = root.parent / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=root,
                           capture_output=True, text=True,
                           env={**ENV, "KENNISBANK_DECAP_SERVER": backend, "KENNISBANK_BEHEER": "verplicht"})
    assert build.returncode == 0, build.stderr[-4000:]
    url, http = serve(site, site_path())
    try:
        for _ in range(100):  # decap-server is listening
            if "listening" in (root.parent / "decap-server.log").read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        yield Editor(root, url + "beheer/", backend)
    finally:
        http.shutdown()
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture
def editor_page(browser, editor):
    """/beheer/ logged in to the local backend; ``page.other_hosts`` lists what went anywhere else. The test
    fails when the editor broke the page's Content-Security-Policy (publish/csp.py, the policy of /beheer/)."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 1000})
    other = record_other_hosts(context, editor.url, editor.backend)
    violations = watch_policy(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(editor.url)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Casussen").first.wait_for()
    page.other_hosts, page.errors = other, errors
    yield page
    context.close()
    assert not violations, "het Content-Security-Policy van /beheer/ weigerde:\n" + "\n".join(violations)


def _choose(page, name: str, text: str, which: int = 0) -> None:
    """A select (react-select): type to filter, Enter to take the first match, as with a keyboard."""
    box = page.locator(f"[id^='{name}-field-']").nth(which)
    box.click()
    box.press_sequentially(text)
    page.keyboard.press("Enter")


def _save(page) -> None:
    """Save, and wait until Decap says the entry has no unsaved changes left."""
    page.get_by_role("button", name="Opslaan", exact=True).click()
    try:
        page.get_by_text("Niet-opgeslagen wijzigingen", exact=False).wait_for(state="detached", timeout=20000)
    except Exception:
        page.screenshot(path=str(Path(os.environ.get("TMPDIR", "/tmp")) / "beheer-opslaan.png"))
        raise


def test_a_new_case_made_with_the_form_passes_the_checker_and_builds(editor, editor_page, tmp_path):
    page = editor_page
    page.get_by_text("＋ Casus").click()
    page.get_by_label("Titel").fill("Leegstand aanpakken in de Voorstraat")
    page.get_by_label("Samenvatting").fill("De gemeente praat met eigenaren om leegstaande winkels in de "
                                           "Voorstraat weer in gebruik te krijgen.")
    _choose(page, "stad", "Dordrecht")
    _choose(page, "themas", "Vastgoed")
    _choose(page, "status", "Lopend")
    page.get_by_label("Start").fill("2026-01")
    page.get_by_label("Organisatie").fill("Gemeente Dordrecht")
    page.get_by_label("Functie (optioneel)").fill("Programmamanager binnenstad")
    # Only the beoogde resultaten of the chosen theme are offered.
    resultaten = page.get_by_role("group", name="Beoogde resultaten")
    assert "vastgoed-1" in resultaten.inner_text() and "financiering-1" not in resultaten.inner_text()
    page.get_by_label("vastgoed-2 · ", exact=False).check()
    page.locator("[aria-label='markdown field'] [contenteditable=true]").fill(BODY)
    # The preview draws the case as the site does: badges and card in the site's markup and stylesheet.
    preview = page.frame_locator("iframe").first
    preview.locator("h1", has_text="Leegstand aanpakken in de Voorstraat").wait_for()
    assert preview.locator("ul.kb-badges li.kb-badge--stad").inner_text() == "Dordrecht"
    assert "Stad" in preview.locator(".kb-kaart dl").inner_text()
    _save(page)

    slug = "dordrecht-leegstand-aanpakken-in-de-voorstraat"
    path = f"cases/{slug}.md"
    text = editor.branch_file(f"cms/cases/{slug}", path)
    assert not (editor.root / path).exists(), "opgeslagen op main in plaats van op een eigen branch"
    meta = yaml.safe_load(text.split("---")[1])
    today = datetime.date.today().isoformat()
    assert meta["stad"] == "dordrecht" and meta["themas"] == ["vastgoed"] and meta["resultaten"] == ["vastgoed-2"]
    assert [(step["fase"], str(step["datum"])) for step in meta["historie"]] == [("zaaien", today)]
    site = editor.checked_copy(tmp_path, path, text)
    assert "Leegstand aanpakken in de Voorstraat" in (site / "cases" / slug / "index.html").read_text(encoding="utf-8")
    assert page.other_hosts == [], "verzoeken aan andere servers:\n" + "\n".join(page.other_hosts)
    assert page.errors == []


def test_moving_a_case_to_the_next_phase_appends_its_history(editor, editor_page, tmp_path):
    case = "groningen-verkenning-binnenstadsfonds"  # zaaien: groeien asks no evaluation yet
    page = editor_page
    page.goto(f"{editor.url}#/collections/cases/entries/{case}")
    page.get_by_label("Titel").wait_for()
    before = len(yaml.safe_load((editor.root / f"cases/{case}.md").read_text(encoding="utf-8").split("---")[1])["historie"])
    _choose(page, "fase", "Groeien")
    page.get_by_role("button", name="Voeg historie toe").click()
    _choose(page, "fase", "Groeien", which=before + 1)  # the new entry (the case's own fase field is the first)
    _save(page)

    text = editor.branch_file(f"cms/cases/{case}", f"cases/{case}.md")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["fase"] == "groeien"
    assert len(meta["historie"]) == before + 1
    last = meta["historie"][-1]
    assert (last["fase"], str(last["datum"])) == ("groeien", datetime.date.today().isoformat())
    editor.checked_copy(tmp_path, f"cases/{case}.md", text)
    assert page.other_hosts == [], "verzoeken aan andere servers:\n" + "\n".join(page.other_hosts)


def test_our_markup_in_the_editor_passes_axe_and_works_by_keyboard(editor_page):
    """axe on what we add to Decap (the resultaten widget, the preview); the form in field order by Tab."""
    page = editor_page
    page.get_by_text("＋ Casus").click()
    title = page.get_by_label("Titel")
    title.focus()
    page.keyboard.type("Proef met het toetsenbord")
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id").split("-field-")[0])
    assert order == ["samenvatting", "stad", "themas", "fase"], order
    page.keyboard.press("Shift+Tab")  # back to the themes, choose one by keyboard
    page.keyboard.type("Financiering")
    page.keyboard.press("Enter")
    checkbox = page.get_by_label("financiering-1 · ", exact=False)
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    assert axe_violations(page, "[role=group][id^='resultaten-field-']") == []
    preview = next(frame for frame in page.frames if frame != page.main_frame)
    preview.locator("h1").wait_for()
    # The iframe document (no title, no lang) is Decap's; the article in it is ours.
    assert axe_violations(preview, "article") == []
