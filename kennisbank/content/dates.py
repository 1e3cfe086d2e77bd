"""When each page was last changed: the ``bijgewerkt`` field, else Git history, else the file itself.

Two things are kept per item: ``bijgewerkt``, the day the page shows as "Laatst bijgewerkt" (a
contributor may set it), and ``gewijzigd``, the moment of the file's last commit. The sitemap's
``lastmod``, the feed's ``updated`` and schema.org's ``dateModified`` use ``last_change``: the
commit's moment, so that two items changed on one day do not share a made-up midnight, and a
date the contributor set only where it is later than anything Git knows.

One ``git log`` for the whole build, never one per file (that is what makes per-page Git
plugins slow on large sites). It is read as a stream and stopped as soon as every wanted
file has its date, so a long history costs nothing once recent commits cover all files.
Without Git, outside a repository, or for a file Git does not know yet (a new, uncommitted
case), the file's modification date is used: that is the moment the contributor changed it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from kennisbank.content.model import Corpus, Entity

_COMMIT = "\x00"  # marks a commit line in the log output: "\x00YYYY-MM-DDTHH:MM:SS+HH:MM"


def git_moments(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The moment (ISO 8601, the committer's offset) of the last commit touching each path (relative to ``root``)."""
    wanted = set(paths)
    found: dict[str, str] = {}
    if not wanted:
        return found
    command = ["git", "-c", "core.quotepath=off", "log", "--format=%x00%cI", "--name-only", "--relative"]
    try:
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True, encoding="utf-8", errors="replace")
    except OSError:  # no git installed
        return found
    with process:
        assert process.stdout is not None
        commit_date = ""
        for line in process.stdout:
            line = line.rstrip("\n")
            if line.startswith(_COMMIT):
                commit_date = line[1:]
            elif line in wanted and line not in found:
                found[line] = commit_date
                if len(found) == len(wanted):
                    break
        process.kill()
    return found


def git_dates(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The date (YYYY-MM-DD) of the last commit touching each path (relative to ``root``)."""
    return {path: moment[:10] for path, moment in git_moments(root, paths).items()}


def first_dates(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The date (YYYY-MM-DD) of the commit that added each path: when it was first published."""
    wanted = set(paths)
    found: dict[str, str] = {}
    command = ["git", "-c", "core.quotepath=off", "log", "--diff-filter=A", "--format=%x00%cs", "--name-only",
               "--relative"]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", check=False)
    except OSError:  # no git installed
        return found
    commit_date = ""
    for line in result.stdout.splitlines():  # newest first: the oldest addition is the last one seen
        if line.startswith(_COMMIT):
            commit_date = line[1:]
        elif line in wanted:
            found[line] = commit_date
    return found


def last_moments(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """Git moment of each path, or its modification time when Git has none."""
    paths = list(paths)
    moments = git_moments(root, paths)
    for path in paths:
        if path not in moments and (root / path).exists():
            modified = datetime.fromtimestamp((root / path).stat().st_mtime).astimezone()
            moments[path] = modified.isoformat(timespec="seconds")
    return moments


def last_updated(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """Git date of each path, or its modification date when Git has none."""
    return {path: moment[:10] for path, moment in last_moments(root, paths).items()}


def apply(corpus: Corpus, extra_paths: Iterable[str] = ()) -> dict[str, str]:
    """Fill ``gewijzigd`` of every entity, and ``bijgewerkt`` where it is not set; return the moments of
    ``extra_paths`` too.

    ``extra_paths`` are other pages (hand-written ones) that should get a moment from the same
    single ``git log`` call.
    """
    root = Path(corpus.root)
    entities = list(corpus.entities())
    extra_paths = list(extra_paths)
    moments = last_moments(root, [entity.path for entity in entities] + extra_paths)
    for entity in entities:
        entity.gewijzigd = moments.get(entity.path, "")
        entity.bijgewerkt = entity.bijgewerkt or entity.gewijzigd[:10]
    added = first_dates(root, [entity.path for entity in entities])
    for entity in entities:  # not in Git yet (a new file): it is being published now
        entity.gepubliceerd = added.get(entity.path) or entity.bijgewerkt
    return {path: moments[path] for path in extra_paths if path in moments}


def rfc3339(moment: str) -> str:
    """'2026-11-30T06:41:18+01:00' -> '2026-11-30T05:41:18Z'; a bare date is midnight UTC."""
    if len(moment) == 10:
        return f"{moment}T00:00:00Z"
    return datetime.fromisoformat(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def last_change(entity: Entity) -> str:
    """When an item last changed (RFC 3339, UTC): its last commit, or the ``bijgewerkt`` a contributor set
    when that is later; "" when neither is known."""
    if entity.gewijzigd and entity.gewijzigd[:10] >= entity.bijgewerkt:
        return rfc3339(entity.gewijzigd)
    return rfc3339(entity.bijgewerkt) if entity.bijgewerkt else ""


def footer(moment: str) -> str:
    """The 'Laatst bijgewerkt' line under a hand-written page (a date or a moment)."""
    return f'\n\n<p class="kb-bijgewerkt">Laatst bijgewerkt: {dutch_date(moment[:10])}</p>\n'


def dutch_date(iso: str) -> str:
    """'2024-05-31' -> '31 mei 2024'; '2024-05' -> 'mei 2024'."""
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    parts = iso.split("-")
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
