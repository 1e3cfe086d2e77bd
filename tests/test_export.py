"""Open data: every export parses, has one row per published item, follows its published schema; no drafts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.model import ENTITY_TYPES
from kennisbank.content.registry import declared_fields, relations
from kennisbank.graph import Site
from kennisbank.publish import export, schemas

from .helpers import case, content, instrument


@pytest.fixture(scope="module")
def corpus(fixture_corpus):
    return fixture_corpus


@pytest.fixture(scope="module")
def built_site(fixture_site):
    return fixture_site


def read(site: Path, name: str):
    text = (site / "data" / name).read_text(encoding="utf-8")
    if name.endswith(".csv"):
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return json.loads(text)


def validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    """The schema as published next to the data, not the one in the repository."""
    schema_name = export.EXPORTS[name][0]
    schema = json.loads((site / "data" / f"{schema_name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", list(export.EXPORTS))
def test_each_export_validates_against_its_published_schema(built_site, name):
    data = read(built_site, name)
    check = validator(built_site, name)
    documents = data if isinstance(data, list) else [data]
    errors = [f"{list(error.absolute_path)}: {error.message}" for doc in documents for error in check.iter_errors(doc)]
    assert errors == []


def test_one_row_per_published_item(built_site, corpus):
    cases = sorted(corpus.cases)
    assert [item["id"] for item in read(built_site, "cases.json")["cases"]] == cases
    assert [row["id"] for row in read(built_site, "cases.csv")] == cases
    assert [feature["id"] for feature in read(built_site, "cases.geojson")["features"]] == cases
    assert [item["id"] for item in read(built_site, "instrumenten.json")["instrumenten"]] == sorted(corpus.instrumenten)
    assert [item["id"] for item in read(built_site, "toolkits.json")["toolkits"]] == sorted(corpus.toolkits)


def test_json_files_state_licence_and_build_date(built_site):
    for name in ("cases.json", "cases.geojson", "instrumenten.json", "toolkits.json", "relaties.json"):
        data = read(built_site, name)
        assert data["licentie"]["naam"] == "CC BY 4.0", name
        assert data["gebouwd"].endswith("Z") and data["gebouwd"][:4].isdigit(), name


def test_geojson_points_are_longitude_then_latitude_in_the_netherlands(built_site, corpus):
    data = read(built_site, "cases.geojson")
    assert data["type"] == "FeatureCollection"
    steden = corpus.reference.lists["steden"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 3.3 <= lon <= 7.3 and 50.7 <= lat <= 53.6, feature["id"]
        case = corpus.cases[feature["id"]]
        expected = case.locatie or steden[case.stad]
        assert (lon, lat) == (expected["lon"], expected["lat"])


def test_csv_matches_the_json(built_site):
    rows = {row["id"]: row for row in read(built_site, "cases.csv")}
    for item in read(built_site, "cases.json")["cases"]:
        row = rows[item["id"]]
        assert row["titel"] == item["titel"]
        assert row["themas"].split("|") == item["themas"]
        assert row["historie"] == "|".join(f"{s['fase']}:{s['datum']}" for s in item["historie"])
        assert float(row["locatie_lat"]) == item["locatie"]["lat"]


def test_relation_graph_edges_join_existing_nodes(built_site, corpus):
    data = read(built_site, "relaties.json")
    nodes = {node["id"] for node in data["nodes"]}
    assert len(nodes) == len(data["nodes"])
    assert all(edge["bron"] in nodes and edge["doel"] in nodes for edge in data["edges"])
    case = next(iter(corpus.cases.values()))
    edges = {(edge["relatie"], edge["doel"]) for edge in data["edges"] if edge["bron"] == f"casus:{case.id}"}
    assert ("in_stad", f"stad:{case.stad}") in edges
    assert {("gebruikt", f"instrument:{i}") for i in case.instrumenten} <= edges
    assert {("werkt_aan", f"resultaat:{r}") for r in case.resultaten} <= edges


def test_data_page_links_every_file_and_its_licence(built_site):
    article = content(built_site, "data")
    hrefs = {a["href"] for a in article.find_all("a", href=True)}
    text = article.get_text(" ")
    for name, (schema_name, _) in export.EXPORTS.items():
        assert name in hrefs and f"{schema_name}.schema.json" in hrefs, name
    assert "velden/" in hrefs
    assert "CC BY 4.0" in text and "CC0" in text  # the licence, and why not the other
    assert "gebouwd op" in text


def test_data_page_says_what_each_file_conforms_to(built_site):
    """A harvester or developer finds the contract on /data/: each file's schema, and the catalogue's profile."""
    article = content(built_site, "data")
    table = article.find("table")
    columns = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    conforms = columns.index("Voldoet aan (JSON Schema)")
    rows = {row.find("th").get_text(strip=True): row.find_all(["th", "td"])[conforms]
            for row in table.find("tbody").find_all("tr")}
    for name, (schema_name, _) in export.EXPORTS.items():
        assert rows[name].find("a")["href"].endswith(f"{schema_name}.schema.json"), name
    catalogue = article.find("a", href=lambda href: href and href.endswith("catalogus.jsonld")).find_parent("p")
    assert "voldoet aan DCAT-AP-NL 3.0" in catalogue.get_text(" ", strip=True).replace("\n", " ")


def test_field_page_explains_every_field(built_site):
    article = content(built_site, "data/velden")
    # a field name may break after . and _ (<wbr>, issue 27): read each name as one word
    text = article.get_text(" ") + " ".join(code.get_text("") for code in article.select("code.kb-veldnaam"))
    for name, (schema_name, _) in export.EXPORTS.items():
        properties = schemas.schema(schema_name)["properties"]
        if "features" in properties:
            properties = properties["features"]["items"]["properties"]
        for field in properties:
            assert f"{field}" in text, (name, field)


@pytest.mark.parametrize("kind", list(ENTITY_TYPES))
def test_every_declared_field_is_in_the_export_and_its_schema(kind):
    """The content registry is the one list: a field declared on the model is in the records and their schema."""
    properties = schemas.record_schema(kind)["properties"]
    for item in declared_fields(ENTITY_TYPES[kind]):
        if item.about.export:
            assert item.name in properties, item.name
    edges = schemas.edge_names()
    for item in relations(ENTITY_TYPES[kind]):
        assert item.about.edge in edges, item.name


def test_drafts_never_appear_in_the_exports(project):
    project.write("cases/openbaar.md", case())
    project.write("cases/geheim.md", case(titel="Geheime conceptcasus", concept=True))
    project.write("instrumenten/proefinstrument.md", instrument())
    project.write("instrumenten/geheim-instrument.md", instrument(naam="Geheim instrument", concept=True))
    project.built()
    for name in export.EXPORTS:
        text = (project.site / "data" / name).read_text(encoding="utf-8")
        assert "geheim" not in text.lower(), name
    assert [row["id"] for row in read(project.site, "cases.csv")] == ["openbaar"]
    assert [item["id"] for item in read(project.site, "instrumenten.json")["instrumenten"]] == ["proefinstrument"]


def test_a_preview_build_still_keeps_drafts_out_of_the_exports(project):
    project.write("cases/openbaar.md", case())
    project.write("cases/geheim.md", case(titel="Geheime conceptcasus", concept=True))
    site = Site(load_corpus(project.root, include_drafts=True, with_dates=False))
    assert "geheim" in site.corpus.cases  # the preview shows it on its page ...
    files = {item.src_uri: item.content for item in export.files(site, "https://example.org/")}
    for uri, text in files.items():
        if not uri.endswith(".schema.json"):
            assert "geheim" not in text.lower(), uri  # ... but never publishes it as data


def test_the_cases_for_excel_are_the_same_table_as_cases_csv_with_semicolons_and_a_byte_order_mark(built_site):
    """Issue 27: double-clicked in a Dutch Excel, cases.csv put every row in column A and garbled "Eén" (no BOM).
    cases.csv stays RFC 4180 for programs; casussen-voor-excel.csv is the reader's copy, and /data/ says which."""
    machine = (built_site / "data" / "cases.csv").read_bytes()
    assert not machine.startswith(b"\xef\xbb\xbf") and machine.split(b"\r\n")[0].count(b",") > 10
    raw = (built_site / "data" / export.EXCEL_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == [{name: export.excel_cell(value) for name, value in row.items()} for row in read(built_site, "cases.csv")]
    article = content(built_site, "data")
    assert article.find("a", href=export.EXCEL_CSV)
    text = " ".join(article.get_text(" ").split())
    assert "opent met een dubbelklik goed in een Nederlandse Excel" in text and "RFC 4180" in text


@pytest.mark.parametrize("value, shown", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+31 6", "'+31 6"),
                                          ("@SUM(A1)", "'@SUM(A1)"), ("Eén pand", "Eén pand"), ("-12", "-12"),
                                          ("1400000", "1400000"), ("", "")])
def test_a_cell_for_excel_never_starts_a_formula(value, shown):
    assert export.excel_cell(value) == shown
