"""What the tests share: projects with content of a test's choosing, builds, and reading the result.

Tests of code never read the site's own content (cases/, instrumenten/): they build a project
from the site's configuration, hooks, hand-written pages and reference data plus content they
write themselves, or the frozen fixture content in tests/fixtures/inhoud/.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from kennisbank.content.corpus import CONTENT_FOLDERS, load_corpus
from kennisbank.content.model import Corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "inhoud"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

CASE = {
    "titel": "Proefcasus in de binnenstad",
    "samenvatting": "Een korte samenvatting van deze proefcasus voor de tests.",
    "stad": "dordrecht", "themas": ["vastgoed"], "fase": "groeien", "status": "lopend",
    "periode": {"start": "2024-01"}, "contact": {"organisatie": "Gemeente Dordrecht"}, "bijgewerkt": "2026-01-15",
}
# The evaluation a case must have from the phase oogsten on; case() adds it to a case in that phase.
EVALUATION = {
    "succesfactoren": ["Een vaste projectleider kende de eigenaren."],
    "knelpunten": ["Eigenaren waren moeilijk te bereiken."],
    "kosten": {"bedrag": 100000, "betaald_door": ["Gemeente Dordrecht"]},
    "juridische_aspecten": {"tekst": "Geen bijzondere juridische vragen."},
    "overdraagbaarheid": {"voorwaarden": ["Een actuele monitor van leegstand."]},
}
# The same as YAML lines, for the literal files (put it before 'contact:').
EVALUATION_YAML = """succesfactoren: [Een vaste projectleider kende de eigenaren.]
knelpunten: [Eigenaren waren moeilijk te bereiken.]
kosten: {bedrag: 100000, betaald_door: [Gemeente Dordrecht]}
juridische_aspecten: {tekst: Geen bijzondere juridische vragen.}
overdraagbaarheid: {voorwaarden: [Een actuele monitor van leegstand.]}
"""
CASE_BODY = "## Opgave\n\nTekst.\n\n## Aanpak\n\nTekst.\n\n## Resultaten\n\nTekst.\n\n## Lessen\n\nTekst.\n"
INSTRUMENT = {
    "naam": "Proefinstrument", "samenvatting": "Een korte samenvatting van dit proefinstrument voor de tests.",
    "soort": "juridisch", "sturing": "reguleren", "themas": ["vastgoed"], "status": "bestaand",
    "bronnen": [{"titel": "Proefbron voor de tests", "url": "https://example.org/proefbron", "geraadpleegd": "2026-01-15"}],
    "bijgewerkt": "2026-01-15",
}
INSTRUMENT_BODY = "## Wat het is\n\nTekst.\n"
TOOLKIT = {
    "titel": "Proeftoolkit", "samenvatting": "Een korte samenvatting van deze proeftoolkit voor de tests.",
    "thema": "vastgoed", "stappen": [{"titel": "Verkennen", "toelichting": "Begin bij het begin."}],
    "instrumenten": ["proefinstrument"], "bijgewerkt": "2026-01-15",
}


# data/keuzehulp.yml of a project without the site's instruments (Project.create): questions, no instruments.
KEUZEHULP = """- id: probleem
  vraag: Wat is het probleem?
  antwoorden:
    - {id: leegstand, antwoord: Leegstand}
    - {id: verloedering, antwoord: Verloedering}
"""

# Literal files for the tests that count lines (tests/test_bad_input.py, tests/test_cli.py): the line of
# each field is fixed. Other tests build their content with case(), instrument() and toolkit().
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
bronnen:
  - titel: Proefbron voor de tests
    url: https://example.org/proefbron
    geraadpleegd: "2026-01-15"
bijgewerkt: "2026-01-15"
---

## Wat het is

Tekst.
"""


@lru_cache(maxsize=1)
def read_fixture_content() -> Corpus:
    """The frozen fixture content, read with the site's reference data (for tests that need it at import)."""
    return load_corpus(ROOT, {kind: sorted((FIXTURE_CONTENT / folder).glob("*.md"))
                              for kind, folder in CONTENT_FOLDERS.items()})


