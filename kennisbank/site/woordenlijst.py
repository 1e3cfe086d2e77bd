"""Valid Dutch words near the site's own, so that search never "corrects" a word that is right (issue 27).

The search worker corrects a word the site does not have to a word it has that is one letter off
("leegstnad" → leegstand). That also turned valid Dutch into something else: "ombouwen" became
"opbouwen". The worker must know which typed words are Dutch. It only ever corrects towards a
word of the site's vocabulary, so the words it needs to know are exactly the valid Dutch words one
edit away from a word of the site (and not on the site themselves): this module finds those in
OpenTaal's word list and writes them next to the vocabulary, one small file per first letter
(``search/nederlands/<hex>.json``), which the worker loads only before it would correct a word.

The word list is OpenTaal's (the Dutch spelling of the Taalunie, BSD/CC BY), from Debian's package
``wdutch`` (``/usr/share/dict/dutch``): scripts/setup-venv installs it. The version the project was
built and tested with is locked below; tests/test_search_index.py checks that the machine has it.
Without the list the build warns (a strict build fails) and the worker corrects as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

PATH = Path("/usr/share/dict/dutch")
PACKAGE = "wdutch"
VERSION = "1:2.20.19-2"  # Debian 12; OpenTaal 2.20.19
SHA256 = "2e5128e8e7f9a5bdfc427c784c839986b0df1386cc53aef90ed2df71644f3987"


class Missing(Exception):
    """The word list is not on this machine."""


@lru_cache(maxsize=1)
def dutch_words(path: Path = PATH) -> frozenset[str]:
    """Every word of the list that is letters only, in lower case."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise Missing(f"de Nederlandse woordenlijst ontbreekt ({path}): installeer het Debian-pakket {PACKAGE} "
                      f"(apt-get install {PACKAGE}; scripts/setup-venv doet dat als root of met sudo). Zonder "
                      f"lijst kan het zoeken een goed Nederlands woord 'verbeteren'.") from error
    return frozenset(word.lower() for word in text.split() if word.isalpha())


def digest(path: Path = PATH) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The letters an edit may put in: those in at least a hundred words of the list (a–z and the accented vowels Dutch
# uses); a rarer letter in a typed word is no typo of a Dutch word. tests/test_search_index.py checks it on the list.
ALPHABET = "abcdefghijklmnopqrstuvwxyzèéëïóöü"


def one_edit_away(word: str, alphabet: str) -> Iterable[str]:
    """Every string one letter changed, left out, added or two swapped from ``word``, first letter kept: the worker
    looks for corrections among the words with the typed word's first letter (an edit of the first letter that
    keeps it, as in "oom" and "om", is the same edit one letter further on)."""
    for cut in range(1, len(word) + 1):
        head, tail = word[:cut], word[cut:]
        if tail:
            yield head + tail[1:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]
            for letter in alphabet:
                yield head + letter + tail[1:]
        for letter in alphabet:
            yield head + letter + tail


@cache
def neighbours(word: str, path: Path = PATH) -> frozenset[str]:
    """The words of the list one edit away from ``word`` (kept per word: ``mkdocs serve`` only looks up new ones)."""
    words = dutch_words(path)
    return frozenset(near for near in one_edit_away(word, ALPHABET) if near in words and near != word)


def protected(vocabulary: Iterable[str], path: Path = PATH) -> dict[str, list[str]]:
    """First letter -> the valid Dutch words one edit away from a word of ``vocabulary`` (of four letters or more)
    that the vocabulary lacks: the words the worker must never correct."""
    known = set(vocabulary)
    found: dict[str, set[str]] = {}
    for word in known:
        if len(word) >= 4:
            for near in neighbours(word, path) - known:
                found.setdefault(near[0], set()).add(near)
    return {letter: sorted(found[letter]) for letter in sorted(found)}
