"""Open data: the published content as JSON, CSV, GeoJSON and a relation graph.

Every file is written during the build, with the JSON Schema it follows published next to it
(``publish/schemas.py`` derives those from the content registry and the content schemas), so
that reusers can check what they download. The JSON files carry their licence and build date;
the CSV cannot, so ``/data/`` states both for every file.

A record is the item's id, old ids and address, then every field of the content registry in
its declared order (an absent list as an empty list, any other absent value as ``null``, as the
published schema says), then what is computed about it (``DERIVED``). The CSV flattens the same
record: lists joined with ``|``, groups as ``group_field`` columns. So a field added to the model
is in every export without an edit here.

Licence: CC BY 4.0, the licence of the site's content (see the footer). CC0 is the usual
choice for pure government data, but these files carry the partners' own texts (titles,
summaries, contact points) and partners such as INretail and Platform31 published them
under CC BY; one licence for page and data keeps reuse simple.

Drafts never appear: the public corpus has none, and ``published`` drops any that a
preview build (``KENNISBANK_CONCEPTEN=1``) let in.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kennisbank.content import clock, history
from kennisbank.content.model import ENTITY_TYPES, Casus, Entity, Instrument
from kennisbank.content.registry import TAXONOMY, Declared, relations
from kennisbank.content.validate import load_schema
from kennisbank.graph import Site
from kennisbank.publish import linkeddata
from kennisbank.publish.schemas import GEOJSON_PROPERTIES, csv_columns, exported_fields, record_schema, schema
from kennisbank.publish.urls import page_url

FOLDER = "data"

LICENCE = {
    "naam": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    "naamsvermelding": "Kennisbank City Deal Dynamische Binnensteden – Regie op Transformatie",
}

LIST_SEPARATOR = "|"  # between the values of a list in one CSV cell


@dataclass
class DataFile:
    """A file the build writes next to the pages (not a page)."""

    src_uri: str
    content: str


def build_time(site: Site) -> datetime:
    """The moment the build is stamped with: SOURCE_DATE_EPOCH, else the last commit (``clock.build_moment``).

    Never the clock inside Git: two builds of one commit are byte-identical.
    """
    return clock.build_moment(site.corpus.root)


def rfc3339(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def published(entities: Iterable[Entity]) -> list:
    """Public items only (never a draft), by id."""
    return sorted((entity for entity in entities if not entity.concept), key=lambda e: e.id)


def base_url_of(site_url: str) -> str:
    """The site's address with one trailing slash ("/" when none is configured)."""
    return site_url.rstrip("/") + "/" if site_url else "/"


# -- records ------------------------------------------------------------------------


def _absent(spec: dict) -> Any:
    """What an absent sub-field is written as, by its schema: a list stays a list (empty), anything else null."""
    return [] if spec.get("type") == "array" else None


def _complete(value: Any, spec: dict) -> Any:
    """A value with every sub-field of its group present, so each record has one shape (``schemas.as_exported``)."""
    if isinstance(value, dict) and "properties" in spec:
        return {name: _complete(value[name], sub) if value.get(name) is not None else _absent(sub)
                for name, sub in spec["properties"].items()}
    if isinstance(value, list) and isinstance(spec.get("items"), dict):
        return [_complete(item, spec["items"]) for item in value]
    return value


def field_value(entity: Entity, item: Declared) -> Any:
    """A field as exported: a list stays a list, an empty single value is None, a group gets every sub-field."""
    found = getattr(entity, item.name)
    if found in ("", None) or found == {}:
        return None
    spec = load_schema(entity.kind)["properties"].get(item.name, {})
    return _complete(found, spec)


def _location(site: Site, case: Casus) -> dict:
    if case.locatie:
        return {"lat": case.locatie["lat"], "lon": case.locatie["lon"], "bron": "casus"}
    city = site.reference["steden"][case.stad]
    return {"lat": city["lat"], "lon": city["lon"], "bron": "stad"}


def _case_extras(site: Site, case: Casus, public: set[str]) -> dict:
    return {"historie": [{"fase": step.fase, "datum": step.datum} for step in history.entries(case)],
            "historie_afgeleid": not case.historie,
            "locatie": _location(site, case),
            "doorlooptijd_maanden": case.doorlooptijd}


def _instrument_extras(site: Site, instrument: Instrument, public: set[str]) -> dict:
    linked = [item for item in site.graph.linking_to(instrument) if item.src_uri in public]
    return {"sturing_trede": site.reference["sturing"].get(instrument.sturing, {}).get("trede"),
            "toegepast_in": sorted(item.id for item in linked if item.kind == "casus"),
            "toolkits": sorted(item.id for item in linked if item.kind == "toolkit")}


