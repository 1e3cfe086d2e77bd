"""Fast previews: ``mkdocs serve`` re-uses the pages of its previous build whose Markdown is unchanged.

Why: after every edit ``mkdocs serve`` rebuilds the whole site. At 1,000 cases that is
1,300 pages and about 15 s, nearly all of it Python-Markdown and Material's templates
rendering pages that did not change. ``--dirty`` does not help: generated pages always
count as modified, and Material's search index would then hold only the rebuilt pages.

How: only in a serve process (``enable``), every page remembers its rendered HTML and its
final output, keyed by all it is made from: its Markdown after every plugin (macros
included), its meta data, URL and edit link. Anything that shapes every page (mkdocs.yml
with the nav and its titles, the theme overrides) empties the whole store; when a page is
gone (a case deleted, renamed or invalid), every page whose Markdown names its file
renders again. On the next build a page with the same key is neither converted nor put
through the theme's templates again: its stored output is written as it was, and its
search entries are added as they were. The pages whose Markdown changed (the edited case
and every list that shows it) are rendered as usual.
A preview is the same site a fresh build makes (tests/test_performance_structure.py).
MkDocs' server holds every request until a rebuild is complete, so what counts is the
time of the whole rebuild.

MkDocs builds pages in two steps (``Page.render``, then the template) and has no event to
skip either, so this uses MkDocs' extension points: a ``Page`` subclass (``on_nav``), a
template that writes the stored output (``on_env``), and the hook events that see the
final HTML (``on_page_content``, ``on_post_page``) or come just before Material's search
plugin indexes a page (``on_page_context``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

TEMPLATE = "kennisbank-opgeslagen-pagina.html"
log = logging.getLogger("mkdocs.plugins.kennisbank")


@dataclass
class _Rendered:
    """What a page's render and template produced, to be used again for an identical page."""

    key: str
    content: str  # HTML after every on_page_content handler
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # target src_uri -> {anchor: link as written}
    output: str | None = None  # the page as written to disk
    search_entries: list[dict] | None = None  # what Material's search plugin indexed for it


_enabled = False
_site_key: str | None = None
_store: dict[str, _Rendered] = {}
_gone_names: list[str] = []  # file names of pages gone since the previous build ("x.md")
_last_build: dict[str, list[str]] = {"rendered": [], "reused": []}  # src_uris, for tests and curiosity


# The versions whose internals this module relies on (Page.render, the template step, Material's search
# plugin's entries). With another version it switches itself off and says so: slower previews, same site.
WRITTEN_FOR = {"mkdocs": "1.6.", "mkdocs-material": "9."}


def unsupported_versions() -> list[str]:
    """'mkdocs 1.7.0' for each package whose version this module was not written for."""
    found = []
    for package, prefix in WRITTEN_FOR.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            installed = "niet geïnstalleerd"
        if not installed.startswith(prefix):
            found.append(f"{package} {installed}")
    return found


def enable(on: bool = True) -> None:
    """Switch the store on (serve) or off (build: one build per process, nothing to re-use)."""
    global _enabled, _site_key
    unsupported = unsupported_versions() if on else []
    if unsupported:
        log.info("Snelle voorvertoning staat uit: kennisbank/integration/rendercache.py is geschreven voor "
                 + " en ".join(f"{name} {version}x" for name, version in WRITTEN_FOR.items())
                 + f", gevonden: {', '.join(unsupported)}. Elke wijziging bouwt de hele site opnieuw.")
    _enabled = on and not unsupported
    _site_key = None
    _store.clear()


def enabled() -> bool:
    return _enabled


def last_build() -> dict[str, list[str]]:
    """The pages the last build rendered and the pages it re-used (src_uris)."""
    return {kind: list(uris) for kind, uris in _last_build.items()}


