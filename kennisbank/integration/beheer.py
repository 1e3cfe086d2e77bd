"""The editor at /beheer/ in the built site: its configuration, its page and Decap's bundle, all from the site itself.

``publish/beheer.py`` makes the configuration and the page; this module knows where MkDocs and
npm keep things. Decap's bundle is copied at build time from ``node_modules/decap-cms/dist``
(pinned in package-lock.json, installed by ``npm ci --ignore-scripts``): the script and the
chunks it loads later from the same folder, never their source maps. Nothing is loaded from
another host, and no reader page refers to any of it: /beheer/ is a static page outside the
navigation, the sitemap and the search index.

Without node_modules (a test project, a machine without npm) the page says how to get the
editor; with ``KENNISBANK_BEHEER=verplicht`` (the Pages workflow) that is a build warning,
so the strict build of the public site fails rather than publish /beheer/ without its editor.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from kennisbank.content.filecache import digest
from kennisbank.content.model import Corpus
from kennisbank.content.sjablonen import TEMPLATE_DIR
from kennisbank.publish import beheer

log = logging.getLogger("mkdocs.plugins.kennisbank")

FOLDER = "beheer"
DIST = Path("node_modules") / "decap-cms" / "dist"
BUNDLE = "decap-cms.js"
REQUIRED = "KENNISBANK_BEHEER"  # "verplicht": a missing bundle is a warning (so --strict fails)
LOCAL = "KENNISBANK_DECAP_SERVER"  # the local backend's address, when decap-server runs on another port


@dataclass(frozen=True)
class Generated:
    """A file of /beheer/: text, or a file to copy."""

    uri: str
    content: str | None = None
    path: Path | None = None


def bundle_files(root: Path) -> list[Path]:
    """Decap's script and the chunks and WebAssembly it loads on demand; no source maps."""
    dist = root / DIST
    if not (dist / BUNDLE).exists():
        return []
    chunks = sorted(dist.glob("*.decap-cms.js")) + sorted(dist.glob("*.wasm"))
    return [dist / BUNDLE, dist / f"{BUNDLE}.LICENSE.txt", *chunks]


def files(corpus: Corpus, root: Path, site_url: str, repo: str, styles: list[str]) -> list[Generated]:
    """Everything /beheer/ consists of besides its script (docs/beheer/beheer.js, a hand-written file)."""
    found = bundle_files(root)
    if not found:
        message = (f"{FOLDER}/: Decap CMS ontbreekt ({DIST}); /beheer/ toont alleen uitleg. "
                   "Installeer het met: npm ci --ignore-scripts")
        if os.environ.get(REQUIRED) == "verplicht":
            log.warning(message)
        else:
            log.info(message)
    options = {"repo": repo, "site_url": site_url}
    if os.environ.get(LOCAL):
        options["local_backend"] = os.environ[LOCAL]
    templates = sorted((root / TEMPLATE_DIR).glob("*.md")) if (root / TEMPLATE_DIR).is_dir() else []
    key = digest(corpus.reference.deal, corpus.reference.lists, sorted(corpus.reference.broken), options, styles,
                 [path.as_posix() for path in found], [(path.name, path.read_bytes()) for path in templates])
    if key in _kept:  # mkdocs serve: the form depends on data/, the schemas and the templates, not on the items
        return _kept[key]
    data = {**beheer.preview_data(corpus), "styles": styles}
    settings = beheer.config(corpus, **options)
    page = beheer.page_html(data, bundle=f"decap/{BUNDLE}" if found else None, settings=settings)
    result = [Generated(f"{FOLDER}/config.yml", beheer.as_yaml(settings)), Generated(f"{FOLDER}/index.html", page)]
    result += [Generated(f"{FOLDER}/decap/{path.name}", path=path) for path in found]
    _kept.clear()
    _kept[key] = result
    return result


_kept: dict[str, list[Generated]] = {}  # the files of the previous build of this process, by what they came from


def repo_from(edit_uri_template: str | None) -> str:
    """'owner/name' from mkdocs.yml's edit_uri_template (https://github.com/owner/name/edit/…)."""
    parts = (edit_uri_template or "").split("/")
    if len(parts) > 4 and parts[2] == "github.com":
        return f"{parts[3]}/{parts[4]}"
    return beheer.REPO
