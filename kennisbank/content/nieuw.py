"""``kennisbank nieuw``: a new case, instrument or toolkit file from its template, or a new city, partner,
ijkmoment or City Deal in data/.

It refuses what would go wrong later anyway, with the reason and a way out: a file that
already exists, a name that is not a valid id (with a suggestion), and a name that is an
old name of another item (its old web address redirects there).
"""

from __future__ import annotations

import json
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
    if not SLUG.fullmatch(slug):
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


# -- reference data: a city, a partner, an ijkmoment, a City Deal -------------------------------

def _quoted(text: str) -> str:
    """A YAML string in double quotes (JSON's escaping is valid YAML): safe for "'s-Hertogenbosch"."""
    return json.dumps(text, ensure_ascii=False)


def _city(slug: str, name: str) -> str:
    return (f"- id: {slug}\n  naam: {_quoted(name)}\n  provincie: \"VUL IN: bijvoorbeeld Noord-Brabant\"\n"
            "  # Een herkenbaar punt in het hart van de binnenstad, in graden (WGS84) met een punt als\n"
            "  # decimaalteken, bijvoorbeeld lat: 51.6889 en lon: 5.3033 (zoek de plek op in een kaart-app).\n"
            "  lat: VUL IN\n  lon: VUL IN\n"
            "  # true als de gemeente de City Deal heeft ondertekend.\n  deelnemer: true\n")


def _partner(slug: str, name: str) -> str:
    return (f"- id: {slug}\n  naam: {_quoted(name)}\n"
            "  # gemeente, ministerie, kennisnetwerk of brancheorganisatie\n  soort: VUL IN\n"
            "  # Alleen bij een gemeente: de id van de stad uit data/steden.yml.\n  # stad: dordrecht\n"
            "  url: \"VUL IN: https://www.…\"\n")


def _moment(slug: str, name: str) -> str:
    return (f"- id: {slug}\n  naam: {_quoted(name)}\n"
            "  # De dag van het ijkmoment, \"JJJJ-MM-DD\" tussen aanhalingstekens.\n  datum: \"VUL IN\"\n"
            "  omschrijving: \"VUL IN: wat er op dit ijkmoment wordt opgehaald en gedeeld.\"\n"
            "  # dealtekst (staat in de dealtekst) of aanname (afgeleid, niet letterlijk afgesproken)\n"
            "  bron: aanname\n")


def _citydeal(slug: str, name: str) -> str:
    return (f"- id: {slug}\n  naam: {_quoted(name)}\n"
            "  doel: \"VUL IN: wat die City Deal wil bereiken, in een of twee zinnen.\"\n"
            "  # Looptijd, bijvoorbeeld 2020–2024.\n  periode: \"VUL IN\"\n  url: \"VUL IN: https://…\"\n"
            "  raakvlak: \"VUL IN: waar die City Deal deze raakt, en wat de casussen eraan hebben.\"\n"
            "  # De thema's van deze City Deal waar het raakvlak ligt (ids uit data/themas.yml).\n"
            "  themas: [VUL IN]\n")


# soort -> (data file, how the id is made from the name, the entry's text)
DATA_KINDS = {
    "stad": ("steden", _city),
    "partner": ("partners", _partner),
    "ijkmoment": ("ijkmomenten", _moment),
    "citydeal": ("citydeals", _citydeal),
}


def new_entry(root: Path, kind: str, name: str) -> tuple[str, str]:
    """Append an entry to data/<file>.yml for ``name``; return (relative path, id).

    The id is made from the name ('Den Bosch' -> 'den-bosch'; an ijkmoment is named by its id,
    '2027-q4'). The entry holds 'VUL IN' where the contributor must fill in, which the check
    reports until it is done.
    """
    data, entry = DATA_KINDS[kind]
    name = name.strip()
    if not name:
        raise Refused("geef een naam, bijvoorbeeld: kennisbank nieuw stad \"'s-Hertogenbosch\"")
    slug = slugify(name)
    if kind == "ijkmoment":
        if not SLUG.fullmatch(name):
            raise Refused(f"'{name}' is geen geldige id voor een ijkmoment; gebruik jaar en kwartaal, bijvoorbeeld "
                          "2027-q4")
        slug, name = name, f"IJkmoment {name.split('-')[0]}"
    path = root / "data" / f"{data}.yml"
    relative = f"data/{data}.yml"
    if not path.exists():
        raise Refused(f"{relative} ontbreekt")
    text = path.read_text(encoding="utf-8")
    if any(line.strip() in (f"- id: {slug}", f"- id: '{slug}'", f'- id: "{slug}"') for line in text.splitlines()):
        raise Refused(f"'{slug}' staat al in {relative}; bewerk die regel, of kies een andere naam")
    addition = f"# Toegevoegd met 'kennisbank nieuw {kind}': vervang elke VUL IN.\n" + entry(slug, name)
    path.write_text(text.rstrip("\n") + "\n" + addition, encoding="utf-8")
    return relative, slug
