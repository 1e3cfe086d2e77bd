"""The editor at /beheer/: its form is generated from the schemas and the registry, and reader pages load none of it.

The configuration is compared with the JSON Schemas field by field (names, required, allowed
values, patterns, labels, hints, groups), and a field added to the model shows up in the form
with no other edit. The browser test (tests/browser/test_beheer.py) fills the form in Chromium.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
import yaml

from kennisbank.content.corpus import load_corpus
from kennisbank.content.model import ENTITY_TYPES, Casus
from kennisbank.content.registry import TAXONOMY, declared_fields, refs
from kennisbank.content.validate import load_schema
from kennisbank.graph import Graph
from kennisbank.publish import beheer

from .gates import (
    description_in_name,
    external_assets_in_html,
    policy_problems,
    pseudo_headings,
    title_differs_from_heading,
)
from .helpers import ROOT, Project, add_decap_bundle, read_fixture_content, soup

NODE_MODULES = ROOT / "node_modules"
HAS_DECAP = (NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js").exists()


@pytest.fixture(scope="module")
def generated() -> dict:
    return beheer.config(read_fixture_content())


def _collection(config: dict, kind: str) -> dict:
    name = ENTITY_TYPES[kind].collection
    return next(collection for collection in config["collections"] if collection["name"] == name)


def _check_field(field: dict, spec: dict, required: bool, where: str, allowed: list[str] | None = None) -> None:
    """One Decap field against its schema property (recursively for groups and lists of groups)."""
    assert field["required"] is required, f"{where}: required"
    if spec.get("description"):
        assert spec["description"] in field["hint"], f"{where}: hint"
    items = spec.get("items") if isinstance(spec.get("items"), dict) else {}
    if allowed is not None:
        assert [option["value"] for option in field["options"]] == allowed, f"{where}: opties"
        labels = spec.get("x-labels") or items.get("x-labels") or {}
        for option in field["options"]:
            if option["value"] in labels:
                assert option["label"] == labels[option["value"]], f"{where}: label van {option['value']}"
    if spec.get("type") == "array" and field["widget"] in ("select", "relation", "kb-resultaten"):
        assert field["multiple"] is True, f"{where}: meerdere waarden"
    if spec.get("minItems"):
        assert field["min"] == spec["minItems"], f"{where}: minItems"
    if "pattern" in spec:
        assert field["pattern"][0] == spec["pattern"], f"{where}: patroon"
        assert field["pattern"][1].startswith("Verwacht wordt "), f"{where}: melding"
    elif spec.get("minLength") or spec.get("maxLength"):
        low, high = spec.get("minLength", 0), spec.get("maxLength", "")
        assert field["pattern"][0] == f"^[\\s\\S]{{{low},{high}}}$", f"{where}: lengte"
    if spec.get("type") == "boolean":
        assert field["widget"] == "boolean"
    if spec.get("type") in ("number", "integer"):
        assert (field["widget"], field.get("min"), field.get("max")) == (
            "number", spec.get("minimum"), spec.get("maximum")), f"{where}: getal"
    group = spec if spec.get("type") == "object" else items if items.get("type") == "object" else None
    if group is not None:
        names = [sub["name"] for sub in field["fields"]]
        assert names == list(group["properties"]), f"{where}: velden van de groep"
        needed = set(group.get("required", []))
        optional_group = spec.get("type") == "object" and not required
        for sub in field["fields"]:
            sub_required = sub["name"] in needed and not optional_group
            _check_field(sub, group["properties"][sub["name"]], sub_required, f"{where}.{sub['name']}",
                         _allowed_within(field, sub, group["properties"][sub["name"]]))
            if sub["name"] in needed and optional_group:
                assert "Verplicht als u" in sub["hint"], f"{where}.{sub['name']}: zegt wanneer het verplicht is"


def _allowed_within(parent: dict, sub: dict, spec: dict) -> list[str] | None:
    if sub["widget"] == "select" and "enum" in spec:
        return list(spec["enum"])
    if sub["widget"] == "select":
        return [option["value"] for option in sub["options"]]  # a taxonomy within a group: checked below
    return None


def _terms(points_at: str, spec: dict) -> list[str]:
    """The ids the checker accepts for a field that points at a taxonomy."""
    taxonomy = TAXONOMY[points_at]
    if taxonomy.data is None:
        items = spec.get("items") if spec.get("type") == "array" else spec
        return list(items["enum"])
    return list(Graph(read_fixture_content()).terms(taxonomy))


@pytest.mark.parametrize("kind", sorted(ENTITY_TYPES))
def test_the_form_has_every_field_of_the_schema_with_its_rules(generated, kind):
    collection = _collection(generated, kind)
    cls, schema = ENTITY_TYPES[kind], load_schema(kind)
    properties, needed = schema["properties"], set(schema.get("required", []))
    fields = {field["name"]: field for field in collection["fields"]}
    assert list(fields)[-1] == "body" and fields["body"]["widget"] == "markdown"
    assert set(fields) - {"body"} == set(properties), "het formulier en het schema hebben andere velden"
    declared = {item.name: item.about for item in declared_fields(cls)}
    assert [name for name in fields if name in declared] == list(declared), "de volgorde is die van het model"
    for name, spec in properties.items():
        field, about = fields[name], declared.get(name)
        assert field["label"] == (about.label if about else spec["title"]), f"{kind}.{name}: label"
        allowed = None
        if about and about.points_at in ENTITY_TYPES:
            target = ENTITY_TYPES[about.points_at]
            assert (field["widget"], field["collection"], field["value_field"]) == (
                "relation", target.collection, "{{slug}}"), f"{kind}.{name}: verwijzing"
        elif about and about.points_at:
            allowed = _terms(about.points_at, spec)
        elif "enum" in spec:
            allowed = list(spec["enum"])
        _check_field(field, spec, name in needed, f"{kind}.{name}", allowed)
        for sub, target in (about.within if about else ()):
            group = next(item for item in field["fields"] if item["name"] == sub)
            if target in ENTITY_TYPES:
                assert group["collection"] == ENTITY_TYPES[target].collection
            else:
                assert [option["value"] for option in group["options"]] == _terms(target, {})
    assert collection["folder"] == cls.source_folder
    assert collection["identifier_field"] == cls.title_field
    assert (collection["media_folder"], collection["public_folder"]) == ("{{filename}}", "{{filename}}")


def test_staff_actions_follow_the_checker(generated):
    """Moving to the next phase appends a historie entry dated today; oogst and goede_praktijk name an ijkmoment."""
    fields = {field["name"]: field for field in _collection(generated, "casus")["fields"]}
    datum = next(sub for sub in fields["historie"]["fields"] if sub["name"] == "datum")
    assert (datum["widget"], datum["format"], datum["default"]) == ("datetime", "YYYY-MM-DD", "{{now}}")
    ijkmomenten = list(read_fixture_content().reference["ijkmomenten"])
    assert [option["value"] for option in fields["oogst"]["options"]] == ijkmomenten
    sinds = next(sub for sub in fields["goede_praktijk"]["fields"] if sub["name"] == "sinds")
    assert [option["value"] for option in sinds["options"]] == ijkmomenten
    assert fields["voorbeeld"]["widget"] == "boolean" and "default" not in fields["voorbeeld"]
    assert "historie" in fields["fase"]["hint"].lower()
    # The widget for beoogde resultaten knows each result's theme, so it offers only those of the chosen themes.
    resultaten = fields["resultaten"]
    assert resultaten["widget"] == "kb-resultaten"
    assert resultaten["thema_van"]["vastgoed-1"] == "vastgoed"


def test_the_backend_makes_pull_requests(generated):
    assert generated["publish_mode"] == "editorial_workflow"
    assert generated["locale"] == "nl"
    backend = generated["backend"]
    assert (backend["name"], backend["repo"], backend["branch"], backend["open_authoring"]) == (
        "github", "citydeal-dynamische-binnensteden/kennisbank", "main", True)
    assert "base_url" not in backend, "geen verzonnen OAuth-server: zie CONTRIBUTING"
    assert generated["local_backend"]["allowed_hosts"] == ["localhost", "127.0.0.1"]


def test_a_field_added_to_the_model_appears_in_the_form(monkeypatch):
    """The example of CONTRIBUTING ('Een veld toevoegen'): one line in Casus, one property in the schema."""

    @dataclasses.dataclass
    class MetRaadsfracties(Casus):
        gemeenteraad: list[str] = refs("partners", "Betrokken raadsfracties", "raadsfractie")

    schema = json.loads(json.dumps(load_schema("casus")))
    schema["properties"]["gemeenteraad"] = {
        "type": "array", "uniqueItems": True, "items": {"type": "string"}, "title": "Raadsfracties",
        "description": "Raadsfracties die de casus volgen (ids uit data/partners.yml)."}
    monkeypatch.setitem(beheer.ENTITY_TYPES, "casus", MetRaadsfracties)
    monkeypatch.setattr(beheer, "load_schema", lambda kind: schema if kind == "casus" else load_schema(kind))
    fields = {field["name"]: field for field in _collection(beheer.config(read_fixture_content()), "casus")["fields"]}
    added = fields["gemeenteraad"]
    assert (added["label"], added["widget"], added["multiple"], added["required"]) == (
        "Betrokken raadsfracties", "select", True, False)
    assert added["hint"] == schema["properties"]["gemeenteraad"]["description"]
    assert [option["value"] for option in added["options"]] == list(read_fixture_content().reference["partners"])


def test_the_configuration_file_is_yaml_that_says_it_is_generated():
    text = beheer.config_yaml(read_fixture_content())
    assert text.startswith("# Gegenereerd door kennisbank/publish/beheer.py")
    assert yaml.safe_load(text) == beheer.config(read_fixture_content())


def test_the_page_escapes_its_data():
    html = beheer.page_html({"terms": {"steden": {"x": "</script><script>alert(1)</script>"}}}, bundle="decap/decap-cms.js", settings={})
    assert "</script><script>alert" not in html
    data = soup(html).select_one("#kb-beheer-gegevens").get_text()
    assert json.loads(data)["terms"]["steden"]["x"] == "</script><script>alert(1)</script>"


# -- the built site ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory) -> Path:
    """The fixture site, built with Decap's bundle from node_modules (as the Pages workflow does)."""
    if not HAS_DECAP:
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/decap-cms ontbreekt; scripts/setup-test-tools installeert het")
        pytest.skip("Decap CMS is niet geïnstalleerd (npm ci --ignore-scripts)")
    project = Project.create(tmp_path_factory.mktemp("beheer"), ROOT / "tests" / "fixtures" / "inhoud")
    add_decap_bundle(project.root)
    return project.built(env={"KENNISBANK_BEHEER": "verplicht"})


