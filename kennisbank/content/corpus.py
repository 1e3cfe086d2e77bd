"""Load and check the whole knowledge base: every problem of every file, in one run.

The result holds every valid entity and every problem: a bad file is never dropped
without a problem that names it, and nothing here raises on bad content.

``load_corpus`` runs named passes, each a function of what the one before produced, and
within a file they report everything at once:

1. Each file on its own (``read_files``, ``check_names``, ``check_placeholders``, ``check_text``,
   ``stale_legal_bases``): the YAML (a syntax error stops only that file's field checks, and
   says so), the schema, the file name, placeholders left from the template, curly quotes, the
   body (sections, size, footnotes, raw HTML), personal data, an instrument's law links. What a
   file gives on its own is kept by its bytes between runs (``content/filecache.py``), so an
   unchanged file costs a stat; ``kennisbank check``, builds and ``mkdocs serve`` share it.
2. Between files, every run, on those facts: the folders of images and attachments
   (``check_media``), renames of published items (``check_renames``, ``check_old_names``), and
   ids in the front matter, links and images in the body and drafts (``check_references``).
   A file that fails makes every file that points at it fail too ("bevat zelf fouten"), so
   that pass repeats until nothing changes. ``publish`` then puts the valid items in the corpus.

A broken ``data/*.yml`` gives its own problems first and one line naming the files that use
it, instead of one message per value in every file that points into it.
"""

from __future__ import annotations

import marshal
import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote

from kennisbank.content import (
    clock,
    dates,
    drafts,
    filecache,
    keuzehulp,
    legal,
    links,
    media,
    privacy,
    published,
    redirects,
    svg,
    symlinks,
)
from kennisbank.content.body import Body, body_problems, scan
from kennisbank.content.model import ENTITY_TYPES, Corpus, Reference
from kennisbank.content.problems import Problem, allowed_values, suggestion
from kennisbank.content.read import Source, quote_problems, read_markdown, read_yaml, refused
from kennisbank.content.registry import TAXONOMIES
from kennisbank.content.sjablonen import PLACEHOLDER, placeholder_problems
from kennisbank.content.validate import (
    consistency_problems,
    field_name,
    reference_problems,
    schema_problems,
)

# data file -> definition in referentie.schema.json
DATA_FILES = {
    "deal": "deal", "themas": "themas", "inzichten": "inzichten", "doelen": "doelen", "fasen": "fasen",
    "werkvormen": "termen", "begeleiden": "termen", "onderwerpen": "termen", "opgaven": "termen",
    "rollen": "rollen", "sturing": "sturing", "steden": "steden", "partners": "partners",
    "citydeals": "citydeals", "ijkmomenten": "ijkmomenten", "keuzehulp": "keuzehulp",
    # what the search index needs to know of Dutch words (site/search_text.py)
    "zoeken-samenstellingen": "samenstellingen", "zoeken-woordvormen": "woordvormen",
}
# Other files in data/, each read by its own module: confirmed functional addresses (privacy.py).
OTHER_DATA_FILES = {"functieadressen": privacy.CONFIRMED_FILE}
# Ids in one data file that name an entry of another: (file, field) -> file it points into.
DATA_REFERENCES = {("partners", "stad"): "steden", ("citydeals", "themas"): "themas",
                   ("citydeals", "inzichten"): "inzichten"}

# entity kind -> folder with its files (relative to the project root)
CONTENT_FOLDERS = {kind: cls.source_folder for kind, cls in ENTITY_TYPES.items()}

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# File names whose address a generated page already has: kind -> name -> what lives there.
# 'index' would be the overview itself (cases/index.md), and instrumenten/toolkits/ holds the toolkits.
RESERVED = {"instrument": {"kiezen": "de keuzehulp (/instrumenten/kiezen/)",
                           "pagina": "de pagina's van het overzicht (/instrumenten/pagina/2/)",
                           "index": "het overzicht van de instrumenten (/instrumenten/)",
                           "toolkits": "de map met toolkits (instrumenten/toolkits/)"},
            "casus": {"pagina": "de pagina's van het overzicht (/cases/pagina/2/)",
                      "index": "het overzicht van de casussen (/cases/)"},
            "toolkit": {"pagina": "de pagina's van het overzicht (/toolkits/pagina/2/)",
                        "index": "het overzicht van de toolkits (/toolkits/)"}}
