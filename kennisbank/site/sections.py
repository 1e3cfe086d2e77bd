"""Take one ``## Section`` out of a case body, to show it on another page.

The oogst pages and the goede-praktijken index show each case's Resultaten and Lessen
next to other cases'. The text stays the contributor's Markdown (the page that shows it
is sanitised like a case page); its headings are shifted down so that they nest under
the heading the page puts above them.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})(\s+.*?)\s*$")
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
    return "\n".join(lines).strip()
