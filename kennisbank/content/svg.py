"""The site's own drawings (``docs/**/*.svg``: the logo, the favicon): shapes only, never script.

Contributors cannot add SVG at all (``media.py`` refuses it). The site's own SVG files are
part of its design and change by pull request like its stylesheet, but unlike a stylesheet a
reviewer sees an SVG rendered as a picture in GitHub's diff, not as the code it also is: an
SVG that a reader opens on its own runs its scripts at the site's address, where /beheer/
keeps the editor's GitHub session. So each one is parsed here (expat, with no DTD or
entities allowed) and may hold only drawing elements, no event handlers and no references
outside itself. Nothing is rewritten: a file that does not pass is reported at its line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from xml.parsers import expat

from kennisbank.content.problems import Problem

SVG = "http://www.w3.org/2000/svg"
XHTML = "http://www.w3.org/1999/xhtml"
DRAWING = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "pattern", "marker", "filter", "feBlend", "feColorMatrix", "feComposite", "feFlood", "feGaussianBlur", "feMerge",
    "feMergeNode", "feOffset",
})
EXTERNAL_URL = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)
ALLOWED = "tekenelementen zoals <path>, <rect>, <circle>, <g> en <text>"


class _Stop(Exception):
    """A DTD: parse no further (its entities could expand without end)."""


def problems(root: Path, folder: str) -> list[Problem]:
    """The problems of every SVG file in ``folder`` (links are left to ``symlinks.scan``)."""
    found = []
    for directory, _, files in os.walk(root / folder):  # does not follow links to folders
        for name in sorted(files):
            path = Path(directory) / name
            if name.lower().endswith(".svg") and not path.is_symlink():
                found += file_problems(path.read_bytes(), path.relative_to(root).as_posix())
    return found


def file_problems(data: bytes, relative: str) -> list[Problem]:
    """What in one SVG file is more than a drawing, each at its line.

    Elements in the SVG or XHTML namespace (or in none) must be drawing elements; elements of
    other namespaces (an editor's metadata: RDF, Inkscape) do nothing in a browser and may stay.
    """
    found: list[Problem] = []
    parser = expat.ParserCreate(namespace_separator=" ")

    def add(message: str) -> None:
        found.append(Problem(relative, parser.CurrentLineNumber, message))

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace in ("", SVG, XHTML) and (namespace == XHTML or local not in DRAWING):
            add(f"<{local}> hoort niet in een tekening van de site: een SVG die een lezer los opent, kan scripts "
                f"uitvoeren en andere bestanden laden op het adres van de site. Toegestaan zijn {ALLOWED}")
        for attribute, value in attributes.items():
            local_attribute = attribute.rpartition(" ")[2]
            if local_attribute.lower().startswith("on"):
                add(f"het attribuut '{local_attribute}' voert een script uit; haal het weg")
            elif local_attribute == "href" and not value.startswith("#"):
                add(f"'href=\"{value}\"' verwijst naar iets buiten deze tekening; een tekening van de site verwijst "
                    "alleen naar haar eigen delen ('#naam')")
            elif EXTERNAL_URL.search(value) or "javascript:" in value.lower():
                add(f"het attribuut '{local_attribute}' verwijst naar iets buiten deze tekening; gebruik alleen "
                    "url(#naam)")

    def refuse_declaration(*_args) -> None:
        add("een <!DOCTYPE> of <!ENTITY> hoort niet in een tekening van de site; haal die regels weg")
        raise _Stop

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse_declaration
    parser.ProcessingInstructionHandler = lambda target, _data: add(
        f"de instructie <?{target} …?> hoort niet in een tekening van de site; haal haar weg")
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as error:
        found.append(Problem(relative, error.lineno, "dit is geen geldige SVG (XML) vanaf deze regel; sla de tekening "
                                                     "opnieuw op als SVG in een tekenprogramma"))
    return found
