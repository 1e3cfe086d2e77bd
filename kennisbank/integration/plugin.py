"""The engine inside MkDocs: one object that holds a build's state and answers MkDocs' events.

``hooks/kennisbank_hooks.py`` hands every event to ``Kennisbank.instance()``. The object loads
and checks the content (problems become ``path:line: message`` warnings, so ``--strict``
fails on them, while ``mkdocs serve`` keeps the valid pages, lists the problems at
/problemen/ and shows a banner), adds the generated pages and the data files their scripts read,
fills each generated page after MkDocs rendered its stub (``integration/pages.py``), and has the
open data, the feed and the search index written beside the rendering (``integration/background.py``).
One instance per process: MkDocs loads the hook module anew for every build of ``mkdocs serve``,
and what serve re-uses between builds (the render store, the kept pages, the checks of unchanged
files) must outlive that.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any, ClassVar

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from kennisbank.content import clock, dates, drafts, examples, published, redirects
from kennisbank.content.corpus import load_corpus
from kennisbank.graph import Site
from kennisbank.integration import (
    background,
    beheer,
    csp,
    file_guard,
    macro_sandbox,
    material_fixes,
    redirect_pages,
    rendercache,
    search,
)
from kennisbank.integration.kept_pages import KeptPages
from kennisbank.integration.pages import fill, stub, table_of_contents
from kennisbank.publish import securitytxt
from kennisbank.site.inputs import Inputs
from kennisbank.site.macros import Macros
from kennisbank.site.pages import all_pages, data_files
from kennisbank.site.pages.velden import published_schemas
from kennisbank.site.printing import with_print_urls
from kennisbank.site.render import Page

log = logging.getLogger("mkdocs.plugins.kennisbank")
CONTENT_DIRS = ("cases", "instrumenten", "data")
# The stylesheets the editor's preview draws a case with: the site's own and Material's (hashed names).
PREVIEW_STYLES = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css")
STRICT_WARNINGS = "KENNISBANK_STRENG"  # "1": the checker's warnings are MkDocs warnings, so --strict fails on them


class Kennisbank:
    """The state of the MkDocs process and what happens at each event."""

    _instance: ClassVar[Kennisbank | None] = None

    @classmethod
    def instance(cls) -> Kennisbank:
        """The one object of this process (kept across the builds of ``mkdocs serve``)."""
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def __init__(self) -> None:
        self.site: Site | None = None
        self.generated: dict[str, Page] = {}  # src_uri -> generated page of the current build
        self.page_dates: dict[str, str] = {}  # hand-written page (src_uri) -> moment of its last change
        self.changed: dict[str, str] = {}  # repository path of an item -> its last change (RFC 3339), for lastmod
        self.redirect_pages: dict[str, str] = {}  # old docs path -> new docs path
        self.searched: dict[str, search.Rendered] = {}  # src_uri -> rendered content, for the search index
        self.inputs: Inputs | None = None  # what the generated pages of this build show (site/inputs.py)
        self.kept = KeptPages()  # mkdocs serve: generated pages whose inputs did not change are kept
        self.after: background.After | None = None  # mkdocs serve: open data, feed and search index after the build
        self.beside: background.Beside | None = None  # mkdocs build: the same, in a second process
        self.command = "build"  # what MkDocs was asked to do (on_startup)
        self.set_source_date = False  # SOURCE_DATE_EPOCH was set by this build (on_config), not by the caller

    @staticmethod
    def root(config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent

    # -- loading --------------------------------------------------------------

    def on_startup(self, command: str, dirty: bool) -> None:
        rendercache.enable(command == "serve")  # previews re-use unchanged pages of the previous build
        self.after = background.After() if command == "serve" else None
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root, docs = self.root(config), Path(config.docs_dir)
        if self.command != "serve" and not os.environ.get(clock.SOURCE_DATE):
            # Reproducible: MkDocs stamps every page with SOURCE_DATE_EPOCH, else the clock (the sitemap shows each
            # page's own last change instead, on_page_markdown); make it the last commit's date, as the exports are
            # (clock.build_moment). A preview keeps the clock.
            # Set for this build only: on_post_build and on_build_error take it away again.
            os.environ[clock.SOURCE_DATE] = str(int(clock.build_moment(root).timestamp()))
            self.set_source_date = True
        # Drafts only with the preview switch (KENNISBANK_CONCEPTEN=1); dates from one git log for all pages.
        corpus = load_corpus(root, include_drafts=drafts.preview_requested(), with_dates=False,
                             site_url=config.site_url or "")
        if config.extra.get(examples.SWITCH, True) is False:  # the production site: no illustrative content
            corpus = examples.without_examples(corpus)
        hand_written = {path.relative_to(root).as_posix(): path.relative_to(docs).as_posix()
                        for path in docs.rglob("*.md")}
        self.page_dates = {hand_written[path]: date for path, date in dates.apply(corpus, hand_written).items()}
        self.changed = {entity.path: dates.last_change(entity) for entity in corpus.entities()}
        self.site = Site(corpus)
        for problem in corpus.problems:
            log.warning(str(problem))
        file_guard.refuse_linked_templates(config.theme.custom_dir, root)  # Jinja would render a link into every page
        # A warning keeps nothing off the site and fails `--strict` only with KENNISBANK_STRENG=1 (legal.py).
        for warning in corpus.warnings:
            (log.warning if os.environ.get(STRICT_WARNINGS) == "1" else log.info)(str(warning))
        # A banner on every page of a preview; a yes/no, so that fixing one of several problems does not
        # change every page (and empty the render store of mkdocs serve).
        config.extra["kennisbank_problemen"] = bool(corpus.problems)
        macros = config.plugins.get("macros")
        if macros is not None:
            macros.register_macros(Macros(self.site, lambda: macros.page.file.src_uri).registry())
            macro_sandbox.sandbox(macros)  # a page's Jinja cannot reach Python (macro_sandbox.py)
        self.redirect_pages = redirects.redirect_map(corpus)
        redirect_plugin = config.plugins.get("redirects")
        if redirect_plugin is not None:  # old names (vorige_namen) keep their URL
            redirect_plugin.config["redirect_maps"].update(self.redirect_pages)
        search.without_material_indexing(config.plugins)
        return config

    @event_priority(50)  # before mkdocs-redirects looks for its targets among the files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        docs = Path(config.docs_dir).relative_to(self.root(config)).as_posix()
        for file in files:
            if file.is_documentation_page():
                file.edit_uri = f"{docs}/{file.src_uri}"  # edit links point at the repository path
        self.generated, self.searched = {}, {}
        self.inputs = Inputs(self.site)
        if rendercache.enabled():  # a preview: make only what an edit touched
            pages, data = self.kept.build(self.site, self.inputs)
        else:
            pages, data = all_pages(self.site), [(plan.src_uri, plan.make()) for plan in data_files(self.site)]
        for page in pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                log.warning(f"{docs}/{page.src_uri}:1: deze pagina wordt gegenereerd; verwijder het bestand uit docs/")
                files.remove(existing)
            # Generated pages stay out of the navigation (a nav listing every case makes builds
            # quadratic); the overviews that are in the nav are listed in mkdocs.yml.
            file = File.generated(config, page.src_uri, content=stub(page), inclusion=InclusionLevel.NOT_IN_NAV)
            file.edit_uri = page.source
            self.generated[page.src_uri] = page
            files.append(file)
        for entity in self.site.corpus.entities():  # images and PDFs from the folder next to each file (media.py)
            for media_file in entity.media:
                files.append(File.generated(config, media_file.site, abs_src_path=media_file.path))
        for uri, path in published_schemas().items():  # /schema/*.schema.json for editors and tools
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        if securitytxt.applies(config.site_url or ""):  # only on a domain of its own (RFC 9116)
            moment = clock.build_moment(self.root(config))
            text = securitytxt.security_txt(config.site_url or "", beheer.repo_from(config.edit_uri_template), moment)
            # Included by name: MkDocs leaves out every file whose path starts with a dot.
            files.append(File.generated(config, securitytxt.PATH, content=text, inclusion=InclusionLevel.INCLUDED))
        for uri, text in data:  # what the scripts of the overviews and of /vergelijk/ read
            files.append(File.generated(config, uri, content=text))
        self.add_editor(files, config)
        # Nothing reaches the site through a symbolic link, whatever the checker found (file_guard.py).
        file_guard.drop_links(files, self.root(config), {problem.path for problem in self.site.corpus.problems})
        return rendercache.start_build(files, config)  # serve: empty the store if the site changed

    def add_editor(self, files: Files, config: MkDocsConfig) -> None:
        """/beheer/: the form that turns an edit into a pull request (integration/beheer.py), outside nav and search."""
        assert self.site is not None
        styles = [f"../{file.src_uri}" for file in files if PREVIEW_STYLES.fullmatch(file.src_uri)]
        styles += [f"../{uri}" for uri in config.extra_css]
        for item in beheer.files(self.site.corpus, self.root(config), config.site_url or "",
                                 beheer.repo_from(config.edit_uri_template), styles):
            if item.path is not None:
                files.append(File.generated(config, item.uri, abs_src_path=str(item.path)))
            elif item.content is not None:
                files.append(File.generated(config, item.uri, content=item.content))

    # -- rendering ------------------------------------------------------------

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        rendercache.attach(nav, files, config)
        return nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Every page is rendered to HTML now; a build writes the open data, feed and search index beside the rest.
        self.beside = background.Beside(self._job(config)) if self.after is None else None
        return rendercache.install_template(env)

    def _job(self, config: MkDocsConfig) -> background.Job:
        assert self.site is not None and self.inputs is not None
        inputs = self.inputs
        return background.Job(config.site_dir, self.site, config.site_url or "", self.generated, self.searched,
                              config.use_directory_urls, published_key=inputs.once("open data", lambda: (
                                  [inputs.cards_of(kind) for kind in ("casus", "instrument", "toolkit")],
                                  inputs.last_changes, inputs.reference, inputs.build_moment)))

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        # Search reads Pagefind's index (integration/search.py); Material's plugin indexes nothing.
        searched = (generated.search != "nee") if generated is not None else \
            not (page.meta.get("search") or {}).get("exclude")
        page.meta["search"] = {"exclude": True, "kennisbank": searched}
        page.update_date = self._last_change(page.file.src_uri, generated)  # the sitemap's lastmod
        if generated is not None:
            page.meta["sitemap"] = generated.sitemap  # read by docs/overrides/sitemap.xml
            # Material prints these as they are, so they are escaped here, once: a title is text.
            page.meta["title"] = str(escape(generated.title))
            if generated.description:
                page.meta["description"] = str(escape(" ".join(generated.description.split())))
            if generated.head:  # its schema.org JSON-LD, written into <head> by docs/overrides/main.html
                page.meta["kb_head"] = generated.head
            if generated.scripts:  # loaded by docs/overrides/main.html after the site-wide scripts
                page.meta["kb_scripts"] = list(generated.scripts)
            if generated.hide:  # Material's own front matter switch
                page.meta["hide"] = list(generated.hide)
            return markdown
        date = self.page_dates.get(page.file.src_uri)
        return markdown + dates.footer(date) if date else markdown

    def _last_change(self, src_uri: str, generated: Page | None) -> str:
        """When a page really last changed: its item's file or its own Markdown; "" for a generated list,
        whose content follows many files (the sitemap then gives no lastmod rather than a wrong one)."""
        if generated is None:
            return dates.rfc3339(self.page_dates[src_uri]) if src_uri in self.page_dates else ""
        return self.changed.get(generated.source or "", "")

    def on_page_content(self, html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if rendercache.is_reused(page):
            self._for_search(page, html)
            return html  # stored from the previous build, already filled and sanitised
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            html = fill(html, generated)
            page.toc, anchors = table_of_contents(html)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        html = with_print_urls(html, page.canonical_url or page.abs_url or "/", config.site_url or "")  # addresses on paper
        rendercache.remember_content(page, html)
        self._for_search(page, html)
        return html

    def _for_search(self, page: MkDocsPage, html: str) -> None:
        if (page.meta.get("search") or {}).get("kennisbank"):
            search.collect(self.searched, page.file.src_uri, page.url, page.title or "", html)

    @event_priority(100)  # before Material's search plugin indexes the page
    def on_page_context(self, context: Any, page: MkDocsPage, config: MkDocsConfig, nav: Any) -> Any:
        rendercache.before_search(page, config)
        return context

    @event_priority(-100)  # the output as written, after every other plugin
    def on_post_page(self, output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
        if rendercache.is_reused(page):
            return output  # written as stored from the previous build
        output = self.finish(material_fixes.repair(output))  # valid HTML where Material's templates are not
        rendercache.remember_output(page, output, config)
        return output

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return self.finish(material_fixes.repair(output)) if template_name.endswith(".html") else output  # 404.html

    def finish(self, html: str) -> str:
        """A page as published: with its Content-Security-Policy (integration/csp.py). Not in a preview: the
        live reload of ``mkdocs serve`` adds an inline script to every page, different on every request."""
        return html if self.command == "serve" else csp.protect(html)

    @event_priority(-50)  # after Material's search plugin and mkdocs-redirects have written their files
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.after is not None:
            self.after.submit(self._job(config))  # serve: the edited page first, the search a few seconds later
        elif self.beside is not None:
            beside, self.beside = self.beside, None
            beside.wait()
        redirect_pages.write_dutch_pages(config, self.redirect_pages)
        self.on_build_error(None)

    def on_build_error(self, error: Exception | None) -> None:
        if error is not None and self.beside is not None:
            self.beside.stop()
            self.beside = None
        if self.set_source_date:  # leave the process's environment as the build found it
            os.environ.pop(clock.SOURCE_DATE, None)
            self.set_source_date = False

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        for folder in CONTENT_DIRS:
            server.watch(str(self.root(config) / folder))
        manifest = self.root(config) / published.MANIFEST  # renames are checked against it
        if manifest.exists():
            server.watch(str(manifest))
        return server

