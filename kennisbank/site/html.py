"""Small helpers to draw SVG at build time: escaping, elements, text wrapping, page URLs.

Pictures on the site (the instrument ladder, the City Deal relations, the map) are plain
inline SVG written here, so that no diagram library and no request to another host is
needed. They sit in raw HTML, where MkDocs does not rewrite ``.md`` links, so links in
them are final URLs computed by ``href``.
"""

from __future__ import annotations

import html
import posixpath
import textwrap

from kennisbank.content.model import page_path


def esc(value: object) -> str:
    """Text or attribute value made safe for SVG/HTML."""
    return html.escape(str(value), quote=True)


def attributes(attrs: dict) -> str:
    """``{"class": "a", "aria_label": "b"}`` -> ``' class="a" aria-label="b"'``; None values are left out."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"'
                   for name, value in attrs.items() if value is not None)


def element(tag: str, content: str = "", **attrs) -> str:
    """One element; ``content`` is inserted as is (escape text with ``esc``)."""
    if not content:
        return f"<{tag}{attributes(attrs)}/>"
    return f"<{tag}{attributes(attrs)}>{content}</{tag}>"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (SVG text does not wrap by itself)."""
    return textwrap.wrap(str(text), width=width, break_long_words=True) or [""]


def svg(content: str, width: float, height: float, **attrs) -> str:
    """An inline SVG that scales with the page (its size is set in CSS)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}"'
            f'{attributes(attrs)}>{content}</svg>')


def href(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A relative URL from one docs page to another, as MkDocs would write it."""
    source, target = page_path(from_uri) or ".", page_path(to_uri) or "."
    relative = posixpath.relpath(target, source)
    url = "./" if relative == "." else relative + "/"
    return url + (f"#{anchor}" if anchor else "")
