"""The editor at /beheer/: a Decap CMS configuration generated from the content registry and the JSON Schemas.

Contributors who do not use git fill in a form; Decap turns every new or changed item into a
branch and a pull request (``publish_mode: editorial_workflow``, ``open_authoring`` for people
without write access), where ``kennisbank check`` and the strict build judge it as they judge
any pull request. The form is not written by hand: every collection, field, widget, list of
allowed values, required flag, pattern, label and hint comes from

- the schema (``content/schema/<kind>.schema.json``): type, enum with x-labels, pattern,
  minLength/maxLength, minimum/maximum, minItems, required, title and description;
- the registry (``content/model.py`` with ``ref``/``refs``/``value``): the field order, the
  label, and what a field points at: a list in ``data/`` (a select of its terms), a closed
  list (the schema's enum), or another kind of item (a relation to that collection);
- the templates in ``sjablonen/``: the body a new item starts with (its ``##`` sections).

So a field added to the model and its schema shows up in the editor with no second edit
(tests/test_beheer.py proves it with an extra field).

Why here, in ``publish/``: like the open data and its schemas, the configuration is a file the
site publishes for a tool, derived from the content model; it knows nothing of MkDocs (the
integration layer writes it into the site) and nothing of HTML pages.

What Decap cannot do is said where it matters: it validates one field at a time (a pattern and
a required flag), so rules across fields (the last ``historie`` entry is the current ``fase``,
a beoogd resultaat belongs to a chosen theme) are hints in the form and remain the checker's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from kennisbank.content import symlinks
from kennisbank.content.history import PHASES
from kennisbank.content.model import ENTITY_TYPES, Corpus
from kennisbank.content.registry import TAXONOMY, declared_fields
from kennisbank.content.sjablonen import template_path
from kennisbank.content.validate import PATTERN_HINTS, load_schema
from kennisbank.graph import Graph
from kennisbank.publish import csp

REPO = "citydeal-dynamische-binnensteden/kennisbank"  # from mkdocs.yml edit_uri_template; the integration passes it
BRANCH = "main"
LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"  # decap-server on its default port, bound to loopback (scripts/beheer)
DATE = "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

# The file name a new item gets (its id and web address): a case's starts with its city, as the
# cases in cases/ do (CONTRIBUTING: "breda-leegstand-ginneken"); the rest follow their title.
SLUGS = {"casus": "{{fields.stad}}-{{slug}}"}

# What the form adds to a field's description for a staff action: Decap checks one field at a time, so the
# rule that ties two fields together is said where the person acts (the checker still judges it).
EXTRA_HINTS = {
    ("casus", "fase"): "Gaat de casus naar de volgende fase? Kies hier die fase en voeg onder 'Historie van de "
                       "fasen' een regel toe: de nieuwe regel krijgt de datum van vandaag.",
    ("casus", "resultaten"): "U ziet alleen de beoogde resultaten van de thema's die u hierboven koos.",
}

# Decap's text widgets: one line for a title, several for a summary or an explanation.
MULTILINE_FROM = 150  # a maxLength above this is a paragraph, not a line


def _label(name: str, spec: dict, about_label: str | None = None) -> str:
    return about_label or spec.get("title") or name.replace("_", " ").capitalize()


def _length_rule(spec: dict) -> tuple[str, str] | None:
    """minLength/maxLength as a Decap pattern (Decap has no length rule for text) with the checker's words."""
    low, high = spec.get("minLength"), spec.get("maxLength")
    if low is None and high is None:
        return None
    regex = f"^[\\s\\S]{{{low or 0},{high if high is not None else ''}}}$"
    if low and high:
        message = f"Minimaal {low} en maximaal {high} tekens."
    elif low:
        message = f"Minimaal {low} tekens."
    else:
        message = f"Maximaal {high} tekens."
    return regex, message


def _pattern(spec: dict) -> list[str] | None:
    """The schema's pattern (or length) as Decap's [regex, message], in the checker's Dutch."""
    if "pattern" in spec:
        form = PATTERN_HINTS.get(spec["pattern"], f"tekst volgens het patroon {spec['pattern']}")
        return [spec["pattern"], f"Verwacht wordt {form}."]
    rule = _length_rule(spec)
    return list(rule) if rule else None


