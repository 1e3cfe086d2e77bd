"""Read content files: YAML front matter + Markdown body, and YAML reference lists.

Every value keeps the line it came from, so that a problem found later (by the
schema or a cross-reference check) can be reported as ``path:line: message``.
Reading never raises on bad content: it returns the problems it found instead.

A pull request must not be able to make the check read a file of the machine it runs on, or
stall it. A file is not read at all when it is a symbolic link (or lies in a linked folder,
``symlinks.py``) or when it is larger than ``MAX_TEXT_BYTES``. YAML may not nest deeper than
``MAX_DEPTH``, and a value must be what JSON knows (text, a finite number, yes/no, nothing).
YAML aliases (``*naam``, taking the value of an anchor ``&naam``) are refused outright, at the
line of the first one, before anything is built: nobody needs them in front matter or data/
(none of the site's files uses one), and nested aliases expand exponentially ("billion
laughs": six levels of ten took 5 s and 330 MB for one file), so a bound on their expansion
would only move the limit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kennisbank.content import symlinks
from kennisbank.content.media import size_text
from kennisbank.content.problems import Problem

Location = tuple  # a path into the front matter, e.g. ("themas", 0)

# Dates stay strings: the schema checks their form, and Markdown/JSON need text anyway.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


try:
    from yaml import CSafeLoader as _CLoader
except ImportError:  # PyYAML without libyaml: the Python parser
    from yaml import SafeLoader as _CLoader  # type: ignore[assignment]


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamp conversion."""

    yaml_implicit_resolvers = _RESOLVERS


class _FastLoader(_CLoader):
    """The same on libyaml (C): ten times faster, which keeps ``kennisbank check`` well under a second."""

    yaml_implicit_resolvers = _RESOLVERS


@dataclass
class Source:
    """One parsed file: its values, where each came from, and its Markdown body."""

    path: str  # relative to the project root, with forward slashes
    data: Any = None  # whatever the YAML holds: checked by the schema before anyone trusts it
    lines: dict[Location, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line

    def line(self, location: Location = ()) -> int:
        """The line of a value, or of its nearest parent that has one."""
        location = tuple(location)
        while location and location not in self.lines:
            location = location[:-1]
        return self.lines.get(location, 1)


MAX_TEXT_BYTES = 512 * 1024  # a case's text is at most 40,000 characters (body.py); data files are some 30 kB
MAX_DEPTH = 20  # levels of nesting in YAML; the site's files use at most 5
MERGE_TAG = "tag:yaml.org,2002:merge"
STOPS_HERE = "; de velden van dit bestand worden gecontroleerd zodra dit is opgelost"
MERGE_MESSAGE = ("'<<:' (velden overnemen van een anker met &naam en *naam) wordt hier niet ondersteund; "
                 "schrijf de velden voluit op hun eigen regels")
_COMMENT_IN_VALUE = re.compile(r"\s+#\S")  # 'titel: Aanpak #2': YAML drops everything from ' #'


class _TooDeep(Exception):
    """YAML nested deeper than MAX_DEPTH: its line (0-based, within the YAML text)."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _to_python(node: yaml.Node, loader: _Loader, source: Source, location: Location, problems: list[Problem],
               lines: list[str]):
    """Build plain Python values from a YAML node, recording each value's line."""
    source.lines[location] = node.start_mark.line + 1
    if len(location) > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                problems.append(Problem(source.path, key_node.start_mark.line + 1, MERGE_MESSAGE))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(source.path, key_node.start_mark.line + 1,
                                        "een veldnaam moet een woord zijn, geen lijst of groep"))
                continue
            key = str(_scalar(key_node, loader, source, problems))
            if key in result:
                problems.append(Problem(source.path, key_node.start_mark.line + 1,
                                        f"veld '{key}' staat er twee keer in; laat er één staan"))
                continue
            result[key] = _to_python(value_node, loader, source, location + (key,), problems, lines)
            source.lines[location + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, loader, source, location + (i,), problems, lines) for i, item in enumerate(node.value)]
    value = _scalar(node, loader, source, problems)
    end = node.end_mark
    if (isinstance(value, str) and not getattr(node, "style", None) and end.line == node.start_mark.line and end.line < len(lines)
            and _COMMENT_IN_VALUE.match(lines[end.line][end.column:])):
        full = (value + lines[end.line][end.column:]).strip()
        problems.append(Problem(source.path, end.line + 1,
            f"alles vanaf '#' valt weg: YAML leest ' #' als het begin van een opmerking, dus de waarde is nu "
            f"'{value}'. Zet de hele waarde tussen aanhalingstekens: \"{full}\""))
    return value


