"""When each page was last changed: the ``bijgewerkt`` field, else Git history, else the file itself.

One ``git log`` for the whole build, never one per file (that is what makes per-page Git
plugins slow on large sites). It is read as a stream and stopped as soon as every wanted
file has its date, so a long history costs nothing once recent commits cover all files.
Without Git, outside a repository, or for a file Git does not know yet (a new, uncommitted
case), the file's modification date is used: that is the moment the contributor changed it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from kennisbank.content.model import Corpus

_COMMIT = "\x00"  # marks a commit line in the log output: "\x00YYYY-MM-DD"


def git_dates(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The date (YYYY-MM-DD) of the last commit touching each path (relative to ``root``)."""
    wanted = set(paths)
    found: dict[str, str] = {}
    if not wanted:
        return found
    command = ["git", "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only", "--relative"]
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


def last_updated(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """Git date of each path, or its modification date when Git has none."""
    paths = list(paths)
    dates = git_dates(root, paths)
    for path in paths:
        if path not in dates and (root / path).exists():
            dates[path] = date.fromtimestamp((root / path).stat().st_mtime).isoformat()
    return dates


def apply(corpus: Corpus, extra_paths: Iterable[str] = ()) -> dict[str, str]:
    """Fill ``bijgewerkt`` of every entity that does not set it; return the dates of ``extra_paths`` too.

    ``extra_paths`` are other pages (hand-written ones) that should get a date from the same
    single ``git log`` call.
    """
    root = Path(corpus.root)
    undated = [entity for entity in corpus.entities() if not entity.bijgewerkt]
    extra_paths = list(extra_paths)
    dates = last_updated(root, [entity.path for entity in undated] + extra_paths)
    for entity in undated:
        entity.bijgewerkt = dates.get(entity.path, "")
    added = first_dates(root, [entity.path for entity in corpus.entities()])
    for entity in corpus.entities():  # not in Git yet (a new file): it is being published now
        entity.gepubliceerd = added.get(entity.path) or entity.bijgewerkt
    return {path: dates[path] for path in extra_paths if path in dates}


def footer(iso: str) -> str:
    """The 'Laatst bijgewerkt' line under a hand-written page."""
    return f'\n\n<p class="kb-bijgewerkt">Laatst bijgewerkt: {dutch_date(iso)}</p>\n'


def dutch_date(iso: str) -> str:
    """'2024-05-31' -> '31 mei 2024'; '2024-05' -> 'mei 2024'."""
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    parts = iso.split("-")
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
