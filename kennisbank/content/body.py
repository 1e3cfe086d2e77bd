"""The Markdown body of a content file as the checks see it: links, images, headings, footnotes, raw HTML.

Python-Markdown keeps no line numbers, and the checks must say ``path:line``. So the body is
scanned here: code (fenced and indented blocks, code spans) and HTML comments are first
blanked out, character for character with the newlines kept, so that nothing in code is taken
for a link and every offset in the blanked text is the offset in the body. The patterns
follow what Python-Markdown (as MkDocs configures it in mkdocs.yml) turns into a link, an
image, a heading or a footnote.

This module also holds the rules for a body that need no other file: the sections of a case
(``Casus.sections``), the size limit, footnotes that point nowhere, references without a
definition, and raw HTML that the sanitiser would silently remove.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

from kennisbank.content.problems import Problem

MAX_BODY_CHARACTERS = 40_000  # about 6,000 words; the largest case so far has 3,000 characters

# The HTML tags the sanitiser keeps (kennisbank/site/sanitize.py; a test keeps both equal). A tag
# outside this list disappears from the page without a word, so the check names it.
KEPT_HTML_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})


@dataclass(frozen=True)
class Link:
    """A link or image in the body: where it is, what it says, where it points."""

    line: int  # line in the file
    text: str  # link text, or an image's alt text
    target: str  # as written, without <> around it
    image: bool
    start: int  # offsets of ``target`` in the body (for rewriting it)
    end: int
    form: str = "markdown"  # "markdown", "definitie" ([x]: url), "autolink" (<https://…>), "html"


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # without closing #'s and without an attribute list
    anchor: str | None = None  # an explicit {#id}


@dataclass(frozen=True)
class Mark:
    """A footnote reference ([^1]) or definition ([^1]: …), or a use of a reference link ([x][label])."""

    line: int
    label: str
    start: int
    end: int


@dataclass
class Body:
    """A scanned body; ``first_line`` is the line of the file its first line is on."""

    text: str
    first_line: int = 1
    masked: str = ""
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    footnote_refs: list[Mark] = field(default_factory=list)
    footnote_defs: list[Mark] = field(default_factory=list)
    reference_uses: list[Mark] = field(default_factory=list)
    reference_defs: dict[str, Mark] = field(default_factory=dict)
    html_tags: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text_line(self) -> int:
        """The line of the first text in the body (the body itself starts on the blank line after '---')."""
        stripped = self.text.lstrip("\n")
        return self.first_line + len(self.text) - len(stripped) if stripped else self.first_line

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [index + 1 for index, char in enumerate(self.text) if char == "\n"]

    def line_of(self, offset: int) -> int:
        """The file's line number of an offset in the body."""
        return self.first_line + bisect.bisect_right(self._line_starts, offset) - 1


# -- blanking code ------------------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>|]")


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_blocks(text: str) -> str:
    """Fenced and indented code blocks blanked, line by line."""
    out = []
    fence = None
    previous_blank, in_list, in_code = True, False, False
    for line in text.split("\n"):
        if fence is not None:
            match = _FENCE.match(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip()[len(match.group(1)):].strip():
                fence = None
            out.append(_blank(line))
            continue
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
            out.append(_blank(line))
            previous_blank = False
            continue
        if not line.strip():
            out.append(line)
            previous_blank = True
            continue
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        if _LIST_ITEM.match(expanded):
            in_list = True
        elif indent == 0 and previous_blank:
            in_list = False
        if indent >= 4 and not in_list and (previous_blank or in_code):
            in_code = True
            out.append(_blank(line))
        else:
            in_code = False
            out.append(line)
        previous_blank = False
    return "\n".join(out)


def _blank_spans(text: str) -> str:
    for pattern in (_COMMENT, _CODE_SPAN, _ESCAPE):
        text = pattern.sub(lambda match: _blank(match.group(0)), text)
    return text


# -- scanning -----------------------------------------------------------------------------

_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\([ \t]*\n?[ \t]*(?:<(?P<angled>[^<>\n]*)>|(?P<target>(?:[^\s()]|\([^\s()]*\))*))"
    r"(?:[ \t]+\n?[ \t]*(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*\)"
)
_REFERENCE_DEF = re.compile(r"^ {0,3}\[(?P<label>(?!\^)[^\]\n]+)\]:[ \t]*\n?[ \t]*(?:<(?P<angled>[^<>\n]*)>|(?P<target>\S+))",
                            re.M)
_REFERENCE_USE = re.compile(r"(?P<bang>!?)\[(?P<text>[^\[\]\n]+)\]\[(?P<label>[^\[\]\n]*)\]")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^(?P<label>[^\]\s]+)\]:", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
_AUTOLINK = re.compile(r"<(?P<target>(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]+)|(?:[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+))>")
_TAG = re.compile(r"<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attributes>(?:\s+[^<>]*?)?)\s*/?>")
_ATTRIBUTE = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)")
_ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<underline>=+|-+)[ \t]*$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^}]*)\}[ \t]*$")
_NOT_A_PARAGRAPH = re.compile(r"^ {0,3}(?:#|>|\||[-*+][ \t]|\d{1,9}[.)][ \t]|<)")


