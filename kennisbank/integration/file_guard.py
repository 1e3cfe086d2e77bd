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

The theme's own templates in the project (``docs/overrides``) are not copied but rendered into
every page, and Jinja follows a link too: a linked template stops the build before any page
is written (``refuse_linked_templates``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.exceptions import PluginError
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


def refuse_linked_templates(custom_dir: str | None, root: Path) -> None:
    """Stop the build when a template of the theme's ``custom_dir`` in the project is, or lies in, a link."""
    top = os.path.abspath(root)
    if not custom_dir or os.path.commonpath([top, os.path.abspath(custom_dir)]) != top:
        return
    folder = Path(os.path.relpath(custom_dir, top)).as_posix()
    outer = symlinks.refusal(Path(custom_dir), folder)
    found = [outer] if outer is not None else symlinks.scan(root, folder)
    if found:
        raise PluginError("de site wordt niet gebouwd: een sjabloon van de opmaak is een symbolische link, en die "
                          "zou in elke pagina terechtkomen.\n" + "\n".join(str(problem) for problem in found))
