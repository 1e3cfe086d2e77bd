"""Search in the built site: a Pagefind index of every page, read through Material's search box.

Why Pagefind (measured side by side with Material's own search; see BENCHMARKS.md, "Zoeken"):
Material's search sends the whole index to every reader on every page (1.8 MB at 1,000 cases
when only the first 400 characters of a case were indexed; with the whole text it would be
several MB). Pagefind splits its index into small files by word and loads, for a query, only
the files for its words and the excerpts of the results shown. So the whole text of every case
can be indexed, and a page downloads nothing of the index until the reader searches.

How it fits together:

- Material's search plugin stays for its search box and result list (their look, keyboard
  handling and Dutch texts), but indexes nothing: every page gets ``search: exclude``, so
  ``search/search_index.json`` holds only settings (a few hundred bytes).
- ``collect`` keeps the rendered content of every page during the build; ``write_index`` (beside
  the rest of the build, or after it in ``mkdocs serve``: integration/background.py) turns it into one record per page (``site/search_index.py``: the whole text by
  section, metadata as tags, compounds marked) and has Pagefind's Python API write the index to
  ``pagefind/``, with Dutch stemming.
- Next to it, for the search worker: ``search/woorden/<letter>.json``, the vocabulary by first
  letter (to complete half-typed words, correct typos, suggest "Bedoelde u …?", split compounds),
  ``search/nederlands/<letter>.json``, the valid Dutch words one letter off from the vocabulary
  (never "corrected": site/woordenlijst.py), and ``search/zoekhulp.json``: the irregular word forms,
  how compounds are split (the same rules and curated list as the index), which words are themes,
  cities or topics (for links to the filtered overview when nothing is found), and which pages are
  lists or hand-written (ranked below the items).
- ``docs/assets/javascripts/workers/kennisbank-zoeken.js`` takes the place of Material's search
  worker (``docs/overrides/main.html``): it answers Material's messages from Pagefind, which it
  loads at the first query.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import shutil
import tempfile
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kennisbank.content.model import page_path as page_url  # as MkDocs writes a page's address
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.site import woordenlijst
from kennisbank.site.render import Page
from kennisbank.site.search_index import Record, item_record, list_record, page_record, splitter_for
from kennisbank.site.search_text import SPLITTING, STOPWORDS, vocabulary, vocabulary_files, words

log = logging.getLogger("mkdocs.plugins.kennisbank")

INDEX_DIR = "pagefind"  # Pagefind's bundle, relative to the site
HELP_DIR = "search"  # next to Material's (empty) search_index.json
# Pagefind writes its own search interfaces too; the site uses Material's, so these are removed.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind", "pagefind-worker.js")
# Terms a reader may type whose overview of cases can be filtered on them (``?stad=dordrecht``).
FILTERS = ("themas", "steden", "onderwerpen")


@dataclass
class Rendered:
    """What the index needs of a page MkDocs rendered."""

    url: str
    title: str
    content: str


def without_material_indexing(plugins) -> None:
    """Take Material's search plugin off the page_context event: it indexes nothing here (every page is
    excluded), but ran a regular expression over the whole HTML of every page (0.3 s of each rebuild of
    mkdocs serve at 1,000 cases). Its search box, settings file and worker setup stay."""
    material = plugins.get("material/search") or plugins.get("search")
    handlers = plugins.events.get("page_context", [])
    plugins.events["page_context"] = [handler for handler in handlers if getattr(handler, "__self__", None) is not material]


def collect(pages: dict[str, Rendered], src_uri: str, url: str, title: str, content: str) -> None:
    pages[src_uri] = Rendered(url, title, content)


def records(site: Site, generated: dict[str, Page], rendered: dict[str, Rendered],
            use_directory_urls: bool = True) -> list[Record]:
    """One record per page that is searched: items, list pages and hand-written pages."""
    items = {entity.src_uri: entity for entity in site.corpus.entities()}
    found = []
    for uri, page in rendered.items():
        generated_page = generated.get(uri)
        if generated_page is None:
            found.append(page_record(page.url, page.title, page.content))
        elif generated_page.search == "item" and uri in items:
            found.append(item_record(site, items[uri], page.url, page.content))
        elif generated_page.search == "lijst":
            found.append(list_record(page.url, generated_page.title, generated_page.description))
    for uri, generated_page in generated.items():  # list pages rendered in an earlier build (mkdocs serve)
        if uri not in rendered and generated_page.search == "lijst":
            found.append(list_record(page_url(uri, use_directory_urls), generated_page.title,
                                     generated_page.description))
    return sorted(found, key=lambda record: record.url)


def write_index(site_dir: str | Path, site: Site, generated: dict[str, Page], rendered: dict[str, Rendered],
                use_directory_urls: bool = True) -> list[Record]:
    """Write the Pagefind index and the worker's help files; returns the records indexed."""
    site_dir = Path(site_dir)
    found = records(site, generated, rendered, use_directory_urls)
    counts = vocabulary(text for record in found for text in record.texts())
    with ThreadPoolExecutor(max_workers=1) as pool:  # the Dutch words while Pagefind's own process indexes
        dutch = pool.submit(_protected, counts)
        splitter = splitter_for(site, found)
        documents = [(record.url, record.html(splitter)) for record in found]
        output = site_dir / INDEX_DIR
        if output.exists():
            shutil.rmtree(output)
        _run_apart(_pagefind, documents, output)
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        write_help(site_dir / HELP_DIR, site, counts, other_kinds(output, found), dutch.result())
    return found