def _heading(line_number: int, level: int, text: str) -> Heading:
    anchor = None
    attributes = _ATTR_LIST.search(text)
    if attributes:
        found = re.search(r"#([^\s}]+)", attributes.group("attrs"))
        anchor = found.group(1) if found else None
        text = text[: attributes.start()]
    return Heading(line_number, level, text.strip(), anchor)


def scan(text: str, first_line: int = 1) -> Body:
    """Every link, image, heading, footnote, reference and raw HTML tag of a body, with its line."""
    body = Body(text, first_line)
    masked = _blank_spans(_blank_blocks(text))
    for match in _AUTOLINK.finditer(masked):  # <https://…> is a link, not a tag
        body.links.append(Link(body.line_of(match.start()), match.group("target"), match.group("target"), False,
                               match.start("target"), match.end("target"), "autolink"))
    masked = _AUTOLINK.sub(lambda match: _blank(match.group(0)), masked)
    body.masked = masked

    for match in _FOOTNOTE_DEF.finditer(masked):
        body.footnote_defs.append(Mark(body.line_of(match.start()), match.group("label"), match.start(), match.end()))
    definitions = {mark.start + len(masked[mark.start:mark.end]) - len(masked[mark.start:mark.end].lstrip(" "))
                   for mark in body.footnote_defs}  # where the '[' of each definition is
    for match in _FOOTNOTE_REF.finditer(masked):
        if match.start() not in definitions:
            body.footnote_refs.append(Mark(body.line_of(match.start()), match.group("label"), match.start(),
                                           match.end()))

    for match in _REFERENCE_DEF.finditer(masked):
        group = "angled" if match.group("angled") is not None else "target"
        label = " ".join(match.group("label").lower().split())
        body.reference_defs.setdefault(label, Mark(body.line_of(match.start()), label, match.start(), match.end()))
        body.links.append(Link(body.line_of(match.start(group)), match.group("label"), text[match.start(group):
                               match.end(group)], False, match.start(group), match.end(group), "definitie"))
    for match in _REFERENCE_USE.finditer(masked):
        label = " ".join((match.group("label") or match.group("text")).lower().split())
        if not label.startswith("^"):
            body.reference_uses.append(Mark(body.line_of(match.start()), label, match.start(), match.end()))

    for match in _INLINE.finditer(masked):
        group = "angled" if match.group("angled") is not None else "target"
        body.links.append(Link(body.line_of(match.start()), text[match.start("text"):match.end("text")],
                               text[match.start(group):match.end(group)], bool(match.group("bang")),
                               match.start(group), match.end(group)))

    for match in _TAG.finditer(masked):
        name = match.group("name").lower()
        line = body.line_of(match.start())
        body.html_tags.append((line, name))
        attributes = {key.lower(): value.strip("\"'") for key, value in _ATTRIBUTE.findall(match.group("attributes"))}
        key = {"img": "src", "a": "href"}.get(name)
        if key and key in attributes:
            start = match.start("attributes") + match.group("attributes").find(attributes[key])
            body.links.append(Link(line, attributes.get("alt", ""), attributes[key], name == "img", start,
                                   start + len(attributes[key]), "html"))

    lines = masked.split("\n")
    original = text.split("\n")
    for index, text_line in enumerate(lines):
        atx = _ATX.match(text_line)
        if atx:
            body.headings.append(_heading(first_line + index, len(atx.group("hashes")),
                                          (original[index][atx.start("text"):atx.end("text")]
                                           if atx.group("text") else "")))
            continue
        setext = _SETEXT.match(text_line)
        if (setext and index > 0 and lines[index - 1].strip() and not _NOT_A_PARAGRAPH.match(lines[index - 1])
                and (index == 1 or not lines[index - 2].strip())):
            level = 1 if setext.group("underline")[0] == "=" else 2
            body.headings.append(_heading(first_line + index - 1, level, original[index - 1]))
    body.headings.sort(key=lambda heading: heading.line)
    body.links.sort(key=lambda link: (link.start, link.form))
    return body


