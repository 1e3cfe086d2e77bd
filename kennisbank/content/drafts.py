"""Drafts: ``concept: true`` keeps a case, instrument or toolkit off the public site.

The filter sits in one place, ``load_corpus(include_drafts=…)``: a draft that is left out
is simply not in the corpus, so no page, list, term page, search index, sitemap or export
can show it. The preview switch is the environment variable ``KENNISBANK_CONCEPTEN=1``;
then drafts are in the corpus and their page carries a "Concept" banner.

A published item must not point at a draft: on the public site that link would be dead.
"""

from __future__ import annotations

import os
from dataclasses import replace

from kennisbank.content.problems import Problem
from kennisbank.content.read import Source
from kennisbank.content.validate import _values_at, checked_references, field_name, item_file

PREVIEW_SWITCH = "KENNISBANK_CONCEPTEN"

BANNER = (
    '!!! warning "Concept"\n'
    "    Dit is een concept. Het staat niet op de openbare site en in geen enkele lijst; u ziet het alleen "
    f"in de voorvertoning met `{PREVIEW_SWITCH}=1`. Haal `concept: true` weg om het te publiceren.\n\n"
)


def preview_requested(environ=os.environ) -> bool:
    """True when the preview switch asks to show drafts."""
    return environ.get(PREVIEW_SWITCH, "").strip().lower() in ("1", "true", "ja", "yes")


def is_draft(data: object) -> bool:
    return isinstance(data, dict) and data.get("concept") is True


def with_banners(pages: list, corpus) -> list:
    """The generated pages, each draft's page with the "Concept" banner under its title.

    Done here, on the finished pages, so every kind of item page gets it without each
    page generator having to remember.
    """
    drafts = {entity.src_uri for entity in corpus.entities() if entity.concept}
    return [replace(page, markdown=_insert_banner(page.markdown)) if page.src_uri in drafts else page
            for page in pages]


def _insert_banner(markdown: str) -> str:
    title, _, rest = markdown.partition("\n")
    if not title.startswith("# "):
        return BANNER + markdown
    return f"{title}\n\n{BANNER}{rest.lstrip()}"


def reference_problems(kind: str, source: Source, drafts: dict[str, set[str]]) -> list[Problem]:
    """A published item that points at a draft (``drafts``: kind -> draft slugs)."""
    problems = []
    for dotted, target in checked_references(kind).items():
        if target not in drafts:
            continue
        for location, value in _values_at(source.data, dotted):
            if value in drafts[target]:
                problems.append(Problem(source.path, source.line(location),
                    f"veld '{field_name(location)}' verwijst naar {target} '{value}', maar {item_file(target, value)} is "
                    "een concept (concept: true) en staat niet op de openbare site; publiceer dat eerst of haal de "
                    "verwijzing weg"))
    return problems