def _protected(counts: Counter) -> dict[str, list[str]] | None:
    """The valid Dutch words the worker must not correct (site/woordenlijst.py); None without the word list."""
    try:
        return woordenlijst.protected(counts)
    except woordenlijst.Missing as missing:
        log.warning(str(missing))
        return None


def other_kinds(output: Path, found: list[Record]) -> dict[str, str]:
    """Pagefind's id of every page that is not an item -> its kind ("lijst", "pagina"), for the worker's
    ranking. Read from the fragments Pagefind wrote (a fragment's name is the page's id)."""
    kinds = {record.url: record.kind for record in found if record.kind in ("lijst", "pagina")}
    ids = {}
    for path in (output / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        url = fragment["url"].lstrip("/")
        if url in kinds:
            ids[path.name.removesuffix(".pf_fragment")] = kinds[url]
    return ids


def _run_apart(function, *args) -> None:
    """asyncio.run(function(*args)), in a thread of its own when this thread already runs an event loop
    (a build started from asynchronous code, such as a test that drives a browser)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(function(*args))
        return
    failed: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(function(*args))
        except BaseException as error:  # handed to the caller below
            failed.append(error)

    thread = threading.Thread(target=run, name="kennisbank-pagefind")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


async def _pagefind(documents: list[tuple[str, str]], output: Path) -> None:
    """Pagefind's index of the records. They are written to a temporary folder as <url>/index.html and
    indexed as one folder: sending them one by one through the Python API took 100 ms each."""
    from pagefind.index import PagefindIndex  # the binary ships with pagefind[extended] (pyproject.toml)

    with tempfile.TemporaryDirectory(prefix="kennisbank-zoekindex-") as folder:
        for url, document in documents:
            path = Path(folder, url, "index.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document, encoding="utf-8")
        config = {"force_language": "nl", "output_path": str(output)}
        try:
            async with PagefindIndex(config=config) as index:  # type: ignore[arg-type]
                await index.add_directory(folder)
                await index.write_files()
                await _written(output)
                raise _Written  # leave without the second write that closing the context would start
        except _Written:
            pass


class _Written(Exception):
    """The index is on disk; closing Pagefind's context on an exception skips its own write_files()."""


async def _written(output: Path, timeout: float = 60) -> None:
    """Wait until Pagefind's files are all on disk.

    Pagefind's Python API answers write_files() before its backend has finished writing, and
    closing the context then terminates the backend: now and then pagefind-entry.json, written
    last, was left empty (found by tests/test_reproducible.py). Done means: the entry parses, the
    metadata file it names exists, and no file changed size for a moment.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    previous: dict[str, int] | None = None
    while loop.time() < deadline:
        sizes = {path.as_posix(): path.stat().st_size for path in output.rglob("*") if path.is_file()}
        if sizes == previous and _entry_complete(output):
            return
        previous = sizes
        await asyncio.sleep(0.2)
    raise RuntimeError(f"Pagefind schreef zijn index in {output} niet binnen {timeout:.0f} s helemaal weg")


def _entry_complete(output: Path) -> bool:
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        return all((output / f"pagefind.{language['hash']}.pf_meta").stat().st_size > 0
                   for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError):
        return False


def write_help(folder: Path, site: Site, counts: Counter, kinds: dict[str, str],
               dutch: dict[str, list[str]] | None) -> None:
    """search/woorden/<hex of first letter>.json, search/nederlands/<hex>.json (valid Dutch words near the
    vocabulary: never corrected) and search/zoekhulp.json (see the module docstring)."""
    for name, files in (("woorden", vocabulary_files(counts)), ("nederlands", dutch or {})):
        words_dir = folder / name
        if words_dir.exists():
            shutil.rmtree(words_dir)
        words_dir.mkdir(parents=True)
        for letter, entries in files.items():
            _write_json(words_dir / f"{ord(letter):x}.json", entries)
    forms = {form: item["grondvorm"] for form, item in site.reference["zoeken-woordvormen"].items()}
    curated = {word: list(item.get("delen", [])) for word, item in site.reference["zoeken-samenstellingen"].items()}
    _write_json(folder / "zoekhulp.json", {"woordvormen": forms, "filters": filter_terms(site), "soorten": kinds,
                                           "samenstellingen": {**SPLITTING, "lijst": curated},
                                           "nederlands": dutch is not None})


def filter_terms(site: Site) -> dict[str, list[list[str]]]:
    """Word -> [[label, overview query]] for every theme, city and topic: its name and each longer word in it."""
    terms: dict[str, list[list[str]]] = {}
    for name in FILTERS:
        taxonomy = TAXONOMY[name]
        for term in site.graph.terms(taxonomy):
            label = site.graph.label(taxonomy, term)
            entry = [label, f"?{taxonomy.node}={term}"]
            keys = {" ".join(words(label))} | {word for word in words(label) if len(word) >= 4 and word not in STOPWORDS}
            for key in keys:
                if entry not in terms.setdefault(key, []):
                    terms[key].append(entry)
    return terms


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
