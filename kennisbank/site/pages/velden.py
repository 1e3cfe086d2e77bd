"""Reference pages "Velden van een casus/instrument/toolkit", generated from the JSON Schemas.

Every field with: required or not, the kind of value, its allowed values with their labels
(schema ``x-labels``, or the ids in data/ for fields that point at a list), the schema's
description and an example. Because the page is built from the schema and the data, it
cannot drift from what the checker accepts. The schemas themselves are published under
/schema/ so editors and other tools can use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import yaml

from kennisbank.content.model import ENTITY_TYPES
from kennisbank.content.registry import TAXONOMY
from kennisbank.content.validate import PATTERN_HINTS, SCHEMA_DIR, TYPE_NAMES, checked_references, load_schema
from kennisbank.graph import Site
from kennisbank.publish.urls import relative_url
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.render import Page
from kennisbank.site.views import Link, make_page

ENTITIES = {  # kind -> (page title, where the files live, overview page)
    "casus": ("Velden van een casus", "cases/", "cases/index.md"),
    "instrument": ("Velden van een instrument", "instrumenten/", "instrumenten/index.md"),
    "toolkit": ("Velden van een toolkit", "instrumenten/toolkits/", "toolkits/index.md"),
}
COLLECTION_TARGETS = {kind: (f"{cls.folder}/index.md", f"{cls.source_folder}/") for kind, cls in ENTITY_TYPES.items()}
PLURALS = (("groep velden", "groepen velden"), ("een id", "ids"), ("een bestandsnaam", "bestandsnamen"),
           ("één waarde", "waarden"))
PATTERN_EXAMPLES = {
    "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": "2026-03-05",
    "^20[0-9]{2}-(0[1-9]|1[0-2])$": "2025-09",
    "^https://": "https://wetten.overheid.nl/",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "oude-naam",
    "^(BWB[RV][0-9]{7}|CVDR[0-9]+(_[0-9]+)?|ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25})$": "BWBR0001941",
}


def page_uri(kind: str) -> str:
    return f"velden/{kind}.md"


def published_schemas() -> dict[str, Path]:
    """Site path -> schema file, for every schema in kennisbank/content/schema/."""
    return {f"schema/{path.name}": path for path in sorted(SCHEMA_DIR.glob("*.schema.json"))}


class _FieldPage:
    """What one kind's reference page shows about each field."""

    def __init__(self, site: Site, kind: str):
        self.site, self.kind = site, kind
        self.uri = page_uri(kind)
        self.schema = load_schema(kind)

    # -- what a value is -------------------------------------------------------

    def kind_of_value(self, spec: dict, dotted: str = "") -> str:
        """'tekst (5 tot 120 tekens)', 'lijst van ids uit data/themas.yml, minstens 1', …"""
        json_type = spec.get("type", "")
        if json_type == "array":
            item = self.kind_of_value(spec.get("items", {}), dotted)
            for singular, plural in PLURALS:
                if item.startswith(singular):
                    item = plural + item[len(singular):]
            return f"lijst van {item}" + (f", minstens {spec['minItems']}" if spec.get("minItems") else "")
        target = checked_references(self.kind).get(dotted, "")
        if spec.get("enum"):
            return "één waarde uit de lijst hieronder"
        if target in TAXONOMY:
            return f"een id uit data/{TAXONOMY[target].data}.yml"
        if target in COLLECTION_TARGETS:
            return f"een bestandsnaam uit {COLLECTION_TARGETS[target][1]} zonder .md"
        if json_type == "object":
            return "groep velden"
        return TYPE_NAMES.get(json_type, json_type or "waarde") + self.constraints(spec)

    @staticmethod
    def constraints(spec: dict) -> str:
        parts = []
        if "minLength" in spec and "maxLength" in spec:
            parts.append(f"{spec['minLength']} tot {spec['maxLength']} tekens")
        elif "minLength" in spec:
            parts.append(f"minstens {spec['minLength']} tekens")
        if "pattern" in spec:
            parts.append(PATTERN_HINTS.get(spec["pattern"], f"volgens het patroon {spec['pattern']}"))
        if "minimum" in spec and "maximum" in spec:
            parts.append(f"van {spec['minimum']} tot {spec['maximum']}")
        return f" ({'; '.join(parts)})" if parts else ""

    # -- allowed values ----------------------------------------------------------

    def enum_values(self, spec: dict) -> list[tuple[str, str]]:
        """(value, label) for a field with a closed list."""
        values = spec.get("enum") or spec.get("items", {}).get("enum") or []
        labels = spec.get("x-labels", {})
        return [(value, labels.get(value, "")) for value in values]

    def reference_values(self, dotted: str) -> dict | None:
        """What ids a field that points at a list may hold: an intro, a link, and (id, label) pairs."""
        target = checked_references(self.kind).get(dotted)
        if not target:
            return None
        if target in COLLECTION_TARGETS:
            overview, folder = COLLECTION_TARGETS[target]
            return {"folder": folder, "link": Link("het overzicht", relative_url(self.uri, overview)), "ids": []}
        taxonomy = TAXONOMY[target]
        see: Link | None
        if target == "resultaten":
            items = [(rid, f"{item['kort']} (thema {item['thema']})") for rid, item in self.site.reference.resultaten.items()]
            see = Link("de thema’s", relative_url(self.uri, "themas/index.md"))
        else:
            items = [(tid, item.get("naam") or item.get("titel") or tid) for tid, item in self.site.reference[target].items()]
            see = Link(taxonomy.plural.lower(), relative_url(self.uri, f"{taxonomy.folder}/index.md")) if taxonomy.folder else None
        return {"file": f"data/{taxonomy.data}.yml", "link": see, "ids": items}

    # -- examples -----------------------------------------------------------------

    def example(self, spec: dict, dotted: str):
        if spec.get("examples"):
            return spec["examples"][0]
        json_type = spec.get("type")
        if json_type == "array":
            item = self.example(spec.get("items", {}), dotted)
            return None if item is None else [item]
        if spec.get("enum"):
            return spec["enum"][0]
        target = checked_references(self.kind).get(dotted, "")
        if target in TAXONOMY:
            ids = list(self.site.reference[target])
            if ids:
                return ids[0]
        if json_type == "object":
            example = {}
            for name, sub in spec.get("properties", {}).items():
                value = self.example(sub, f"{dotted}.{name}")
                if value is not None:
                    example[name] = value
            return example or None
        if json_type == "boolean":
            return True
        if json_type == "number" and "minimum" in spec and "maximum" in spec:
            return round((spec["minimum"] + spec["maximum"]) / 2, 4)
        if spec.get("pattern") in PATTERN_EXAMPLES:
            return PATTERN_EXAMPLES[spec["pattern"]]
        if spec.get("format") == "email" or dotted.endswith("email"):
            return "binnenstad@gemeente.example"
        return self.example_from_content(dotted)

    def example_from_content(self, dotted: str):
        """A value some published item really has, for fields the schema gives no example for."""
        head, _, rest = dotted.partition(".")
        for entity in self.site.corpus.entities():
            if entity.kind != self.kind:
                continue
            value = getattr(entity, head, None)
            for part in rest.split(".") if rest else []:
                value = value[0] if isinstance(value, list) and value else value
                value = value.get(part) if isinstance(value, dict) else None
            if isinstance(value, list):  # asked for one item of a list
                value = value[0] if value else None
            if value not in (None, "", [], {}):
                return value
        return None

    @staticmethod
    def yaml_block(name: str, value) -> str:
        """``name: value`` as a contributor writes it: short lists on one line, groups as indented lines."""
        if isinstance(value, list) and not any(isinstance(item, (dict, list)) for item in value):
            line = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=100)
            return f"{name}: {line.strip()}\n"
        return yaml.safe_dump({name: value}, default_flow_style=False, allow_unicode=True, sort_keys=False, width=100)

    # -- the page -----------------------------------------------------------------

    def subfields(self, spec: dict, dotted: str) -> list[dict]:
        """The fields inside a group (an object, or the objects in a list)."""
        group = spec.get("items", {}) if spec.get("type") == "array" else spec
        required = set(group.get("required", []))
        found = []
        for name, sub in group.get("properties", {}).items():
            where = f"{dotted}.{name}"
            found.append({"name": name, "required": name in required, "kind": self.kind_of_value(sub, where),
                          "title": sub.get("title", ""), "allowed": self.enum_values(sub)})
        return found

    def field(self, name: str, spec: dict, required: bool) -> dict:
        example = self.example(spec, name)
        return {"name": name, "title": spec.get("title", name), "required": required,
                "kind": self.kind_of_value(spec, name), "description": spec.get("description", ""),
                "allowed": self.enum_values(spec), "references": self.reference_values(name),
                "subfields": self.subfields(spec, name),
                "example": self.yaml_block(name, example) if example is not None else ""}

    def page(self) -> Page:
        title, folder, overview = ENTITIES[self.kind]
        required = set(self.schema.get("required", []))
        fields = [self.field(name, spec, name in required) for name, spec in self.schema["properties"].items()]
        return make_page(self.site, "pages/velden.html", self.uri, title, description=self.schema.get("description", ""),
                         search="nee", schema=self.schema, kind=self.kind, folder=folder, fields=fields,
                         schema_link=Link(f"{self.kind}.schema.json",
                                          relative_url(self.uri, f"schema/{self.kind}.schema.json")),
                         overview=Link("het overzicht", relative_url(self.uri, overview)))


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    for kind in ENTITIES:  # the examples may come from any item of the kind
        yield Planned(page_uri(kind), partial(_make, site, kind), partial(inputs.cards_of, kind))


def _make(site: Site, kind: str) -> Page:
    return _FieldPage(site, kind).page()
