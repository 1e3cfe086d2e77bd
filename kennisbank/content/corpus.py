"""Load and check the whole knowledge base: every problem of every file, in one run.

The result holds every valid entity and every problem: a bad file is never dropped
without a problem that names it, and nothing here raises on bad content.

The checks run in two passes, and within a file they report everything at once:

1. Each file on its own: the YAML (a syntax error stops only that file's field checks, and
   says so), the schema, placeholders left from the template, curly quotes, the body
   (sections, size, footnotes, raw HTML), personal data, its folder of images and attachments.
2. Between files: ids in the front matter, links and images in the body, drafts, renames.
   A file that fails makes every file that points at it fail too ("bevat zelf fouten"), so
   this pass repeats until nothing changes.

A broken ``data/*.yml`` gives its own problems first and one line naming the files that use
it, instead of one message per value in every file that points into it.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from kennisbank.content import (
    clock,
    dates,
    drafts,
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
            "toolkit": {"index": "het overzicht van de toolkits (/toolkits/)"}}
DOCS_DIR = "docs"  # hand-written pages (MkDocs' docs_dir in mkdocs.yml)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def load_reference(root: Path) -> tuple[Reference, list[Problem]]:
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
        source, found = read_yaml(path, relative)
        if source.data is not None:
            found += quote_problems(source)
        if not found:
            found = [_named_in_list(source, problem) for problem in schema_problems(source, "referentie", definition)]
            found += _placeholder_problems(source, found)
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


# Files read and checked, by path, kept with their bytes: `mkdocs serve` loads the corpus again
# after every edit, and parsing and checking 1,000 unchanged files again took a second.
# Entry: [bytes, source, read problems, schema problems or None, scanned body or None].
_read_cache: dict[tuple, list] = {}


def _copy(value):
    """A copy of parsed YAML (dicts, lists, scalars), so no load shares mutable values with another."""
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
    problems: list[Problem] = field(default_factory=list)  # pass 1
    schema_valid: bool = False  # the front matter passed the schema: an entity can be built from it
    quiet_lines: set[int] = field(default_factory=set)  # lines already explained (placeholder, curly quotes)

    @property
    def fields_readable(self) -> bool:
        return isinstance(self.source.data, dict)


def _read(path: Path, relative: str, kind: str) -> _File:
    """read_markdown, the schema check and the body scan; re-used while the bytes stay the same."""
    key = (str(path), relative, kind, clock.today())  # "in de toekomst" depends on today
    refusal = refused(path, relative)  # a link or a huge file is not read at all; read_markdown says why
    raw = b"" if refusal else path.read_bytes()
    if refusal or key not in _read_cache or _read_cache[key][0] != raw:
        source, found = read_markdown(path, relative)
        schema = schema_problems(source, kind) if isinstance(source.data, dict) else []
        has_body = isinstance(source.data, dict) or source.body != "" or source.body_line > 1
        body = scan(source.body, source.body_line) if has_body else None
        _read_cache[key] = [raw, source, found, schema, body]
    _, source, found, schema, body = _read_cache[key]
    fresh = Source(source.path, _copy(source.data), source.lines, source.body, source.body_line)
    item = _File(kind, path.stem, path, fresh, body, list(found))
    if not item.fields_readable:
        item.problems = [_stops_here(problem) for problem in item.problems]
        return item
    item.schema_valid = not schema
    item.problems += schema
    item.quiet_lines = {problem.line for problem in schema}  # one message per value: the schema's
    return item


_privacy_cache: dict[str, tuple] = {}  # path -> (bytes, confirmed addresses, problems): the scan is the costly part


def _personal_data(path: Path, item: _File, confirmed: set[str]) -> list[Problem]:
    raw = _read_cache[(str(path), item.source.path, item.kind, clock.today())][0]
    cached = _privacy_cache.get(str(path))
    if cached is None or cached[0] != raw or cached[1] != confirmed:
        cached = (raw, set(confirmed), privacy.personal_data_problems(item.source, item.body, confirmed))
        _privacy_cache[str(path)] = cached
    return list(cached[2])


def _stops_here(problem: Problem) -> Problem:
    if problem.message.startswith("ongeldige YAML"):
        return Problem(problem.path, problem.line, problem.message + "; de velden van dit bestand worden "
                                                                       "gecontroleerd zodra dit is opgelost")
    return problem


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
    written as web addresses of the site itself.
    """
    root = Path(root)
    reference, problems = load_reference(root)
    confirmed, address_problems = privacy.confirmed_addresses(root)
    problems += address_problems
    # Links in the folders that are published but not read file by file here, and the site's own drawings.
    problems += [problem for folder in symlinks.SCANNED for problem in symlinks.scan(root, folder)]
    problems += svg.problems(root, DOCS_DIR)
    site_url = site_url_of(root) if site_url is None else site_url
    corpus = Corpus(root=str(root), reference=reference, site_url=site_url)

    # Pass 1: every file on its own.
    items: dict[tuple[str, str], _File] = {}
    warnings: list[Problem] = []  # what staff should look at, but keeps no file off the site (legal.py)
    sources: dict[str, dict[str, Source]] = {kind: {} for kind in CONTENT_FOLDERS}
    for kind, folder in CONTENT_FOLDERS.items():
        cls = ENTITY_TYPES[kind]
        for path in (files or {}).get(kind) or _content_files(root, folder):
            item = _read(path, _relative(path, root), kind)
            if item.slug in RESERVED.get(kind, {}):
                item.problems.append(Problem(item.source.path, 1, f"de naam '{item.slug}' is al in gebruik voor "
                                             f"{RESERVED[kind][item.slug]}; kies een andere bestandsnaam"))
            if not SLUG.fullmatch(item.slug):  # fullmatch: "$" alone lets "naam\n" through
                item.problems.append(Problem(item.source.path, 1,
                    f"bestandsnaam '{path.name}' is geen geldige id: gebruik alleen kleine letters, cijfers en "
                    f"koppeltekens, bijvoorbeeld '{slugify(item.slug)}.md'"))
            if item.fields_readable:
                quiet = placeholder_problems(item.source, kind, reference)
                quiet += quote_problems(item.source)
                item.quiet_lines |= {problem.line for problem in quiet}
                quiet_lines = {problem.line for problem in quiet}
                item.problems = [problem for problem in item.problems if problem.line not in quiet_lines
                                 or not _is_schema_message(problem)] + quiet
            elif item.body is not None:
                item.problems += placeholder_problems(Source(item.source.path, None, {}, item.source.body,
                                                             item.source.body_line), kind, reference)
            if item.body is not None:
                item.problems += body_problems(item.source.path, item.body, cls.sections, cls.singular)
            item.problems += _personal_data(path, item, confirmed)
            if kind == "instrument" and item.fields_readable:
                item.problems += legal.link_problems(item.source)
                if include_drafts or not drafts.is_draft(item.source.data):
                    warnings += legal.stale_warnings(item.source, clock.today())
            items[kind, item.slug] = item
            sources[kind][item.slug] = item.source

    # Folders of images and attachments; a problem there is a problem of the item it belongs to.
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

    draft_slugs = {kind: {slug for (k, slug), item in items.items() if k == kind and drafts.is_draft(item.source.data)}
                   for kind in CONTENT_FOLDERS}
    for problem in published.rename_problems(root, sources, draft_slugs, include_drafts):
        owner = next((item for item in items.values() if item.source.path == problem.path), None)
        (owner.problems if owner else problems).append(problem)

    failed = {key for key, item in items.items() if item.problems}
    valid_after_pass_1 = {kind: {slug for (k, slug) in items if k == kind and (k, slug) not in failed}
                          for kind in CONTENT_FOLDERS}
    for kind in CONTENT_FOLDERS:  # a file name that is another item's old name
        trusted = {slug: items[kind, slug].source for slug in valid_after_pass_1[kind]}
        for slug, found in redirects.name_problems(trusted, valid=set(trusted)).items():
            items[kind, slug].problems += found
            failed.add((kind, slug))

    entities = {key: ENTITY_TYPES[item.kind].build(item.slug, item.source.path, item.source.data, item.source.body,
                                                   item.source.body_line)
                for key, item in items.items() if item.schema_valid}

    # Pass 2: between files, until no more files fail.
    second: dict[tuple[str, str], list[Problem]] = {}
    rewrites: dict[tuple[str, str], list] = {}
    static_index = _site_index(root, reference, all_media, site_url, include_drafts)
    # Items that are fine but for a broken data file: pointing at one is waiting for that file too.
    waiting: dict[tuple[str, str], set[str]] = {}
    while True:
        uses_broken: dict[str, set[str]] = {}  # data file -> paths of the files that use it
        known = {kind: {slug for (k, slug) in items if k == kind and (k, slug) not in failed} for kind in CONTENT_FOLDERS}
        invalid = {kind: {slug for (k, slug) in items if k == kind and (k, slug) in failed} for kind in CONTENT_FOLDERS}
        index = _with_items(static_index, items, failed, draft_slugs, waiting)
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
                rewrites[key] = checked.rewrites
            for name in broken:
                uses_broken.setdefault(name, set()).add(item.source.path)
            second[key] = found
            if broken and not found and not item.problems:
                now_waiting[key] = broken
            if (found or broken) and key not in failed:
                newly_failed.add(key)
        if not newly_failed and now_waiting == waiting:
            break
        failed |= newly_failed
        waiting = now_waiting

    for key, item in items.items():
        problems += item.problems + second.get(key, [])
    if "keuzehulp" not in reference.broken:  # the decision aid names instruments (keuzehulp.py)
        published_instruments = {slug for (kind, slug) in items if kind == "instrument" and (kind, slug) not in failed
                                 and (include_drafts or slug not in draft_slugs[kind])}
        problems += keuzehulp.problems(root, list(reference["keuzehulp"].values()), published_instruments)

    for key, entity in entities.items():
        if key in failed or not (include_drafts or not entity.concept):
            continue
        item = items[key]
        entity.body = _for_the_site(item, rewrites.get(key, []))
        entity.media = [file for file in all_media.get(key, []) if file.is_attachment or any(
            link.image and _resolve(item.source.path, link.target) == file.repo for link in item.body.links)] \
            if item.body else []
        entity.bijlagen = _attachments(item, all_media.get(key, []))
        corpus.of_kind(key[0])[key[1]] = entity
    corpus.problems = _with_summaries(sorted(problems, key=_order),
                                      [_dependents_line(name, sorted(paths)) for name, paths in uses_broken.items()])
    corpus.warnings = sorted(warnings)
    if with_dates:
        dates.apply(corpus)
    return corpus


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