class Form:
    """Builds the Decap fields of the kinds of item from the schemas, the registry and the reference data."""

    def __init__(self, corpus: Corpus):
        self.graph = Graph(corpus)
        self.root = Path(corpus.root)

    # -- allowed values -----------------------------------------------------

    def options(self, points_at: str, labels: dict[str, str] | None = None) -> list[dict[str, str]]:
        """The terms of a taxonomy as Decap select options: the id is stored, the name is shown.

        The schema's x-labels, where it has them, say more than the name ('Zaaien – opgaven verkennen').
        """
        terms = self.graph.terms(TAXONOMY[points_at])
        found = []
        for term, item in terms.items():
            name = (labels or {}).get(term) or item.get("naam") or item.get("titel") or item.get("kort") or term
            if points_at == "resultaten":  # 'vastgoed-2 · Strategisch verwerven', grouped by theme
                name = f"{term} · {name}"
            found.append({"label": str(name), "value": str(term)})
        return found

    @staticmethod
    def enum_options(spec: dict) -> list[dict[str, str]]:
        labels = spec.get("x-labels", {})
        return [{"label": labels.get(value, value), "value": value} for value in spec["enum"]]

    # -- fields -------------------------------------------------------------

    def field(self, name: str, spec: dict, required: bool, *, label: str | None = None,
              points_at: str | None = None, within: dict[str, str] | None = None) -> dict[str, Any]:
        """One Decap field for a schema property (recursively for groups and lists of groups)."""
        result: dict[str, Any] = {"name": name, "label": _label(name, spec, label), "required": required}
        if spec.get("description"):
            result["hint"] = spec["description"]
        kind = spec.get("type")
        items: dict = spec["items"] if isinstance(spec.get("items"), dict) else {}
        if points_at in ENTITY_TYPES:
            target = ENTITY_TYPES[points_at]
            result |= {"widget": "relation", "collection": target.collection, "value_field": "{{slug}}",
                       "search_fields": [target.title_field], "display_fields": [target.title_field],
                       "multiple": kind == "array"}
            if kind == "array" and spec.get("minItems"):
                result["min"] = spec["minItems"]
        elif points_at:
            if points_at == "resultaten":
                # Decap's select cannot filter by another field; the custom widget shows only the
                # beoogde resultaten of the themes chosen above (beheer/voorvertoning.js).
                result["widget"] = "kb-resultaten"
                result["thema_van"] = {key: value["thema"] for key, value in self.graph.reference.resultaten.items()}
            else:
                result["widget"] = "select"
            own = spec.get("x-labels") or items.get("x-labels")
            result["options"] = self.options(points_at, own) if TAXONOMY[points_at].data else self.enum_options(
                {**(items if kind == "array" else spec), **({"x-labels": own} if own else {})})
            result["multiple"] = kind == "array"
            if kind == "array" and spec.get("minItems"):
                result["min"] = spec["minItems"]
        elif "enum" in spec:
            result |= {"widget": "select", "options": self.enum_options(spec)}
        elif kind == "array" and "enum" in items:
            result |= {"widget": "select", "multiple": True, "options": self.enum_options({**items, **spec})}
        elif kind == "boolean":
            result["widget"] = "boolean"  # no default: an untouched switch writes nothing
        elif kind in ("number", "integer"):
            result |= {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            if "minimum" in spec:
                result["min"] = spec["minimum"]
            if "maximum" in spec:
                result["max"] = spec["maximum"]
        elif kind == "object":
            result |= {"widget": "object", "collapsed": not required,
                       "fields": self.group(spec, within or {}, optional=None if required else result["label"])}
        elif kind == "array" and items.get("type") == "object":
            result |= {"widget": "list", "fields": self.group(items, within or {})}
            if spec.get("minItems"):
                result["min"] = spec["minItems"]
            result["collapsed"] = False
        elif kind == "array":
            result |= {"widget": "list"}  # a list of words, typed with commas
            if spec.get("minItems"):
                result["min"] = spec["minItems"]
            if isinstance(items, dict) and items.get("pattern"):
                result["hint"] = (result.get("hint", "") + " Scheid de waarden met komma's.").strip()
        elif kind == "string" and spec.get("pattern") == DATE:
            # A day: the browser's date picker, stored as "JJJJ-MM-DD"; a button sets today.
            result |= {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False,
                       "format": "YYYY-MM-DD", "picker_utc": False, "pattern": _pattern(spec)}
        else:
            multiline = (spec.get("maxLength") or 0) > MULTILINE_FROM or (
                "maxLength" not in spec and (spec.get("minLength") or 0) >= 10)
            result["widget"] = "text" if multiline else "string"
            pattern = _pattern(spec)
            if pattern:
                result["pattern"] = pattern
        return result

    def group(self, spec: dict, within: dict[str, str], optional: str | None = None) -> list[dict[str, Any]]:
        """The fields of a group (an object), in the schema's order.

        Decap checks the required fields of a group even when the group itself is optional and left
        empty, so a contributor could not save without a location. In an optional group (``optional``
        is its label) the form therefore requires nothing and says what is needed once it is filled
        in; the checker keeps the rule.
        """
        needed = set(spec.get("required", []))
        fields = []
        for name, sub in spec.get("properties", {}).items():
            field = self.field(name, sub, name in needed and optional is None, points_at=within.get(name))
            if name in needed and optional is not None:
                field["hint"] = f"{field.get('hint', '')} Verplicht als u '{optional}' invult.".strip()
            fields.append(field)
        return fields

    def fields(self, kind: str) -> list[dict[str, Any]]:
        """The fields of a kind in the registry's order (the card's), then any the schema has beyond it, then the body."""
        cls = ENTITY_TYPES[kind]
        schema = load_schema(kind)
        properties, needed = schema["properties"], set(schema.get("required", []))
        declared = {item.name: item for item in declared_fields(cls)}
        order = [name for name in declared if name in properties] + [name for name in properties if name not in declared]
        found = []
        for name in order:
            about = declared[name].about if name in declared else None
            spec = dict(properties[name])
            hint = EXTRA_HINTS.get((kind, name))
            if hint:
                spec["description"] = f"{spec.get('description', '')} {hint}".strip()
            found.append(self.field(name, spec, name in needed, label=about.label if about else None,
                                    points_at=about.points_at if about else None,
                                    within=dict(about.within) if about else None))
            if name == "fase":  # a new case starts in the first phase, as the template does
                found[-1]["default"] = PHASES[0]
            if name == "historie":
                # A new entry starts today: moving to the next phase is 'add' and choosing the phase. Decap
                # gives a new case one entry from these defaults: the first phase, today.
                sub = {item["name"]: item for item in found[-1]["fields"]}
                sub["datum"]["default"] = "{{now}}"
                sub["fase"]["default"] = PHASES[0]
        found.append({"name": "body", "label": "Tekst", "widget": "markdown", "required": True,
                      "modes": ["raw"], "default": self.template_body(kind),
                      "hint": _body_hint(cls.sections)})
        return found

    def template_body(self, kind: str) -> str:
        """The body of the template in sjablonen/ (its sections and the 'VUL IN's): where a new item starts."""
        path = template_path(self.root, kind)
        if not path.exists() or symlinks.refusal(path, path.relative_to(self.root).as_posix()):
            return ""  # a link is never read: the checker reports it (symlinks.scan)
        text = path.read_text(encoding="utf-8")
        parts = text.split("\n---\n", 1) if text.startswith("---\n") else ["", text]
        return parts[-1].lstrip("\n")

    def collection(self, kind: str) -> dict[str, Any]:
        cls = ENTITY_TYPES[kind]
        return {
            "name": cls.collection,
            "label": cls.plural.capitalize(),
            "label_singular": cls.singular.capitalize(),
            "description": load_schema(kind).get("description", ""),
            "folder": cls.source_folder,
            "extension": "md",
            "format": "frontmatter",
            "create": True,
            "identifier_field": cls.title_field,
            "slug": SLUGS.get(kind, "{{slug}}"),
            "summary": f"{{{{{cls.title_field}}}}}",
            # Images and PDFs in the folder named after the file, next to it (CONTRIBUTING, media.py);
            # the text refers to them as '<naam>/foto.jpg'.
            "media_folder": "{{filename}}",
            "public_folder": "{{filename}}",
            "fields": self.fields(kind),
        }


def _body_hint(sections: tuple[str, ...]) -> str:
    if not sections:
        return "De tekst in Markdown: kopjes met ##, links als pad naar het bestand."
    names = ", ".join(sections)
    return (f"De tekst in Markdown, met de kopjes {names} (## ervoor), in die volgorde; meer kopjes mogen "
            "ertussen. Vervang elke 'VUL IN'. Links naar een casus of instrument als pad naar het bestand: "
            "[Erfpacht](../instrumenten/erfpacht.md).")


def config(corpus: Corpus, *, repo: str = REPO, branch: str = BRANCH, site_url: str = "",
           local_backend: str = LOCAL_BACKEND) -> dict[str, Any]:
    """The whole Decap configuration (beheer/config.yml)."""
    form = Form(corpus)
    result: dict[str, Any] = {
        # Production: GitHub, through an OAuth endpoint the coalition runs (CONTRIBUTING, "Het formulier
        # op GitHub"): set base_url (and auth_endpoint) here once it exists. Decap's default endpoint is
        # Netlify's, which this site does not use.
        "backend": {"name": "github", "repo": repo, "branch": branch, "open_authoring": True,
                    "squash_merges": True,
                    "commit_messages": {
                        "create": "Nieuw: {{collection}} '{{slug}}' (via /beheer/)",
                        "update": "Bijgewerkt: {{collection}} '{{slug}}' (via /beheer/)",
                        "delete": "Verwijderd: {{collection}} '{{slug}}' (via /beheer/)",
                        "uploadMedia": "Bestand toegevoegd: '{{path}}' (via /beheer/)",
                        "deleteMedia": "Bestand verwijderd: '{{path}}' (via /beheer/)",
                        "openAuthoring": "{{message}}",
                    }},
        # On localhost only, Decap talks to decap-server (scripts/beheer) instead of GitHub.
        "local_backend": {"url": local_backend, "allowed_hosts": ["localhost", "127.0.0.1"]},
        "publish_mode": "editorial_workflow",
        "locale": "nl",
        "show_preview_links": False,
        # Images of hand-written pages (docs/); an item's own media go to its folder (collection media_folder).
        "media_folder": "docs/assets",
        "public_folder": "/assets",
        # File names as ids: lower-case letters, digits and hyphens (the checker's rule for ids).
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [form.collection(kind) for kind in ENTITY_TYPES],
    }
    if site_url:
        result["site_url"] = site_url
        result["display_url"] = site_url
    return result


def config_yaml(corpus: Corpus, **options: Any) -> str:
    """The configuration as the YAML file Decap reads (a generated file: never edit it by hand)."""
    return as_yaml(config(corpus, **options))


def as_yaml(settings: dict[str, Any]) -> str:
    head = ("# Gegenereerd door kennisbank/publish/beheer.py uit de JSON Schema's en het inhoudsmodel.\n"
            "# Niet met de hand bewerken: een veld toevoegen doet u in het model en het schema.\n")
    return head + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=120)


