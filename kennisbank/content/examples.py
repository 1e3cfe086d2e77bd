"""Example content: cases marked ``voorbeeld: true`` are illustrations, not real projects.

Wherever an example shows, it says so (a "Voorbeeld" badge, the notice on its page, "waarvan N
voorbeelden" in counts). The public production site can leave them out altogether: with
``extra: {voorbeelden: false}`` in mkdocs.yml, ``without_examples`` removes them from the corpus
before anything is built, and removes the references other items make to them (a toolkit's
example cases), so no page, list, count, chart, oogst page, feed, export, search entry or
sitemap line can show one. This is the one place that does it, as ``load_corpus`` is for drafts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kennisbank.content.model import ENTITY_TYPES, Corpus
from kennisbank.content.registry import relations

SWITCH = "voorbeelden"  # the key in mkdocs.yml's extra: true (default) shows examples, false leaves them out


def is_example(entity: object) -> bool:
    return bool(getattr(entity, "voorbeeld", False))


def without_examples(corpus: Corpus) -> Corpus:
    """The corpus without example items, and without references to them."""
    gone = {(entity.kind, entity.id) for entity in corpus.entities() if is_example(entity)}
    if not gone:
        return corpus
    kept = replace(corpus, cases={}, instrumenten={}, toolkits={})
    for entity in corpus.entities():
        if (entity.kind, entity.id) in gone:
            continue
        changes: dict[str, Any] = {}
        for item in relations(type(entity)):
            target = item.about.points_at
            if target in ENTITY_TYPES and isinstance(getattr(entity, item.name), list):
                values = [value for value in getattr(entity, item.name) if (target, value) not in gone]
                if values != getattr(entity, item.name):
                    changes[item.name] = values
        kept.of_kind(entity.kind)[entity.id] = replace(entity, **changes) if changes else entity
    return kept
