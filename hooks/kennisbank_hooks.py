"""MkDocs glue: load and check the content, add the generated pages, sanitise contributor HTML.

Each handler only calls the engine in ``kennisbank/``. Problems in the content are
logged as warnings (``path:line: message``): ``mkdocs build --strict`` fails on them,
``mkdocs serve`` keeps serving the valid pages and lists the problems at /problemen/.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kennisbank.corpus import load_corpus
from kennisbank.macros import Macros
from kennisbank.pages import Site, all_pages
from kennisbank.sanitize import sanitize

log = logging.getLogger("mkdocs.plugins.kennisbank")
CONTENT_DIRS = ("cases", "instrumenten", "data")

_site: Site | None = None
_contributor_pages: set[str] = set()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    _site = Site(load_corpus(_root(config)))
    for problem in _site.corpus.problems:
        log.warning(str(problem))
    macros = config.plugins.get("macros")
    if macros is not None:
        macros.register_macros(Macros(_site, lambda: macros.page.file.src_uri).registry())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _contributor_pages.clear()
    docs = Path(config.docs_dir).relative_to(_root(config)).as_posix()
    for file in files:
        if file.is_documentation_page():
            file.edit_uri = f"{docs}/{file.src_uri}"  # edit links point at the repository path
    for page in all_pages(_site):
        if files.get_file_from_path(page.src_uri) is not None:
            log.warning(f"{docs}/{page.src_uri}:1: deze pagina wordt gegenereerd; verwijder het bestand uit docs/")
            files.remove(files.get_file_from_path(page.src_uri))
        # Generated pages stay out of the navigation (a nav listing every case makes builds
        # quadratic); the overviews that are in the nav are listed in mkdocs.yml.
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = page.source
        if page.contributor:
            _contributor_pages.add(page.src_uri)
        files.append(file)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitize(html) if page.file.src_uri in _contributor_pages else html


def on_serve(server, config: MkDocsConfig, builder):
    for folder in CONTENT_DIRS:
        server.watch(str(_root(config) / folder))
    return server
