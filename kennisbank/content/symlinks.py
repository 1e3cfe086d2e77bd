"""Only plain files of the repository are read or published: never a symbolic link.

Git stores a symbolic link (mode 120000), so a pull request can hold ``cases/x/kaart.png``
pointing at ``/etc/passwd``. Python and MkDocs follow such a link without a word: the check
would read the machine's file and the build would publish it. So every part of a path in a
contributor's folders must be a plain file or folder. A link that points inside the
repository is refused too: it is never needed (copy the file), and whether it stays inside
depends on where the repository is checked out. A named pipe or device (a local mistake; Git
cannot store one) would make a read hang, so it is refused the same way.

Every reader of contributed files asks ``linked_part`` before it opens a file (``read.py``,
``media.py``); ``scan`` covers the folders nobody reads file by file (``docs/``, ``sjablonen/``).
``integration/file_guard.py`` keeps the same rule in the build, for whatever this misses.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from kennisbank.content.problems import Problem

# Folders besides the content folders and data/ whose files reach the site (scanned by ``scan``).
SCANNED = ("docs", "sjablonen")


def is_plain(path: Path) -> bool:
    """A regular file or folder, not a symbolic link (nor a pipe, socket or device); False if it does not exist."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def _root(path: Path, relative: str) -> Path:
    """The project root: ``path`` without the parts of ``relative``."""
    depth = len(PurePosixPath(relative).parts)
    return path.parents[depth - 1] if depth > 1 else path.parent


def linked_part(path: Path, relative: str) -> str | None:
    """The first part of ``relative`` (the path of ``path`` from the project root) that is not plain, else None.

    A part that does not exist is no link: the caller says the file is missing.
    """
    current = _root(path, relative)
    parts = PurePosixPath(relative).parts
    for index, part in enumerate(parts):
        current = current / part
        if not os.path.lexists(current):
            return None
        if not is_plain(current):
            return "/".join(parts[: index + 1])
    return None


def refusal(path: Path, relative: str) -> Problem | None:
    """The problem of a file that is a link or lies in a linked folder; None for a plain file (or none at all)."""
    part = linked_part(path, relative)
    return None if part is None else problem(relative, part, _root(path, relative))


def problem(relative: str, part: str, root: Path) -> Problem:
    """The problem of ``relative``, which is (or lies in) ``part``: a link, or something else that is no plain file."""
    link = os.path.islink(root / part)
    what = "een symbolische link (symlink)" if link else "geen gewoon bestand, maar bijvoorbeeld een pipe"
    if part == relative:
        message = (f"dit is {what}; de kennisbank leest en publiceert alleen gewone bestanden uit de repository, "
                   "want een link kan wijzen naar een bestand buiten de repository, op de computer die de site "
                   f"bouwt. Zet {'het bestand zelf hier neer in plaats van een link' if link else 'hier een gewoon bestand neer'}")
    else:
        message = (f"dit bestand ligt in {part}/, en die map is {what}; de kennisbank leest en publiceert alleen "
                   "bestanden uit gewone mappen van de repository. Maak er een gewone map van")
    return Problem(relative, 1, message)


def scan(root: Path, folder: str) -> list[Problem]:
    """A problem for every link (or pipe, socket, device) in ``folder``; a linked folder is not entered."""
    top = root / folder
    if not os.path.lexists(top):
        return []
    if not is_plain(top):
        return [problem(folder, folder, root)]
    found = []
    for directory, folders, files in os.walk(top):  # does not follow links to folders
        for name in sorted(folders + files):
            path = Path(directory) / name
            if not is_plain(path):
                relative = path.relative_to(root).as_posix()
                found.append(problem(relative, relative, root))
    return found