# kind -> what is computed about an item (its values replace or follow the declared fields)
DERIVED: dict[str, Callable[[Site, Any, set[str]], dict]] = {
    "casus": _case_extras,
    "instrument": _instrument_extras,
    "toolkit": lambda site, toolkit, public: {},
}


def record(site: Site, entity: Entity, base_url: str, public: set[str]) -> dict:
    """One item as open data. ``public``: src_uri of every published item (backlinks to drafts are left out)."""
    result = {"id": entity.id, "vorige_namen": entity.vorige_namen, "url": page_url(base_url, entity)}
    result.update((item.name, field_value(entity, item)) for item in exported_fields(entity.kind))
    result.update(DERIVED[entity.kind](site, entity, public))
    return result


def _public_uris(site: Site) -> set[str]:
    return {item.src_uri for item in published(site.corpus.entities())}


def records(site: Site, kind: str, base_url: str) -> list[dict]:
    public = _public_uris(site)
    return [record(site, entity, base_url, public) for entity in published(site.corpus.of_kind(kind).values())]


def _envelope(name: str, built: datetime, base_url: str) -> dict:
    return {"$schema": f"{name}.schema.json", "licentie": LICENCE, "gebouwd": rfc3339(built),
            "bron": base_url + f"{FOLDER}/"}


def collection_json(site: Site, kind: str, base_url: str, built: datetime) -> dict:
    """cases.json, instrumenten.json or toolkits.json."""
    collection = ENTITY_TYPES[kind].collection
    return {**_envelope(collection, built, base_url), collection: records(site, kind, base_url)}


# -- CSV ----------------------------------------------------------------------------


def flat(record: dict, properties: dict[str, dict]) -> dict[str, str]:
    """A record as one CSV row: lists joined with '|', groups as 'group_field' columns, None as ''.

    ``properties``: the record's schema, which names the columns of a group that is absent.
    """
    row: dict[str, str] = {}
    for name, spec in properties.items():
        found = record.get(name)
        if "properties" in spec:
            row.update({f"{name}_{sub}": _cell((found or {}).get(sub)) for sub in spec["properties"]})  # lists: a|b
        elif isinstance(found, list):
            row[name] = LIST_SEPARATOR.join(
                ":".join(_cell(value) for value in item.values()) if isinstance(item, dict) else _cell(item)
                for item in found)
        else:
            row[name] = _cell(found)
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # a list inside a group (kosten.betaald_door)
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cases_csv(site: Site, base_url: str, for_excel: bool = False) -> str:
    """cases.csv: RFC 4180 (commas, UTF-8 without a byte-order mark), for programs. ``for_excel``: the same table
    for a reader who double-clicks it (EXCEL_CSV)."""
    properties = record_schema("casus")["properties"]
    rows = [flat(item, properties) for item in records(site, "casus", base_url)]
    out = io.StringIO()
    if for_excel:
        out.write("\ufeff")
        rows = [{name: excel_cell(value) for name, value in row.items()} for row in rows]
    writer = csv.DictWriter(out, fieldnames=csv_columns(), lineterminator="\r\n", delimiter=";" if for_excel else ",")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# The same table as cases.csv for a reader with Excel. Excel opens a .csv by double-click with the list separator
# of the computer's region, which is ';' in the Netherlands (a comma-separated file lands in column A), and reads
# it as UTF-8 only when it starts with a byte-order mark (without it "Eén" garbles). A "sep=;" first line would
# fix the separator in every region, but Excel then ignores the byte-order mark; so: ';' and the mark.
EXCEL_CSV = "casussen-voor-excel.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_cell(value: str) -> str:
    """A text cell that Excel shows as text: one that starts like a formula gets an apostrophe before it, so that a
    contributor's text is never run as a formula (CSV injection). Numbers stay numbers."""
    if value.startswith(_FORMULA_START) and not value.lstrip("-").isdigit():
        return "'" + value
    return value


# -- GeoJSON --------------------------------------------------------------------------

def cases_geojson(site: Site, base_url: str, built: datetime) -> dict:
    """RFC 7946: coordinates are [longitude, latitude] in WGS84; licence and date as foreign members."""
    features = []
    for item in records(site, "casus", base_url):
        location = item["locatie"]
        features.append({
            "type": "Feature",
            "id": item["id"],
            "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
            "properties": {**{name: item[name] for name in GEOJSON_PROPERTIES}, "locatie_bron": location["bron"]},
        })
    return {"type": "FeatureCollection", **_envelope("cases.geojson", built, base_url), "features": features}