DOCS_DIR = "docs"  # hand-written pages (MkDocs' docs_dir in mkdocs.yml)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


T = TypeVar("T")


def _kept(store: filecache.Store | None, relative: str, path: Path, make: Callable[[], T]) -> T:
    """``make()``, or what it gave the last time the file had these bytes (content/filecache.py). A file that is
    not read at all (a link, a folder, too large: ``read.refused``) never goes through the store."""
    if store is None or refused(path, relative) is not None:
        if store is not None:
            store.forget(relative)
        return make()
    return store.facts(relative, path, make)


def check_data_file(path: Path, relative: str, definition: str) -> tuple[Source, list[Problem]]:
    """One file of data/ on its own: its YAML, curly quotes, the schema, placeholders (kept in the store)."""
    source, found = read_yaml(path, relative)
    if source.data is not None:
        found += quote_problems(source)
    if not found:
        found = [_named_in_list(source, problem) for problem in schema_problems(source, "referentie", definition)]
        found += _placeholder_problems(source, found)
    return source, found


def load_reference(root: Path, store: filecache.Store | None = None) -> tuple[Reference, list[Problem]]:
    """Read data/*.yml; a list's ids must be unique, and ids that name entries of other lists must exist."""
    reference, problems = Reference(), []
    reference.lists = {name: {} for name in DATA_FILES if name != "deal"}  # a broken file leaves an empty list
    data_dir = root / "data"
    sources: dict[str, Source] = {}
    for name, definition in DATA_FILES.items():
        path = data_dir / f"{name}.yml"
        relative = f"data/{name}.yml"
        if not path.exists() and not path.is_symlink():  # a link, even a broken one, is refused by read_yaml
            problems.append(Problem(relative, 1, "dit bestand met referentiedata ontbreekt"))
            reference.broken.add(name)
            continue
        check = partial(check_data_file, path, relative, definition)
        kept, found = _kept(store, relative, path, check)
        source = Source(kept.path, _copy(kept.data) if store and store.handed_before(relative) else kept.data,
                        kept.lines)
        problems += found
        if found:
            reference.broken.add(name)
            continue
        sources[name] = source
        if name == "deal":
            reference.deal = source.data
            continue
        items = {}
        for index, item in enumerate(source.data):
            if item["id"] in items:
                problems.append(Problem(relative, source.line((index, "id")),
                                        f"id '{item['id']}' komt twee keer voor; ids moeten uniek zijn"))
            items[item["id"]] = item
        reference.lists[name] = items
    for (name, key), target in DATA_REFERENCES.items():
        if name not in sources or target in reference.broken:
            continue
        allowed = sorted(reference.lists[target])
        for index, item in enumerate(sources[name].data):
            values = item.get(key)
            for position, value in enumerate(values if isinstance(values, list) else [values] if values else []):
                if value not in reference.lists[target]:
                    location = (index, key, position) if isinstance(values, list) else (index, key)
                    problems.append(Problem(sources[name].path, sources[name].line(location),
                        f"veld '{key}': '{value}' bestaat niet in data/{target}.yml."
                        f"{_suggest(value, allowed)}"))
    known = set(DATA_FILES) | set(OTHER_DATA_FILES)
    for extra in sorted(data_dir.glob("*")) if data_dir.exists() else []:
        if extra.stem not in known and not extra.name.startswith("."):
            problems.append(Problem(_relative(extra, root), 1,
                                    f"onbekend bestand in data/; verwacht: {', '.join(f'{n}.yml' for n in sorted(known))}"))
        elif extra.suffix != ".yml" and not extra.name.startswith("."):
            problems.append(Problem(_relative(extra, root), 1, f"dit bestand wordt niet gelezen; noem het {extra.stem}.yml"))
    return reference, problems


def _suggest(value, allowed: list[str]) -> str:
    return f"{suggestion(value, allowed)} Toegestaan: {allowed_values(allowed)}"


