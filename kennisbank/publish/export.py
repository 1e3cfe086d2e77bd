"""Open data: the published content as JSON, CSV, GeoJSON and a relation graph, plus the feed.

Every file is written during the build (the hook adds them as generated files), with the
JSON Schema it follows published next to it (``kennisbank/publish/schema/``), so that
reusers can check what they download. The JSON files carry their licence and build date;
the CSV cannot, so ``/data/`` states both for every file.

Licence: CC BY 4.0, the licence of the site's content (see the footer). CC0 is the usual
choice for pure government data, but these files carry the partners' own texts (titles,
summaries, contact points) and partners such as INretail and Platform31 published them
under CC BY; one licence for page and data keeps reuse simple.

Drafts never appear: the public corpus has none, and ``published`` drops any that a
preview build (``KENNISBANK_CONCEPTEN=1``) let in.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from kennisbank.content import history
from kennisbank.graph import TAXONOMY
from kennisbank.content.model import Casus, Instrument, Toolkit
from kennisbank.publish.urls import page_url

from kennisbank.graph import Site

SCHEMA_DIR = Path(__file__).parent / "schema"
FOLDER = "data"

LICENCE = {
    "naam": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    "naamsvermelding": "Kennisbank City Deal Dynamische Binnensteden – Regie op Transformatie",
}

LIST_SEPARATOR = "|"  # between the values of a list in one CSV cell


@dataclass
class DataFile:
    """A file the build writes next to the pages (not a page)."""

    src_uri: str
    content: str


def build_time() -> datetime:
    """Now (UTC, whole seconds), or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.replace(microsecond=0)


