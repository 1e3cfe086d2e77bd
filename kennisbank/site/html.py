"""A small builder for the HTML and SVG that Python draws (the ladder, the relations graph, the map, charts).

It escapes by default, with the same rules as the Jinja templates (MarkupSafe): a child or
attribute value that is not ``Markup`` is text, so contributor text can never become an
element or an attribute. Pictures are plain inline SVG written at build time: no diagram
library, no request to another host.
"""

from __future__ import annotations

import textwrap

from markupsafe import Markup, escape


def attributes(attrs: dict[str, object]) -> Markup:
    """``{"class_": "a", "aria_label": "b"}`` -> `` class="a" aria-label="b"``; None values are left out."""
    return Markup("").join(Markup(' {}="{}"').format(name.rstrip("_").replace("_", "-"), value)
                           for name, value in attrs.items() if value is not None)


def element(tag: str, *children: object, **attrs: object) -> Markup:
    """One element; each child is escaped unless it is Markup already."""
    inner = Markup("").join(escape(child) for child in children if child is not None and child != "")
    if not inner and tag not in ("text", "title", "desc", "a", "g", "svg"):
        return Markup("<{}{}/>").format(Markup(tag), attributes(attrs))
    return Markup("<{}{}>{}</{}>").format(Markup(tag), attributes(attrs), inner, Markup(tag))


def svg(*children: object, width: float, height: float, **attrs: object) -> Markup:
    """An inline SVG that scales with the page (its size is set in CSS)."""
    return element("svg", *children, xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {width:g} {height:g}", **attrs)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken between words only (SVG text does not wrap by itself).

    A word longer than the line stays whole: a line that is too long is better than a word cut in two.
    """
    return textwrap.wrap(str(text), width=width, break_long_words=False, break_on_hyphens=False) or [""]