# -- the relation graph -------------------------------------------------------------


def node_kind(target: str) -> str:
    """How relaties.json names a kind of node: the kind of item, or the taxonomy's node name ('stad')."""
    return target if target in ENTITY_TYPES else TAXONOMY[target].node


def relaties_json(site: Site, base_url: str, built: datetime) -> dict:
    """Nodes (every published item and every term it points at) and edges (its front matter relations)."""
    items = published(site.corpus.entities())
    nodes: dict[str, dict] = {f"{entity.kind}:{entity.id}": {
        "id": f"{entity.kind}:{entity.id}", "soort": entity.kind, "naam": entity.title,
        "url": page_url(base_url, entity)} for entity in items}
    for resultaat_id, resultaat in site.reference.resultaten.items():  # every beoogd resultaat: coverage is the point
        nodes[f"resultaat:{resultaat_id}"] = {
            "id": f"resultaat:{resultaat_id}", "soort": "resultaat", "naam": resultaat["kort"],
            "url": page_url(base_url, f"themas/{resultaat['thema']}.md") + f"#{resultaat_id}"}

    def term_node(target: str, term: str) -> str:
        key = f"{node_kind(target)}:{term}"
        if key not in nodes:
            taxonomy = TAXONOMY[target]
            nodes[key] = {"id": key, "soort": taxonomy.node, "naam": site.graph.label(taxonomy, term),
                          "url": page_url(base_url, f"{taxonomy.folder}/{term}.md")}
        return key

    edges = []
    for entity in items:
        for item in relations(type(entity)):
            target = item.about.points_at
            assert target is not None and item.about.edge is not None
            for term in entity.values(item.name):
                if target in ENTITY_TYPES:
                    node = f"{target}:{term}"
                    if node not in nodes:
                        continue  # points at a draft (preview build only)
                else:
                    node = f"resultaat:{term}" if target == "resultaten" else term_node(target, term)
                edges.append({"bron": f"{entity.kind}:{entity.id}", "doel": node, "relatie": item.about.edge})
    for resultaat_id, resultaat in site.reference.resultaten.items():
        edges.append({"bron": f"resultaat:{resultaat_id}", "doel": term_node("themas", resultaat["thema"]),
                      "relatie": "hoort_bij"})
    return {**_envelope("relaties", built, base_url), "nodes": sorted(nodes.values(), key=lambda n: n["id"]),
            "edges": edges}


# -- the files ----------------------------------------------------------------------

CATALOGUE = "catalogus.jsonld"  # DCAT catalogue of the files below, for data.overheid.nl (linkeddata.py)

# file name in /data/ -> (schema name, what it holds)
EXPORTS = {
    "cases.json": ("cases", "Alle casussen met hun kenmerken en verwijzingen"),
    "cases.csv": ("cases.csv", "Alle casussen als tabel, één regel per casus"),
    "cases.geojson": ("cases.geojson", "Alle casussen als punten op de kaart"),
    "instrumenten.json": ("instrumenten", "Alle instrumenten, met hun trede op de ladder en wettelijke basis"),
    "toolkits.json": ("toolkits", "Alle toolkits met hun stappen"),
    "relaties.json": ("relaties", "De kennisgraaf: knopen en verbindingen"),
}


def _json(data: Any) -> str:
    """Compact: json's C encoder only writes without indent (twice as fast at 1,000 cases, and smaller files)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def files(site: Site, site_url: str, built: datetime | None = None) -> list[DataFile]:
    """Every open-data file and its schema."""
    base_url = base_url_of(site_url)
    built = built or build_time(site)
    content = {
        "cases.json": _json(collection_json(site, "casus", base_url, built)),
        "cases.csv": cases_csv(site, base_url),
        "cases.geojson": _json(cases_geojson(site, base_url, built)),
        "instrumenten.json": _json(collection_json(site, "instrument", base_url, built)),
        "toolkits.json": _json(collection_json(site, "toolkit", base_url, built)),
        "relaties.json": _json(relaties_json(site, base_url, built)),
    }
    result = [DataFile(f"{FOLDER}/{name}", text) for name, text in content.items()]
    result.append(DataFile(f"{FOLDER}/{EXCEL_CSV}", cases_csv(site, base_url, for_excel=True)))  # not in DCAT
    result.append(DataFile(f"{FOLDER}/{CATALOGUE}", _json(linkeddata.catalogue(site, base_url, built, EXPORTS))))
    result += [DataFile(f"{FOLDER}/{name}.schema.json", _json(schema(name)))
               for name in sorted({schema_name for schema_name, _ in EXPORTS.values()} | {EXCEL_CSV})]
    return result
