"""Load and check the whole knowledge base in one pass.

The result holds every valid entity and every problem: a bad file is never dropped
without a problem that names it, and nothing here raises on bad content.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kennisbank.content import dates

from kennisbank.content import drafts

from kennisbank.content import redirects
from kennisbank.content.read import Source, read_markdown, read_yaml
from kennisbank.content.model import ENTITY_TYPES, Corpus, Reference
from kennisbank.content.problems import Problem
from kennisbank.content.sjablonen import placeholder_problems
from kennisbank.content.validate import consistency_problems, reference_problems, schema_problems

# data file -> definition in referentie.schema.json
DATA_FILES = {
    "deal": "deal", "themas": "themas", "inzichten": "inzichten", "doelen": "doelen", "fasen": "fasen",
    "werkvormen": "termen", "begeleiden": "termen", "onderwerpen": "termen", "opgaven": "termen",
    "rollen": "rollen", "sturing": "sturing", "steden": "steden", "partners": "partners",
    "citydeals": "citydeals", "ijkmomenten": "ijkmomenten",
    # what the search index needs to know of Dutch words (site/search_text.py)
    "zoeken-samenstellingen": "samenstellingen", "zoeken-woordvormen": "woordvormen",
}

# entity kind -> folder with its files (relative to the project root)
CONTENT_FOLDERS = {kind: cls.source_folder for kind, cls in ENTITY_TYPES.items()}

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def load_reference(root: Path) -> tuple[Reference, list[Problem]]:
    """Read data/*.yml; a list's ids must be unique."""
    reference, problems = Reference(), []
    reference.lists = {name: {} for name in DATA_FILES if name != "deal"}  # a broken file leaves an empty list
    data_dir = root / "data"
    for name, definition in DATA_FILES.items():
        path = data_dir / f"{name}.yml"
        relative = f"data/{name}.yml"
        if not path.exists():
            problems.append(Problem(relative, 1, "dit bestand met referentiedata ontbreekt"))
            continue
        source, found = read_yaml(path, relative)
        found = found or schema_problems(source, "referentie", definition)
        problems += found
        if found:
            reference.broken.add(name)
            continue
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
    for extra in sorted(data_dir.glob("*.yml")) if data_dir.exists() else []:
        if extra.stem not in DATA_FILES:
            problems.append(Problem(_relative(extra, root), 1,
                                    f"onbekend bestand in data/; verwacht: {', '.join(f'{n}.yml' for n in DATA_FILES)}"))
    return reference, problems


# Files read and checked, by path, kept with their bytes: `mkdocs serve` loads the corpus again
# after every edit, and parsing and checking 1,000 unchanged files again took a second.
# Entry: (bytes, source, read problems, schema problems or None, True once no placeholder was found).
_read_cache: dict[tuple[str, str, str], list] = {}


def _copy(value):
    """A copy of parsed YAML (dicts, lists, scalars), so no load shares mutable values with another."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _read(path: Path, relative: str, kind: str):
    """read_markdown, and a function giving schema and placeholder problems; re-used while the bytes stay."""
    key, raw = (str(path), relative, kind), path.read_bytes()
    if key not in _read_cache or _read_cache[key][0] != raw:
        _read_cache[key] = [raw, *read_markdown(path, relative), None, False]
    entry = _read_cache[key]
    source, found = entry[1], entry[2]

    def checked(reference: Reference) -> list[Problem]:
        if entry[3] is None:
            entry[3] = schema_problems(source, kind)
        placeholders = [] if entry[4] else placeholder_problems(source, kind, reference)
        entry[4] = not placeholders  # none found: none while the bytes stay the same, whatever the reference
        return list(entry[3]) + placeholders
    fresh = Source(source.path, _copy(source.data), source.lines, source.body, source.body_line)
    return fresh, list(found), checked


def _content_files(root: Path, folder: str) -> list[Path]:
    directory = root / folder
    return sorted(directory.glob("*.md")) if directory.exists() else []


def load_corpus(root: str | Path, files: dict[str, list[Path]] | None = None, *,
                include_drafts: bool = False, with_dates: bool = True) -> Corpus:
    """Read data/, cases/, instrumenten/ and instrumenten/toolkits/ under ``root``.

    Drafts (``concept: true``) are checked but left out unless ``include_drafts`` (the
    preview); this is the one place that keeps them off every page, list and export.
    ``with_dates`` fills a missing ``bijgewerkt`` from Git (one ``git log``; the checker skips it).
    """
    root = Path(root)
    reference, problems = load_reference(root)
    corpus = Corpus(root=str(root), reference=reference)

    # Pass 1: read and schema-check every file, so references can tell missing from invalid.
    parsed: dict[str, list[tuple[str, Source]]] = {kind: [] for kind in CONTENT_FOLDERS}
    known: dict[str, set[str]] = {kind: set() for kind in CONTENT_FOLDERS}
    invalid: dict[str, set[str]] = {kind: set() for kind in CONTENT_FOLDERS}
    sources: dict[str, dict[str, Source]] = {kind: {} for kind in CONTENT_FOLDERS}
    for kind, folder in CONTENT_FOLDERS.items():
        for path in (files or {}).get(kind) or _content_files(root, folder):
            relative = _relative(path, root)
            slug = path.stem
            source, found, checked = _read(path, relative, kind)
            if not SLUG.match(slug):
                found.append(Problem(relative, 1, f"bestandsnaam '{path.name}' is geen geldige id: gebruik alleen "
                                                  "kleine letters, cijfers en koppeltekens, bijvoorbeeld "
                                                  f"'{slugify(slug)}.md'"))
            if not found:
                found = checked(reference)
            sources[kind][slug] = source
            problems += found
            (invalid if found else known)[kind].add(slug)
            if not found:
                parsed[kind].append((slug, source))

    # Pass 2: references and cross-field rules. Repeat until stable, because a file that
    # fails here makes every file that points at it fail too ("bevat zelf fouten").
    entities = {(kind, slug): ENTITY_TYPES[kind].build(slug, source.path, source.data, source.body, source.body_line)
                for kind, items in parsed.items() for slug, source in items}
    failed: set = set()
    for kind, items in parsed.items():  # a file name that is another item's old name
        clashes = redirects.name_problems(sources[kind], valid={slug for slug, _ in items})
        for slug, found in clashes.items():
            problems += found
            failed.add((kind, slug))
            invalid[kind].add(slug)
    draft_slugs = {kind: {slug for slug, source in items if drafts.is_draft(source.data)}
                   for kind, items in parsed.items()}
    changed = True
    while changed:
        changed = False
        for kind, items in parsed.items():
            for slug, source in items:
                if (kind, slug) in failed:
                    continue
                found = reference_problems(kind, source, corpus, known, invalid)
                found += consistency_problems(entities[kind, slug], source, corpus)
                if not include_drafts and not drafts.is_draft(source.data):
                    found += drafts.reference_problems(kind, source, draft_slugs)
                if found:
                    problems += found
                    failed.add((kind, slug))
                    invalid[kind].add(slug)
                    changed = True
    for (kind, slug), entity in entities.items():
        if (kind, slug) not in failed and (include_drafts or not entity.concept):
            corpus.of_kind(kind)[slug] = entity
    corpus.problems = sorted(problems)
    if with_dates:
        dates.apply(corpus)
    return corpus


def slugify(text: str) -> str:
    """A valid id suggested for a bad file name: 'Café Noord' -> 'cafe-noord'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "naam"
