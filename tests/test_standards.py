"""What the site publishes passes the validators its consumers run (issue 22), offline.

Each gate runs on the real site as built (``built_site``), where it must find nothing, and on a
broken file in tests/fixtures/standaarden/, where it must find the fault. Where the standard's
files come from is in tests/standards.py. A validator whose tool the install scripts provide skips
on a developer's machine without it and fails in CI (``gates.require``); the three whose files no
package registry carries (DCAT-AP-NL 3.0, the Atom RELAX NG schema, the publiccode.yml parser) skip
everywhere, with the reason, until those files are put in tests/standaarden/ (``gates.vendored``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from . import gates, standards

FIXTURES = Path(__file__).parent / "fixtures" / "standaarden"

# DCAT-AP-NL 3.0's recommendations (sh:Warning) that this catalogue leaves unmet on purpose, with the reason.
ACCEPTED_DCAT_AP_NL_WARNINGS = {
    # "dcat:accessService": a distribution served by an API names it; these are plain files to download.
    "dcat:accessService",
}


# --- DCAT-AP 3.0 (SEMIC) and DCAT-AP-NL 3.0 (Geonovum) ------------------------------------------

@pytest.fixture(scope="module")
def catalogue(built_site):
    return standards.catalogue_graph(built_site / "data" / "catalogus.jsonld")


@pytest.fixture(scope="module")
def broken_catalogue():
    return standards.catalogue_graph(FIXTURES / "catalogus-onvolledig.jsonld")


def test_the_catalogue_passes_dcat_ap_3_with_the_range_shapes(catalogue):
    assert [str(finding) for finding in standards.shacl_findings(catalogue, standards.dcat_ap_shapes())] == []


def test_dcat_ap_3_finds_a_missing_description_and_an_untyped_licence(broken_catalogue):
    found = [str(finding) for finding in standards.shacl_findings(broken_catalogue, standards.dcat_ap_shapes())]
    assert any("#cases.json dct:description: Less than 1 values" in line for line in found), found
    assert any("data/cases.json dct:license: Value does not have class dcterms:LicenseDocument" in line
               for line in found), found


def require_dcat_ap_nl() -> None:
    gates.vendored(bool(standards.dcat_ap_nl_files()),
                   f"De SHACL-shapes van DCAT-AP-NL 3.0 (Geonovum) ontbreken in {standards.DCAT_AP_NL}")


def test_the_catalogue_passes_dcat_ap_nl_3(catalogue):
    require_dcat_ap_nl()
    found = standards.shacl_findings(catalogue, standards.dcat_ap_nl_shapes())
    assert [str(finding) for finding in found if finding.severity == "Violation"] == []
    unexpected = [str(finding) for finding in found
                  if not any(f" {path}:" in finding.text for path in ACCEPTED_DCAT_AP_NL_WARNINGS)]
    assert unexpected == []


def test_dcat_ap_nl_3_finds_a_dataset_without_creator_or_contact_point(broken_catalogue):
    require_dcat_ap_nl()
    found = [str(finding) for finding in standards.shacl_findings(broken_catalogue, standards.dcat_ap_nl_shapes())]
    assert any("#cases.json dct:creator: Less than 1 values" in line for line in found), found
    assert any("#cases.json dcat:contactPoint: Less than 1 values" in line for line in found), found


# --- The open data against the schemas published beside it ----------------------------------------

def test_every_export_follows_the_schema_beside_it_and_every_schema_its_metaschema(built_site):
    folder = built_site / "data"
    assert {path.suffix for path in folder.iterdir()} >= {".json", ".csv", ".geojson"}
    assert standards.export_errors(folder) == []


def test_the_export_check_finds_a_null_list_a_wrong_value_a_broken_schema_and_a_missing_schema():
    found = standards.export_errors(FIXTURES / "data")
    assert "cases.json: ['cases', 0, 'kosten', 'financieringsinstrumenten']: None is not of type 'array'" in found
    assert any(line.startswith("cases.csv regel 3: ['fase']: 'bloeien' is not one of") for line in found), found
    assert any(line.startswith("toolkits.schema.json: ['properties', 'toolkits', 'type']") for line in found), found
    assert "relaties.json: geen schema ernaast (relaties.json.schema.json)" in found


# --- schema.org -----------------------------------------------------------------------------------

def test_every_schema_org_description_uses_the_vocabulary_in_range_and_dates_in_order(built_site):
    documents = list(standards.json_ld_documents(built_site))
    assert len(documents) > 20  # every case, instrument, toolkit and theme page
    problems = [f"{page}: {problem}" for page, document in documents
                for problem in standards.schema_org_problems(document)]
    assert problems == []


def test_the_schema_org_check_finds_unknown_terms_values_out_of_range_and_dates_out_of_order():
    documents = json.loads((FIXTURES / "schema-org.json").read_text(encoding="utf-8"))
    found = [problem for document in documents for problem in standards.schema_org_problems(document)]
    release = standards.schema_org().release
    assert f"https://voorbeeld.example/a/: type Artikel bestaat niet in schema.org {release}" in found
    assert f"https://voorbeeld.example/b/: eigenschap kleur bestaat niet in schema.org {release}" in found
    assert any(line.startswith("https://voorbeeld.example/c/: spatialCoverage verwacht Place, niet Person")
               for line in found), found
    assert any(line.startswith("https://voorbeeld.example/c/: datePublished = 'gisteren' past niet") for line in found)
    assert ("https://voorbeeld.example/d/: dateModified 2026-11-05 ligt vóór datePublished 2026-11-28") in found
    assert "https://voorbeeld.example/e/ > isBasedOn: headline hoort niet bij Legislation" not in found  # a CreativeWork
    assert "https://voorbeeld.example/e/ > isBasedOn: termCode hoort niet bij Legislation" in found


# --- Sitemap (sitemaps.org XSD) --------------------------------------------------------------------

def require_sitemap_xsd() -> None:
    gates.require(standards.SITEMAP_XSD.is_file(), "Het XSD van sitemaps.org ontbreekt (npm ci: node_modules/sitemap)")


def test_the_sitemap_follows_the_sitemaps_org_schema(built_site):
    require_sitemap_xsd()
    assert standards.sitemap_errors(built_site / "sitemap.xml") == []


def test_the_sitemap_check_finds_a_bad_date_and_a_missing_address():
    require_sitemap_xsd()
    found = standards.sitemap_errors(FIXTURES / "sitemap-ongeldig.xml")
    assert any("lastmod" in line and "gisteren" in line for line in found), found
    assert any("loc" in line for line in found), found


# --- Atom (RFC 4287, RELAX NG with Jing) ----------------------------------------------------------

def jing() -> list[str]:
    java = shutil.which("java")
    gates.require(java is not None, "Java ontbreekt (apt-get install default-jre-headless)")
    jar = gates.vnu_jar()
    gates.require(jar is not None, "De Nu Html Checker (met Jing) ontbreekt (npm ci: node_modules/vnu-jar)")
    gates.vendored(standards.ATOM_RNC.is_file(), f"Het RELAX NG-schema van RFC 4287 ontbreekt ({standards.ATOM_RNC})")
    assert java is not None and jar is not None
    return standards.jing_command(java, jar)


def test_the_feed_follows_the_rfc_4287_schema(built_site):
    assert standards.relax_ng_errors(jing(), standards.ATOM_RNC, built_site / "feed.xml") == []


def test_the_atom_check_finds_an_entry_without_id_and_a_date_that_is_no_date():
    found = standards.relax_ng_errors(jing(), standards.ATOM_RNC, FIXTURES / "feed-ongeldig.xml")
    assert any("id" in line for line in found), found
    assert any("updated" in line or "dateTime" in line for line in found), found


# --- publiccode.yml (the standard's reference parser) ----------------------------------------------

def parser() -> str:
    found = standards.publiccode_parser()
    gates.vendored(found is not None, "De referentieparser van publiccode.yml (publiccode-parser) ontbreekt "
                   "(of zet PUBLICCODE_PARSER)")
    assert found is not None
    return found


def test_publiccode_yml_passes_the_reference_parser():
    found = standards.publiccode_findings(parser(), standards.ROOT / "publiccode.yml")
    assert [str(finding) for finding in found if finding.severity == "Violation"] == []


def test_the_reference_parser_refuses_a_category_outside_the_list():
    found = standards.publiccode_findings(parser(), FIXTURES / "publiccode-ongeldig.yml")
    assert any("categories" in finding.text and finding.severity == "Violation" for finding in found), found