def digest(*parts: object) -> str:
    """A short key for everything a stored page depends on (also used by item_pages.py)."""
    hashed = hashlib.sha1()
    for part in parts:
        hashed.update(str(part).encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def _site_fingerprint(config: MkDocsConfig) -> str:
    """Everything outside a page's Markdown that shapes its output: the config file and the theme overrides."""
    parts: list[object] = [Path(config.config_file_path).read_bytes() if config.config_file_path else "",
                           repr(sorted(config.extra.items()))]  # e.g. the problem count in the banner
    custom_dir = config.theme.custom_dir
    if custom_dir and Path(custom_dir).is_dir():
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                parts += [path.as_posix(), path.read_bytes()]
    return digest(*parts)


def start_build(files: Files, config: MkDocsConfig) -> Files:
    """Start of a build (on_files): empty the store if the site changed; forget pages that are gone."""
    global _site_key
    if not _enabled:
        return files
    _last_build["rendered"].clear()
    _last_build["reused"].clear()
    site_key = _site_fingerprint(config)
    if site_key != _site_key:
        _store.clear()
        _site_key = site_key
    present = {file.src_uri for file in files}
    gone = [uri for uri in _store if uri not in present]  # deleted, renamed, or now invalid
    for uri in gone:
        del _store[uri]
    _gone_names[:] = [uri.rsplit("/", 1)[-1] for uri in gone]
    return files


class StoredPage(Page):
    """A page that renders only when its key differs from the one stored by the previous build."""

    reused: _Rendered | None = None
    render_key: str = ""
    search_start: int | None = None  # where its entries begin in the search index being built

    def _key(self) -> str:
        return digest(self.markdown, sorted(self.meta.items(), key=str), self.url, self.file.edit_uri,
                       self.canonical_url)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        key = self._key()
        stored = _store.get(self.file.src_uri)
        # A page that may link to a page that is gone renders again, so MkDocs reports the broken link.
        links_to_gone = any(name in (self.markdown or "") for name in _gone_names)
        if stored is None or stored.key != key or stored.output is None or links_to_gone:
            self.reused = None
            self.render_key = key
            _last_build["rendered"].append(self.file.src_uri)
            super().render(config, files)
            return
        self.reused = stored
        _last_build["reused"].append(self.file.src_uri)
        self.content, self.toc, self._title_from_render = stored.content, stored.toc, stored.title
        self.present_anchor_ids = set(stored.anchors)
        if stored.links_to_anchors is not None:
            targets = {uri: files.get_file_from_path(uri) for uri in stored.links_to_anchors}
            self.links_to_anchors = {target: dict(stored.links_to_anchors[uri])
                                     for uri, target in targets.items() if target is not None}
        self.meta["template"] = TEMPLATE


def attach(nav: Navigation, files: Files, config: MkDocsConfig) -> None:
    """Make every page a StoredPage (on_nav, after MkDocs made a plain Page for each file but drafts).

    Every page shows the whole nav, so re-use is only safe while the nav's titles are fixed
    by mkdocs.yml (part of the site fingerprint); a title taken from a page's own heading
    could change with an edit, and then nothing is re-used.
    """
    if not _enabled:
        return
    if any("title" not in page.__dict__ for page in nav.pages):
        _store.clear()
        return
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        if file.page is None:  # a draft: MkDocs makes its page later
            StoredPage(None, file, config)
        else:  # the nav may hold this object: keep it, give it render() with the store
            file.page.__class__ = StoredPage


def _search_entries(config: MkDocsConfig) -> list | None:
    """The entry list of Material's search index being built, if it is there as expected."""
    plugin = config.plugins.get("material/search")
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) and getattr(plugin, "config", {}).get("enabled", True) else None


def before_search(page: Page, config: MkDocsConfig) -> None:
    """Before Material indexes a page (on_page_context, early): a re-used page gets its stored entries.

    Parsing the HTML of every page for the index took almost half of a rebuild; the entries of
    an unchanged page are the same as last time, so they are added as they were.
    """
    if not isinstance(page, StoredPage):
        return
    entries = _search_entries(config)
    if entries is None:
        return
    if page.reused is not None and page.reused.search_entries is not None:
        entries.extend(page.reused.search_entries)  # copied when stored; nothing changes them
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}  # Material skips it
    else:
        page.search_start = len(entries)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory: MkDocs makes a new Jinja environment for every
    build, which compiled Material's 40 templates again after every edit. Jinja keys each by
    the template's name and checks its source, so an edited template is compiled anew."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()


def install_template(env: jinja2.Environment) -> jinja2.Environment:
    """The template of a re-used page writes its stored output; compiled templates are kept (on_env)."""
    if _enabled and env.loader is not None:
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({TEMPLATE: "{{ page.reused.output }}"}), env.loader])
        env.bytecode_cache = _compiled_templates
    return env


def is_reused(page: Page) -> bool:
    return getattr(page, "reused", None) is not None


def remember_content(page: Page, html: str) -> None:
    """Store a freshly rendered page's final HTML (the last on_page_content)."""
    if not isinstance(page, StoredPage) or page.reused is not None:
        return
    links = None
    if page.links_to_anchors is not None:
        links = {target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
    _store[page.file.src_uri] = _Rendered(key=page.render_key, content=html, toc=page.toc,
                                          title=page._title_from_render, anchors=set(page.present_anchor_ids or ()),
                                          links_to_anchors=links)


def remember_output(page: Page, output: str, config: MkDocsConfig) -> None:
    """Store a freshly rendered page's output and search entries (the last on_post_page)."""
    if isinstance(page, StoredPage) and page.reused is None and page.file.src_uri in _store:
        stored = _store[page.file.src_uri]
        stored.output = output
        entries, start = _search_entries(config), getattr(page, "search_start", None)
        if entries is not None and start is not None:
            stored.search_entries = [dict(entry) for entry in entries[start:]]
