"""Check content against the JSON Schemas and check that every reference resolves.

The schemas in ``schema/`` are the single source of what a field may hold; this
module only turns their verdicts into Dutch ``path:line: message`` problems and adds
the checks a schema cannot express (ids that must exist, a resultaat that must
belong to one of the listed themes, an oogst only in the oogsten phase).
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from kennisbank.content import clock
from kennisbank.content.history import history_problems
from kennisbank.content.model import ENTITY_TYPES, Casus, Corpus, Entity
from kennisbank.content.problems import Problem, allowed_values, suggestion
from kennisbank.content.read import Source
from kennisbank.content.registry import TAXONOMY, references

if TYPE_CHECKING:  # imported when a schema is first used: a check of unchanged files needs none (filecache.py)
    import jsonschema

SCHEMA_DIR = Path(__file__).parent / "schema"

TYPE_NAMES = {
    "string": "tekst", "array": "lijst", "object": "groep velden ('veld: waarde'-regels)",
    "number": "getal", "integer": "geheel getal", "boolean": "true of false", "null": "leeg",
}

PATTERN_HINTS = {
    "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": "een datum in de vorm JJJJ-MM-DD, bijvoorbeeld \"2024-05-31\"",
    "^20[0-9]{2}-(0[1-9]|1[0-2])$": "een maand in de vorm JJJJ-MM, bijvoorbeeld \"2024-05\"",
    "^https://": "een webadres dat begint met https://",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "een id van kleine letters, cijfers en koppeltekens, bijvoorbeeld \"den-haag\"",
    "^(BWB[RV][0-9]{7}|CVDR[0-9]+(_[0-9]+)?|ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25})$":
        "een BWBR-nummer (BWBR0001941), CVDR-nummer (CVDR123456) of ECLI (ECLI:NL:RVS:2019:2912)",
}


@cache
def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


PAST_ONLY = "x-niet-in-de-toekomst"  # schema keyword: a date of something that already happened


def _not_in_the_future(validator, wanted, instance, schema):
    """``x-niet-in-de-toekomst: true``: the date may not lie after today (``clock.today``)."""
    import jsonschema

    day = _real_date(instance) if wanted and isinstance(instance, str) else None
    if day is not None and day > clock.today():
        yield jsonschema.ValidationError(f"{instance} ligt in de toekomst")


def _real_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


@cache
def _validator(name: str, definition: str | None = None) -> jsonschema.Draft202012Validator:
    import jsonschema

    schema = load_schema(name)
    if definition:
        schema = {**schema, "$ref": f"#/$defs/{definition}"}
    checker = jsonschema.validators.extend(jsonschema.Draft202012Validator, {PAST_ONLY: _not_in_the_future})
    # Only 'date' is checked as a format: a real calendar day (the pattern alone lets 2024-02-30 through).
    return checker(schema, format_checker=jsonschema.FormatChecker(formats=("date",)))


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def _impossible_date(value: str) -> str:
    """Why '2024-02-30' is no date: 'februari 2024 heeft 29 dagen'."""
    year, month, day = (int(part) for part in value.split("-"))
    if not 1 <= month <= 12:
        return f"maand {month} bestaat niet"
    following = date(year + (month == 12), month % 12 + 1, 1)
    days = (following - date(year, month, 1)).days
    return f"{MONTHS[month - 1]} {year} heeft {days} dagen, geen {day}"


def field_name(path) -> str:
    """('stappen', 1, 'titel') -> 'stappen[2].titel' (1-based, as people count)."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _describe_type(value) -> str:
    for json_type, python_type in (("boolean", bool), ("integer", int), ("number", float),
                                   ("string", str), ("array", list), ("object", dict)):
        if isinstance(value, python_type):
            return TYPE_NAMES[json_type]
    return TYPE_NAMES["null"] if value is None else type(value).__name__