# -- rules for a body on its own -----------------------------------------------------------

def structure_problems(path: str, body: Body, sections: tuple[str, ...], noun: str = "casus") -> list[Problem]:
    """The required ``## sections`` of a kind, in order; more sections are allowed anywhere."""
    if not sections:
        return []
    wanted = [name.lower() for name in sections]
    listed = ", ".join(f"'## {name}'" for name in sections[:-1]) + f" en '## {sections[-1]}'"
    rule = f"een {noun} heeft de delen {listed}, in die volgorde (meer kopjes mogen ertussen)"
    problems = []
    found: dict[str, Heading] = {}
    for heading in body.headings:
        name = heading.text.strip().rstrip(":").strip().lower()
        if name in wanted:
            if heading.level != 2:
                problems.append(Problem(path, heading.line,
                    f"'{'#' * heading.level} {heading.text}' moet een kopje van het tweede niveau zijn: "
                    f"schrijf '## {sections[wanted.index(name)]}' (twee hekjes)"))
            found.setdefault(name, heading)
            continue
        if heading.level <= 2:
            close = difflib.get_close_matches(name, [w for w in wanted if w not in found], n=1, cutoff=0.75)
            if close:
                right = sections[wanted.index(close[0])]
                problems.append(Problem(path, heading.line,
                    f"kopje '{heading.text}': bedoelde u '## {right}'? {rule[0].upper()}{rule[1:]}"))
                found.setdefault(close[0], heading)
    if not body.headings and body.text.strip() == "":
        return [Problem(path, max(body.first_line - 1, 1), f"de tekst onder de YAML-kop ontbreekt; {rule}")]
    if not found and not problems:
        return [Problem(path, body.text_line, f"de tekst heeft niet de vaste kopjes; {rule}")]
    missing = [sections[index] for index, name in enumerate(wanted) if name not in found]
    if missing:
        # where the first missing one belongs: above the next section that is there, else at the end
        after = [found[name].line for name in wanted[wanted.index(missing[0].lower()) + 1:] if name in found]
        last = after[0] if after else body.line_of(len(body.text.rstrip()))
        names = [f"'## {name}'" for name in missing]
        said = (f"het kopje {names[0]} ontbreekt" if len(names) == 1 else
                f"de kopjes {', '.join(names[:-1])} en {names[-1]} ontbreken")
        problems.append(Problem(path, last, f"{said}; {rule}"))
    present = [name for name in wanted if name in found]
    by_line = sorted(present, key=lambda name: found[name].line)
    if by_line != present:
        first_wrong = next(name for name, expected in zip(by_line, present, strict=True) if name != expected)
        problems.append(Problem(path, found[first_wrong].line,
            f"'## {sections[wanted.index(first_wrong)]}' staat niet op zijn plaats; {rule}"))
    return problems


def size_problems(path: str, body: Body) -> list[Problem]:
    size = len(body.text)
    if size <= MAX_BODY_CHARACTERS:
        return []
    return [Problem(path, body.text_line,
        f"de tekst is {size:,} tekens lang; de grens is {MAX_BODY_CHARACTERS:,} tekens (ongeveer 6.000 woorden). "
        "Vat de tekst samen en zet een lang verslag als PDF-bijlage in de map van dit bestand".replace(",", "."))]


