"""Dutch words for the search index: compounds split into their parts, and the vocabulary readers type.

Dutch writes compounds as one word: "aanloopstraat", "winkelleegstand", "leegstandsverordening".
A search engine that matches whole words (or their stems) never finds those from "straat",
"leegstand" or "verordening". So the index is told where a compound falls apart:

- **The splitter** uses the corpus's own vocabulary: a word of 8 letters or more is split where
  both sides are words that occur on their own somewhere in the text (each at least 4 letters,
  but a few short nouns end compounds: "gemeente+wet"; a word counts when its plural occurs),
  optionally with a linking morpheme
  between them (-s-, -en-, -e-: "leegstand+s+verordening"). The split with the fewest parts wins
  ("winkel + leegstand", not "winkel + leeg + stand"), then the one whose parts are most
  frequent. The linking morpheme stays with the first part, so the parts still spell the word.
  A first part that is an adverb or preposition ("onder+zoek", "samen+werken") is no split.
- **The curated list** ``data/zoeken-samenstellingen.yml`` corrects it: the right parts, or
  ``delen: []`` for a word that only looks like a compound ("vastgoed" is not vast + goed).

``mark`` writes a split word with ``~`` between its parts ("aanloop~straat"). Pagefind reads a
word with ASCII punctuation inside as a compound: it indexes the whole word at full weight and
each part, at the same position, at the word's weight divided by the number of parts. The
search worker (docs/assets/javascripts/workers/kennisbank-zoeken.js) removes the ``~`` from
excerpts and titles before a reader sees them.

**The vocabulary** (every word with its frequency) is written next to the index, in one small
file per first letter: the worker reads it to complete a half-typed word ("kantoo" → kantoor),
to correct a one-letter typo and to say "Bedoelde u …?".

**Irregular forms** (``data/zoeken-woordvormen.yml``: steden → stad) go to the worker as they
are; it searches the form and its base word together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)  # letters only: "13b" and "2026" are not split or completed
MARK = "~"  # between the parts of a compound in the text given to Pagefind

MIN_COMPOUND = 8  # a shorter word is not split
MIN_PART = 4  # shortest part: "pand", "stad"; shorter endings are mostly suffixes ("gesprek+ken", "benut+ten")
SHORT_LAST_PARTS = frozenset({"wet", "rol", "lab", "weg", "dak", "gat", "pad", "top"})  # nouns that end compounds
LINKS = ("", "s", "en", "e")  # linking morphemes between the parts, tried in this order
# A first part that is an adverb or preposition makes a verb or a word of its own, not a compound of two
# things: "onderzoek", "samenwerken", "vastleggen", "daarnaast". (A real one goes in the curated list.)
PARTICLES = frozenset({"achter", "binnen", "boven", "buiten", "daar", "door", "heen", "hier", "langs", "mede",
                       "naast", "neer", "onder", "over", "rond", "samen", "tegen", "terug", "thuis", "vast",
                       "voor", "voorbij", "waar", "weer"})

# Words that are never parts: they are everywhere, so a split on them says nothing (and they are
# the words the worker drops from a query of several words).
STOPWORDS = frozenset("""
aan af al alle als bij dan dat de deze die dit door dus een en er geen het hij hun ik in is je
kan kunnen maar met meer na naar niet nog nu of om omdat ook op over te tot uit van veel voor
want was wat we wel werd wordt worden zal ze zich zij zijn zo zoals
""".split())


# The rules above for the search worker, which splits a typed compound as the index splits the text
# (docs/assets/javascripts/workers/kennisbank-zoeken.js; written into search/zoekhulp.json).
SPLITTING = {"min_samenstelling": MIN_COMPOUND, "min_deel": MIN_PART, "korte_laatste": sorted(SHORT_LAST_PARTS),
             "tussenklanken": list(LINKS), "partikels": sorted(PARTICLES), "stopwoorden": sorted(STOPWORDS)}


def words(text: str) -> list[str]:
    """The words of a text, lower case."""
    return [word.lower() for word in WORD.findall(text)]


def vocabulary(texts: Iterable[str]) -> Counter:
    """Every word of the texts with how often it occurs."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(words(text))
    return counts


class Splitter:
    """Splits Dutch compounds into known words (see the module docstring)."""

    def __init__(self, counts: Counter, curated: dict[str, list[str]] | None = None):
        self.curated = dict(curated or {})
        self.counts = Counter({word: count for word, count in counts.items()
                               if (len(word) >= MIN_PART or word in SHORT_LAST_PARTS) and word not in STOPWORDS})
        for parts in self.curated.values():  # the parts the list names are words too
            for part in parts:
                self.counts[part] += 0 if part in self.counts else 1
        self.split = lru_cache(maxsize=None)(self._split)

    def known(self, word: str, last: bool) -> bool:
        """A word of the vocabulary, or one whose plural is ("winkel" when only "winkels" occurs)."""
        if len(word) < MIN_PART and not (last and word in SHORT_LAST_PARTS):
            return False
        return word in self.counts or word + "s" in self.counts or word + "en" in self.counts

    def _split(self, word: str) -> tuple[str, ...]:
        """The parts of ``word`` as written (linking morpheme on the first part), or () if it is not split."""
        word = word.lower()
        if word in self.curated:
            return tuple(self.curated[word])
        if len(word) < MIN_COMPOUND:
            return ()
        best: tuple[tuple[int, float], tuple[str, ...]] | None = None
        for candidate in self._candidates(word, depth=0):
            rank = (-len(candidate), self._mean_frequency(candidate))
            if best is None or rank > best[0]:
                best = (rank, candidate)
        return best[1] if best else ()

    def _candidates(self, word: str, depth: int) -> Iterable[tuple[str, ...]]:
        """Every way to write ``word`` as known words with linking morphemes (at most three parts)."""
        for end in range(MIN_PART, len(word) - 2):
            head = word[:end]
            if not self.known(head, last=False) or (depth == 0 and head in PARTICLES):
                continue
            for link in LINKS:
                if not word.startswith(link, end):
                    continue
                rest = word[end + len(link):]
                if self.known(rest, last=True):
                    yield (head + link, rest)
                if depth == 0 and len(rest) >= 2 * MIN_PART:
                    for tail in self._candidates(rest, depth + 1):
                        yield (head + link, *tail)

    def _mean_frequency(self, parts: tuple[str, ...]) -> float:
        """Geometric mean of the parts' frequencies (a part with its linking morpheme counts as the bare word)."""
        logs = []
        for part in parts:
            bare = next((part[:-len(link)] for link in ("en", "s", "e") if part.endswith(link)
                         and part[:-len(link)] in self.counts), part)
            logs.append(math.log(1 + self.counts.get(part, 0) + self.counts.get(bare, 0)))
        return sum(logs) / len(logs)

    def mark(self, text: str) -> str:
        """``text`` with every split compound written with MARK between its parts."""
        def marked(match: re.Match) -> str:
            word = match.group(0)
            parts = self.split(word.lower())
            if len(parts) < 2:
                return word
            pieces, start = [], 0
            for part in parts:  # keep the reader's capitals: cut the word itself at the parts' lengths
                pieces.append(word[start:start + len(part)])
                start += len(part)
            return MARK.join(pieces) if start == len(word) else word
        return WORD.sub(marked, text)


def vocabulary_files(counts: Counter, minimum: int = 1) -> dict[str, dict[str, int]]:
    """The vocabulary by first letter (what the worker loads for a word it does not find): {"s": {"straat": 12}}."""
    files: dict[str, dict[str, int]] = {}
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count >= minimum and len(word) >= 2:
            files.setdefault(word[0], {})[word] = count
    return files
