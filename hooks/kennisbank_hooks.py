"""MkDocs glue: every event goes to the engine's plugin object (kennisbank/integration/plugin.py).

MkDocs loads this file anew for every build of ``mkdocs serve``; the object lives on in the
engine, so what serve re-uses between builds survives.
"""

from __future__ import annotations

from kennisbank.integration.plugin import Kennisbank

plugin = Kennisbank.instance()

on_startup = plugin.on_startup
on_config = plugin.on_config
on_files = plugin.on_files
on_nav = plugin.on_nav
on_env = plugin.on_env
on_page_markdown = plugin.on_page_markdown
on_page_content = plugin.on_page_content
on_page_context = plugin.on_page_context
on_post_page = plugin.on_post_page
on_post_template = plugin.on_post_template
on_post_build = plugin.on_post_build
on_build_error = plugin.on_build_error
on_serve = plugin.on_serve
