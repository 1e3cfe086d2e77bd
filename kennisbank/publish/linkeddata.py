"""Linked data: schema.org JSON-LD for every case, instrument, toolkit and theme page, and a DCAT catalogue.

**schema.org on the pages.** Search engines and other tools read what a page is about from a
``<script type="application/ld+json">`` in its head. A case is an ``Article`` about its themes,
with its city as ``spatialCoverage`` (a ``Place`` with coordinates) and the instruments it used
as ``isBasedOn``; an instrument is a ``CreativeWork`` resting on ``Legislation`` (with
``legislationIdentifier``: the BWB, CVDR or ECLI identifier, content/legal.py); a toolkit is a
``HowTo`` with its steps; a theme page is a ``CollectionPage`` about a ``DefinedTerm``. Every
item carries its dates and the licence. This module makes the data as plain dicts; the site
layer writes it through a template (``site/templates/json_ld.html``), whose ``tojson`` escapes
``<``, ``>``, ``&`` and ``'``, so no contributor text can close the script.

**The catalogue** (``/data/catalogus.jsonld``) describes the open data in DCAT, as far as the
DCAT-AP-NL 3.0 profile applies to a static site, so that data.overheid.nl can harvest it: one
``dcat:Catalog``, one ``dcat:Dataset`` per export with its title and description in Dutch,
licence, publisher, contact point, themes (the EU data theme list, which DCAT-AP requires, and
the Dutch government theme list of data.overheid.nl), ``dct:modified`` (the build's moment, which
is the last commit: reproducible), and a ``dcat:Distribution`` with ``dcat:downloadURL``, media
type, format and the JSON Schema it conforms to. The context is inline: a harvester (and the
tests, which parse it with rdflib) needs nothing from another host to read it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kennisbank.content.model import Casus, Entity, Instrument, Toolkit
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.urls import page_url

SCHEMA_ORG = "https://schema.org"
LICENCE_URI = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "City Deal Dynamische Binnensteden – Regie op Transformatie"

# DCAT-AP requires a theme from the EU list; data.overheid.nl reads the Dutch government themes (OWMS).
EU_THEMES = ["http://publications.europa.eu/resource/authority/data-theme/GOVE",
             "http://publications.europa.eu/resource/authority/data-theme/ECON"]
NL_THEMES = ["http://standaarden.overheid.nl/owms/terms/Ruimtelijke_ordening",
             "http://standaarden.overheid.nl/owms/terms/Economie",
             "http://standaarden.overheid.nl/owms/terms/Wonen"]
MEDIA_TYPES = {".json": ("application/json", "JSON"), ".csv": ("text/csv", "CSV"),
               ".geojson": ("application/geo+json", "GEOJSON")}


def _date(value: str) -> str | None:
    return value or None


def _site(base_url: str, site: Site) -> dict[str, Any]:
    return {"@type": "WebSite", "name": "Kennisbank " + site.reference.deal.get("kortenaam", "Dynamische Binnensteden"),
            "url": base_url}


def _common(site: Site, entity: Entity, base_url: str, kind: str) -> dict[str, Any]:
    return {"@context": SCHEMA_ORG, "@type": kind, "@id": page_url(base_url, entity), "url": page_url(base_url, entity),
            "name": entity.title, "description": entity.samenvatting, "inLanguage": "nl",
            "license": LICENCE_URI, "datePublished": _date(entity.gepubliceerd), "dateModified": _date(entity.bijgewerkt),
            "publisher": {"@type": "Organization", "name": PUBLISHER}, "isPartOf": _site(base_url, site)}


def _themes(site: Site, base_url: str, themas: list[str]) -> list[dict[str, Any]]:
    return [{"@type": "DefinedTerm", "name": site.graph.label(TAXONOMY["themas"], thema),
             "url": page_url(base_url, f"themas/{thema}.md")} for thema in themas]


def legislation(basis: dict) -> dict[str, Any]:
    """One legal basis as schema.org ``Legislation``."""
    return {"@type": "Legislation", "name": basis["wet"], "legislationIdentifier": basis["identificatie"],
            "url": basis.get("url"), "legislationJurisdiction": "NL", "dateModified": basis.get("gecontroleerd")}


def case(site: Site, item: Casus, base_url: str) -> dict[str, Any]:
    found = _common(site, item, base_url, "Article")
    city = site.reference["steden"].get(item.stad, {})
    place: dict[str, Any] = {"@type": "Place", "name": city.get("naam", item.stad),
                             "url": page_url(base_url, f"steden/{item.stad}.md")}
    location = item.locatie or city
    if location.get("lat") is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": location["lat"], "longitude": location["lon"]}
    instruments = site.corpus.instrumenten
    found.update({"headline": item.titel, "about": _themes(site, base_url, item.themas), "spatialCoverage": place,
                  "isBasedOn": [{"@type": "CreativeWork", "name": instruments[i].title,
                                 "url": page_url(base_url, instruments[i])}
                                for i in item.instrumenten if i in instruments],
                  "keywords": [site.graph.label(TAXONOMY["onderwerpen"], term) for term in item.onderwerpen]})
    if item.voorbeeld:  # examples are marked wherever they appear
        found["creativeWorkStatus"] = "Illustratief voorbeeld: beschrijft geen echt project"
    if item.periode:
        found["temporalCoverage"] = f"{item.periode['start']}/{item.periode.get('eind', '..')}"
    return found


def instrument(site: Site, item: Instrument, base_url: str) -> dict[str, Any]:
    found = _common(site, item, base_url, "CreativeWork")
    found.update({"about": _themes(site, base_url, item.themas),
                  "isBasedOn": [legislation(basis) for basis in item.wettelijke_basis],
                  "citation": [{"@type": "CreativeWork", "name": source["titel"], "url": source["url"]}
                               for source in item.bronnen]})
    return found


def toolkit(site: Site, item: Toolkit, base_url: str) -> dict[str, Any]:
    found = _common(site, item, base_url, "HowTo")
    found.update({"about": _themes(site, base_url, item.themas),
                  "step": [{"@type": "HowToStep", "position": number, "name": step["titel"],
                            "text": step.get("toelichting", "")} for number, step in enumerate(item.stappen, 1)]})
    return found


def theme(site: Site, thema: dict, base_url: str) -> dict[str, Any]:
    url = page_url(base_url, f"themas/{thema['id']}.md")
    return {"@context": SCHEMA_ORG, "@type": "CollectionPage", "@id": url, "url": url, "name": thema["naam"],
            "description": thema.get("kort", ""), "inLanguage": "nl", "license": LICENCE_URI,
            "isPartOf": _site(base_url, site),
            "about": {"@type": "DefinedTerm", "name": thema["naam"], "termCode": thema["id"],
                      "inDefinedTermSet": page_url(base_url, "themas/index.md")}}


def for_entity(site: Site, entity: Entity, base_url: str) -> dict[str, Any]:
    if isinstance(entity, Casus):
        return case(site, entity, base_url)
    if isinstance(entity, Instrument):
        return instrument(site, entity, base_url)
    assert isinstance(entity, Toolkit)
    return toolkit(site, entity, base_url)


# -- the DCAT catalogue ---------------------------------------------------------------------

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:modified": {"@type": "xsd:dateTime"}, "dct:issued": {"@type": "xsd:date"},
    "dct:license": {"@type": "@id"}, "dcat:theme": {"@type": "@id"}, "dcat:downloadURL": {"@type": "@id"},
    "dcat:accessURL": {"@type": "@id"}, "dcat:mediaType": {"@type": "@id"}, "dct:format": {"@type": "@id"},
    "dct:conformsTo": {"@type": "@id"}, "dcat:landingPage": {"@type": "@id"}, "foaf:homepage": {"@type": "@id"},
    "vcard:hasURL": {"@type": "@id"}, "dct:language": {"@type": "@id"}, "dct:accessRights": {"@type": "@id"},
    "dcat:themeTaxonomy": {"@type": "@id"},
}
LANGUAGE = "http://publications.europa.eu/resource/authority/language/NLD"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def catalogue(site: Site, base_url: str, built: datetime, exports: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The DCAT catalogue of the open data; ``exports``: file name -> (schema name, description)."""
    data_page = page_url(base_url, "data/index.md")
    publisher = {"@id": base_url + "#uitgever", "@type": "foaf:Agent", "foaf:name": _nl(PUBLISHER),
                 "foaf:homepage": base_url}
    contact = {"@type": "vcard:Organization", "vcard:fn": _nl(PUBLISHER),
               "vcard:hasURL": page_url(base_url, "contact.md")}
    modified = built.isoformat().replace("+00:00", "Z")
    datasets = []
    for name, (schema_name, description) in exports.items():
        media_type, file_type = MEDIA_TYPES[name[name.rindex("."):]]
        download = f"{base_url}data/{name}"
        datasets.append({
            "@id": f"{data_page}#{name}", "@type": "dcat:Dataset", "dct:identifier": f"{data_page}#{name}",
            "dct:title": _nl(f"Kennisbank Dynamische Binnensteden: {name}"), "dct:description": _nl(description + "."),
            "dct:license": LICENCE_URI, "dct:publisher": {"@id": publisher["@id"]}, "dcat:contactPoint": contact,
            "dcat:theme": EU_THEMES + NL_THEMES, "dct:modified": modified, "dct:language": LANGUAGE,
            "dct:accessRights": PUBLIC, "dcat:landingPage": data_page,
            "dcat:keyword": [_nl("binnenstad"), _nl("transformatie"), _nl("City Deal")],
            "dcat:distribution": {
                "@id": download, "@type": "dcat:Distribution", "dct:title": _nl(name),
                "dcat:downloadURL": download, "dcat:accessURL": download,
                "dcat:mediaType": f"https://www.iana.org/assignments/media-types/{media_type}",
                "dct:format": f"http://publications.europa.eu/resource/authority/file-type/{file_type}",
                "dct:license": LICENCE_URI, "dct:modified": modified,
                "dct:conformsTo": f"{base_url}data/{schema_name}.schema.json"}})
    return {"@context": CONTEXT, "@id": base_url + "data/catalogus.jsonld", "@type": "dcat:Catalog",
            "dct:title": _nl("Open data van de Kennisbank Dynamische Binnensteden"),
            "dct:description": _nl("Casussen, instrumenten, toolkits en hun relaties uit de kennisbank van de City Deal "
                                   "Dynamische Binnensteden, als JSON, CSV en GeoJSON."),
            "dct:publisher": publisher, "dct:license": LICENCE_URI, "dct:language": LANGUAGE,
            "foaf:homepage": data_page, "dct:modified": modified,
            "dcat:themeTaxonomy": "http://publications.europa.eu/resource/authority/data-theme",
            "dcat:dataset": datasets}
