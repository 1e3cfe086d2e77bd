"""Kennisbank Dynamische Binnensteden: the engine behind the site.

Layers, each importing only from the ones above it in this list (checked by import-linter,
see pyproject.toml):

- ``content``: the content model declared once, reading with line numbers, validation, history,
  drafts, redirects;
- ``graph``: taxonomies, backlinks, related items, coverage, and ``Site`` (corpus + graph);
- ``publish``: public URLs, open data, the feed;
- ``site``: components (escaped HTML from Jinja templates), the generated pages, macros;
- ``integration``: everything that knows MkDocs or Material (the plugin object, render cache,
  search index, Material's HTML fixes). ``hooks/`` and ``cli`` sit on top.
"""