def _placeholder_problems(source: Source, schema_found: list[Problem]) -> list[Problem]:
    """'VUL IN' left in a data file (``kennisbank nieuw stad`` writes it); its schema message is dropped."""
    found = [Problem(source.path, source.line(location), f"{_data_field(source, location)} is nog niet ingevuld: "
                                                         f"vervang '{PLACEHOLDER}'")
             for location, value in _strings(source.data) if isinstance(value, str) and PLACEHOLDER in value]
    lines = {problem.line for problem in found}
    schema_found[:] = [problem for problem in schema_found if problem.line not in lines]
    return found


_LIST_FIELD = re.compile(r"^veld '\[(\d+)\](?:\.([^']*))?'")


def _named_in_list(source: Source, problem: Problem) -> Problem:
    """"veld '[2].datum'" -> "veld 'datum' van '2024-q4'": an entry of a data list by its id, not its number."""
    match = _LIST_FIELD.match(problem.message)
    if not match or not isinstance(source.data, list):
        return problem
    location = (int(match.group(1)) - 1,) + tuple((match.group(2) or "").split(".")) if match.group(2) else (
        int(match.group(1)) - 1,)
    named = _data_field(source, location)
    if named.startswith("veld '[") or not match.group(2):
        return problem
    return Problem(problem.path, problem.line, named + problem.message[match.end():])


def _data_field(source: Source, location: tuple) -> str:
    """'veld 'datum' van '2027-q4'' for a value in a list of data items, else the field's name."""
    if location and isinstance(location[0], int) and isinstance(source.data, list):
        item = source.data[location[0]]
        own = field_name(location[1:])
        if isinstance(item, dict) and item.get("id") and own:
            return f"veld '{own}' van '{item['id']}'"
    return f"veld '{field_name(location)}'"


def _strings(value, location=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, location + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, location + (index,))
    else:
        yield location, value


# -- each file on its own -------------------------------------------------------------------
#
# What a file says on its own is kept between runs by its bytes (content/filecache.py); what it is
# checked against in data/ (placeholders naming the allowed values, confirmed addresses) is kept
# with a digest of that data. Each pass below is a function of what the one before produced.


@dataclass
class _Facts:
    """What the checks of one file alone found: kept in the store, never changed after it is made."""

    source: Source
    read: list[Problem]  # reading, splitting and parsing the YAML
    schema: list[Problem]  # the front matter against the schema (empty when it could not be read)
    body: Body | None  # None when the file has no front matter to split off
    body_rules: list[Problem]  # sections, size, footnotes, raw HTML
    quotes: list[Problem]  # values between curly quotes
    legal_links: list[Problem]  # an instrument's law link that names another law


def _copy(value):
    """A copy of parsed YAML (dicts, lists, text, numbers), so no load shares mutable values with another.

    By marshal, in C, for what YAML usually gives (dates stay text); by hand for anything else (a value
    tagged !!timestamp, say).
    """
    try:
        return marshal.loads(marshal.dumps(value))
    except ValueError:
        if isinstance(value, dict):
            return {key: _copy(item) for key, item in value.items()}
        if isinstance(value, list):
            return [_copy(item) for item in value]
        return value


@dataclass
class _File:
    """One content file during the checks."""

    kind: str
    slug: str
    path: Path
    source: Source
    body: Body | None  # None when the file has no front matter to split off
    facts: _Facts = field(repr=False)  # what pass 1 found, as kept in the store
    problems: list[Problem] = field(default_factory=list)  # the per-file passes, then media and renames
    schema_valid: bool = False  # the front matter passed the schema: an entity can be built from it
    quiet_lines: set[int] = field(default_factory=set)  # lines already explained (placeholder, curly quotes)

    @property
    def fields_readable(self) -> bool:
        return isinstance(self.source.data, dict)


def check_file(path: Path, relative: str, kind: str) -> _Facts:
    """Pass 1: read one file and check it on its own (the result is kept while its bytes stay the same)."""
    source, found = read_markdown(path, relative)
    readable = isinstance(source.data, dict)
    has_body = readable or source.body != "" or source.body_line > 1
    body = scan(source.body, source.body_line) if has_body else None
    cls = ENTITY_TYPES[kind]
    return _Facts(source, found, schema_problems(source, kind) if readable else [], body,
                  body_problems(relative, body, cls.sections, cls.singular) if body is not None else [],
                  quote_problems(source) if readable else [],
                  legal.link_problems(source) if kind == "instrument" and readable else [])


