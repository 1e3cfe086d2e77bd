"""Take one ``## Section`` out of a case body, to show it on another page.

The oogst pages and the goede-praktijken index show each case's Resultaten and Lessen
next to other cases'. The text stays the contributor's Markdown (the page that shows it
is sanitised like a case page); its headings are shifted down so that they nest under
the heading the page puts above them. Footnotes travel with the section: the definitions
of the notes it uses come along (they usually stand at the very end of the body), and
definitions of notes it does not use stay behind.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})(\s+.*?)\s*$")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def _lines_outside_fences(body: str):
    """(line, inside_fence) for every line of the body."""
    fence = None
    for line in body.splitlines():
        match = _FENCE.match(line)
        if match and (fence is None or match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)):
            fence = None if fence else match.group(1)
            yield line, True
            continue
        yield line, fence is not None


def section(body: str, title: str, shift: int = 0) -> str:
    """The Markdown under ``## <title>`` up to the next level-1 or level-2 heading ('' if absent).

    ``shift`` moves every heading inside the section that many levels down (at most to h6).
    """
    wanted = title.strip().lower()
    found, lines = False, []
    for line, in_fence in _lines_outside_fences(body):
        heading = None if in_fence else _HEADING.match(line)
        if heading and len(heading.group(1)) <= 2:
            if found:
                break
            found = len(heading.group(1)) == 2 and heading.group(2).strip().strip("#").strip().lower() == wanted
            continue
        if found:
            if heading and shift:
                line = "#" * min(6, len(heading.group(1)) + shift) + heading.group(2)
            lines.append(line)
    return _with_its_footnotes(lines, body)


def _definitions(lines: list[str]) -> dict[str, tuple[int, int]]:
    """label -> (first, end) line indexes of each footnote definition (with its indented continuation)."""
    found: dict[str, tuple[int, int]] = {}
    index = 0
    while index < len(lines):
        match = _FOOTNOTE_DEF.match(lines[index])
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and (lines[end].startswith(("    ", "\t")) or
                                    (not lines[end].strip() and end + 1 < len(lines) and
                                     lines[end + 1].startswith(("    ", "\t")))):
            end += 1
        found.setdefault(match.group(1), (index, end))
        index = end
    return found


def _with_its_footnotes(lines: list[str], body: str) -> str:
    own = _definitions(lines)
    used = {label for line in lines for label in _FOOTNOTE_REF.findall(line)}
    unused = {index for label, (start, end) in own.items() if label not in used for index in range(start, end)}
    kept = [line for index, line in enumerate(lines) if index not in unused]
    body_lines = body.splitlines()
    everywhere = _definitions(body_lines)
    extra = ["\n".join(body_lines[start:end]) for label, (start, end) in everywhere.items()
             if label in used and label not in own]
    text = "\n".join(kept).strip()
    return text + ("\n\n" + "\n".join(extra) if extra else "")