def _scalar(node: yaml.Node, loader: _Loader, source: Source, problems: list[Problem]):
    """The value of a scalar: text, a number, yes/no or nothing, as in JSON. Anything else stays text, with a problem.

    A number too long to print (Python refuses over 4,300 digits), infinity or NaN would break
    every message and export that shows it; a '!!binary' value is bytes, not text.
    """
    try:
        value = loader.construct_object(node)
    except ValueError:
        value = None
    if isinstance(value, (bool, str)) or (value is None and node.tag.endswith(":null")):
        return value
    if isinstance(value, int) and value.bit_length() <= 64 or isinstance(value, float) and math.isfinite(value):
        return value
    problems.append(Problem(source.path, node.start_mark.line + 1,
        "deze waarde is geen gewone tekst of getal (een getal met te veel cijfers, oneindig, of een YAML-tag als "
        "!!binary); is het tekst, zet het dan tussen aanhalingstekens"))
    return node.value


def _alias_problem(text: str, path: str, first_line: int, loader_class: type) -> Problem | None:
    """The first alias (``*naam``) in the YAML text, as a problem at its line; None without one.

    Only the events are read, so nothing is expanded. A syntax error is left to the parse that follows.
    """
    if "*" not in text:
        return None
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line if event.start_mark else 0
                refused = MERGE_MESSAGE if re.match(r"^\s*(?:-\s+)?<<\s*:", text.split("\n")[line]) else (
                    f"'*{event.anchor}' neemt de waarde over van het anker '&{event.anchor}' elders in de YAML; zulke "
                    "verwijzingen worden hier niet ondersteund (ze kunnen de controle laten vastlopen). Schrijf de "
                    "waarde voluit op deze plek")
                return Problem(path, line + first_line, refused + STOPS_HERE)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def parse_yaml(text: str, source: Source, first_line: int = 1, loader_class: type = _FastLoader) -> list[Problem]:
    """Parse YAML text into ``source.data``; ``first_line`` is where the text starts in the file."""
    problems: list[Problem] = []
    offset = first_line - 1
    alias = _alias_problem(text, source.path, first_line, loader_class)
    if alias is not None:
        return [alias]
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            source.data = None
        else:
            shifted = Source(source.path)
            source.data = _to_python(node, loader, shifted, (), problems, text.split("\n"))
            source.lines.update({loc: line + offset for loc, line in shifted.lines.items()})
            for problem in problems:
                problem.line += offset
    except yaml.MarkedYAMLError as error:
        if loader_class is not _Loader:  # let the Python parser describe it: its messages are more precise
            return parse_yaml(text, source, first_line, _Loader)
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        cause = _likely_cause(text.split("\n"), mark.line if mark else 0)
        if cause:
            line, reason = cause[0] + 1 + offset, cause[1]
        else:
            reason = _yaml_reason(error)
        problems.append(Problem(source.path, line, f"ongeldige YAML: {reason}"))
    except yaml.YAMLError as error:
        problems.append(Problem(source.path, first_line, f"ongeldige YAML: {error}"))
    except (_TooDeep, RecursionError) as error:
        source.data, source.lines = None, {}
        line = (error.line + 1 if isinstance(error, _TooDeep) else 1) + offset
        problems[:] = [Problem(source.path, line, f"de YAML is hier meer dan {MAX_DEPTH} niveaus diep genest; "
                                                  "zo diep gaat geen veld van de kennisbank. Controleer de inspringing "
                                                  "en de haakjes [ ] en { }")]
    finally:
        loader.dispose()
    return problems


