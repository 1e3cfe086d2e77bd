"""Every address of the site, from the docs path MkDocs serves a page at: the engine's one URL function.

Generated pages are HTML, so MkDocs does not rewrite or check their links; the engine knows
every target (it made the pages), writes each link with ``relative_url`` and the link gate in
the tests (tests/test_links.py) checks them all in the built site.
"""

from __future__ import annotations

from kennisbank.content.model import Entity, page_path


def page_url(base_url: str, entity_or_uri: Entity | str) -> str:
    """The public address of a page: ``cases/x.md`` -> ``<site_url>cases/x/``."""
    uri = entity_or_uri if isinstance(entity_or_uri, str) else entity_or_uri.src_uri
    return base_url + page_path(uri)


def relative_url(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """The link from one page to another as MkDocs writes it: 'cases/a.md' -> 'steden/x.md' is '../../steden/x/'.

    Both are docs paths (``.md``); other files (``data/cases.json``) are linked as they are. A link
    to a place on the same page is only its anchor.
    """
    if from_uri == to_uri and anchor:
        return f"#{anchor}"
    source = page_path(from_uri).rstrip("/").split("/") if page_path(from_uri) else []
    target_path = page_path(to_uri) if to_uri.endswith(".md") else to_uri
    target = target_path.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    relative = "/".join([".."] * (len(source) - common) + target[common:])
    return (relative or "./") + (f"#{anchor}" if anchor else "")