def rfc3339(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def published(entities) -> list:
    """Public items only (never a draft), by id."""
    return sorted((entity for entity in entities if not getattr(entity, "concept", False)), key=lambda e: e.id)


@cache
def schema(name: str) -> dict:
    """The JSON Schema of an export, e.g. ``schema('cases')`` for cases.json."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


# -- records ------------------------------------------------------------------------


def _location(site: Site, case: Casus) -> dict:
    if case.locatie:
        return {"lat": case.locatie["lat"], "lon": case.locatie["lon"], "bron": "casus"}
    city = site.reference.lists["steden"][case.stad]
    return {"lat": city["lat"], "lon": city["lon"], "bron": "stad"}


def case_record(site: Site, case: Casus, base_url: str) -> dict:
    return {
        "id": case.id,
        "vorige_namen": case.vorige_namen,
        "url": page_url(base_url, case),
        "titel": case.titel,
        "samenvatting": case.samenvatting,
        "stad": case.stad,
        "themas": case.themas,
        "fase": case.fase,
        "status": case.status,
        "periode": {"start": case.periode["start"], "eind": case.periode.get("eind")},
        "historie": [{"fase": step.fase, "datum": step.datum} for step in history.entries(case)],
        "historie_afgeleid": not case.historie,
        "partners": case.partners,
        "rol_gemeente": case.rol_gemeente,
        "instrumenten": case.instrumenten,
        "resultaten": case.resultaten,
        "inzichten": case.inzichten,
        "onderwerpen": case.onderwerpen,
        "werkvormen": case.werkvormen,
        "citydeals": case.citydeals,
        "contact": {key: case.contact.get(key) for key in ("naam", "organisatie", "email")},
        "locatie": _location(site, case),
        "oogst": case.oogst,
        "goede_praktijk": dict(case.goede_praktijk) if case.goede_praktijk else None,
        "bijgewerkt": case.bijgewerkt or None,
        "voorbeeld": case.voorbeeld,
    }


def instrument_record(site: Site, instrument: Instrument, base_url: str, public: set[str]) -> dict:
    """``public``: src_uri of every published case and toolkit (backlinks to drafts are left out)."""
    ladder = site.reference.lists.get("sturing", {})
    return {
        "id": instrument.id,
        "vorige_namen": instrument.vorige_namen,
        "url": page_url(base_url, instrument),
        "naam": instrument.naam,
        "samenvatting": instrument.samenvatting,
        "soort": instrument.soort,
        "sturing": instrument.sturing,
        "sturing_trede": ladder.get(instrument.sturing, {}).get("trede"),
        "status": instrument.status,
        "rol_gemeente": instrument.rol_gemeente,
        "themas": instrument.themas,
        "wettelijke_basis": [{key: basis.get(key) for key in ("wet", "artikel", "url", "gecontroleerd")}
                             for basis in instrument.wettelijke_basis],
        "resultaten": instrument.resultaten,
        "onderwerpen": instrument.onderwerpen,
        "citydeals": instrument.citydeals,
        "oogst": instrument.oogst,
        "bijgewerkt": instrument.bijgewerkt or None,
        "toegepast_in": sorted(case.id for case in site.graph.cases_using.get(instrument.id, [])
                               if case.src_uri in public),
        "toolkits": sorted(toolkit.id for toolkit in site.graph.toolkits_with_instrument.get(instrument.id, [])
                           if toolkit.src_uri in public),
    }


def toolkit_record(site: Site, toolkit: Toolkit, base_url: str) -> dict:
    return {
        "id": toolkit.id,
        "vorige_namen": toolkit.vorige_namen,
        "url": page_url(base_url, toolkit),
        "titel": toolkit.titel,
        "samenvatting": toolkit.samenvatting,
        "thema": toolkit.thema,
        "stappen": [{"titel": step["titel"], "toelichting": step["toelichting"],
                     "instrumenten": step.get("instrumenten", [])} for step in toolkit.stappen],
        "instrumenten": toolkit.instrumenten,
        "cases": toolkit.cases,
        "oogst": toolkit.oogst,
        "contact": {key: toolkit.contact.get(key) for key in ("naam", "organisatie", "email")}
                   if toolkit.contact else None,
        "bijgewerkt": toolkit.bijgewerkt or None,
    }


def _envelope(name: str, built: datetime, base_url: str) -> dict:
    return {"$schema": f"{name}.schema.json", "licentie": LICENCE, "gebouwd": rfc3339(built),
            "bron": base_url + f"{FOLDER}/"}


def cases_json(site: Site, base_url: str, built: datetime) -> dict:
    return {**_envelope("cases", built, base_url),
            "cases": [case_record(site, case, base_url) for case in published(site.corpus.cases.values())]}


def instrumenten_json(site: Site, base_url: str, built: datetime) -> dict:
    public = {item.src_uri for item in published([*site.corpus.cases.values(), *site.corpus.toolkits.values()])}
    return {**_envelope("instrumenten", built, base_url),
            "instrumenten": [instrument_record(site, item, base_url, public)
                             for item in published(site.corpus.instrumenten.values())]}


def toolkits_json(site: Site, base_url: str, built: datetime) -> dict:
    return {**_envelope("toolkits", built, base_url),
            "toolkits": [toolkit_record(site, item, base_url) for item in published(site.corpus.toolkits.values())]}


CSV_COLUMNS = (
    "id", "vorige_namen", "url", "titel", "samenvatting", "stad", "themas", "fase", "status", "periode_start",
    "periode_eind",
    "historie", "partners", "rol_gemeente", "instrumenten", "resultaten", "inzichten", "onderwerpen", "werkvormen",
    "citydeals", "contact_naam", "contact_organisatie", "contact_email", "lat", "lon", "locatie_bron", "oogst",
    "goede_praktijk_reden", "goede_praktijk_sinds", "bijgewerkt", "voorbeeld",
)


def case_row(record: dict) -> dict[str, str]:
    """One case as a flat CSV row: lists joined with '|', empty cells for missing values."""
    def joined(values) -> str:
        return LIST_SEPARATOR.join(values)

    practice = record["goede_praktijk"] or {}
    return {
        **{key: record[key] for key in ("id", "url", "titel", "samenvatting", "stad", "fase", "status")},
        **{key: joined(record[key]) for key in ("vorige_namen", "themas", "partners", "rol_gemeente", "instrumenten",
                                                 "resultaten", "inzichten", "onderwerpen", "werkvormen", "citydeals")},
        "periode_start": record["periode"]["start"],
        "periode_eind": record["periode"]["eind"] or "",
        "historie": joined(f"{step['fase']}:{step['datum']}" for step in record["historie"]),
        **{f"contact_{key}": record["contact"][key] or "" for key in ("naam", "organisatie", "email")},
        "lat": str(record["locatie"]["lat"]),
        "lon": str(record["locatie"]["lon"]),
        "locatie_bron": record["locatie"]["bron"],
        "oogst": record["oogst"] or "",
        "goede_praktijk_reden": practice.get("reden", ""),
        "goede_praktijk_sinds": practice.get("sinds", ""),
        "bijgewerkt": record["bijgewerkt"] or "",
        "voorbeeld": "true" if record["voorbeeld"] else "false",
    }


def cases_csv(site: Site, base_url: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")  # RFC 4180
    writer.writeheader()
    for case in published(site.corpus.cases.values()):
        writer.writerow(case_row(case_record(site, case, base_url)))
    return out.getvalue()


def cases_geojson(site: Site, base_url: str, built: datetime) -> dict:
    """RFC 7946: coordinates are [longitude, latitude] in WGS84; licence and date as foreign members."""
    features = []
    for case in published(site.corpus.cases.values()):
        location = _location(site, case)
        features.append({
            "type": "Feature",
            "id": case.id,
            "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
            "properties": {"id": case.id, "titel": case.titel, "samenvatting": case.samenvatting,
                           "url": page_url(base_url, case), "stad": case.stad, "themas": case.themas,
                           "fase": case.fase, "status": case.status, "locatie_bron": location["bron"]},
        })
    return {"type": "FeatureCollection", **_envelope("cases.geojson", built, base_url), "features": features}


# -- the relation graph -------------------------------------------------------------

# (entity kind, field) -> (kind of the target node, name of the relation)
RELATIONS = {
    "casus": {
        "stad": ("stad", "in_stad"), "themas": ("thema", "thema"), "fase": ("fase", "in_fase"),
        "instrumenten": ("instrument", "gebruikt"), "resultaten": ("resultaat", "werkt_aan"),
        "partners": ("partner", "partner"), "inzichten": ("inzicht", "inzicht"),
        "onderwerpen": ("onderwerp", "onderwerp"), "werkvormen": ("werkvorm", "werkvorm"),
        "citydeals": ("citydeal", "verbonden_met"), "oogst": ("ijkmoment", "geoogst_bij"),
    },
    "instrument": {
        "themas": ("thema", "thema"), "sturing": ("sturing", "trede"), "resultaten": ("resultaat", "werkt_aan"),
        "onderwerpen": ("onderwerp", "onderwerp"), "citydeals": ("citydeal", "verbonden_met"),
        "oogst": ("ijkmoment", "geoogst_bij"),
    },
    "toolkit": {
        "thema": ("thema", "thema"), "instrumenten": ("instrument", "bevat"), "cases": ("casus", "voorbeeld"),
        "oogst": ("ijkmoment", "geoogst_bij"),
    },
}

# node kind -> (reference list, taxonomy for its page)
REFERENCE_NODES = {
    "stad": ("steden", "steden"), "thema": ("themas", "themas"), "fase": ("fasen", "fasen"),
    "partner": ("partners", "partners"), "inzicht": ("inzichten", "inzichten"),
    "onderwerp": ("onderwerpen", "onderwerpen"), "werkvorm": ("werkvormen", "werkvormen"),
    "citydeal": ("citydeals", "citydeals"), "sturing": ("sturing", "sturing"), "ijkmoment": ("ijkmomenten", None),
}


def relaties_json(site: Site, base_url: str, built: datetime) -> dict:
    """Nodes (every published item and every term it points at) and edges (its front matter relations)."""
    public = {"casus": published(site.corpus.cases.values()),
              "instrument": published(site.corpus.instrumenten.values()),
              "toolkit": published(site.corpus.toolkits.values())}
    nodes: dict[str, dict] = {}
    for kind, items in public.items():
        for entity in items:
            nodes[f"{kind}:{entity.id}"] = {"id": f"{kind}:{entity.id}", "soort": kind, "naam": entity.title,
                                            "url": page_url(base_url, entity)}
    resultaten = site.reference.resultaten
    for resultaat_id, resultaat in resultaten.items():  # every beoogd resultaat: coverage is the point
        nodes[f"resultaat:{resultaat_id}"] = {
            "id": f"resultaat:{resultaat_id}", "soort": "resultaat", "naam": resultaat["kort"],
            "url": page_url(base_url, f"themas/{resultaat['thema']}.md") + f"#{resultaat_id}"}

    def reference_node(kind: str, term: str) -> str:
        key = f"{kind}:{term}"
        if key not in nodes:
            list_name, taxonomy = REFERENCE_NODES[kind]
            item = site.reference.lists.get(list_name, {}).get(term, {})
            uri = f"oogst/{term}.md" if kind == "ijkmoment" else f"{TAXONOMY[taxonomy].folder}/{term}.md"
            nodes[key] = {"id": key, "soort": kind, "naam": item.get("naam") or item.get("titel") or term,
                          "url": page_url(base_url, uri)}
        return key

    edges = []
    for kind, items in public.items():
        for entity in items:
            source = f"{kind}:{entity.id}"
            for field_name, (target_kind, relation) in RELATIONS[kind].items():
                value = getattr(entity, field_name, None)
                for term in value if isinstance(value, list) else [value] if value else []:
                    if target_kind in ("casus", "instrument"):
                        target = f"{target_kind}:{term}"
                        if target not in nodes:
                            continue  # points at a draft (preview build only)
                    elif target_kind == "resultaat":
                        target = f"resultaat:{term}"
                    else:
                        target = reference_node(target_kind, term)
                    edges.append({"bron": source, "doel": target, "relatie": relation})
    for resultaat_id, resultaat in resultaten.items():
        edges.append({"bron": f"resultaat:{resultaat_id}", "doel": reference_node("thema", resultaat["thema"]),
                      "relatie": "hoort_bij"})
    return {**_envelope("relaties", built, base_url), "nodes": sorted(nodes.values(), key=lambda n: n["id"]),
            "edges": edges}


# -- the files ----------------------------------------------------------------------

# file name in /data/ -> (schema name, what it holds)
EXPORTS = {
    "cases.json": ("cases", "Alle casussen met hun kenmerken en verwijzingen"),
    "cases.csv": ("cases.csv", "Alle casussen als tabel, één regel per casus"),
    "cases.geojson": ("cases.geojson", "Alle casussen als punten op de kaart"),
    "instrumenten.json": ("instrumenten", "Alle instrumenten, met hun trede op de ladder en wettelijke basis"),
    "toolkits.json": ("toolkits", "Alle toolkits met hun stappen"),
    "relaties.json": ("relaties", "De kennisgraaf: knopen en verbindingen"),
}


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def base_url_of(site_url: str) -> str:
    """The site's address with one trailing slash ("/" when none is configured)."""
    return site_url.rstrip("/") + "/" if site_url else "/"


def files(site: Site, site_url: str, built: datetime | None = None) -> list[DataFile]:
    """Every open-data file and its schema."""

    base_url = base_url_of(site_url)
    built = built or build_time()
    content = {
        "cases.json": _json(cases_json(site, base_url, built)),
        "cases.csv": cases_csv(site, base_url),
        "cases.geojson": _json(cases_geojson(site, base_url, built)),
        "instrumenten.json": _json(instrumenten_json(site, base_url, built)),
        "toolkits.json": _json(toolkits_json(site, base_url, built)),
        "relaties.json": _json(relaties_json(site, base_url, built)),
    }
    result = [DataFile(f"{FOLDER}/{name}", text) for name, text in content.items()]
    result += [DataFile(f"{FOLDER}/{name}.schema.json", _json(schema(name)))
               for name in sorted({schema_name for schema_name, _ in EXPORTS.values()})]
    return result