def read_files(root: Path, files: dict[str, list[Path]] | None, store: filecache.Store) -> dict[tuple[str, str], _File]:
    """Every content file (or the ``files`` given), from the store where its bytes did not change."""
    items: dict[tuple[str, str], _File] = {}
    for kind, folder in CONTENT_FOLDERS.items():
        for path in (files or {}).get(kind) or _content_files(root, folder):
            relative = _relative(path, root)
            facts = _kept(store, relative, path, partial(check_file, path, relative, kind))
            items[kind, path.stem] = _from_facts(facts, kind, path, copy=store.handed_before(relative))
    return items


def _from_facts(facts: _Facts, kind: str, path: Path, copy: bool) -> _File:
    """The file as the later passes see it; ``copy``: the values were handed out before (entities may change them)."""
    source = Source(facts.source.path, _copy(facts.source.data) if copy else facts.source.data, facts.source.lines,
                    facts.source.body, facts.source.body_line)
    item = _File(kind, path.stem, path, source, facts.body, facts, list(facts.read))
    if not item.fields_readable:
        item.problems = [_stops_here(problem) for problem in item.problems]
        return item
    item.schema_valid = not facts.schema
    item.problems += facts.schema
    item.quiet_lines = {problem.line for problem in facts.schema}  # one message per value: the schema's
    return item


def _stops_here(problem: Problem) -> Problem:
    if problem.message.startswith("ongeldige YAML"):
        return Problem(problem.path, problem.line, problem.message + "; de velden van dit bestand worden "
                                                                       "gecontroleerd zodra dit is opgelost")
    return problem


def check_names(items: dict[tuple[str, str], _File]) -> None:
    """Pass 2: a file name must be a valid id, and not the address of a generated page."""
    for (kind, slug), item in items.items():
        if slug in RESERVED.get(kind, {}):
            item.problems.append(Problem(item.source.path, 1, f"de naam '{slug}' is al in gebruik voor "
                                         f"{RESERVED[kind][slug]}; kies een andere bestandsnaam"))
        if not SLUG.fullmatch(slug):  # fullmatch: "$" alone lets "naam\n" through
            item.problems.append(Problem(item.source.path, 1,
                f"bestandsnaam '{item.path.name}' is geen geldige id: gebruik alleen kleine letters, cijfers en "
                f"koppeltekens, bijvoorbeeld '{slugify(slug)}.md'"))


def check_placeholders(items: dict[tuple[str, str], _File], store: filecache.Store, reference: Reference) -> None:
    """Pass 3: values and lines still holding the template's placeholder (named with the allowed values in data/).

    A placeholder or a curly quote explains its line: the schema's message about the same value is dropped.
    """
    lists = filecache.digest(sorted((name, sorted(terms)) for name, terms in reference.lists.items()))
    for item in items.values():
        if item.fields_readable:
            quiet = list(store.derived(item.source.path, "placeholders", lists, partial(
                placeholder_problems, item.facts.source, item.kind, reference))) + item.facts.quotes
            quiet_lines = {problem.line for problem in quiet}
            item.quiet_lines |= quiet_lines
            item.problems = [problem for problem in item.problems if problem.line not in quiet_lines
                             or not _is_schema_message(problem)] + quiet
        elif item.body is not None:
            item.problems += store.derived(item.source.path, "placeholders", lists, partial(
                placeholder_problems, Source(item.source.path, None, {}, item.source.body, item.source.body_line),
                item.kind, reference))


def check_text(items: dict[tuple[str, str], _File], store: filecache.Store, confirmed: set[str]) -> None:
    """Pass 4: the body's rules, personal data anywhere (against the confirmed addresses), an instrument's law links."""
    addresses = filecache.digest(sorted(confirmed))
    for item in items.values():
        item.problems += item.facts.body_rules
        item.problems += store.derived(item.source.path, "persoonsgegevens", addresses, partial(
            privacy.personal_data_problems, item.facts.source, item.facts.body, confirmed))
        item.problems += item.facts.legal_links


