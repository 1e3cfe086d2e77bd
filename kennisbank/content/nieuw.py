"""``kennisbank nieuw``: a new case, instrument or toolkit file, written from its template.

It refuses what would go wrong later anyway, with the reason and a way out: a file that
already exists, a name that is not a valid id (with a suggestion), and a name that is an
old name of another item (its old web address redirects there).
"""

from __future__ import annotations

import os
from pathlib import Path

from kennisbank.content.corpus import CONTENT_FOLDERS, SLUG, slugify
from kennisbank.content.redirects import read_old_names
from kennisbank.content.sjablonen import render, template_path

SLUG_RULE = ("gebruik alleen kleine letters (a-z), cijfers en koppeltekens, zonder spaties, accenten of "
             "koppelteken aan het begin of eind")


class Refused(Exception):
    """Why a new file was not written (Dutch, for the contributor)."""


def new_file(root: Path, kind: str, slug: str) -> Path:
    """Write ``<folder>/<slug>.md`` from the template and return its path."""
    slug = slug.removesuffix(".md")
    if not SLUG.match(slug):
        raise Refused(f"'{slug}' is geen geldige naam: {SLUG_RULE}. Bijvoorbeeld: {slugify(slug)}")
    folder = CONTENT_FOLDERS[kind]
    target = root / folder / f"{slug}.md"
    relative = f"{folder}/{slug}.md"
    if target.exists():
        raise Refused(f"{relative} bestaat al; kies een andere naam of bewerk dat bestand")
    owner = read_old_names(root, folder).get(slug)
    if owner:
        raise Refused(f"'{slug}' is een vorige naam van {owner} (veld vorige_namen): het oude webadres verwijst "
                      "daarheen. Kies een andere naam")
    template = template_path(root, kind)
    if not template.exists():
        raise Refused(f"het sjabloon {template.relative_to(root).as_posix()} ontbreekt")
    schema = os.path.relpath(root / "kennisbank" / "content" / "schema" / f"{kind}.schema.json", target.parent)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(template.read_text(encoding="utf-8"), Path(schema).as_posix()), encoding="utf-8")
    return target
