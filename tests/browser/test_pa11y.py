"""A second engine: pa11y with HTML_CodeSniffer (WCAG2AA) on every kind of page, beside axe (issue 13).

Engines disagree: HTML_CodeSniffer checks things axe does not (and the other way round). pa11y runs
in Node on the system's Chromium (tests/browser/pa11y-run.js), installed from package-lock.json by
`npm ci --ignore-scripts` (scripts/setup-test-tools), which also skips puppeteer's browser download.
Findings reviewed as no failure are listed, each with its reason, in pa11y-uitzonderingen.yml; any
other finding fails, and so does a listed exception that no longer matches anything.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from ..gates import FIXTURES, ROOT, require
from .conftest import CHROMIUM, CHROMIUM_FLAGS, serve
from .site_tour import SEARCH_QUERY, View, views

RUNNER = Path(__file__).with_name("pa11y-run.js")
EXCEPTIONS = Path(__file__).with_name("pa11y-uitzonderingen.yml")
# A desktop and the reflow case: the search overlay and the menu button only exist on narrow screens.
SIZES = {"1280": (1280, 800), "320": (320, 256)}


def require_pa11y() -> str:
    node = shutil.which("node")
    require(node is not None, "Node ontbreekt (apt-get install nodejs npm)")
    require((ROOT / "node_modules" / "pa11y").is_dir(), "pa11y ontbreekt (npm ci: node_modules/pa11y)")
    require(Path(CHROMIUM).exists(), f"Chromium ontbreekt ({CHROMIUM})")
    return node


def pa11y(base_url: str, tour: list[View], size: tuple[int, int]) -> list[dict]:
    """pa11y's findings on each view: [{kind, url, issues: [{code, selector, context, message}]}]."""
    job = {"chromium": CHROMIUM, "flags": CHROMIUM_FLAGS, "query": SEARCH_QUERY,
           "width": size[0], "height": size[1],
           "views": [{"kind": view.kind, "url": base_url + view.path, "action": view.action} for view in tour]}
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    result = subprocess.run([require_pa11y(), str(RUNNER)], input=json.dumps(job), capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=1200)
    assert result.returncode == 0, f"pa11y liep niet:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


def exceptions() -> list[dict]:
    entries = yaml.safe_load(EXCEPTIONS.read_text(encoding="utf-8"))
    for entry in entries:
        assert {"code", "selector", "reden"} <= set(entry), f"uitzondering zonder code, selector of reden: {entry}"
        assert len(entry["reden"]) > 40, f"uitzondering zonder echte reden: {entry}"
    return entries


def unreviewed(report: list[dict], entries: list[dict]) -> tuple[list[str], list[dict]]:
    """(findings no exception covers, exceptions that covered nothing)."""
    used = [False] * len(entries)
    found = []
    for page in report:
        for issue in page["issues"]:
            matches = [index for index, entry in enumerate(entries)
                       if entry["code"] == issue["code"] and entry["selector"] in ("*", issue["selector"])]
            for index in matches:
                used[index] = True
            if not matches:
                found.append(f"{page['kind']} ({page['url']}): {issue['code']} — {issue['selector']} — "
                             f"{issue['message']} — {' '.join(issue['context'].split())[:160]}")
    return found, [entry for entry, hit in zip(entries, used, strict=True) if not hit]


_stale: dict[str, list[dict]] = {}


@pytest.mark.parametrize("size", SIZES)
def test_pa11y_finds_nothing_unreviewed(site_url, built_site, size):
    report = pa11y(site_url, views(built_site), SIZES[size])
    found, stale = unreviewed(report, exceptions())
    _stale[size] = stale
    assert not found, (f"{len(found)} bevindingen van pa11y (HTML_CodeSniffer, WCAG2AA) op {size} px; los ze op, "
                       f"of zet ze met een reden in {EXCEPTIONS.name}:\n" + "\n".join(found))


def test_every_pa11y_exception_is_still_needed():
    """An exception that matched nothing at any width is stale: remove it from the file."""
    if len(_stale) < len(SIZES):
        pytest.skip("de pa11y-toets liep niet op alle breedtes")
    stale = [entry for entry in exceptions() if all(entry in entries for entries in _stale.values())]
    assert not stale, f"uitzonderingen die niets meer uitzonderen (haal ze weg uit {EXCEPTIONS.name}): {stale}"


def test_pa11y_catches_known_problems():
    """The gate can fail: the fixture with an image without text, an unnamed button and grey on grey."""
    url, server = serve(FIXTURES)
    try:
        report = pa11y(url, [View("fixture", "axe.html")], SIZES["1280"])
    finally:
        server.shutdown()
    found, _ = unreviewed(report, exceptions())
    codes = " ".join(found)
    for code in ("H37", "H91.Button.Name", "G18.Fail"):
        assert code in codes, f"{code} niet gevonden in: {codes}"
