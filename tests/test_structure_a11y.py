"""Structure a screen reader relies on, in every page of the built site (issue 13): real headings instead
of bold paragraphs, descriptions not read twice, a page title that is the page's heading.

The faults first found here in the generated pages (bold paragraphs as headings on the home and theme
pages, the relations graph and ladders named by their description too) went with the components.
"""

from __future__ import annotations

import re

import pytest

from .gates import FIXTURES, ROOT, description_in_name, html_files, pseudo_headings, title_differs_from_heading

SITE_NAME = re.search(r"^site_name:\s*(.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1).strip()
CHECKS = {
    "koppen": pseudo_headings,
    "beschrijving": description_in_name,
    "titel": lambda html: title_differs_from_heading(html, SITE_NAME),
}
# (check, page) -> the fix the generated markup needs.


def _pages(site):
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:2000]:
            continue
        yield path.relative_to(site).as_posix(), html


@pytest.mark.parametrize("check", CHECKS)
def test_structure_on_every_page(built_site, check):
    report = [f"{page}: {problem}" for page, html in _pages(built_site) for problem in CHECKS[check](html)]
    assert not report, "\n".join(report)


def test_the_structure_checks_catch_known_problems():
    html = (FIXTURES / "auditor" / "structuur.html").read_text(encoding="utf-8")
    assert pseudo_headings(html), "vetgedrukte alinea niet gevonden"
    assert description_in_name(html), "beschrijving in de naam niet gevonden"
    assert title_differs_from_heading(html, "Proefsite"), "titel die niet de kop is niet gevonden"
