"""mkdocs serve: a generated page or data file is made again only when what it shows has changed.

Why: at 1,000 cases, making every generated page from its template (item pages, term pages,
overviews, the decision aid, the oogst pages, …) and the data files the pages read took several
seconds of every rebuild of ``mkdocs serve``, while an edit changes one file. The render store
(rendercache.py) skips MkDocs' work for a page whose Markdown did not change; this skips ours.

How: every kind of page declares, per page, what it shows (``site/inputs.py``: the page's
inputs, such as the cards of the items it lists or the full text of its own item). A page whose
inputs are the same as in the previous build of this process is taken as it was; the others are
made. Data/ and the site's address are part of every page's inputs. So a change in the text of
one case makes its own page again (and the pages that quote its text: its row for /vergelijk/,
an oogst or goede-praktijken page that shows its Lessen); a new title makes again the pages
that list the case. tests/test_performance_structure.py checks, for each kind of edit, that
the preview is the site a fresh build makes, page by page.
"""

from __future__ import annotations

from typing import Any, TypeVar

from kennisbank.graph import Site
from kennisbank.integration.rendercache import digest
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages import data_files, planned
from kennisbank.site.render import Page

T = TypeVar("T")


class KeptPages:
    """The generated pages and data files of the previous build of this process, each with its inputs' digest."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, Any]] = {}
        self.made: list[str] = []  # src_uris made in the last build (the rest were kept)

    def build(self, site: Site, inputs: Inputs) -> tuple[list[Page], list[tuple[str, str]]]:
        """Every generated page, and every data file as (site path, content): kept where nothing they show changed."""
        self.made = []
        pages = [self._kept_or_made(plan, inputs.reference) for plan in planned(site, inputs)]
        files = [(plan.src_uri, self._kept_or_made(plan, inputs.reference)) for plan in data_files(site, inputs)]
        present = {page.src_uri for page in pages} | {uri for uri, _ in files}
        for gone in [uri for uri in self._kept if uri not in present]:
            del self._kept[gone]
        return pages, files

    def _kept_or_made(self, plan: Planned[T], shared: str) -> T:
        key = digest(shared, plan.inputs())
        kept = self._kept.get(plan.src_uri)
        if kept is None or kept[0] != key:
            kept = self._kept[plan.src_uri] = (key, plan.make())
            self.made.append(plan.src_uri)
        return kept[1]
