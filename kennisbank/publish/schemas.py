"""The JSON Schemas of the open data, derived from the content schemas and the content registry.

A reuser validates what they download against ``/data/<file>.schema.json``. Those schemas used
to be written by hand next to the code that wrote the files, a second copy of the model; now
each record schema is the content schema's field (type, allowed values, description) as the
export writes it (every field present, ``null`` where a single value is absent), plus what the
export computes (``DERIVED``). The CSV's columns are those of the flattened record, in order.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kennisbank.content.model import ENTITY_TYPES
from kennisbank.content.registry import TAXONOMIES, Declared, declared_fields, relations
from kennisbank.content.validate import load_schema

DATE = "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$"
GEOJSON_PROPERTIES = ("id", "titel", "samenvatting", "url", "stad", "themas", "fase", "status", "voorbeeld")
KEPT = ("type", "enum", "pattern", "format", "minimum", "maximum", "items", "properties")


def exported_fields(kind: str) -> list[Declared]:
    """The registry's fields of a kind that the open data carries, in declared order (old ids come first)."""
    return [item for item in declared_fields(ENTITY_TYPES[kind]) if item.about.export and item.name != "vorige_namen"]


def _nullable(spec: dict) -> dict:
    kinds = spec.get("type")
    if kinds is None or kinds == "array":
        return spec
    kinds = kinds if isinstance(kinds, list) else [kinds]
    result = {**spec, "type": [*kinds, "null"] if "null" not in kinds else kinds}
    if "enum" in result:
        result["enum"] = [*result["enum"], None]
    return result


def as_exported(spec: dict, description: str = "", required: bool = True) -> dict:
    """A content schema property as the export writes it: groups complete, absent single values null."""
    result = {key: value for key, value in spec.items() if key in KEPT}
    if description or spec.get("description") or spec.get("title"):
        result["description"] = description or spec.get("description") or spec["title"]
    if "properties" in result:
        needed = set(spec.get("required", []))
        result["properties"] = {name: as_exported(sub, required=name in needed)
                                for name, sub in spec["properties"].items()}
        result["required"] = list(spec["properties"])
        result["additionalProperties"] = False
    if isinstance(result.get("items"), dict):
        result["items"] = as_exported(result["items"])
    return result if required else _nullable(result)


def _relation_description(item: Declared) -> str:
    target = item.about.points_at
    assert target is not None
    if target in ENTITY_TYPES:
        cls = ENTITY_TYPES[target]
        where = f"ids van {cls.plural} (hun bestandsnaam in {cls.source_folder}/ zonder .md)"
    else:
        data = TAXONOMY_DATA.get(target)
        where = f"ids uit data/{data}.yml" if data else "een van de vaste waarden die het schema noemt"
    return f"{item.about.label}: {where}."


TAXONOMY_DATA = {taxonomy.name: taxonomy.data for taxonomy in TAXONOMIES}

IDENTITY = {
    "id": {"type": "string", "pattern": SLUG, "description": "Id: de bestandsnaam zonder .md; blijft gelijk."},
    "vorige_namen": {"type": "array", "items": {"type": "string"},
                     "description": "Eerdere ids na een hernoeming; hun oude adres verwijst door naar dit item."},
    "url": {"type": "string", "format": "uri-reference", "description": "Adres van de pagina van het item."},
}

# What the export computes about an item, beyond its fields: kind -> property -> schema.
DERIVED: dict[str, dict[str, dict]] = {
    "casus": {
        "historie": {"type": "array", "minItems": 1, "description": "Wanneer de casus elke fase inging, oudste eerst.",
                     "items": {"type": "object", "additionalProperties": False, "required": ["fase", "datum"],
                               "properties": {"fase": {"type": "string", "description": "De fase."},
                                              "datum": {"type": "string", "pattern": DATE,
                                                        "description": "Datum waarop de fase begon (JJJJ-MM-DD)."}}}},
        "historie_afgeleid": {"type": "boolean", "description": "true als de casus zelf geen historie noemt: dan is "
                              "het één stap, de huidige fase sinds de start van de periode."},
        "locatie": {"type": "object", "additionalProperties": False, "required": ["lat", "lon", "bron"],
                    "description": "Plek van de casus in WGS84.",
                    "properties": {"lat": {"type": "number", "minimum": 50.7, "maximum": 53.6,
                                           "description": "Breedtegraad."},
                                   "lon": {"type": "number", "minimum": 3.3, "maximum": 7.3,
                                           "description": "Lengtegraad."},
                                   "bron": {"type": "string", "enum": ["casus", "stad"],
                                            "description": "casus: de casus noemt de plek zelf; stad: het centrum "
                                                           "van de stad."}}},
        "doorlooptijd_maanden": {"type": ["integer", "null"], "minimum": 1,
                                 "description": "Doorlooptijd in maanden, berekend uit de periode (begin- en eindmaand "
                                                "tellen mee); null zolang de periode geen einde heeft."},
    },
    "instrument": {
        "sturing_trede": {"type": ["integer", "null"], "minimum": 1, "description": "Nummer van de trede op de "
                          "ladder: 1 (stimuleren, drang) tot en met 5 (afdwingen, dwang)."},
        "toegepast_in": {"type": "array", "items": {"type": "string"},
                         "description": "Ids van de casussen die het instrument inzetten (berekend)."},
        "toolkits": {"type": "array", "items": {"type": "string"},
                     "description": "Ids van de toolkits waarin het instrument staat (berekend)."},
    },
    "toolkit": {},
}