def _messages(error: jsonschema.ValidationError) -> list[tuple[tuple, str]]:
    """Dutch (location, message) pairs for one schema error."""
    path = tuple(error.absolute_path)
    where = f"veld '{field_name(path)}'" if path else "de YAML-kop"
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        # jsonschema gives one error per missing field, each with the whole list in validator_value
        name = REQUIRED_NAME.match(error.message)
        missing = [name.group(1)] if name else [item for item in expected if isinstance(value, dict) and item not in value]
        return [(path, f"verplicht veld '{field_name(path + (item,))}' ontbreekt{_example(error.schema, item)}")
                for item in missing]
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        return [(path + (name,),
                 f"onbekend veld '{field_name(path + (name,))}'.{suggestion(name, known)} "
                 f"Toegestane velden: {allowed_values(known)}")
                for name in value if name not in known]
    if kind == "enum":
        return [(path, f"{where}: '{value}' is geen toegestane waarde.{suggestion(value, expected)} "
                       f"Toegestaan: {allowed_values(expected)}")]
    if kind == "type":
        wanted = " of ".join(TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        hint = ""
        if expected == "array" and isinstance(value, str):
            hint = f" Schrijf bijvoorbeeld: {path[-1]}: [{value}]" if path else ""
        if expected in ("number", "integer") and isinstance(value, str) and DECIMAL_COMMA.match(value):
            return [(path, f"{where}: '{value}' is geen getal, want er staat een komma in. Gebruik een punt als "
                           f"decimaalteken: {path[-1] + ': ' if path else ''}{value.strip().replace(',', '.')}")]
        return [(path, f"{where} moet een {wanted} zijn, maar is een {_describe_type(value)}.{hint}")]
    if kind == "format" and expected == "date":
        return [(path, f"{where}: '{value}' is geen bestaande datum ({_impossible_date(value)}); "
                       "schrijf een echte datum als \"JJJJ-MM-DD\"")]
    if kind == PAST_ONLY:
        return [(path, f"{where}: {value} ligt in de toekomst (vandaag is {clock.today().isoformat()}); "
                       "dit veld zegt wanneer iets gebeurde, dus vul een datum in van vandaag of eerder")]
    if kind == "pattern":
        form = PATTERN_HINTS.get(expected, f"tekst volgens het patroon {expected}")
        return [(path, f"{where}: '{value}' heeft niet de juiste vorm; verwacht wordt {form}")]
    if kind == "minLength":
        return [(path, f"{where} is te kort ({len(value)} tekens); minimaal {expected} tekens")]
    if kind == "maxLength":
        return [(path, f"{where} is te lang ({len(value)} tekens); maximaal {expected} tekens")]
    if kind == "minItems":
        return [(path, f"{where} moet minstens {expected} waarde(n) bevatten")]
    if kind == "uniqueItems":
        return [(path, f"{where} bevat een waarde twee keer; laat er één staan")]
    if kind in ("minimum", "maximum"):
        bound = "minimaal" if kind == "minimum" else "maximaal"
        if path and path[-1] in ("lat", "lon"):
            return [(path, f"{where}: {value} valt buiten Nederland ({bound} {expected})")]
        return [(path, f"{where}: {value} is te {'klein' if kind == 'minimum' else 'groot'} ({bound} {expected})")]
    return [(path, f"{where}: {error.message}")]


def _example(schema: dict, name: str) -> str:
    """'; voeg het toe, bijvoorbeeld: contact: {organisatie: Gemeente Dordrecht}' from the schema's examples."""
    examples = schema.get("properties", {}).get(name, {}).get("examples")
    if not examples:
        return "; voeg het toe (het sjabloon in sjablonen/ laat zien hoe)"
    shown = yaml.safe_dump({name: examples[0]}, default_flow_style=True, allow_unicode=True, width=1000).strip()
    return f"; voeg het toe, bijvoorbeeld: {shown[1:-1]}"


DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")
REQUIRED_NAME = re.compile(r"^'([^']+)' is a required property$")


def schema_problems(source: Source, schema: str, definition: str | None = None, data=None,
                    base: tuple = ()) -> list[Problem]:
    """Every schema violation of ``data`` (default: the whole source), with lines.

    A value that has not the form of a date is not also reported as an impossible date.
    """
    data = source.data if data is None else data
    problems = []
    errors = list(_validator(schema, definition).iter_errors(data))
    wrong_form = {tuple(error.absolute_path) for error in errors if error.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in wrong_form:
            continue
        for location, message in _messages(error):
            problems.append(Problem(source.path, source.line(base + location), message))
    return problems


@cache
def checked_references(kind: str) -> dict[str, str]:
    """Dotted field -> what its ids must name, for every field checked against data/ or other items.

    Derived from the content registry: every relation to an item or to a taxonomy kept in data/
    (closed lists are enums, which the schema checks).
    """
    return {dotted: target for dotted, target in references(ENTITY_TYPES[kind])
            if target in ENTITY_TYPES or TAXONOMY[target].data}


def item_file(kind: str, item_id: str) -> str:
    """Where an item of a kind lives: 'instrumenten/x.md'."""
    return f"{ENTITY_TYPES[kind].source_folder}/{item_id}.md"


def _values_at(meta: dict, dotted: str):
    """(location, value) for every value under a dotted field name, through lists."""
    head, _, rest = dotted.partition(".")
    value = meta.get(head)
    if value is None:
        return
    if rest and isinstance(value, dict):  # a group of fields, e.g. goede_praktijk.sinds
        for location, found in _values_at(value, rest):
            yield (head,) + location, found
        return
    if rest:
        for index, item in enumerate(value if isinstance(value, list) else []):
            if isinstance(item, dict):
                for location, found in _values_at(item, rest):
                    yield (head, index) + location, found
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield (head, index), item
    else:
        yield (head,), value


def reference_problems(kind: str, source: Source, corpus: Corpus, known: dict[str, set[str]],
                       invalid: dict[str, set[str]], broken_uses: set[str] | None = None,
                       waiting: dict[tuple[str, str], set[str]] | None = None) -> list[Problem]:
    """Every id in ``source`` must name something that exists (and is itself valid).

    ``known`` and ``invalid``: kind -> ids of the valid and of the invalid items. A value that
    cannot be checked because its data file is broken is added to ``broken_uses`` (the name of
    the data file) instead of becoming a problem of its own, when that set is given; so is an
    item in ``waiting`` ((kind, id) -> data files): one that is fine but for a broken data file.
    """
    problems = []
    for dotted, target in checked_references(kind).items():
        for location, value in _values_at(source.data, dotted):
            if not isinstance(value, str):
                continue  # the schema already reported the wrong type
            if target not in ENTITY_TYPES and value in corpus.reference[target]:
                continue  # the usual case, decided without sorting the allowed values
            line = source.line(location)
            if target not in ENTITY_TYPES:
                data = TAXONOMY[target].data
                allowed = sorted(corpus.reference[target])
                file = f"data/{data}.yml"
                if value not in allowed and data in corpus.reference.broken and broken_uses is not None:
                    broken_uses.add(data)
                elif value not in allowed and data in corpus.reference.broken:
                    problems.append(Problem(source.path, line, f"veld '{field_name(location)}': '{value}' kan niet "
                                            f"worden gecontroleerd, want {file} bevat zelf fouten"))
                elif value not in allowed:
                    problems.append(Problem(source.path, line,
                        f"veld '{field_name(location)}': '{value}' bestaat niet in {file}.{suggestion(value, allowed)} "
                        f"Toegestaan: {allowed_values(allowed)}"))
            else:
                if broken_uses is not None and waiting and (target, value) in waiting:
                    broken_uses.update(waiting[target, value])
                elif value in invalid.get(target, set()):
                    problems.append(Problem(source.path, line,
                        f"veld '{field_name(location)}' verwijst naar {target} '{value}', maar "
                        f"{item_file(target, value)} bevat zelf fouten; herstel die eerst"))
                elif value not in known.get(target, set()):
                    allowed = sorted(known.get(target, set()))
                    problems.append(Problem(source.path, line,
                        f"veld '{field_name(location)}' verwijst naar {target} '{value}', maar "
                        f"{item_file(target, value)} bestaat niet.{suggestion(value, allowed)}"))
    return problems


def consistency_problems(entity: Entity, source: Source, corpus: Corpus) -> list[Problem]:
    """Rules between fields of one entity that a schema cannot state."""
    problems = []
    resultaten = corpus.reference.resultaten
    themas = set(getattr(entity, "themas", []))
    for index, resultaat in enumerate(getattr(entity, "resultaten", [])):
        thema = resultaten.get(resultaat, {}).get("thema")
        if thema and thema not in themas:
            problems.append(Problem(source.path, source.line(("resultaten", index)),
                f"veld 'resultaten': '{resultaat}' hoort bij thema '{thema}', dat niet in 'themas' staat; "
                f"voeg '{thema}' toe aan 'themas' of kies een resultaat van {', '.join(sorted(themas))}"))
    if isinstance(entity, Casus):
        if entity.oogst and entity.fase != "oogsten":
            problems.append(Problem(source.path, source.line(("oogst",)),
                f"veld 'oogst' mag alleen bij fase 'oogsten' (deze casus is in fase '{entity.fase}')"))
        periode = entity.periode
        if periode.get("eind") and periode["eind"] < periode["start"]:
            problems.append(Problem(source.path, source.line(("periode", "eind")),
                f"veld 'periode.eind' ({periode['eind']}) ligt vóór 'periode.start' ({periode['start']})"))
        problems += history_problems(entity, source, corpus)
        problems += evaluation_problems(entity, source)
    return problems


def evaluation_problems(case: Casus, source: Source) -> list[Problem]:
    """The evaluation fields are required from the phase oogsten on; kosten need an amount or a range there."""
    problems = []
    costs = case.kosten
    if "bedrag" in costs and ("bedrag_min" in costs or "bedrag_max" in costs):
        problems.append(Problem(source.path, source.line(("kosten", "bedrag")),
            "veld 'kosten': geef een 'bedrag' of een bandbreedte met 'bedrag_min' en 'bedrag_max', niet allebei"))
    elif ("bedrag_min" in costs) != ("bedrag_max" in costs):
        given = "bedrag_min" if "bedrag_min" in costs else "bedrag_max"
        other = "bedrag_max" if given == "bedrag_min" else "bedrag_min"
        problems.append(Problem(source.path, source.line(("kosten", given)),
            f"veld 'kosten.{given}' staat er zonder 'kosten.{other}': een bandbreedte heeft beide"))
    elif costs.get("bedrag_min", 0) > costs.get("bedrag_max", 0):
        problems.append(Problem(source.path, source.line(("kosten", "bedrag_min")),
            f"veld 'kosten.bedrag_min' ({costs['bedrag_min']}) is groter dan 'kosten.bedrag_max' ({costs['bedrag_max']})"))
    if case.fase != Casus.EVALUATED_FROM:
        return problems
    missing = [name for name in Casus.EVALUATION if not getattr(case, name)]
    for name in missing:
        problems.append(Problem(source.path, source.line(("fase",)),
            f"veld '{name}' is verplicht vanaf de fase oogsten (deze casus is in fase 'oogsten'): "
            f"{EVALUATION_HINTS[name]}; zie sjablonen/casus.md"))
    if costs and "kosten" not in missing and not {"bedrag", "bedrag_min"} & set(costs):
        problems.append(Problem(source.path, source.line(("kosten",)),
            "veld 'kosten' heeft vanaf de fase oogsten een 'bedrag' nodig, of een bandbreedte met 'bedrag_min' en "
            "'bedrag_max' (hele euro's)"))
    return problems


EVALUATION_HINTS = {
    "succesfactoren": "wat deed de aanpak slagen (een lijst, elk punt in één zin)",
    "knelpunten": "wat hield de aanpak tegen (een lijst, elk punt in één zin)",
    "kosten": "wat kostte het en wie betaalde (kosten: {bedrag: 450000, betaald_door: [Gemeente …]})",
    "juridische_aspecten": "welke juridische vragen speelden (juridische_aspecten: {tekst: …, instrumenten: […]})",
    "overdraagbaarheid": "wat een andere stad nodig heeft om het te herhalen (overdraagbaarheid: {voorwaarden: […]})",
}
