"""The open data pages: ``/data/`` (the downloads, their licence and build date) and ``/data/velden/``.

The field tables on ``/data/velden/`` are read from the published JSON Schemas
(publish/schemas.py), so the explanation and the schema a reuser validates against cannot
drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from markupsafe import Markup, escape

from kennisbank.content.model import ENTITY_TYPES
from kennisbank.graph import Site
from kennisbank.publish import export
from kennisbank.publish.schemas import schema
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page
from kennisbank.site.views import make_page

INDEX = "data/index.md"
FIELDS = "data/velden.md"

FORMATS = {".json": "JSON", ".csv": "CSV (RFC 4180, UTF-8)", ".geojson": "GeoJSON (RFC 7946)"}
# The reader's copy of cases.csv, right after it in the table (not in the DCAT catalogue: the same data).
EXCEL = (export.EXCEL_CSV, "Dezelfde tabel als cases.csv, om te openen in Excel", "CSV voor Excel (puntkomma's, UTF-8 met BOM)",
         "cases.csv")


def _type(field: dict) -> str:
    found = field.get("type", "")
    kinds: list[str] = found if isinstance(found, list) else [found] if found else []
    names = {"string": "tekst", "array": "lijst", "object": "groep", "number": "getal", "integer": "geheel getal",
             "boolean": "true/false", "null": "null"}
    label = " of ".join(names.get(kind, kind) for kind in kinds if kind)
    if not label and "const" in field:
        label = f"vast: {field['const']}"
    if field.get("enum"):
        label += ": " + ", ".join(str(value) for value in field["enum"])
    return label


def _fields(properties: dict, prefix: str = "") -> list[tuple[str, str, str]]:
    """(name, type, meaning) for every field, nested groups and list items flattened as a.b and a[].b."""
    rows = []
    for name, field in properties.items():
        full = f"{prefix}{name}"
        rows.append((full, _type(field), field.get("description", "")))
        if field.get("properties"):
            rows += _fields(field["properties"], full + ".")
        items = field.get("items", {})
        if isinstance(items, dict) and items.get("properties"):
            rows += _fields(items["properties"], full + "[].")
    return rows


def breakable(name: str) -> Markup:
    """A field name that may break after a dot or underscore only ("cases[].kosten.betaald_door"): on a phone a
    name broke anywhere, a letter or two per line."""
    return Markup("<wbr>").join(escape(piece) for piece in re.split(r"(?<=[._])", name))


def _record_properties(schema: dict) -> tuple[str, dict]:
    """Where the items of an export are described: (heading, properties)."""
    properties = schema["properties"]
    if "features" in properties:
        return "Elk punt (features[])", properties["features"]["items"]["properties"]
    lists = [name for name, field in properties.items() if field.get("type") == "array"]
    if not lists:  # the CSV: the schema is one row
        return "Elke regel", properties
    return "", properties


def _count(site: Site, name: str) -> str:
    stem = name.split(".")[0]
    kind = next((kind for kind, cls in ENTITY_TYPES.items() if cls.collection == stem), None)
    return str(len(export.published(site.corpus.of_kind(kind).values()))) if kind else "—"


def opendata_page(site: Site) -> Page:
    files = []
    for name, (schema_name, description) in export.EXPORTS.items():
        files.append((name, description, FORMATS[name[name.rindex("."):]], _count(site, name),
                      f"{schema_name}.schema.json"))
        if name == EXCEL[3]:
            files.append((EXCEL[0], EXCEL[1], EXCEL[2], _count(site, name), f"{EXCEL[0]}.schema.json"))
    return make_page(site, "pages/opendata.html", INDEX, "Open data",
                     description="Alles uit de kennisbank als open data: casussen, instrumenten, toolkits en hun "
                                 "relaties als JSON, CSV en GeoJSON, onder CC BY 4.0.",
                     built=export.build_time(site).date().isoformat(), licence=export.LICENCE, files=files,
                     separator=export.LIST_SEPARATOR, examples=any(case.voorbeeld for case in site.corpus.cases.values()),
                     excel=export.EXCEL_CSV)


def fields_page(site: Site) -> Page:
    exports = []
    for name, (schema_name, _) in export.EXPORTS.items():
        found = schema(schema_name)
        heading, properties = _record_properties(found)
        exports.append((name, found.get("description", ""), heading, _fields(properties)))
    return make_page(site, "pages/opendata_velden.html", FIELDS, "Velden van de open data",
                     description="Wat elk veld in de open data van de kennisbank betekent, per bestand.", exports=exports,
                     breakable=breakable)


def _counts(site: Site, inputs: Inputs) -> tuple:
    """The downloads page shows how many items each file holds, whether examples are among them, and the date."""
    return (tuple(_count(site, name) for name in export.EXPORTS), any(case.voorbeeld for case in site.corpus.cases.values()),
            inputs.build_day)


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(INDEX, partial(opendata_page, site), partial(_counts, site, inputs))
    yield Planned(FIELDS, partial(fields_page, site), tuple)  # the published schemas alone
