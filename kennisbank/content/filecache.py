"""What the checks of one file found, kept between runs: an unchanged file costs a stat.

Why: ``kennisbank check``, every build and every rebuild of ``mkdocs serve`` read and check the
whole corpus, and at 1,000 cases parsing the YAML, validating it against the schema, scanning
the bodies and looking for personal data took seconds, while a contributor changes one file.

What is kept, per file: the facts of the per-file passes in ``content/corpus.py`` (the parsed
file and what was wrong with it on its own), keyed on the file's bytes and on everything that
checked them: the source of ``kennisbank/content/`` (code and schemas), the versions of the
parsers and of Python, and today's date (a date in the future is refused). A result that also
depends on ``data/`` (placeholders that name allowed values, confirmed functional addresses) is
kept with a digest of what it was checked against, and made again when that changes. The checks
between files (references, renames, duplicate names, links) run every time, on these facts.

Where: ``.cache/kennisbank/`` in the project (gitignored), shared by ``kennisbank check``,
``mkdocs build`` and ``mkdocs serve``, and in memory for the rebuilds of serve. The file holds
pickled objects, and unpickling runs code: it is signed with a key kept outside the repository
(``~/.cache/kennisbank/sleutel``), so a cache file that came with a pull request is never read.
Anything unexpected (no key, a damaged or foreign file) means an empty cache, never an error.

Unchanged means: same size, modification time and inode as when it was checked, and modified more
than two seconds before that (a file written in the second it was checked can change without its
time changing). Otherwise its bytes are hashed and compared.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import platform
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from kennisbank.content import clock

FOLDER = ".cache/kennisbank"  # in the project; .gitignore lists .cache/
FILE_STEM = "bestanden"  # bestanden-0.pickle … bestanden-f.pickle
SHARDS = 16
KEY_FILE = "sleutel"
MAGIC = b"kennisbank-bestanden-1\n"
RACY_NS = 2_000_000_000  # a file modified this close to its check is compared by content
ENGINE = Path(__file__).resolve().parent  # kennisbank/content: the code and schemas that check a file
PARSERS = ("PyYAML", "jsonschema", "Markdown")


def digest(*parts: object) -> str:
    """A short key for a value (its repr) or for bytes."""
    hashed = hashlib.sha1()
    for part in parts:
        hashed.update(part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def engine_key() -> str:
    """What a file's facts were made with: the checking code and schemas, the parsers, Python, today."""
    parts: list[object] = [platform.python_version(), clock.today().isoformat()]
    for package in PARSERS:
        try:
            parts.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(package)
    for path in sorted(ENGINE.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            parts += [path.relative_to(ENGINE).as_posix(), path.read_bytes()]
    return digest(*parts)


@dataclass
class _Entry:
    stat: tuple[int, int, int]  # size, mtime_ns, inode
    checked_ns: int  # when the stat was taken
    content: str  # digest of the bytes
    facts: Any
    derived: dict[str, tuple[str, Any]] = field(default_factory=dict)  # name -> (digest of its data, result)


def _stat_of(path: Path) -> tuple[int, int, int]:
    found = path.lstat()  # of the file itself: a link is never followed (the caller refuses links first)
    return found.st_size, found.st_mtime_ns, found.st_ino


def _shard(relative: str) -> int:
    return hashlib.sha1(relative.encode("utf-8", "surrogatepass")).digest()[0] % SHARDS


class Store:
    """The facts of every file of one project, by path relative to the project.

    On disk in ``SHARDS`` files by a hash of the path, so that after an edit only the file holding
    the edited path is written again.
    """

    def __init__(self, root: Path, engine: str):
        self.root, self.engine = root, engine
        self.entries: dict[str, _Entry] = {}
        self.dirty: set[int] = set()  # shards changed since they were read or written
        self.made: list[str] = []  # paths whose facts were made, not taken from the store (reset by the caller)
        self._handed: set[str] = set()  # paths whose facts this process handed out before

    def handed_before(self, relative: str) -> bool:
        """Were these facts handed out before in this process? Then whoever changes them must copy them first."""
        before = relative in self._handed
        self._handed.add(relative)
        return before

    def facts(self, relative: str, path: Path, make: Callable[[], Any]) -> Any:
        """The facts of a file: kept when its bytes did not change, else ``make()``."""
        stat, now = _stat_of(path), time.time_ns()
        entry = self.entries.get(relative)
        if entry is not None and entry.stat == stat and stat[1] < entry.checked_ns - RACY_NS:
            return entry.facts
        content = digest(path.read_bytes())
        if entry is None or entry.content != content:
            entry = _Entry(stat, now, content, make())
            self.made.append(relative)
            self._handed.discard(relative)
        else:
            entry.stat, entry.checked_ns = stat, now
        self.entries[relative] = entry
        self.dirty.add(_shard(relative))
        return entry.facts

    def derived(self, relative: str, name: str, against: str, make: Callable[[], Any]) -> Any:
        """A result of a file that also depends on other data (``against``: its digest); after ``facts``.

        A file that is not in the store (one that is not read at all, ``forget``) gets ``make()``."""
        entry = self.entries.get(relative)
        if entry is None:
            return make()
        kept = entry.derived.get(name)
        if kept is None or kept[0] != against:
            kept = (against, make())
            entry.derived[name] = kept
            self.dirty.add(_shard(relative))
        return kept[1]

    def forget(self, relative: str) -> None:
        """A file that is not read at all (a link, a folder): nothing of it is kept."""
        if self.entries.pop(relative, None) is not None:
            self.dirty.add(_shard(relative))

    def keep_only(self, relatives: set[str]) -> None:
        """Forget the files that are gone (deleted or renamed)."""
        for relative in [relative for relative in self.entries if relative not in relatives]:
            del self.entries[relative]
            self.dirty.add(_shard(relative))

    # -- on disk ------------------------------------------------------------------------

    def _path(self, shard: int) -> Path:
        return self.root / FOLDER / f"{FILE_STEM}-{shard:x}.pickle"

    def load(self) -> None:
        key = _key()
        if key is None:
            return
        for shard in range(SHARDS):
            try:
                raw = self._path(shard).read_bytes()
            except OSError:
                continue
            if not raw.startswith(MAGIC):
                continue
            signature, rest = raw[len(MAGIC):len(MAGIC) + 32], raw[len(MAGIC) + 32:]
            if not hmac.compare_digest(signature, hmac.new(key, rest, hashlib.sha256).digest()):
                continue  # not written by this user on this machine: never unpickled
            engine, _, payload = rest.partition(b"\n")
            if engine.decode("ascii", "replace") != self.engine:
                continue  # made by another version of the checks, or on another day
            try:
                entries = pickle.loads(payload)  # noqa: S301 (signed above with a key from outside the repository)
            except Exception:  # a class that moved or changed: start again
                continue
            if isinstance(entries, dict):
                self.entries.update(entries)

    def save(self) -> None:
        """Write the shards that changed; a project that cannot be written to keeps them in memory only."""
        key = _key()
        if not self.dirty or key is None:
            return
        by_shard: dict[int, dict[str, _Entry]] = {shard: {} for shard in self.dirty}
        for relative, entry in self.entries.items():
            shard = _shard(relative)
            if shard in by_shard:
                by_shard[shard][relative] = entry
        try:
            folder = self._path(0).parent
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder.parent / ".gitignore"  # .cache/ stays out of Git even without our .gitignore
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            for shard, entries in by_shard.items():
                rest = self.engine.encode("ascii") + b"\n" + pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
                with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{FILE_STEM}-", delete=False) as out:
                    out.write(MAGIC + hmac.new(key, rest, hashlib.sha256).digest() + rest)
                os.replace(out.name, self._path(shard))  # atomic: a reader sees the old file or the new one
        except OSError:
            return
        self.dirty.clear()


_stores: dict[str, Store] = {}


def store(root: Path) -> Store:
    """The store of a project: in memory when this process read it before, else from disk."""
    engine = engine_key()
    key = str(root.resolve())
    found = _stores.get(key)
    if found is None or found.engine != engine:
        found = Store(root, engine)
        found.load()
        _stores[key] = found
    return found


def forget() -> None:
    """Drop every store from memory (tests: the next load reads the disk, as a new process would)."""
    _stores.clear()


def _key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kennisbank" / KEY_FILE


_secret: bytes | None = None


def _key() -> bytes | None:
    """The signing key of this user, made on first use; None when it cannot be kept."""
    global _secret
    if _secret is not None:
        return _secret
    path = _key_path()
    try:
        found = path.read_bytes()
        if len(found) >= 32:
            _secret = found
            return _secret
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = secrets.token_bytes(32)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(fresh)
        _secret = fresh
    except FileExistsError:  # another process made it just now
        try:
            _secret = path.read_bytes() if len(path.read_bytes()) >= 32 else None
        except OSError:
            _secret = None
    except OSError:
        _secret = None
    return _secret