@cache
def record_schema(kind: str) -> dict:
    """The schema of one record of a kind: identity, every exported field, what is computed."""
    content = load_schema(kind)
    required_in_content = set(content.get("required", []))
    properties = dict(IDENTITY)
    for item in exported_fields(kind):
        spec = content["properties"][item.name]
        description = _relation_description(item) if item.about.points_at else ""
        is_list = spec.get("type") == "array"
        properties[item.name] = as_exported(spec, description, required=is_list or item.name in required_in_content
                                             or spec.get("type") == "boolean")
    properties.update(DERIVED[kind])
    return {"type": "object", "additionalProperties": False, "required": list(properties), "properties": properties}


def _envelope(name: str, title: str, description: str, extra: dict[str, dict]) -> dict:
    properties = {
        "$schema": {"type": "string", "description": "Naam van het JSON Schema dat dit bestand volgt (staat ernaast "
                                                     "in /data/)."},
        "licentie": {"type": "object", "additionalProperties": False, "required": ["naam", "url", "naamsvermelding"],
                     "description": "De licentie van de gegevens, met de naamsvermelding die hergebruik vraagt.",
                     "properties": {"naam": {"type": "string", "description": "Naam van de licentie."},
                                    "url": {"type": "string", "format": "uri", "description": "Tekst van de licentie."},
                                    "naamsvermelding": {"type": "string",
                                                        "description": "Vermeld deze naam bij hergebruik."}}},
        "gebouwd": {"type": "string", "format": "date-time",
                    "description": "Moment waarop het bestand is gemaakt (RFC 3339, UTC)."},
        "bron": {"type": "string", "format": "uri-reference",
                 "description": "Adres van de pagina die de open data beschrijft."},
        **extra,
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", "title": title,
            "description": description, "type": "object", "additionalProperties": False,
            "required": list(properties), "properties": properties}


def _collection(kind: str) -> dict:
    cls = ENTITY_TYPES[kind]
    return _envelope(cls.collection, cls.singular.capitalize(),
                     f"{cls.collection}.json: alle gepubliceerde {cls.plural} van de Kennisbank Dynamische Binnensteden.",
                     {cls.collection: {"type": "array", "items": record_schema(kind),
                                       "description": f"Eén item per gepubliceerde {cls.singular}; geen concepten."}})


def _flat_columns(properties: dict) -> dict[str, dict]:
    """The CSV columns of a record: groups become 'group_field', everything is text."""
    columns = {}
    for name, spec in properties.items():
        kinds = spec.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        description = spec.get("description", "")
        if "object" in kinds and "properties" in spec:
            for sub, sub_spec in spec["properties"].items():
                columns[f"{name}_{sub}"] = {"type": "string",
                                            "description": f"{description} {sub_spec.get('description', '')}".strip()}
        elif "array" in kinds:
            joined = "elk item als waarden gescheiden door ':'" if spec.get("items", {}).get("properties") else "ids"
            columns[name] = {"type": "string", "description": f"{description} Als tekst: {joined}, gescheiden door |."}
        else:
            columns[name] = {"type": "string", "description": f"{description} Leeg als er geen waarde is.".strip()}
    return columns


@cache
def csv_columns() -> list[str]:
    return list(_flat_columns(record_schema("casus")["properties"]))


