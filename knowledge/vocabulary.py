"""The words a knowledge base knows: light stemming, stop words, rarity and typo correction with rapidfuzz.

Words are compared by a light stem (plural, -ing, -ed, -ion, -ly, final e removed, accents
dropped), the same on both sides, so "contributions" finds "contribute". A query word that no
passage contains is corrected against the vocabulary (`UNDOC` -> `unodc`, `Charpentir` ->
`charpentier`); candidates are only compared with words of a similar length, which keeps a
correction to a few milliseconds on a large knowledge base.
"""

from __future__ import annotations

import gc
import math
import re
import threading
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from knowledge.store import KnowledgeBase
from knowledge.text import plain_letters

__all__ = [
    "STOPWORDS",
    "Correction",
    "Vocabulary",
    "normalize",
    "stem",
    "stems",
    "vocabulary_of",
    "words",
]

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren as at be because been before being
below between both but by can could did didn do does doesn doing don down during each else ever few for
from further get got had has hasn have having he her here hers herself him himself his how i if in into
is isn it its itself just let me more most much my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up upon us very was wasn we were weren what
whats when where which while who whom whose why will with within without would you your yours yourself
please tell show me many there's what's who's s t d ll re ve m
de la le les des du et en pour au aux un une sur par dans der die das und von zu im el los las y del
""".split())
# Words too short to correct safely; and how similar (0-100) a correction must be, by length.
MIN_CORRECTABLE = 4
_CUTOFF = {4: 74.0, 5: 79.0}
_DEFAULT_CUTOFF = 80.0
_MAX_CORRECTIONS = 3
_WORD = re.compile(r"[^\W_]+")
# A plain dict, not lru_cache: its entries are strings, which the garbage collector need not visit.
_STEMS: dict[str, str] = {}
_MAX_STEMS = 500_000
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True, slots=True)
class Correction:
    """A known word close to an unknown query word, with its similarity (0-1)."""

    word: str
    similarity: float


def normalize(text: str) -> str:
    """Lower case without accents: the form words are compared in."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return plain_letters(_COMBINING.sub("", unicodedata.normalize("NFKD", lowered)))


def words(text: str) -> list[str]:
    """The words of `text`, normalized, in order (digits count as words)."""
    return _WORD.findall(normalize(text))


def stem(word: str) -> str:
    """A light stem of one normalized word; equal stems mean the same word for search.

    residence, residency, resident -> resid; contributions, contribute -> contribut.
    """
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= _MAX_STEMS:
            _STEMS.clear()
        found = _STEMS[word] = _stem(word)
    return found


def _stem(word: str) -> str:
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ency", "ence", "ent", "ing", "ed", "ion", "ly", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return w[:-1] + "y" if w.endswith("i") else w  # identified, identifying, identify


def stems(text: str) -> list[str]:
    """The stems of the words of `text`, in order."""
    return [stem(w) for w in words(text)]


class Vocabulary:
    """Every word of a knowledge base's passages with how many passages hold it."""

    def __init__(self, counts: dict[str, int], passages: int) -> None:
        self.passages = max(1, passages)
        self._counts: dict[str, int] = {}
        self._stem_counts: dict[str, int] = defaultdict(int)
        by_length: dict[int, list[str]] = defaultdict(list)
        for raw, n in counts.items():
            word = normalize(raw)
            self._counts[word] = max(self._counts.get(word, 0), n)
        for word, n in self._counts.items():
            s = stem(word)
            self._stem_counts[s] = max(self._stem_counts[s], n)
            if not word.isdigit() and word not in STOPWORDS and len(word) >= 2:
                by_length[len(word)].append(word)
        self._by_length = dict(by_length)

    def __len__(self) -> int:
        return len(self._counts)

    def knows(self, word: str) -> bool:
        """Whether some passage holds this word (or a word with the same stem)."""
        return word in self._counts or stem(word) in self._stem_counts

    def count(self, word: str) -> int:
        """How many passages hold this word's stem (0 when unknown)."""
        return self._stem_counts.get(stem(word), self._counts.get(word, 0))

    def idf(self, word: str) -> float:
        """How telling a word is: rare words weigh more; unknown words weigh like the rarest."""
        n = self.count(word)
        return math.log(1 + (self.passages - n + 0.5) / (n + 0.5))

    def corrections(self, word: str, *, cutoff: float | None = None) -> list[Correction]:
        """Known words close to an unknown `word`, best first (empty when nothing is close enough)."""
        if len(word) < MIN_CORRECTABLE or word.isdigit():
            return []
        limit = cutoff if cutoff is not None else _CUTOFF.get(len(word), _DEFAULT_CUTOFF)
        found: list[tuple[float, int, str]] = []
        for length in range(len(word) - 2, len(word) + 3):
            choices = self._by_length.get(length)
            if not choices:
                continue
            for candidate, score, _ in process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=limit,
                                                       limit=_MAX_CORRECTIONS):
                bonus = 3.0 if candidate[0] == word[0] else 0.0
                found.append((score + bonus, self._counts.get(candidate, 0), candidate))
        found.sort(reverse=True)
        if not found:
            return []
        best = found[0][0]
        return [Correction(w, min(1.0, s / 100)) for s, _, w in found[:_MAX_CORRECTIONS] if s >= best - 4]

    def nearest(self, texts: Iterable[str], *, limit: int = 5) -> list[str]:
        """Known words that look most like any of `texts`: suggestions when nothing matched."""
        scored: dict[str, float] = {}
        for text in texts:
            if len(text) < 3 or text.isdigit():
                continue
            for c in self.corrections(text, cutoff=60.0):
                scored[c.word] = max(scored.get(c.word, 0.0), c.similarity)
        return [w for w, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]

    def frequent(self, *, limit: int = 5, min_length: int = 5) -> list[str]:
        """Common content words: suggestions when a query had no usable word at all."""
        ranked = sorted(((n, w) for w, n in self._counts.items()
                         if len(w) >= min_length and w not in STOPWORDS and w.isalpha()), reverse=True)
        return [w for _, w in ranked[:limit]]


_CACHE: weakref.WeakKeyDictionary[KnowledgeBase, Vocabulary] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def vocabulary_of(kb: KnowledgeBase) -> Vocabulary:
    """The knowledge base's vocabulary, read once per open knowledge base."""
    with _LOCK:
        found = _CACHE.get(kb)
        if found is None:
            found = _CACHE[kb] = _load(kb)
            # Tens of thousands of long-lived words: out of the collector's way, so that a full
            # collection during a query does not pause it for tens of milliseconds.
            gc.freeze()
        return found


def _load(kb: KnowledgeBase) -> Vocabulary:
    passages = kb.query("SELECT count(*) FROM passages")[0][0]
    rows = kb.query("SELECT word, passages FROM vocabulary")
    return Vocabulary({r[0]: r[1] for r in rows}, passages)