def stale_legal_bases(items: dict[tuple[str, str], _File], include_drafts: bool) -> list[Problem]:
    """Pass 5: warnings (they keep nothing off the site) for legal bases not checked for a long time."""
    warnings = []
    for (kind, _), item in items.items():
        if kind == "instrument" and item.fields_readable and (include_drafts or not drafts.is_draft(item.source.data)):
            warnings += legal.stale_warnings(item.source, clock.today())
    return warnings


def _content_files(root: Path, folder: str) -> list[Path]:
    directory = root / folder
    return sorted(directory.glob("*.md")) if directory.exists() else []


def _with_items(static: links.Index, items: dict[tuple[str, str], _File], failed: set,
                draft_slugs: dict[str, set[str]], waiting: dict[tuple[str, str], set[str]]) -> links.Index:
    """The index of pages and files with every item added, with its state: valid, with errors, or a draft."""
    index = links.Index(dict(static.by_repo), dict(static.by_site), dict(static.bodies), static.site_url,
                        static.include_drafts, static.root, broken_folders=static.broken_folders)
    for (kind, slug), item in items.items():
        cls = ENTITY_TYPES[kind]
        status = "fouten" if (kind, slug) in failed else "concept" if slug in draft_slugs[kind] else "geldig"
        index.add(links.Target(f"{cls.folder}/{slug}.md", item.source.path, kind, slug, status),
                  item.source.body)
        if (kind, slug) in waiting:
            index.waiting[f"{cls.folder}/{slug}.md"] = waiting[kind, slug]
    return index


def _site_index(root: Path, reference: Reference, all_media: dict[tuple[str, str], list[media.MediaFile]],
                site_url: str, include_drafts: bool) -> links.Index:
    """Every page and file a link in a body can lead to, except the items themselves (``_with_items``)."""
    index = links.Index(site_url=site_url, include_drafts=include_drafts, root=root)
    for files in all_media.values():
        for file in files:
            index.add(links.Target(file.site, file.repo, "bestand"))
    docs = root / DOCS_DIR
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        site = page.relative_to(docs).as_posix()
        if not site.startswith("overrides/") and symlinks.linked_part(page, f"{DOCS_DIR}/{site}") is None:
            index.add(links.Target(site, f"{DOCS_DIR}/{site}", "pagina"), page.read_text(encoding="utf-8",
                                                                                         errors="replace"))
    for taxonomy in TAXONOMIES:
        if taxonomy.folder and taxonomy.data in reference.broken:
            index.broken_folders[taxonomy.folder] = taxonomy.data
        elif taxonomy.folder:
            index.add(links.Target(f"{taxonomy.folder}/index.md", None, "term"))
            for term in reference[taxonomy.name] if taxonomy.data else []:
                index.add(links.Target(f"{taxonomy.folder}/{term}.md", None, "term"))
    for cls in ENTITY_TYPES.values():
        index.add(links.Target(f"{cls.folder}/index.md", None, "pagina"))
    return index


def site_url_of(root: Path) -> str:
    """The public address from mkdocs.yml (``site_url``), read as text: the content layer knows no MkDocs."""
    config = root / "mkdocs.yml"
    if not config.exists():
        return ""
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else ""


def _unused_images(item: _File, files: list[media.MediaFile]) -> list[Problem]:
    """An image in the item's folder that the body never shows is published nowhere: say so."""
    if item.body is None:
        return []
    shown = {_resolve(item.source.path, link.target) for link in item.body.links if link.image}
    linked = {_resolve(item.source.path, link.target) for link in item.body.links}
    here = posixpath.dirname(item.source.path)
    return [Problem(file.repo, 1, f"de afbeelding wordt nergens getoond: zet ![beschrijving]"
                                  f"({posixpath.relpath(file.repo, here)}) in {item.source.path}, of haal het "
                                  "bestand weg")
            for file in files if file.is_image and file.repo not in shown and file.repo not in linked]


def _resolve(path: str, target: str) -> str:
    address = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), address))


