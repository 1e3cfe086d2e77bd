"""Permanent URLs: ``vorige_namen`` on a renamed item keeps its old web address working.

Each old name becomes a redirect from ``/<folder>/<oude-naam>/`` to the item's page; the
redirect pages themselves are written by the mkdocs-redirects plugin, whose
``redirect_maps`` the hook fills from ``redirect_map``. An old address can lead to one
place only, so an old name may not be used twice, and a new file may not take a name that
is an old name of another item (its address would silently stop redirecting).
"""

from __future__ import annotations

from pathlib import Path

from kennisbank.content.model import Corpus
from kennisbank.content.problems import Problem
from kennisbank.content.read import Source, read_markdown


def old_names(sources: dict[str, Source]) -> dict[str, tuple[str, Source, int]]:
    """old name -> (slug of the item that had it, its source, line) for the first use of each name."""
    owners: dict[str, tuple[str, Source, int]] = {}
    for slug, source in sorted(sources.items()):
        names = source.data.get("vorige_namen") if isinstance(source.data, dict) else None
        for index, name in enumerate(names if isinstance(names, list) else []):
            if isinstance(name, str) and name not in owners and name != slug:
                owners[name] = (slug, source, source.line(("vorige_namen", index)))
    return owners


def name_problems(sources: dict[str, Source], valid: set[str]) -> dict[str, list[Problem]]:
    """Clashes between file names and old names within one folder: slug -> its problems.

    ``sources`` holds every file of the folder by slug; only ``valid`` ones (schema passed)
    are trusted for their ``vorige_namen``.
    """
    trusted = {slug: source for slug, source in sources.items() if slug in valid}
    owners = old_names(trusted)
    problems: dict[str, list[Problem]] = {}
    for slug, source in sorted(trusted.items()):
        for index, name in enumerate(source.data.get("vorige_namen") or []):
            line = source.line(("vorige_namen", index))
            if name == slug:
                problems.setdefault(slug, []).append(Problem(source.path, line,
                    f"veld 'vorige_namen': '{name}' is de huidige naam van dit bestand, geen vorige; haal hem weg"))
            elif owners[name][0] != slug:
                other, other_source, other_line = owners[name]
                problems.setdefault(slug, []).append(Problem(source.path, line,
                    f"veld 'vorige_namen': '{name}' staat ook bij {other_source.path} (regel {other_line}); "
                    "een oud webadres kan maar naar één pagina doorverwijzen"))
    for slug, source in sorted(sources.items()):
        if slug in owners:
            other, other_source, other_line = owners[slug]
            problems.setdefault(slug, []).append(Problem(source.path, 1,
                f"de naam '{slug}' is een vorige naam van {other_source.path} (vorige_namen, regel {other_line}); "
                f"het oude webadres verwijst daarheen. Kies een andere bestandsnaam, of haal '{slug}' weg uit "
                f"vorige_namen van {other_source.path}"))
    return problems


def redirect_map(corpus: Corpus) -> dict[str, str]:
    """Old page -> new page (docs paths, as mkdocs-redirects wants them) for every published item."""
    return {f"{entity.folder}/{name}.md": entity.src_uri
            for entity in corpus.entities() for name in entity.vorige_namen}


def read_old_names(root: Path, folder: str) -> dict[str, str]:
    """old name -> path of the file that has it, read straight from the files (for ``kennisbank nieuw``)."""
    sources = {}
    for path in sorted((root / folder).glob("*.md")):
        source, _ = read_markdown(path, path.relative_to(root).as_posix())
        sources[path.stem] = source
    return {name: source.path for name, (_, source, _) in old_names(sources).items()}