_YAML_REASONS = (  # (fragment of PyYAML's English problem, Dutch explanation)
    ("mapping values are not allowed here",
     "een dubbele punt op een plek waar dat niet mag; zet de waarde tussen aanhalingstekens"),
    ("could not find expected ':'", "een dubbele punt ontbreekt na een veldnaam"),
    ("found character '\\t' that cannot start any token", "een tab; gebruik spaties om in te springen"),
    ("that cannot start any token", "een waarde begint met een teken dat dat niet mag; zet haar tussen aanhalingstekens"),
    ("found undefined alias", "een onbekende verwijzing (*alias)"),
    ("expected ',' or ']'", "een lijst tussen [ ] wordt niet goed afgesloten"),
    ("expected ',' or '}'", "een groep tussen { } wordt niet goed afgesloten"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("found unknown escape character", "een onbekende escape-code (\\…) tussen dubbele aanhalingstekens"),
    ("did not find expected '-' indicator", "een lijstregel ('-') met de verkeerde inspringing"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("did not find expected key", "de inspringing klopt niet, of er staat tekst op een onverwachte plek"),
    ("expected a comment or a line break", "tekst na een afgesloten waarde; zet de hele waarde tussen aanhalingstekens"),
)


def _yaml_reason(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    for english, dutch in _YAML_REASONS:
        if english in problem:
            return dutch
    return ("deze regel is geen geldige YAML; controleer de aanhalingstekens, de dubbele punt na de veldnaam "
            "en de inspringing")


CURLY_QUOTES = "“”„‟‘’‚‛«»"
_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#'\"][^:#]*:\s+)?(?P<value>\S.*)$")


def _opening_quote(line: str) -> str:
    """The first character of the value on a YAML line ('' for a comment or an empty value)."""
    if line.lstrip().startswith("#"):
        return ""
    match = _VALUE_START.match(line)
    return match.group("value")[0] if match else ""


def _likely_cause(lines: list[str], error_line: int) -> tuple[int, str] | None:
    """(line index, explanation) of a mistake PyYAML reports elsewhere or in its own terms.

    A value that starts with an apostrophe ('s-Hertogenbosch) opens a quoted text that never
    closes, and Word's curly quotes are no quotes to YAML at all: PyYAML then complains
    lines further on, about indentation or a colon. The line that causes it is found here.
    """
    for index, line in enumerate(lines[: error_line + 1]):
        quote = _opening_quote(line)
        value = line[line.find(quote):] if quote else ""
        if quote in CURLY_QUOTES and quote:
            return index, (f"de waarde begint met een gekruld aanhalingsteken ({quote}), bijvoorbeeld uit Word; "
                           "YAML kent alleen rechte aanhalingstekens. Vervang de gekrulde door rechte: \"…\"")
        if quote == "'" and value.replace("''", "").count("'") % 2 == 1:
            return index, ("de waarde begint met een apostrof ('), en YAML leest dat als het begin van een tekst "
                           "tussen aanhalingstekens die niet wordt afgesloten. Zet de hele waarde tussen dubbele "
                           f"aanhalingstekens: \"{value.strip()}\"")
    return None


def quote_problems(source: Source) -> list[Problem]:
    """Values between Word's curly quotes: valid YAML, but the quotes become part of the value."""
    problems = []

    def walk(value, location):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, location + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, location + (index,))
        elif isinstance(value, str) and len(value) > 1 and value[0] in CURLY_QUOTES and value[-1] in CURLY_QUOTES:
            name = ".".join(str(part) for part in location) or "waarde"
            problems.append(Problem(source.path, source.line(location),
                f"veld '{name}': de waarde staat tussen gekrulde aanhalingstekens ({value[0]}…{value[-1]}), "
                f"bijvoorbeeld uit Word; die worden dan deel van de waarde. Gebruik rechte aanhalingstekens: "
                f"\"{value[1:-1]}\""))
    walk(source.data, ())
    return problems


def refused(path: Path, relative: str) -> Problem | None:
    """Why a file is not read at all: it is a symbolic link (or lies in one), a folder, or too large."""
    link = symlinks.refusal(path, relative)
    if link is not None:
        return link
    if path.is_dir():
        return Problem(relative, 1, f"dit is een map, geen bestand; zet de tekst in het bestand {relative} en "
                                    f"afbeeldingen en bijlagen in de map {relative.removesuffix('.md')}/ ernaast")
    size = path.stat().st_size if path.exists() else 0
    if size > MAX_TEXT_BYTES:
        return Problem(relative, 1, f"het bestand is {size_text(size)}; een tekstbestand van de kennisbank is hooguit "
                                    f"{size_text(MAX_TEXT_BYTES)} (de tekst van een casus hooguit 40.000 tekens). "
                                    "Is dit het goede bestand?")
    return None


def read_text(path: Path, relative: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8; a BOM is tolerated, other bytes are reported with their line."""
    refusal = refused(path, relative)
    if refusal is not None:
        return None, [refusal]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(relative, line, "het bestand is geen geldige UTF-8-tekst "
                                              f"(byte 0x{raw[error.start]:02x}); sla het op als UTF-8")]
    return text.replace("\r\n", "\n"), []


_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)


def read_markdown(path: Path, relative: str) -> tuple[Source, list[Problem]]:
    """Split a content file into front matter (parsed) and body."""
    source = Source(relative)
    text, problems = read_text(path, relative)
    if text is None:
        return source, problems
    if not text.strip():
        return source, [Problem(relative, 1, "het bestand is leeg; begin met een YAML-kop tussen twee regels '---'")]
    if not text.startswith("---"):
        return source, [Problem(relative, 1, "de YAML-kop ontbreekt: het bestand moet beginnen met een regel '---'")]
    first_newline = text.find("\n")
    end = _FRONT_MATTER_END.search(text, first_newline + 1) if first_newline != -1 else None
    if end is None:
        return source, [Problem(relative, 1, "de YAML-kop wordt niet afgesloten: zet een regel '---' onder de laatste veldregel")]
    front = text[first_newline + 1: end.start()]
    problems += parse_yaml(front, source, first_line=2)
    body_start = end.end() + 1
    source.body = text[body_start:]
    source.body_line = text[:body_start].count("\n") + 1
    if source.data is None and not problems:
        problems.append(Problem(relative, 1, "de YAML-kop is leeg"))
    elif source.data is not None and not isinstance(source.data, dict):
        problems.append(Problem(relative, 2, "de YAML-kop moet bestaan uit regels 'veld: waarde'"))
    return source, problems


def read_yaml(path: Path, relative: str) -> tuple[Source, list[Problem]]:
    """Read a reference-data file (a YAML document)."""
    source = Source(relative)
    text, problems = read_text(path, relative)
    if text is None:
        return source, problems
    problems += parse_yaml(text, source)
    return source, problems