def _attachments(item: _File, files: list[media.MediaFile]) -> list[media.Attachment]:
    """The PDFs of an item, titled by the text of a link to them in the body (else their file name)."""
    titles: dict[str, str] = {}
    for link in item.body.links if item.body else []:
        if not link.image and link.text.strip():
            titles.setdefault(_resolve(item.source.path, link.target), link.text.strip())
    return [media.Attachment(titles.get(file.repo, file.name), file.site, file.size)
            for file in files if file.is_attachment]


_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def _for_the_site(item: _File, rewrites: list[tuple[int, int, str]]) -> str:
    """The body as the site renders it: links as paths from the docs root, footnote labels made unique per item.

    Unique labels, because the Lessen of several cases share one oogst page, and Markdown
    footnotes are numbered per page.
    """
    if item.body is None:
        return item.source.body
    edits = list(rewrites)
    for mark in item.body.footnote_refs + item.body.footnote_defs:
        opening = item.body.text.index("[^", mark.start)
        close = item.body.text.index("]", opening)
        edits.append((opening + 2, close, f"{item.slug}-{item.body.text[opening + 2:close]}"))
    return links.rewrite(item.body.text, edits)


def load_corpus(root: str | Path, files: dict[str, list[Path]] | None = None, *,
                include_drafts: bool = False, with_dates: bool = True, site_url: str | None = None) -> Corpus:
    """Read data/, cases/, instrumenten/ and instrumenten/toolkits/ under ``root``.

    Drafts (``concept: true``) are checked but left out unless ``include_drafts`` (the
    preview); this is the one place that keeps them off every page, list and export.
    ``with_dates`` fills a missing ``bijgewerkt`` from Git (one ``git log``; the checker skips it).
    ``site_url``: the public address (default: ``site_url`` in mkdocs.yml), to recognise links
    written as web addresses of the site itself. ``files``: read only these (tests), so not checked against
    gepubliceerd.yml, which lists the whole site.
    """
    root = Path(root)
    store = filecache.store(root)  # what each file gave the last time its bytes were checked
    store.made.clear()
    reference, problems = load_reference(root, store)
    confirmed_file = root / privacy.CONFIRMED_FILE
    confirmed, address_problems = _kept(store, privacy.CONFIRMED_FILE, confirmed_file, partial(
        privacy.confirmed_addresses, root)) if confirmed_file.exists() or confirmed_file.is_symlink() else (set(), [])
    problems += address_problems
    # Links in the folders that are published but not read file by file here, and the site's own drawings.
    problems += [problem for folder in symlinks.SCANNED for problem in symlinks.scan(root, folder)]
    problems += svg.problems(root, DOCS_DIR)
    site_url = site_url_of(root) if site_url is None else site_url
    corpus = Corpus(root=str(root), reference=reference, site_url=site_url)

    # Each file on its own; an unchanged file comes from the store.
    items = read_files(root, files, store)
    check_names(items)
    check_placeholders(items, store, reference)
    check_text(items, store, confirmed)
    warnings = stale_legal_bases(items, include_drafts)
    if files is None:
        store.keep_only({item.source.path for item in items.values()} | {privacy.CONFIRMED_FILE} |
                        {f"data/{name}.yml" for name in DATA_FILES})
    store.save()

    # Between files, on what the files gave.
    all_media = check_media(root, items, problems)
    draft_slugs = {kind: {slug for (k, slug), item in items.items() if k == kind and drafts.is_draft(item.source.data)}
                   for kind in CONTENT_FOLDERS}
    if files is None:  # which published id has no file left can only be told from the whole corpus
        check_renames(root, items, draft_slugs, include_drafts, problems)
    failed = check_old_names(items)
    entities = {key: ENTITY_TYPES[item.kind].build(item.slug, item.source.path, item.source.data, item.source.body,
                                                   item.source.body_line)
                for key, item in items.items() if item.schema_valid}
    between = check_references(items, entities, corpus, _site_index(root, reference, all_media, site_url, include_drafts),
                               draft_slugs, failed, include_drafts)

    for key, item in items.items():
        problems += item.problems + between.problems.get(key, [])
    if "keuzehulp" not in reference.broken:  # the decision aid names instruments (keuzehulp.py)
        published_instruments = {slug for (kind, slug) in items if kind == "instrument"
                                 and (kind, slug) not in between.failed
                                 and (include_drafts or slug not in draft_slugs[kind])}
        problems += keuzehulp.problems(root, list(reference["keuzehulp"].values()), published_instruments)

    publish(corpus, items, entities, between, all_media, include_drafts)
    corpus.problems = _with_summaries(sorted(problems, key=_order),
                                      [_dependents_line(name, sorted(paths)) for name, paths in between.uses_broken.items()])
    corpus.warnings = sorted(warnings)
    if with_dates:
        dates.apply(corpus)
    return corpus