def _csv(name: str = "cases.csv", title: str = "Casussen als tabel",
         form: str = "RFC 4180: komma's, velden met komma's tussen dubbele aanhalingstekens, UTF-8") -> dict:
    columns = _flat_columns(record_schema("casus")["properties"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json",
            "title": title,
            "description": f"{name}: één regel per gepubliceerde casus ({form}). Dit schema beschrijft één regel, "
                           "gelezen als veldnaam → tekst; lijsten staan in één veld, gescheiden door |.",
            "type": "object", "additionalProperties": False, "required": list(columns), "properties": columns}


def _excel_csv() -> dict:
    """The reader's copy of cases.csv (export.EXCEL_CSV): the same columns, another form."""
    return _csv("casussen-voor-excel.csv", "Casussen als tabel voor Excel",
                "puntkomma's, UTF-8 met byte-order mark; een tekst die met =, +, - of @ begint, staat er met een "
                "apostrof voor, zodat Excel hem als tekst toont")


def _geojson() -> dict:
    record = record_schema("casus")["properties"]
    properties = {name: record[name] for name in GEOJSON_PROPERTIES}
    properties["locatie_bron"] = record["locatie"]["properties"]["bron"]
    feature = {"type": "object", "additionalProperties": False, "required": ["type", "id", "geometry", "properties"],
               "properties": {
                   "type": {"const": "Feature"}, "id": IDENTITY["id"],
                   "geometry": {"type": "object", "additionalProperties": False, "required": ["type", "coordinates"],
                                "properties": {"type": {"const": "Point"},
                                               "coordinates": {"type": "array", "minItems": 2, "maxItems": 2,
                                                               "items": {"type": "number"},
                                                               "description": "[lengtegraad, breedtegraad] in WGS84."}}},
                   "properties": {"type": "object", "additionalProperties": False, "required": list(properties),
                                  "properties": properties}}}
    return _envelope("cases.geojson", "Casussen op de kaart",
                     "cases.geojson: elke gepubliceerde casus als punt (GeoJSON, RFC 7946). Coördinaten staan als "
                     "[lengtegraad, breedtegraad] in WGS84.",
                     {"type": {"const": "FeatureCollection", "description": "Altijd FeatureCollection."},
                      "features": {"type": "array", "items": feature, "description": "Eén punt per casus."}})


def edge_names() -> list[str]:
    """Every kind of connection in relaties.json: the registry's edges, and a resultaat's theme."""
    names = {item.about.edge: None for cls in ENTITY_TYPES.values() for item in relations(cls)}
    return [name for name in names if name] + ["hoort_bij"]


def node_kinds() -> list[str]:
    return [*ENTITY_TYPES, *(taxonomy.node for taxonomy in TAXONOMIES)]


def _relaties() -> dict:
    node = {"type": "object", "additionalProperties": False, "required": ["id", "soort", "naam", "url"],
            "properties": {"id": {"type": "string", "pattern": "^[a-z]+:[a-z0-9-]+$",
                                  "description": "Id van de knoop: soort:id, bijvoorbeeld stad:utrecht."},
                           "soort": {"type": "string", "enum": node_kinds(), "description": "Soort knoop."},
                           "naam": {"type": "string", "description": "Naam of titel."},
                           "url": {"type": "string", "format": "uri-reference",
                                   "description": "Adres van de pagina van de knoop."}}}
    edge = {"type": "object", "additionalProperties": False, "required": ["bron", "doel", "relatie"],
            "properties": {"bron": {"type": "string", "description": "Id van de knoop waar de verbinding begint."},
                           "doel": {"type": "string", "description": "Id van de knoop waar de verbinding naartoe wijst."},
                           "relatie": {"type": "string", "enum": edge_names(),
                                       "description": "Soort verbinding: de naam van het veld dat haar legt (zie de "
                                                      "velden van casussen, instrumenten en toolkits); hoort_bij "
                                                      "koppelt een beoogd resultaat aan zijn thema."}}}
    return _envelope("relaties", "Relaties",
                     "relaties.json: de kennisgraaf. Elke knoop is een item of term; elke verbinding komt uit de "
                     "YAML-kop van een casus, instrument of toolkit, of koppelt een beoogd resultaat aan zijn thema.",
                     {"nodes": {"type": "array", "items": node, "description": "De knopen."},
                      "edges": {"type": "array", "items": edge,
                                "description": "De verbindingen; bron en doel zijn ids van knopen."}})


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of an export, e.g. ``schema('cases')`` for cases.json."""
    makers = {"cases": lambda: _collection("casus"), "instrumenten": lambda: _collection("instrument"),
              "toolkits": lambda: _collection("toolkit"), "cases.csv": _csv, "casussen-voor-excel.csv": _excel_csv, "cases.geojson": _geojson,
              "relaties": _relaties}
    return makers[name]()
