"""Linked data: schema.org JSON-LD on every case, instrument, toolkit and theme page; a DCAT catalogue of the
open data that parses as RDF (rdflib) and lists every export with licence and distribution; publiccode.yml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from kennisbank.publish import export

from .gates import site_url
from .helpers import ROOT, page

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SITE_URL = site_url()  # mkdocs.yml


def linked_data(site: Path, url: str) -> list[dict]:
    return [json.loads(script.string) for script in page(site, url).find_all("script", type="application/ld+json")]


def test_every_item_and_theme_page_has_one_schema_org_description(fixture_site, fixture_corpus):
    pages = ([(f"cases/{slug}", "Article") for slug in fixture_corpus.cases]
             + [(f"instrumenten/{slug}", "CreativeWork") for slug in fixture_corpus.instrumenten]
             + [(f"toolkits/{slug}", "HowTo") for slug in fixture_corpus.toolkits]
             + [(f"themas/{thema}", "CollectionPage") for thema in fixture_corpus.reference["themas"]])
    for url, kind in pages:
        found = linked_data(fixture_site, url)
        assert len(found) == 1, url
        data = found[0]
        assert data["@context"] == "https://schema.org" and data["@type"] == kind, url
        assert data["url"].endswith(f"/{url}/") and data["name"] and data["inLanguage"] == "nl", url
        assert data["license"] == "https://creativecommons.org/licenses/by/4.0/", url
        if kind != "CollectionPage":
            assert data["dateModified"] and data["datePublished"], url
    assert linked_data(fixture_site, "cases") == []  # list pages carry none


def test_a_case_names_its_place_themes_and_instruments(fixture_site, fixture_corpus):
    case = fixture_corpus.cases["dordrecht-strategische-aankoop-aanloopstraat"]
    data = linked_data(fixture_site, f"cases/{case.id}")[0]
    assert data["spatialCoverage"]["@type"] == "Place" and data["spatialCoverage"]["name"] == "Dordrecht"
    assert data["spatialCoverage"]["geo"]["@type"] == "GeoCoordinates"
    assert [item["name"] for item in data["about"]] == ["Vastgoed", "Financiering"]
    assert [item["url"].rsplit("/", 2)[-2] for item in data["isBasedOn"]] == case.instrumenten
    assert data["temporalCoverage"] == "2023-10/2025-09"


def test_an_instrument_rests_on_legislation_with_its_identifier(fixture_site, fixture_corpus):
    instrument = fixture_corpus.instrumenten["sluiting-drugspanden-13b-opiumwet"]
    data = linked_data(fixture_site, f"instrumenten/{instrument.id}")[0]
    laws = data["isBasedOn"]
    assert laws and all(law["@type"] == "Legislation" for law in laws)
    assert [law["legislationIdentifier"] for law in laws] == [b["identificatie"] for b in instrument.wettelijke_basis]
    assert laws[0]["url"].startswith("https://wetten.overheid.nl/jci1.3:c:BWBR")
    # the day we read the consolidated text is the version described, not a change of the law
    assert [law["legislationDateVersion"] for law in laws] == [b["gecontroleerd"] for b in instrument.wettelijke_basis]
    assert all("dateModified" not in law for law in laws)


@pytest.fixture(scope="module")
def catalogue(fixture_site) -> Graph:
    graph = Graph()
    graph.parse(fixture_site / "data" / export.CATALOGUE, format="json-ld")
    return graph


def test_the_catalogue_parses_and_lists_every_export(catalogue, fixture_site):
    catalogs = list(catalogue.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    catalog = catalogs[0]
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.creator, DCTERMS.license,
                 DCAT.contactPoint):
        assert catalogue.value(catalog, prop) is not None, prop
    datasets = list(catalogue.objects(catalog, DCAT.dataset))
    assert len(datasets) == len(export.EXPORTS)
    downloads = set()
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in catalogue
        title = catalogue.value(dataset, DCTERMS.title)
        assert isinstance(title, Literal) and title.language == "nl"
        assert catalogue.value(dataset, DCTERMS.description).language == "nl"
        assert catalogue.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
        assert catalogue.value(dataset, DCTERMS.modified).datatype is not None
        themes = set(catalogue.objects(dataset, DCAT.theme))
        assert URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE") in themes
        assert any(str(theme).startswith("http://standaarden.overheid.nl/owms/terms/") for theme in themes)
        assert all(catalogue.value(theme, SKOS.prefLabel) is not None for theme in themes)
        assert catalogue.value(dataset, DCTERMS.creator) is not None
        publisher = catalogue.value(dataset, DCTERMS.publisher)
        assert catalogue.value(publisher, FOAF.name) is not None
        assert catalogue.value(catalogue.value(dataset, DCAT.contactPoint), VCARD.fn) is not None
        distribution = catalogue.value(dataset, DCAT.distribution)
        assert (distribution, RDF.type, DCAT.Distribution) in catalogue
        download = catalogue.value(distribution, DCAT.downloadURL)
        assert str(catalogue.value(distribution, DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")
        assert catalogue.value(distribution, DCTERMS.format) is not None
        assert catalogue.value(distribution, DCTERMS.license) is not None
        downloads.add(str(download).rsplit("/data/", 1)[1])
    assert downloads == set(export.EXPORTS)
    assert all((fixture_site / "data" / name).exists() for name in downloads)


def test_the_catalogue_says_which_data_holds_illustrative_examples(catalogue, fixture_corpus):
    """Examples (voorbeeld: true) are marked wherever they appear, in a harvester's catalogue too."""
    for name in export.EXPORTS:
        dataset = URIRef(f"{SITE_URL}data/#{name}")
        description = str(catalogue.value(dataset, DCTERMS.description))
        kind = {"cases": "casus", "instrumenten": "instrument", "toolkits": "toolkit"}.get(name.split(".")[0])
        items = [item for k in ([kind] if kind else ["casus", "instrument", "toolkit"])
                 for item in fixture_corpus.of_kind(k).values()]
        examples = [item for item in items if getattr(item, "voorbeeld", False)]
        if not examples:
            assert "voorbeeld" not in description, name
        elif len(examples) == len(items):
            assert "Alle items zijn illustratieve voorbeelden" in description, name
        else:
            assert f"{len(examples)} van de {len(items)} items zijn illustratieve voorbeelden" in description, name


def test_publiccode_yml_describes_the_software():
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    for key in ("publiccodeYmlVersion", "name", "url", "releaseDate", "platforms", "categories", "developmentStatus",
                "softwareType", "description", "legal", "maintenance", "localisation"):
        assert key in data, key
    assert data["legal"]["license"] == "EUPL-1.2"
    assert data["localisation"]["availableLanguages"] == ["nl"]
    assert data["description"]["nl"]["shortDescription"] and len(data["description"]["nl"]["shortDescription"]) <= 150