def check_media(root: Path, items: dict[tuple[str, str], _File], problems: list[Problem]) -> dict[
        tuple[str, str], list[media.MediaFile]]:
    """The folders of images and attachments; a problem there is a problem of the item it belongs to."""
    all_media: dict[tuple[str, str], list[media.MediaFile]] = {}
    skip = {folder for folder in CONTENT_FOLDERS.values()}
    for kind, folder in CONTENT_FOLDERS.items():
        slugs = {slug for (k, slug) in items if k == kind}
        found_media, media_problems = media.scan_folder(root, folder, ENTITY_TYPES[kind].folder, slugs, skip - {folder})
        for slug, files_of_item in found_media.items():
            all_media[kind, slug] = files_of_item
            item = items[kind, slug]
            item.problems += [problem for problem in media_problems if problem.path.startswith(f"{folder}/{slug}/")]
            item.problems += _unused_images(item, files_of_item)
        problems += [problem for problem in media_problems
                     if not any(problem.path.startswith(f"{folder}/{slug}/") for slug in found_media)]
    return all_media


def check_renames(root: Path, items: dict[tuple[str, str], _File], draft_slugs: dict[str, set[str]],
                  include_drafts: bool, problems: list[Problem]) -> None:
    """A published id (gepubliceerd.yml) that is no file any more: which file is most likely its new name."""
    sources = {kind: {slug: item.source for (k, slug), item in items.items() if k == kind} for kind in CONTENT_FOLDERS}
    by_path = {item.source.path: item for item in items.values()}
    for problem in published.rename_problems(root, sources, draft_slugs, include_drafts):
        owner = by_path.get(problem.path)
        (owner.problems if owner else problems).append(problem)


def check_old_names(items: dict[tuple[str, str], _File]) -> set[tuple[str, str]]:
    """A file name that is another item's old name (vorige_namen); returns the items that failed so far."""
    failed = {key for key, item in items.items() if item.problems}
    for kind in CONTENT_FOLDERS:
        trusted = {slug: item.source for (k, slug), item in items.items() if k == kind and (k, slug) not in failed}
        for slug, found in redirects.name_problems(trusted, valid=set(trusted)).items():
            items[kind, slug].problems += found
            failed.add((kind, slug))
    return failed


@dataclass
class _Between:
    """What the checks between files found: problems per item, link rewrites, and who failed or waits."""

    problems: dict[tuple[str, str], list[Problem]] = field(default_factory=dict)
    rewrites: dict[tuple[str, str], list] = field(default_factory=dict)
    failed: set[tuple[str, str]] = field(default_factory=set)
    uses_broken: dict[str, set[str]] = field(default_factory=dict)  # data file -> paths of the files that use it


