"""Renames: the web addresses that have been published, kept in the repository (``gepubliceerd.yml``).

A case renamed without ``vorige_namen`` loses its old address: links from elsewhere and
search engines get a 404, and nothing in a pull request shows it. So the repository keeps a
manifest of every id that has been on the site, per kind, with its title:

    casus:
      dordrecht-strategische-aankoop-aanloopstraat: Strategische aankoop in de aanloopstraat

``kennisbank check`` compares the content with it. An id in the manifest must still be a file,
or an old name (``vorige_namen``) of one; if not, the check says which file is most likely the
new name (same title, or the most similar new file) and what to add to it. Removing an item on
purpose is removing its line from the manifest, in the same pull request, where reviewers see it.

``kennisbank gepubliceerd`` adds every item that is published now (valid and not a draft) and
keeps what was there: an id, once published, stays until someone removes it by hand. The
manifest lives at the root, not in ``data/``: a copy of the reference data (as the tests make)
then does not bring the real site's addresses along. Without the file there is nothing to compare.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from kennisbank.content.model import ENTITY_TYPES
from kennisbank.content.problems import Problem
from kennisbank.content.read import Source, read_yaml

MANIFEST = "gepubliceerd.yml"

HEADER = """\
# Elke casus, elk instrument en elke toolkit die op de site heeft gestaan: id (bestandsnaam zonder .md) en titel.
#
# 'kennisbank check' vergelijkt de inhoud met deze lijst: een id hieronder moet nog een bestand zijn, of in
# 'vorige_namen' van een bestand staan (dan verwijst het oude webadres door). Zo valt een hernoeming zonder
# vorige_namen op voordat het oude adres een 404 geeft.
#
# Bijwerken (voegt toe wat nu gepubliceerd is, haalt niets weg):  kennisbank gepubliceerd
# Een item bewust van de site halen: haal zijn regel hier weg, in dezelfde pull request.
"""


def read_manifest(root: Path) -> tuple[dict[str, dict[str, str]] | None, Source | None, list[Problem]]:
    """kind -> {id: title} from gepubliceerd.yml; None when there is no manifest."""
    path = root / MANIFEST
    if not path.exists() and not path.is_symlink():  # a link is refused by read_yaml
        return None, None, []
    source, problems = read_yaml(path, MANIFEST)
    if problems:
        return None, source, problems
    data = source.data or {}
    if not isinstance(data, dict):
        return None, source, [Problem(MANIFEST, 1, "verwacht 'casus:', 'instrument:' en 'toolkit:', elk met regels "
                                                   "'id: titel'")]
    manifest: dict[str, dict[str, str]] = {}
    for kind, items in data.items():
        if kind not in ENTITY_TYPES:
            problems.append(Problem(MANIFEST, source.line((kind,)),
                                    f"onbekende soort '{kind}'; verwacht: {', '.join(ENTITY_TYPES)}"))
            continue
        if not isinstance(items, dict):
            problems.append(Problem(MANIFEST, source.line((kind,)), f"onder '{kind}:' horen regels 'id: titel'"))
            continue
        manifest[kind] = {str(key): str(value or "") for key, value in items.items()}
    return manifest, source, problems


def rename_problems(root: Path, sources: dict[str, dict[str, Source]], drafts: dict[str, set[str]],
                    include_drafts: bool) -> list[Problem]:
    """An id that was published but is neither a file nor an old name of one: where to add vorige_namen.

    ``sources``: kind -> slug -> parsed file (also files with errors); ``drafts``: kind -> draft slugs.
    """
    manifest, manifest_source, problems = read_manifest(root)
    if manifest is None:
        return problems
    for kind, published in manifest.items():
        cls = ENTITY_TYPES[kind]
        files = sources.get(kind, {})
        old_names = {name for source in files.values() if isinstance(source.data, dict)
                     for name in (source.data.get("vorige_namen") or []) if isinstance(name, str)}
        new = {slug: source for slug, source in files.items() if slug not in published}
        for slug, title in published.items():
            if slug in files:
                if slug in drafts.get(kind, set()) and not include_drafts:
                    problems.append(Problem(files[slug].path, 1,
                        f"{cls.singular} '{slug}' staat op de site (volgens {MANIFEST}), maar is nu een concept: "
                        f"het webadres /{cls.folder}/{slug}/ verdwijnt. Haal 'concept: true' weg, of haal '{slug}' "
                        f"weg uit {MANIFEST} als het bewust van de site gaat"))
                continue
            if slug in old_names:
                continue
            old = f"{cls.source_folder}/{slug}.md"
            candidate = _likely_new_name(slug, title, new)
            if candidate is not None:
                problems.append(Problem(new[candidate].path, 1,
                    f"{old} stond op de site (/{cls.folder}/{slug}/), maar bestaat niet meer. Is dit bestand de "
                    f"nieuwe naam, voeg dan `vorige_namen: [{slug}]` toe aan {new[candidate].path}, zodat het oude "
                    f"webadres doorverwijst. Is het bewust weggehaald? Haal '{slug}' dan weg uit {MANIFEST}"))
            else:
                line = manifest_source.line((kind, slug)) if manifest_source else 1
                problems.append(Problem(MANIFEST, line,
                    f"{old} stond op de site (/{cls.folder}/{slug}/), maar bestaat niet meer. Hernoemd? Dan: voeg "
                    f"`vorige_namen: [{slug}]` toe aan het nieuwe bestand in {cls.source_folder}/. Bewust "
                    f"weggehaald? Haal deze regel dan weg"))
    return problems


def _title(source: Source) -> str:
    data = source.data if isinstance(source.data, dict) else {}
    return str(data.get("titel") or data.get("naam") or "")


def _likely_new_name(slug: str, title: str, new: dict[str, Source]) -> str | None:
    """The new file that most likely is ``slug`` renamed: the same title, else the most similar one."""
    if not new:
        return None
    for candidate, source in sorted(new.items()):
        if title and _title(source).strip().lower() == title.strip().lower():
            return candidate

    def likeness(candidate: str) -> float:
        by_name = difflib.SequenceMatcher(None, slug, candidate).ratio()
        by_title = difflib.SequenceMatcher(None, title.lower(), _title(new[candidate]).lower()).ratio() if title else 0
        return max(by_name, by_title)
    best = max(sorted(new), key=likeness)
    return best if likeness(best) >= 0.5 or len(new) == 1 else None


def updated_manifest(root: Path, published: dict[str, dict[str, str]]) -> tuple[str, dict[str, list[str]]]:
    """The manifest text with every published item added (titles refreshed), and the ids added per kind."""
    manifest, _, _ = read_manifest(root)
    manifest = manifest or {}
    added: dict[str, list[str]] = {}
    merged: dict[str, dict[str, str]] = {}
    for kind in ENTITY_TYPES:
        items = dict(manifest.get(kind, {}))
        for slug, title in published.get(kind, {}).items():
            if slug not in items:
                added.setdefault(kind, []).append(slug)
            items[slug] = title
        merged[kind] = dict(sorted(items.items()))
    body = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return HEADER + "\n" + body, added
