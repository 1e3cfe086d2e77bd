"""MkDocs copies only plain files of the repository into the site: the build's own guard behind the checker.

MkDocs gathers ``docs/`` following symbolic links (``os.walk(followlinks=True)``) and copies
every file by its path, so a link in a pull request (``docs/x/logo.svg`` pointing at
``/etc/hostname``) would put a file of the build machine on the site and in the preview
artifact. The checker refuses such links (``content/symlinks.py``), and the engine adds no
file of an item with problems; this guard keeps the rule for whatever that misses, in the
last place before MkDocs copies: every file of the build whose path lies in the project is
dropped when a part of that path is a link (or not a plain file), and reported as a warning
(so ``--strict`` fails) unless the checker reported it already. Files outside the project,
such as the theme in an installed Python environment, are the installed software, not the
pull request's.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import Files

from kennisbank.content import symlinks

log = logging.getLogger("mkdocs.plugins.kennisbank")


def drop_links(files: Files, root: Path, reported: Iterable[str]) -> list[str]:
    """Remove every file whose path in the project passes through a link; return their paths (from the root)."""
    top = os.path.abspath(root)
    known = tuple(reported)
    dropped = []
    for file in list(files):
        source = file.abs_src_path
        if not source or os.path.commonpath([top, os.path.abspath(source)]) != top:
            continue
        relative = Path(os.path.relpath(source, top)).as_posix()
        refusal = symlinks.refusal(Path(source), relative)
        if refusal is None:
            continue
        files.remove(file)
        dropped.append(relative)
        if not any(relative == path or relative.startswith(path.rstrip("/") + "/") for path in known):
            log.warning(str(refusal))
    return dropped