def check_references(items: dict[tuple[str, str], _File], entities: dict, corpus: Corpus, static_index: links.Index,
                     draft_slugs: dict[str, set[str]], failed: set[tuple[str, str]], include_drafts: bool) -> _Between:
    """Ids in the front matter, links and images in the body, drafts: until no more files fail.

    A file that fails makes every file that points at it fail too ("bevat zelf fouten"), so this
    repeats until nothing changes. Items that are fine but for a broken data file wait for it, and
    pointing at one is waiting for that file too.
    """
    result = _Between(failed=set(failed))
    waiting: dict[tuple[str, str], set[str]] = {}
    while True:
        result.uses_broken = {}
        known = {kind: {slug for (k, slug) in items if k == kind and (k, slug) not in result.failed}
                 for kind in CONTENT_FOLDERS}
        invalid = {kind: {slug for (k, slug) in items if k == kind and (k, slug) in result.failed}
                   for kind in CONTENT_FOLDERS}
        index = _with_items(static_index, items, result.failed, draft_slugs, waiting)
        newly_failed = set()
        now_waiting: dict[tuple[str, str], set[str]] = {}
        for key, item in items.items():
            kind, slug = key
            found = []
            broken: set[str] = set()
            if item.fields_readable:
                found += [problem for problem in
                          reference_problems(kind, item.source, corpus, known, invalid, broken, waiting)
                          if problem.line not in item.quiet_lines]
                if not include_drafts and not drafts.is_draft(item.source.data):
                    found += drafts.reference_problems(kind, item.source, draft_slugs)
                if key in entities:
                    found += consistency_problems(entities[key], item.source, corpus)
            if item.body is not None:
                cls = ENTITY_TYPES[kind]
                checked = links.check_links(item.source.path, links.Target(f"{cls.folder}/{slug}.md",
                                                                           item.source.path, kind, slug),
                                            item.body, index, item.source.path[: -len(".md")],
                                            drafts.is_draft(item.source.data))
                found += checked.problems
                broken |= checked.broken
                result.rewrites[key] = checked.rewrites
            for name in broken:
                result.uses_broken.setdefault(name, set()).add(item.source.path)
            result.problems[key] = found
            if broken and not found and not item.problems:
                now_waiting[key] = broken
            if (found or broken) and key not in result.failed:
                newly_failed.add(key)
        if not newly_failed and now_waiting == waiting:
            return result
        result.failed |= newly_failed
        waiting = now_waiting


def publish(corpus: Corpus, items: dict[tuple[str, str], _File], entities: dict, between: _Between,
            all_media: dict[tuple[str, str], list[media.MediaFile]], include_drafts: bool) -> None:
    """Every item without problems (and, in a preview, every draft) into the corpus, its body as the site shows it."""
    for key, entity in entities.items():
        if key in between.failed or not (include_drafts or not entity.concept):
            continue
        item = items[key]
        entity.body = _for_the_site(item, between.rewrites.get(key, []))
        entity.media = [file for file in all_media.get(key, []) if file.is_attachment or any(
            link.image and _resolve(item.source.path, link.target) == file.repo for link in item.body.links)] \
            if item.body else []
        entity.bijlagen = _attachments(item, all_media.get(key, []))
        corpus.of_kind(key[0])[key[1]] = entity


_SCHEMA_FRAGMENTS = ("is geen toegestane waarde", "moet een", "heeft niet de juiste vorm", "is te kort", "is te lang")


def _is_schema_message(problem: Problem) -> bool:
    return any(fragment in problem.message for fragment in _SCHEMA_FRAGMENTS)


def _dependents_line(name: str, paths: list[str]) -> Problem:
    """One line for every file that points into a broken data file, instead of a message in each."""
    shown = ", ".join(paths[:8]) + (f" en {len(paths) - 8} meer" if len(paths) > 8 else "")
    count = ("1 bestand gebruikt waarden uit dit bestand en blijft" if len(paths) == 1
             else f"{len(paths)} bestanden gebruiken waarden uit dit bestand en blijven")
    return Problem(f"data/{name}.yml", 1,
                   f"{count} buiten de site tot de fouten hierboven zijn hersteld (ze worden daarna pas helemaal "
                   f"gecontroleerd): {shown}")


def _with_summaries(problems: list[Problem], summaries: list[Problem]) -> list[Problem]:
    """Each data file's summary line right after its own problems."""
    for summary in sorted(summaries, key=_order, reverse=True):
        position = max((index + 1 for index, problem in enumerate(problems) if problem.path == summary.path),
                       default=0)
        problems.insert(position, summary)
    return problems


def _order(problem: Problem) -> tuple:
    """data/ first (a broken data file explains problems elsewhere), then by file and line."""
    return (not problem.path.startswith("data/"), problem.path, problem.line, problem.message)


def slugify(text: str) -> str:
    """A valid id suggested for a bad file name: 'Café Noord' -> 'cafe-noord'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "naam"
