"""Every page gets its Content-Security-Policy (publish/csp.py), with Material's inline scripts hashed.

Material writes small inline scripts into every page (the storage helpers with the site's scope,
the remembered colour palette, the tab a link points at; more with other features). A policy
without ``'unsafe-inline'`` refuses them unless it names each by its hash. Which scripts are
Material's is read from Material itself, from its ``partials/javascripts/*.html`` at build time:
each becomes a pattern in which only its template expressions (an address such as ``"../.."``)
may vary. A script on a page that matches one of them is hashed into the policy; any other inline
script, such as one that slipped through from content, is not, and the browser refuses it. A
Material update that changes its scripts changes the patterns with it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from kennisbank.publish import csp

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_ADDRESS = r'[\w./:%-]*'  # what a template expression in these scripts stands for: a URL or a path
_HEAD = re.compile(r"<head>\s*(<meta charset=\"utf-8\">)?")


@cache
def material_scripts() -> tuple[re.Pattern[str], ...]:
    """One pattern per inline script in Material's partials/javascripts."""
    folder = files("material") / "templates" / "partials" / "javascripts"
    patterns = []
    for partial in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not partial.name.endswith(".html"):
            continue
        template = _JINJA_COMMENT.sub("", partial.read_text(encoding="utf-8"))
        for script in _INLINE_SCRIPT.findall(template):
            literal = [re.escape(part) for part in _EXPRESSION.split(script)]
            patterns.append(re.compile(_ADDRESS.join(literal)))
    return tuple(patterns)


def is_material_script(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in material_scripts())


def protect(html: str) -> str:
    """The page with its policy as the first element of <head>; Material's inline scripts hashed into it."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    scripts = [text for text in _INLINE_SCRIPT.findall(html) if is_material_script(text)]
    head = _HEAD.search(html)
    if head is None:
        return html
    return html[:head.end()] + csp.site_meta(scripts) + html[head.end():]
