"""A page listing every content problem, so a contributor previewing with ``mkdocs serve`` sees them."""

from __future__ import annotations

import html

from kennisbank.graph import Site
from kennisbank.site.pages.common import GeneratedPage, Site


def pages(site: Site):
    problems = site.corpus.problems
    if not problems:
        return
    rows = "".join(f"<li><code>{html.escape(str(problem))}</code></li>\n" for problem in problems)
    yield GeneratedPage("problemen.md",
                        "# Problemen in de inhoud\n\n"
                        f"De inhoud bevat {len(problems)} probleem/problemen. Bestanden met een probleem staan niet op de "
                        "site tot het is opgelost.\n\n<ul>\n" + rows + "</ul>\n")