def footnote_problems(path: str, body: Body) -> list[Problem]:
    """A footnote used but never written shows as '[^1]' on the page; one written but never used fails the build."""
    problems = []
    defined: dict[str, Mark] = {}
    for mark in body.footnote_defs:
        if mark.label in defined:
            problems.append(Problem(path, mark.line, f"voetnoot [^{mark.label}] staat twee keer onderaan (ook op regel "
                                                     f"{defined[mark.label].line}); geef elke voetnoot een eigen naam"))
        defined.setdefault(mark.label, mark)
    used = {mark.label for mark in body.footnote_refs}
    for mark in body.footnote_refs:
        if mark.label not in defined:
            problems.append(Problem(path, mark.line,
                f"voetnoot [^{mark.label}] heeft geen tekst: zet onderaan een regel '[^{mark.label}]: …' met de "
                "voetnoot, anders staat er letterlijk '[^" + mark.label + "]' op de pagina"))
    for label, mark in defined.items():
        if label not in used:
            problems.append(Problem(path, mark.line,
                f"voetnoot [^{label}] wordt nergens in de tekst gebruikt: zet [^{label}] achter de zin waar hij "
                "bij hoort, of haal de voetnoot weg"))
    return problems


def reference_problems(path: str, body: Body) -> list[Problem]:
    """'[tekst][label]' without a line '[label]: adres' stays literal text on the page."""
    return [Problem(path, mark.line,
                    f"de link '[…][{mark.label}]' verwijst naar '[{mark.label}]', maar die staat nergens als "
                    f"'[{mark.label}]: adres'; schrijf de link als [tekst](adres) of voeg die regel toe")
            for mark in body.reference_uses if mark.label not in body.reference_defs]


def html_problems(path: str, body: Body) -> list[Problem]:
    """Raw HTML the sanitiser removes (an iframe, a script, a form) disappears without a trace: say so."""
    problems, seen = [], set()
    for line, tag in body.html_tags:
        if tag not in KEPT_HTML_TAGS and (line, tag) not in seen:
            seen.add((line, tag))
            what = ("ingesloten inhoud van een andere site (zoals een video of kaart) laadt de site niet, om de "
                    "privacy van bezoekers te beschermen" if tag in ("iframe", "embed", "object", "video", "audio", "source")
                    else "scripts, stijlen en formulieren kunnen niet in een bijdrage" if tag in (
                        "script", "style", "form", "input", "button", "link", "meta")
                    else "alleen eenvoudige opmaak blijft staan")
            problems.append(Problem(path, line, f"HTML-tag <{tag}> wordt van de pagina gehaald: {what}. "
                                                "Gebruik Markdown, of een link naar de inhoud"))
    return problems


_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?P<inner>[^{}\n]*)\}")  # Markdown's attr_list: {: #id .class key=value }
_REMOVED_ATTRIBUTE = re.compile(r"(?<![\w-])(?P<name>on[a-z]+|style)\s*=", re.IGNORECASE)


def attribute_problems(path: str, body: Body) -> list[Problem]:
    """An event handler or a style in an attribute list ({ onclick=… }) is taken off the page by the sanitiser,
    without a trace: say so, as for raw HTML."""
    problems = []
    for match in _ATTRIBUTE_LIST.finditer(body.masked):
        for name in dict.fromkeys(found.group("name").lower() for found in _REMOVED_ATTRIBUTE.finditer(match["inner"])):
            what = "een stijl" if name == "style" else "een script"
            problems.append(Problem(path, body.line_of(match.start()),
                                    f"het attribuut '{name}' in '{{…}}' wordt van de pagina gehaald: {what} kan niet "
                                    "in een bijdrage. Haal het weg; de opmaak van de site zorgt voor de rest"))
    return problems


def body_problems(path: str, body: Body, sections: tuple[str, ...], noun: str) -> list[Problem]:
    """Every rule of this module for one body."""
    return (structure_problems(path, body, sections, noun) + size_problems(path, body) + footnote_problems(path, body)
            + reference_problems(path, body) + html_problems(path, body) + attribute_problems(path, body))
