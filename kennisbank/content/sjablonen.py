"""The templates in ``sjablonen/`` and the placeholder they use for what a contributor must fill in.

A template is a complete content file whose required values are either a sensible default
(an allowed value, a date) or the placeholder ``VUL IN``. The placeholder is valid against
the schema on purpose, so that the template itself validates and an editor with the schema
does not flag it; the check then reports each placeholder left behind as "nog niet
ingevuld", with the allowed values where there is a list.
"""

from __future__ import annotations

from pathlib import Path

from kennisbank.content.model import ENTITY_TYPES, Reference
from kennisbank.content.problems import Problem, allowed_values
from kennisbank.content.read import Source
from kennisbank.content.validate import checked_references, field_name

PLACEHOLDER = "VUL IN"
TEMPLATE_DIR = "sjablonen"
TEMPLATES = {"casus": "casus.md", "instrument": "instrument.md", "toolkit": "toolkit.md"}
SCHEMA_LINE = "# yaml-language-server: $schema="


def template_path(root: Path, kind: str) -> Path:
    return root / TEMPLATE_DIR / TEMPLATES[kind]


def render(template: str, schema_path: str) -> str:
    """The template's text for a new file, its schema line pointing at ``schema_path`` (relative to the file)."""
    lines = template.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(SCHEMA_LINE):
            lines[index] = SCHEMA_LINE + schema_path
            break
    return "\n".join(lines)


def _strings(value, location=()):
    """(location, text) for every string in a parsed front matter."""
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, location + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, location + (index,))


def _choices(kind: str, location: tuple, reference: Reference) -> str:
    """' Kies uit: …' for a field that points at a list, else ''."""
    dotted = ".".join(part for part in location if isinstance(part, str))
    target = checked_references(kind).get(dotted)
    if target is None:
        return ""
    if target in ENTITY_TYPES:
        cls = ENTITY_TYPES[target]
        return f" Gebruik de bestandsnaam (zonder .md) van een {cls.singular} in {cls.source_folder}/."
    ids = sorted(reference[target])
    return f" Kies uit: {allowed_values(ids)}" if ids else ""


def placeholder_problems(source: Source, kind: str, reference: Reference) -> list[Problem]:
    """Every value, and every line of the text, that still holds the template's placeholder."""
    problems = [Problem(source.path, source.line(location),
                        f"veld '{field_name(location)}' is nog niet ingevuld: vervang '{value}'."
                        f"{_choices(kind, location, reference)}")
                for location, value in _strings(source.data) if PLACEHOLDER in value]
    problems += [Problem(source.path, source.body_line + number,
                         f"de tekst is hier nog niet ingevuld: vervang '{PLACEHOLDER}…' door uw eigen tekst")
                 for number, line in enumerate(source.body.split("\n")) if PLACEHOLDER in line]
    return problems
