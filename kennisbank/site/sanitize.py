"""Sanitise the HTML of pages that hold contributor Markdown.

Contributors write Markdown, which may contain raw HTML. After MkDocs renders such a
page, its HTML goes through nh3 (ammonia) with an allowlist: no scripts, no event
attributes, no iframes, and links only to http(s), mailto, tel or relative targets.
Front matter cannot switch this off: the hook applies it to every generated detail page.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
GENERIC_ATTRIBUTES = {"class", "id", "title", "lang", "role", "aria-label", "aria-hidden", "aria-describedby"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _no_remote_images(tag: str, attribute: str, value: str) -> str | None:
    """Images load only from this site: a remote src would leak the visitor's address."""
    if tag == "img" and attribute == "src" and ("://" in value or value.startswith("//")):
        return None
    return value


def sanitize(html: str) -> str:
    """Keep safe markup only; unsafe tags lose their markup, script and style lose their content too."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"*": GENERIC_ATTRIBUTES, **ALLOWED_ATTRIBUTES},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
        attribute_filter=_no_remote_images,
    )
