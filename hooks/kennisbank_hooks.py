"""MkDocs glue: load and check the content, add the generated pages, sanitise contributor HTML.

Each handler only calls the engine in ``kennisbank/``. Problems in the content are
logged as warnings (``path:line: message``): ``mkdocs build --strict`` fails on them,
``mkdocs serve`` keeps serving the valid pages, lists the problems at /problemen/ and shows
a banner on every page. Further jobs: drafts and old names (redirects), dates, open data
and the feed, the search index, print addresses, Material's HTML fixes, and the serve-only
render store (kennisbank/rendercache.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs_redirects.plugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kennisbank.content import dates, drafts, redirects
from kennisbank.integration import material_fixes, rendercache, search
from kennisbank.publish import export
from kennisbank.publish.feed import feed_xml
from kennisbank.content.corpus import load_corpus
from kennisbank.site.macros import Macros
from kennisbank.graph import Site
from kennisbank.site.pages import all_pages
from kennisbank.site.pages.velden import published_schemas
from kennisbank.site.printing import with_print_urls
from kennisbank.site.sanitize import sanitize

log = logging.getLogger("mkdocs.plugins.kennisbank")
CONTENT_DIRS = ("cases", "instrumenten", "data")

_site: Site | None = None
_contributor_pages: set[str] = set()
_page_dates: dict[str, str] = {}  # hand-written page (src_uri) -> date of its last change


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_startup(command: str, dirty: bool) -> None:
    rendercache.enable(command == "serve")  # previews re-use unchanged pages of the previous build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    root, docs = _root(config), Path(config.docs_dir)
    # Drafts only with the preview switch (KENNISBANK_CONCEPTEN=1); dates from one git log for all pages.
    corpus = load_corpus(root, include_drafts=drafts.preview_requested(), with_dates=False)
    hand_written = {path.relative_to(root).as_posix(): path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    _page_dates.clear()
    _page_dates.update({hand_written[path]: date for path, date in dates.apply(corpus, hand_written).items()})
    _site = Site(corpus)
    for problem in _site.corpus.problems:
        log.warning(str(problem))
    # A banner on every page of a preview; a yes/no, so that fixing one of several problems does not
    # change every page (and empty the render store of mkdocs serve).
    config.extra["kennisbank_problemen"] = bool(_site.corpus.problems)
    macros = config.plugins.get("macros")
    if macros is not None:
        macros.register_macros(Macros(_site, lambda: macros.page.file.src_uri).registry())
    redirect_plugin = config.plugins.get("redirects")
    if redirect_plugin is not None:  # old names (vorige_namen) keep their URL
        redirect_plugin.config["redirect_maps"].update(redirects.redirect_map(corpus))
        mkdocs_redirects.plugin.HTML_TEMPLATE = redirects.REDIRECT_PAGE
    return config


@event_priority(50)  # before mkdocs-redirects looks for its targets among the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _contributor_pages.clear()
    docs = Path(config.docs_dir).relative_to(_root(config)).as_posix()
    for file in files:
        if file.is_documentation_page():
            file.edit_uri = f"{docs}/{file.src_uri}"  # edit links point at the repository path
    for page in drafts.with_banners(all_pages(_site), _site.corpus):
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
    for uri, path in published_schemas().items():  # /schema/*.schema.json for editors and tools
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    for data_file in export.files(_site, config.site_url or ""):  # /data/* (open data)
        files.append(File.generated(config, data_file.src_uri, content=data_file.content))
    files.append(File.generated(config, "feed.xml", content=feed_xml(_site, export.base_url_of(config.site_url or ""))))
    return rendercache.start_build(files, config)  # serve: empty the store if the site changed


def on_nav(nav, config: MkDocsConfig, files: Files):
    rendercache.attach(nav, files, config)
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    return rendercache.install_template(env)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    date = _page_dates.get(page.file.src_uri)
    return markdown + dates.footer(date) if date else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if rendercache.is_reused(page):
        return html  # stored from the previous build, already sanitised
    html = sanitize(html) if page.file.src_uri in _contributor_pages else html
    html = with_print_urls(html, page.canonical_url or page.abs_url or "/", config.site_url)  # addresses on paper
    rendercache.remember_content(page, html)
    return html


@event_priority(-100)  # the output as written, after every other plugin
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if rendercache.is_reused(page):
        return output  # written as stored from the previous build
    output = material_fixes.repair(output)  # valid HTML where Material's templates are not
    rendercache.remember_output(page, output, config)
    return output


@event_priority(100)  # before Material's search plugin indexes the page
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    rendercache.before_search(page, config)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return material_fixes.repair(output) if template_name.endswith(".html") else output  # 404.html


@event_priority(-50)  # after Material's search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    search.rewrite_index(config.site_dir, config.docs_dir, _site, config.use_directory_urls)


def on_serve(server, config: MkDocsConfig, builder):
    for folder in CONTENT_DIRS:
        server.watch(str(_root(config) / folder))
    return server
