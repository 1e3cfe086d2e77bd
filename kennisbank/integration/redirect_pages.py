"""The page at an old address (``vorige_namen``), in Dutch.

mkdocs-redirects writes a page at every old address that sends the browser on; its page is
English (``lang="en"``, "Redirecting..."). After it has written them, the same files are
written again from the Dutch template below, at the paths and with the targets the plugin
computes itself (its own functions), so nothing of the plugin is changed.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path

from kennisbank.content.model import page_path
from kennisbank.publish import csp

PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
{policy}
<title>Doorverwijzing</title>
<link rel="canonical" href="{url}">
<meta name="robots" content="noindex">
<script>{script}</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Deze pagina heeft een nieuw adres: <a href="{url}">ga naar de nieuwe pagina</a>.</p>
</body>
</html>
"""
# Keeps the place on the page (#anker) that the old address pointed at; allowed by its hash (publish/csp.py).
SCRIPT = 'var anker=window.location.hash.substr(1);location.href="{url}"+(anker?"#"+anker:"")'


def write_dutch_pages(config: MkDocsConfig, redirect_map: dict[str, str]) -> None:
    """Write the Dutch page at every old address of ``redirect_map`` (old docs path -> new docs path)."""
    for old, new in redirect_map.items():
        path = Path(config.site_dir) / get_html_path(old, config.use_directory_urls)
        if not path.exists():
            continue  # the plugin wrote none: it reported the missing target
        url = get_relative_html_path(old, page_path(new, config.use_directory_urls), config.use_directory_urls)
        script = SCRIPT.format(url=escape(url))
        path.write_text(PAGE.format(url=escape(url), script=script, policy=csp.site_meta([script])), encoding="utf-8")