def front_matter(fields: dict, body: str = "") -> str:
    """A content file: the fields as YAML front matter (yaml.safe_dump, so any text stays data), then the body."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n" + body


def case(body: str = CASE_BODY, **fields) -> str:
    """A valid case file; keyword arguments replace or add fields (None leaves a field out).

    In the phase oogsten it has the evaluation fields (``EVALUATION``) unless they are given.
    """
    base = {**CASE, **EVALUATION} if fields.get("fase") == "oogsten" else CASE
    return front_matter(_merged(base, fields), body)


def instrument(body: str = INSTRUMENT_BODY, **fields) -> str:
    return front_matter(_merged(INSTRUMENT, fields), body)


def toolkit(body: str = "", **fields) -> str:
    return front_matter(_merged(TOOLKIT, fields), body)


def _merged(base: dict, fields: dict) -> dict:
    merged = {**base, **fields}
    return {key: value for key, value in merged.items() if value is not None}


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced; fails when ``old`` is not there (a fixture that changed under the test)."""
    assert old in text, f"niet gevonden om te vervangen: {old!r}"
    return text.replace(old, new)


def soup(source: str | Path) -> BeautifulSoup:
    """A page (a path, or HTML) parsed."""
    html = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return BeautifulSoup(html, "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    """A built page by its address within the site: 'cases/a/' or '' for the home page."""
    return soup(site / url / "index.html")


def content(site: Path, url: str):
    """The page's own content (the article), without navigation, header and footer."""
    return page(site, url).select_one("article")


def text_of(site: Path, url: str) -> str:
    """The visible text of a page's content, whitespace collapsed."""
    return " ".join(content(site, url).get_text(" ").split())


def search_records(site: Path) -> dict[str, dict]:
    """Every record of the search index as Pagefind stored it (url -> {content, meta, anchors, ...})."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        data["content"] = re.sub(r"(?<=\w)~(?=\w)", "", data["content"])  # compound marks, as the worker removes them
        found[data["url"].lstrip("/")] = data
    return found


def add_decap_bundle(root: Path) -> None:
    """Decap's bundle (node_modules/decap-cms/dist) in a project, as hard links, or copies where they cannot be made.

    Never a symbolic link: the build takes no file through one (kennisbank/integration/file_guard.py).
    """
    def link_or_copy(source: str, target: str) -> None:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    shutil.copytree(ROOT / "node_modules" / "decap-cms" / "dist", root / "node_modules" / "decap-cms" / "dist",
                    copy_function=link_or_copy)


@dataclass
class Project:
    """A copy of the site's configuration, hooks, hand-written pages and data with content of the test's choosing."""

    root: Path

    @classmethod
    def create(cls, root: Path, content: Path | None = None) -> Project:
        """``content``: a folder with cases/ and instrumenten/ to copy in (default: none)."""
        root.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        for folder in ("docs", "hooks", "data"):
            shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
        (root / "instrumenten" / "toolkits").mkdir(parents=True, exist_ok=True)
        (root / "cases").mkdir(exist_ok=True)
        if content is not None:
            for folder in ("cases", "instrumenten"):
                shutil.copytree(content / folder, root / folder, dirs_exist_ok=True)
        else:  # the site's decision aid names the site's instruments; a project without them asks plain questions
            (root / "data" / "keuzehulp.yml").write_text(KEUZEHULP, encoding="utf-8")
        return cls(root)

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def build(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """``mkdocs build --strict`` of this project, as a contributor would run it."""
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=self.root,
                              capture_output=True, text=True, env={**ENV, **(env or {})})

    def built(self, *args: str, env: dict | None = None) -> Path:
        """Build, assert that it succeeded, and return the site folder."""
        result = self.build(*args, env=env)
        assert result.returncode == 0, result.stderr[-4000:]
        assert "Traceback" not in result.stderr, result.stderr[-4000:]
        return self.site

    def preview(self) -> subprocess.CompletedProcess:
        """``mkdocs build`` without --strict: what ``mkdocs serve`` shows a contributor while problems remain."""
        return subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=self.root, capture_output=True,
                              text=True, env=ENV)

    @property
    def site(self) -> Path:
        return self.root / "site"