def preview_data(corpus: Corpus) -> dict[str, Any]:
    """What the preview template needs to draw a case's card like the site: the card's rows and the terms' names."""
    graph = Graph(corpus)
    kinds = {}
    for kind, cls in ENTITY_TYPES.items():
        kinds[cls.collection] = {
            "kind": kind, "title_field": cls.title_field, "singular": cls.singular,
            "card": [{"name": item.name, "label": item.about.label, "points_at": item.about.points_at,
                      "show": item.about.show}
                     for item in declared_fields(cls) if item.about.card],
        }
    terms = {name: {term: str(item.get("naam") or item.get("titel") or item.get("kort") or term)
                    for term, item in graph.terms(taxonomy).items()}
             for name, taxonomy in TAXONOMY.items()}
    return {"kinds": kinds, "terms": terms}



# -- the page ---------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
{policy}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Beheer - Kennisbank Dynamische Binnensteden</title>
<!-- Decap reads config.yml next to this page. -->
<link rel="icon" href="../assets/favicon.svg" type="image/svg+xml">
</head>
<body>
{body}
</body>
</html>
"""

# Without the bundle (node_modules not installed) the page says how to get it, instead of failing silently. It is
# a page like the others: its title is its heading (with the site's name as Material writes it), and its policy
# is the site's, for it runs nothing.
MISSING = """<main>
<h1>Beheer</h1>
<p>Het formulier om casussen, instrumenten en toolkits te bewerken is niet in deze build opgenomen: Decap CMS
ontbreekt. Installeer het met <code>npm ci --ignore-scripts</code> en bouw de site opnieuw, of start het formulier
lokaal met <code>scripts/beheer</code>. Zie CONTRIBUTING.md, 'Met het formulier'.</p>
</main>"""


def page_html(data: dict[str, Any], *, bundle: str | None, settings: dict[str, Any]) -> str:
    """/beheer/index.html: Decap's bundle from the site itself, then our widgets and preview, with their data inline.

    Its Content-Security-Policy allows what the Decap configuration ``settings`` talks to (publish/csp.py).
    """
    if bundle is None:
        return PAGE.format(policy=csp.site_meta(), body=MISSING)
    # JSON inside <script>: '<' escaped, so no text can close the element.
    inline = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    body = (f'<script id="kb-beheer-gegevens" type="application/json">{inline}</script>\n'
            f'<script src="{bundle}"></script>\n'
            '<script src="beheer.js"></script>')
    return PAGE.format(policy=csp.meta(csp.policy(csp.beheer_directives(settings))), body=body)
