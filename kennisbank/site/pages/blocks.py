"""HTML building blocks whose content is still Markdown (via md_in_html).

Overview pages need markup that plain Markdown cannot express — ``data-*`` attributes on
list items for the filters, ``<th scope>`` in tables — yet their links should stay
relative ``.md`` links, so that MkDocs checks and rewrites them. Elements written with
``markdown="1"`` (blocks) or ``markdown="span"`` (inline) give both.
"""

from __future__ import annotations

from kennisbank.site.html import attributes


def span(tag: str, markdown: str, **attrs) -> str:
    """An element whose content is inline Markdown."""
    return f'<{tag}{attributes(attrs)} markdown="span">{markdown}</{tag}>'


def block(tag: str, content: str, **attrs) -> str:
    """An element whose content is further blocks (Markdown or these helpers)."""
    return f'<{tag}{attributes(attrs)} markdown="1">\n{content}\n</{tag}>'


def table(columns: list[str], rows: list[tuple[str, list[str]]], labelled_by: str, css: str = "") -> str:
    """A table with column headers and a header cell per row (``scope`` set), named by a heading's id.

    ``columns`` are inline Markdown, the first one heads the row headers; each row is
    (row header, cells). md_in_html cannot hold a <caption>, so the table is named by
    ``aria-labelledby`` pointing at the heading above it.
    """
    # One cell per line: md_in_html parses only the first of several elements on a line.
    head = block("tr", "\n".join(span("th", column, scope="col") for column in columns))
    body = "\n".join(block("tr", "\n".join([span("th", header, scope="row")] + [span("td", cell) for cell in cells]))
                     for header, cells in rows)
    result = block("table", block("thead", head) + "\n" + block("tbody", body), aria_labelledby=labelled_by)
    # Material styles only tables without a class: the class goes on a wrapper.
    return (block("div", result, class_=css) if css else result) + "\n\n"


SR_ONLY = "kb-sr-only"


def yes_no(value: bool) -> str:
    """A matrix cell: a visible dot for yes, and words for screen readers."""
    if value:
        return f'<span aria-hidden="true">●</span><span class="{SR_ONLY}">ja</span>'
    return f'<span class="{SR_ONLY}">nee</span>'
