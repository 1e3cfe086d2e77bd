"""The Python lock: requirements/runtime.txt, test.txt and build.txt still fit pyproject.toml.

scripts/setup-venv installs only these files, in pip's hash-checking mode, so the ranges in pyproject.toml
say what may be locked and the lock says what is installed. When someone changes a range or adds a
dependency and forgets ``scripts/lock``, the lock no longer satisfies pyproject.toml and these tests say
which package and what to run. The check reads both files as text (no network): every requirement of
pyproject.toml (its dependencies, the test extra and the build system) must be pinned in the lock at a
version inside its range, every pin must be exact and carry hashes, and nothing in the lock may point at an
index, a local path or a URL of the machine that made it. Known bad releases stay excluded by the ranges
themselves, so that no resolver can bring them back. The installed environment is compared with the lock too:
what the tests run on is what was locked.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from .helpers import ROOT

LOCKS = {kind: ROOT / "requirements" / f"{kind}.txt" for kind in ("runtime", "test", "build")}
FIX = "voer scripts/lock uit en leg requirements/ vast"
# Releases that must never be installed again, with the reason; pyproject.toml's ranges must exclude them.
KNOWN_BAD = {
    ("mkdocs-material", "9.7.6"): "een DOM-XSS in de zoeksuggesties, hersteld in 9.7.7",
    ("mkdocs", "2.0.0"): "MkDocs 2 is een ander programma waarop ons thema en onze plugins niet draaien",
}


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    marker: str
    hashes: int
    line: int


def read_lock(text: str, path: str) -> tuple[list[Pin], list[str]]:
    """The pins of a lock file, and every line that is not a hashed, exact pin of a package from the index."""
    pins: list[Pin] = []
    problems: list[str] = []
    entry: list[str] = []
    start = 0
    lines = text.splitlines()
    for number, raw in enumerate([*lines, ""], start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line and not entry:
            start = number
        if line:
            entry.append(line.removesuffix("\\").strip())
        if entry and not line.endswith("\\"):
            problem = read_entry(" ".join(entry), path, start, pins)
            if problem:
                problems.append(problem)
            entry = []
    return pins, problems


def read_entry(entry: str, path: str, line: int, pins: list[Pin]) -> str | None:
    if entry.startswith("-"):
        return f"{path}:{line}: een optie hoort niet in de lock ({entry.split()[0]}); {FIX}"
    hashes = re.findall(r"--hash=sha256:[0-9a-f]{64}", entry)
    spec = re.sub(r"\s*--hash=\S+", "", entry).strip()
    try:
        requirement = Requirement(spec)
    except ValueError:
        return f"{path}:{line}: geen geldige regel: {spec!r}; {FIX}"
    if requirement.url:
        return f"{path}:{line}: {requirement.name} komt van een adres ({requirement.url}), niet van PyPI; {FIX}"
    exact = [s for s in requirement.specifier if s.operator == "=="]
    if len(exact) != 1 or len(requirement.specifier) != 1 or "*" in exact[0].version:
        return f"{path}:{line}: {requirement.name} is niet op één versie vastgelegd ({requirement.specifier}); {FIX}"
    if not hashes:
        return f"{path}:{line}: {requirement.name} heeft geen hash; {FIX}"
    pins.append(Pin(canonicalize_name(requirement.name), Version(exact[0].version),
                    str(requirement.marker or ""), len(hashes), line))
    return None


def required(pyproject: dict, extras: list[str] | None) -> list[Requirement]:
    """What pyproject.toml asks for: what builds the project, and (unless ``extras`` is None: the build lock) the
    dependencies and the given extras."""
    wanted = list(pyproject["build-system"]["requires"])
    if extras is None:
        return [Requirement(text) for text in wanted]
    wanted += pyproject["project"]["dependencies"]
    for extra in extras:
        wanted += pyproject["project"]["optional-dependencies"][extra]
    return [Requirement(text) for text in wanted]


def lock_problems(pyproject: dict, text: str, path: str, extras: list[str] | None) -> list[str]:
    """Every way in which a lock file does not satisfy pyproject.toml, as 'path:line: melding'."""
    pins, problems = read_lock(text, path)
    by_name: dict[str, list[Pin]] = {}
    for pin in pins:
        by_name.setdefault(pin.name, []).append(pin)
    for requirement in required(pyproject, extras):
        name = canonicalize_name(requirement.name)
        if name not in by_name:
            problems.append(f"{path}: {requirement} uit pyproject.toml staat niet in de lock; {FIX}")
            continue
        for pin in by_name[name]:
            if not requirement.specifier.contains(pin.version, prereleases=True):
                problems.append(f"{path}:{pin.line}: {name} {pin.version} valt buiten '{requirement}' uit "
                                f"pyproject.toml; {FIX}")
    return problems


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def lock_text(kind: str) -> str:
    return LOCKS[kind].read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "extras"), [("runtime", []), ("test", ["test"]), ("build", None)])
def test_the_lock_satisfies_pyproject(kind, extras):
    problems = lock_problems(pyproject(), lock_text(kind), f"requirements/{kind}.txt", extras)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", ["runtime", "build"])
def test_the_site_is_built_with_the_same_versions_in_ci_and_in_the_pages_workflow(kind):
    pins, _ = read_lock(lock_text(kind), kind)
    test, _ = read_lock(lock_text("test"), "test")
    in_test = {(pin.name, pin.marker): pin.version for pin in test}
    in_test_any = {pin.name: pin.version for pin in test}
    differ = [f"{pin.name}: {pin.version} in {kind}.txt, {in_test_any.get(pin.name, 'niets')} in test.txt"
              for pin in pins if in_test.get((pin.name, pin.marker), in_test_any.get(pin.name)) != pin.version]
    assert not differ, f"de locks verschillen; {FIX}:\n" + "\n".join(differ)


def test_nothing_in_the_lock_names_this_machine():
    """An index, a local wheel folder or a file path in the lock would make it work here only."""
    for kind in LOCKS:
        text = lock_text(kind)
        assert not re.search(r"file:|/opt/|/tmp/|/home/|/root/|--(extra-)?index-url|--find-links", text), kind
        assert text.startswith("# This file was autogenerated by uv via the following command:\n#    scripts/lock\n")


def test_known_bad_releases_can_never_be_locked():
    ranges = {canonicalize_name(r.name): r.specifier for r in required(pyproject(), ["test"])}
    for (name, version), reason in KNOWN_BAD.items():
        assert not ranges[name].contains(version, prereleases=True), (
            f"pyproject.toml laat {name} {version} toe: {reason}")


def test_the_environment_is_the_lock():
    """The packages the tests run with are the locked ones (scripts/setup-venv test installs them)."""
    pins, _ = read_lock(lock_text("test"), "test")
    wrong = []
    for pin in pins:
        if pin.marker and not Requirement(f"{pin.name}; {pin.marker}").marker.evaluate():  # type: ignore[union-attr]
            continue
        try:
            installed = metadata.version(pin.name)
        except metadata.PackageNotFoundError:
            installed = "niet geïnstalleerd"
        if installed != str(pin.version):
            wrong.append(f"{pin.name}: {installed}, vastgelegd is {pin.version}")
    assert not wrong, "de omgeving is niet de lock; voer scripts/setup-venv test uit:\n" + "\n".join(wrong)


# The check itself, on locks that are wrong in each way it knows.

PYPROJECT = {
    "build-system": {"requires": ["setuptools>=77"]},
    "project": {"dependencies": ["mkdocs-material>=9.7.7,<10", "pyyaml>=6"],
                "optional-dependencies": {"test": ["pytest>=8"]}},
}
HASH = " \\\n    --hash=sha256:" + "ab" * 32
GOOD = f"mkdocs-material==9.8.2{HASH}\npyyaml==6.0.4{HASH}\nsetuptools==84.2.1{HASH}\npytest==9.2.0{HASH}\n"


def test_a_good_lock_passes():
    assert lock_problems(PYPROJECT, GOOD, "lock.txt", ["test"]) == []


@pytest.mark.parametrize(("lock", "message"), [
    (GOOD.replace("9.8.2", "9.7.6"), "lock.txt:1: mkdocs-material 9.7.6 valt buiten 'mkdocs-material<10,>=9.7.7'"),
    (GOOD.replace(f"pytest==9.2.0{HASH}\n", ""), "lock.txt: pytest>=8 uit pyproject.toml staat niet in de lock"),
    (GOOD.replace(f"pyyaml==6.0.4{HASH}", "pyyaml==6.0.4"), "lock.txt:3: pyyaml heeft geen hash"),
    (GOOD.replace("pyyaml==6.0.4", "pyyaml>=6.0"), "lock.txt:3: pyyaml is niet op één versie vastgelegd"),
    ("--extra-index-url file:///opt/pypi/simple\n" + GOOD, "lock.txt:1: een optie hoort niet in de lock"),
    (GOOD + "kennisbank @ file:///work/kennisbank\n", "lock.txt:9: kennisbank komt van een adres"),
])
def test_a_lock_that_does_not_fit_is_reported(lock, message):
    problems = lock_problems(PYPROJECT, lock, "lock.txt", ["test"])
    assert any(problem.startswith(message) for problem in problems), problems
