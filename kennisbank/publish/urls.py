"""The public address of every page, from the docs path MkDocs serves it at."""

from __future__ import annotations

from kennisbank.content.model import Entity, page_path


def page_url(base_url: str, entity_or_uri: Entity | str) -> str:
    """The public address of a page: ``cases/x.md`` -> ``<site_url>cases/x/``."""
    uri = entity_or_uri if isinstance(entity_or_uri, str) else entity_or_uri.src_uri
    return base_url + page_path(uri)
