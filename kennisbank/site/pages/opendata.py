"""The open data page (``/data/``): the downloads, their licence and build date, and every field.

The field tables are read from the published JSON Schemas (kennisbank/publish/schema/),
so the explanation on the page and the schema a reuser validates against cannot drift apart.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.publish import export
from kennisbank.site.pages.common import GeneratedPage, dutch_date, link, text

INDEX = "data/index.md"

FORMATS = {".json": "JSON", ".csv": "CSV (RFC 4180, UTF-8)", ".geojson": "GeoJSON (RFC 7946)"}


def _type(field: dict) -> str:
    kinds = field.get("type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds] if kinds else []
    names = {"string": "tekst", "array": "lijst", "object": "groep", "number": "getal", "integer": "geheel getal",
             "boolean": "true/false", "null": "null"}
    label = " of ".join(names.get(kind, kind) for kind in kinds)
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
    counts = {"cases": site.corpus.cases, "instrumenten": site.corpus.instrumenten, "toolkits": site.corpus.toolkits}
    stem = name.split(".")[0]
    if stem in counts:
        return str(len(export.published(counts[stem].values())))
    return "—"


def opendata_page(site: Site) -> GeneratedPage:
    built = export.build_time()
    licence = export.LICENCE
    markdown = "# Open data\n\n"
    markdown += ("Alles wat in de kennisbank staat, is ook te downloaden als open data: om te analyseren, op een kaart "
                 "te zetten of in een eigen toepassing te gebruiken. De bestanden worden bij elke publicatie van de site "
                 f"opnieuw gemaakt; deze versie is gebouwd op {dutch_date(built.date().isoformat())}. Concepten staan er "
                 "nooit in.\n\n")
    markdown += "## Licentie {#licentie}\n\n"
    markdown += (f"De gegevens vallen onder [{text(licence['naam'])}]({licence['url']}) (Creative Commons "
                 "Naamsvermelding 4.0): u mag ze delen en bewerken, ook commercieel, als u de bron vermeldt: "
                 f"*{text(licence['naamsvermelding'])}*.\n\n"
                 "Waarom niet CC0, de gebruikelijke keuze voor open overheidsdata? De bestanden bevatten de teksten van "
                 "de partners zelf (titels, samenvattingen, stappen, aanspreekpunten), ook van partijen buiten de "
                 "overheid. Die teksten staan op de site onder CC BY 4.0 (zie de voettekst). Eén licentie voor pagina en "
                 "data houdt hergebruik eenvoudig, en de naamsvermelding laat zien waar de kennis vandaan komt. "
                 "Elk JSON-bestand noemt de licentie en het bouwmoment zelf (velden `licentie` en `gebouwd`).\n\n")
    markdown += "## Bestanden {#bestanden}\n\n| Bestand | Inhoud | Formaat | Aantal | Schema |\n|---|---|---|--:|---|\n"
    for name, (schema_name, description) in export.EXPORTS.items():
        extension = name[name.rindex("."):]
        schema_file = f"{schema_name}.schema.json"
        markdown += (f"| {link(INDEX, f'data/{name}', name)} | {text(description)} | {FORMATS[extension]} "
                     f"| {_count(site, name)} | {link(INDEX, f'data/{schema_file}', schema_file)} |\n")
    markdown += ("\nDe schema's zijn [JSON Schema](https://json-schema.org/) (versie 2020-12). In `cases.csv` staan "
                 f"lijsten in één veld, gescheiden door `{export.LIST_SEPARATOR}`. Coördinaten zijn WGS84; in GeoJSON "
                 "staat de lengtegraad eerst. Een id verandert alleen als een item een nieuwe naam krijgt; de oude id "
                 "staat dan in `vorige_namen` en het oude adres verwijst door.\n\n")
    markdown += "## Feed {#feed}\n\n"
    markdown += ("Wie wil weten wat er nieuw of bijgewerkt is, abonneert zich op de "
                 f"{link(INDEX, 'feed.xml', 'Atom-feed')} met casussen, instrumenten, toolkits en oogstpagina's.\n\n")
    markdown += "## Velden {#velden}\n\n"
    for name, (schema_name, _) in export.EXPORTS.items():
        schema = export.schema(schema_name)
        anchor = name.replace(".", "-")
        markdown += f"### {name} {{#{anchor}}}\n\n{text(schema.get('description', ''))}\n\n"
        heading, properties = _record_properties(schema)
        if heading:
            markdown += f"{heading}:\n\n"
        markdown += "| Veld | Type | Betekenis |\n|---|---|---|\n"
        for field, kind, meaning in _fields(properties):
            markdown += f"| `{field}` | {text(kind)} | {text(meaning)} |\n"
        markdown += "\n"
    return GeneratedPage(INDEX, markdown)


def pages(site: Site):
    yield opendata_page(site)