def test_reader_pages_load_nothing_of_the_editor(editor_site):
    readers = [path for path in editor_site.rglob("*.html") if "beheer" not in path.relative_to(editor_site).parts]
    assert len(readers) > 50
    for path in readers:
        page = soup(path)
        loads = [element.get("src") or element.get("href") or "" for element in page.select("script[src], link[href]")]
        wrong = [url for url in loads if "beheer" in url or "decap" in url.lower()]
        assert not wrong, f"{path.relative_to(editor_site)} laadt {wrong}"
    assert "beheer" not in (editor_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((editor_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [entry["location"] for entry in index["docs"] if "beheer" in entry["location"]]


def test_the_editor_page_loads_everything_from_the_site(editor_site):
    page_html = (editor_site / "beheer" / "index.html").read_text(encoding="utf-8")
    assert external_assets_in_html(page_html) == []
    page = soup(page_html)
    assert page.html["lang"] == "nl" and page.select_one('meta[name="robots"]')["content"].startswith("noindex")
    scripts = [script["src"] for script in page.select("script[src]")]
    assert scripts == ["decap/decap-cms.js", "beheer.js"]
    for script in scripts:
        assert (editor_site / "beheer" / script).exists()
    assert not list((editor_site / "beheer" / "decap").glob("*.map")), "geen source maps in de site"
    config = yaml.safe_load((editor_site / "beheer" / "config.yml").read_text(encoding="utf-8"))
    assert [collection["folder"] for collection in config["collections"]] == [
        cls.source_folder for cls in ENTITY_TYPES.values()]
    data = json.loads(page.select_one("#kb-beheer-gegevens").get_text())
    for style in data["styles"]:  # the preview draws with the site's own stylesheets
        assert (editor_site / "beheer" / style).resolve().exists(), style


def test_without_decap_the_page_says_how_to_get_it(project):
    site = project.built()
    html = (site / "beheer" / "index.html").read_text(encoding="utf-8")
    assert "npm ci --ignore-scripts" in html
    # It is what scripts/serve shows without npm: a page like every other, to the same checks.
    site_name = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_name"]
    for check in (pseudo_headings, description_in_name, policy_problems):
        assert check(html) == [], check.__name__
    assert title_differs_from_heading(html, site_name) == []
    result = project.build(env={"KENNISBANK_BEHEER": "verplicht"})
    assert result.returncode != 0 and "Decap CMS ontbreekt" in result.stderr


def test_the_corpus_of_the_site_gives_a_form(tmp_path):
    """The generator reads the site's own reference data without error (a broken data file would show here)."""
    config = beheer.config(load_corpus(ROOT, {kind: [] for kind in ENTITY_TYPES}))
    assert len(config["collections"]) == len(ENTITY_TYPES)
