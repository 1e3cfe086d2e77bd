"""Linked data: schema.org JSON-LD for every case, instrument, toolkit and theme page, and a DCAT catalogue.

**schema.org on the pages.** Search engines and other tools read what a page is about from a
``<script type="application/ld+json">`` in its head. A case is an ``Article`` about its themes,
with its city as ``spatialCoverage`` (a ``Place`` with coordinates) and the instruments it used
as ``isBasedOn``; an instrument is a ``CreativeWork`` resting on ``Legislation`` (with
``legislationIdentifier``: the BWB, CVDR or ECLI identifier, content/legal.py, and the day we read
the consolidated text as ``legislationDateVersion``: the point in time the description is valid
for, not a change of the law); a toolkit is a ``HowTo`` with its steps; a theme page is a
``CollectionPage`` about a ``DefinedTerm``. Every item carries its dates (``datePublished``: its
first commit; ``dateModified``: its last change, ``dates.last_change``, never earlier) and the
licence. This module makes the data as plain dicts; the site
layer writes it through a template (``site/templates/json_ld.html``), whose ``tojson`` escapes
``<``, ``>``, ``&`` and ``'``, so no contributor text can close the script.

**The catalogue** (``/data/catalogus.jsonld``) describes the open data in DCAT, to the DCAT-AP-NL
3.0 profile (Geonovum) of DCAT-AP 3.0 (SEMIC), so that data.overheid.nl can harvest it: one
``dcat:Catalog`` with a contact point, one ``dcat:Dataset`` per export with its title and
description in Dutch (saying so when the data holds illustrative examples), creator, publisher,
contact point, licence, language, themes (the EU data theme list, which DCAT-AP requires, and the
Dutch government's theme list of data.overheid.nl, ``overheid:TaxonomieBeleidsagenda``),
``dct:modified`` (the build's moment, which is the last commit: reproducible), and a
``dcat:Distribution`` with download address, media type, format and the JSON Schema it conforms
to. Every value that DCAT-AP gives a class has that class stated (a licence is a
``dct:LicenseDocument``, a theme a ``skos:Concept`` with its label and scheme, …): the range
shapes of the profile check them, and a harvester needs nothing from another host to read them.
The shapes themselves judge the result in the tests (tests/standards.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kennisbank.content.dates import last_change
from kennisbank.content.model import ENTITY_TYPES, Casus, Entity, Instrument, Toolkit
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.publish.urls import page_url

SCHEMA_ORG = "https://schema.org"
LICENCE_URI = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "City Deal Dynamische Binnensteden – Regie op Transformatie"

# DCAT-AP requires a theme from the EU list; data.overheid.nl reads the Dutch government themes (OWMS,
# overheid:TaxonomieBeleidsagenda). Each URI is a term of its list, with the list's own label.
EU_THEME_SCHEME = ("http://publications.europa.eu/resource/authority/data-theme", "Data theme", "en")
EU_THEMES = {"http://publications.europa.eu/resource/authority/data-theme/GOVE": "Overheid en publieke sector",
             "http://publications.europa.eu/resource/authority/data-theme/ECON": "Economie en financiën"}
NL_THEME_SCHEME = ("http://standaarden.overheid.nl/owms/terms/TaxonomieBeleidsagenda", "Taxonomie beleidsagenda", "nl")
NL_THEMES = {"http://standaarden.overheid.nl/owms/terms/Ruimtelijke_ordening": "Ruimtelijke ordening",
             "http://standaarden.overheid.nl/owms/terms/Economie": "Economie",
             "http://standaarden.overheid.nl/owms/terms/Huisvesting_(thema)": "Huisvesting"}
MEDIA_TYPES = {".json": ("application/json", "JSON"), ".csv": ("text/csv", "CSV"),
               ".geojson": ("application/geo+json", "GEOJSON")}


def _date(value: str) -> str | None:
    return value or None


def _site(base_url: str, site: Site) -> dict[str, Any]:
    return {"@type": "WebSite", "name": "Kennisbank " + site.reference.deal.get("kortenaam", "Dynamische Binnensteden"),
            "url": base_url}


def _dates(entity: Entity) -> dict[str, str | None]:
    """First publication and last change; a page is never modified before it was published."""
    modified = last_change(entity)
    published = min(filter(None, [entity.gepubliceerd, modified[:10]]), default="")
    return {"datePublished": _date(published), "dateModified": _date(modified)}


def _common(site: Site, entity: Entity, base_url: str, kind: str) -> dict[str, Any]:
    return {"@context": SCHEMA_ORG, "@type": kind, "@id": page_url(base_url, entity), "url": page_url(base_url, entity),
            "name": entity.title, "description": entity.samenvatting, "inLanguage": "nl",
            "license": LICENCE_URI, **_dates(entity),
            "publisher": {"@type": "Organization", "name": PUBLISHER}, "isPartOf": _site(base_url, site)}


def _themes(site: Site, base_url: str, themas: list[str]) -> list[dict[str, Any]]:
    return [{"@type": "DefinedTerm", "name": site.graph.label(TAXONOMY["themas"], thema),
             "url": page_url(base_url, f"themas/{thema}.md")} for thema in themas]


def legislation(basis: dict) -> dict[str, Any]:
    """One legal basis as schema.org ``Legislation``; the day we read the text is the version described."""
    return {"@type": "Legislation", "name": basis["wet"], "legislationIdentifier": basis["identificatie"],
            "url": basis.get("url"), "legislationJurisdiction": "NL",
            "legislationDateVersion": basis.get("gecontroleerd")}


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
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dct:modified": {"@type": "xsd:dateTime"}, "dct:issued": {"@type": "xsd:date"}, "vcard:hasURL": {"@type": "@id"},
}
LANGUAGE = "http://publications.europa.eu/resource/authority/language/NLD"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _of(kind: str, uri: str, **more: Any) -> dict[str, Any]:
    """A value given as a resource of the class DCAT-AP expects there (its range)."""
    return {"@id": uri, "@type": kind, **more}


def _data_themes() -> list[dict[str, Any]]:
    """Every theme as a skos:Concept in its scheme, labelled as its list labels it."""
    result = []
    for scheme, themes in ((EU_THEME_SCHEME, EU_THEMES), (NL_THEME_SCHEME, NL_THEMES)):
        for uri, label in themes.items():
            result.append(_of("skos:Concept", uri, **{"skos:prefLabel": _nl(label), "skos:inScheme": _scheme(*scheme)}))
    return result


def _scheme(uri: str, title: str, language: str) -> dict[str, Any]:
    return _of("skos:ConceptScheme", uri, **{"dct:title": {"@value": title, "@language": language}})


def example_note(site: Site, name: str) -> str:
    """A sentence for the description of a file (or of all, for another name) that holds illustrative examples."""
    stem = name.split(".")[0]
    kinds = [kind for kind, cls in ENTITY_TYPES.items() if cls.collection == stem] or list(ENTITY_TYPES)
    items = [item for kind in kinds for item in site.corpus.of_kind(kind).values() if not item.concept]
    examples = sum(1 for item in items if getattr(item, "voorbeeld", False))
    if not examples:
        return ""
    if examples == len(items):
        return " Alle items zijn illustratieve voorbeelden (voorbeeld: true), geen echte projecten."
    return f" {examples} van de {len(items)} items zijn illustratieve voorbeelden (voorbeeld: true), geen echte projecten."


def catalogue(site: Site, base_url: str, built: datetime, exports: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The DCAT catalogue of the open data; ``exports``: file name -> (schema name, description)."""
    data_page = page_url(base_url, "data/index.md")
    fields_page = page_url(base_url, "data/velden.md")  # what every field means
    publisher = {"@id": base_url + "#uitgever", "@type": "foaf:Agent", "foaf:name": _nl(PUBLISHER),
                 "foaf:homepage": _of("foaf:Document", base_url)}
    contact = {"@id": base_url + "#contact", "@type": ["vcard:Kind", "vcard:Organization"],
               "vcard:fn": _nl(PUBLISHER), "vcard:hasURL": page_url(base_url, "contact.md")}
    licence = _of("dct:LicenseDocument", LICENCE_URI)
    language = _of("dct:LinguisticSystem", LANGUAGE)
    modified = built.isoformat().replace("+00:00", "Z")
    datasets = []
    for name, (schema_name, description) in exports.items():
        media_type, file_type = MEDIA_TYPES[name[name.rindex("."):]]
        download = _of("rdfs:Resource", f"{base_url}data/{name}")  # DCAT-AP 3.0 gives the address a class
        conforms_to = _of("dct:Standard", f"{base_url}data/{schema_name}.schema.json")
        datasets.append({
            "@id": f"{data_page}#{name}", "@type": "dcat:Dataset", "dct:identifier": f"{data_page}#{name}",
            "dct:title": _nl(f"Kennisbank Dynamische Binnensteden: {name}"),
            "dct:description": _nl(description + "." + example_note(site, name)),
            "dct:license": licence, "dct:publisher": {"@id": publisher["@id"]},
            "dct:creator": {"@id": publisher["@id"]}, "dcat:contactPoint": {"@id": contact["@id"]},
            "dcat:theme": _data_themes(), "dct:modified": modified, "dct:language": language,
            "dct:accessRights": _of("dct:RightsStatement", PUBLIC), "dcat:landingPage": _of("foaf:Document", data_page),
            "foaf:page": _of("foaf:Document", fields_page), "dct:conformsTo": conforms_to,
            "dcat:keyword": [_nl("binnenstad"), _nl("transformatie"), _nl("City Deal")],
            "dcat:distribution": {
                "@id": download["@id"], "@type": "dcat:Distribution", "dct:title": _nl(name),
                "dcat:downloadURL": download, "dcat:accessURL": download,
                "dcat:mediaType": _of("dct:MediaType", f"https://www.iana.org/assignments/media-types/{media_type}"),
                "dct:format": _of("dct:MediaTypeOrExtent", FILE_TYPE + file_type),
                "dct:license": licence, "dct:language": language, "dct:modified": modified,
                "dct:conformsTo": conforms_to}})
    return {"@context": CONTEXT, "@id": base_url + "data/catalogus.jsonld", "@type": "dcat:Catalog",
            "dct:title": _nl("Open data van de Kennisbank Dynamische Binnensteden"),
            "dct:description": _nl("Casussen, instrumenten, toolkits en hun relaties uit de kennisbank van de City Deal "
                                   "Dynamische Binnensteden, als JSON, CSV en GeoJSON." + example_note(site, "alles")),
            "dct:publisher": publisher, "dct:creator": {"@id": publisher["@id"]}, "dcat:contactPoint": contact,
            "dct:license": licence, "dct:language": language,
            "foaf:homepage": _of("foaf:Document", data_page), "dct:modified": modified,
            "dcat:themeTaxonomy": [_scheme(*scheme) for scheme in (EU_THEME_SCHEME, NL_THEME_SCHEME)],
            "dcat:dataset": datasets}
