"""Search: FTS5 finds candidates, then a typo-tolerant ranking picks the best and the sentence that answers.

A query becomes concepts: each word the user typed, with its typo corrections (rapidfuzz against
the knowledge base's vocabulary) and domain synonyms as weaker alternatives, weighted by how rare
the word is. FTS5 (bm25) proposes a bounded set of candidates, never a scan of every passage; each
candidate is scored by the share of the query's weight it covers, with a bonus for words that
appear side by side as in the query. For a passage the best sentence (or two) is found the same
way and becomes the verbatim excerpt, cut from the original text by offsets.

Years in a query (`2018`) are filters, not words. User text never reaches SQL: every word is a
parameter inside a quoted FTS5 term.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from knowledge.intent import is_cue_word
from knowledge.models import Passage
from knowledge.quoting import quote_span
from knowledge.store import KnowledgeBase
from knowledge.synonyms import SYNONYMS
from knowledge.text import MAX_EXCERPT, fold, sentence_spans
from knowledge.vocabulary import STOPWORDS, Vocabulary, normalize, stem, stems, vocabulary_of, words

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "Concept",
    "FactHit",
    "PassageHit",
    "Query",
    "coverage",
    "fact_years",
    "parse_query",
    "passage_candidates",
    "search_facts",
    "search_passages",
]

MAX_QUERY_CHARS = 2_000  # a query longer than this is read up to here
MAX_QUERY_WORDS = 24
SYNONYM_CREDIT = 0.6  # a synonym counts for less than the word typed
CORRECTION_CREDIT = 0.95
RANK_BUDGET = 1_500  # at most this many FTS5 matches are ranked by bm25 for one query
SCAN_BUDGET = 3_000  # ... and at most this many read in index order when there are more
ENOUGH_MATCHING_ALL = 20  # with this many candidates matching every word, rows matching some are not sought
COMMON_SHARE = 0.1  # words in more of the passages than this share do not propose candidates
PASSAGE_CANDIDATES = 40
FACT_CANDIDATES = 80
CONTEXT_CANDIDATES = 30
PASSAGE_FACT_SOURCES = 10  # facts of this many best passages are candidates even if their own text misses
SENTENCE_CANDIDATES = 10
BIGRAM_BONUS = 0.15
CONTEXT_CREDIT = 0.6
HEADING_CREDIT = 0.9
EXCERPT_SHARE = 0.2
DOMAIN_WEIGHT = 0.5
PAIR_PENALTY = 0.08
PLACE_BONUS = 0.1  # for an event at the place the query names
ANSWER_TYPE_BONUS = 0.12  # for a sentence that holds what the question asks for (a date for "when"...)
_YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,]|\.\d)")
_NUMBER = re.compile(r"\d{1,3}(?:[,.]\d{3})+(?!\d)")
# What kind of answer a question asks for, and what a sentence that gives it contains.
_WANTS = (("amount", re.compile(r"\bhow much\b|\bwhat (?:does|did) .{1,40}\bcost\b")),
          ("duration", re.compile(r"\bhow long\b|\bduration\b|\bvalidity\b|\bhow many (?:days|weeks|months|years)\b")),
          ("number", re.compile(r"\bhow many\b")),
          ("date", re.compile(r"\bwhen\b|\bwhat (?:date|day|year|month)\b")),
          ("person", re.compile(r"\bwho(?:m)?\b")))
# "how long" asks for a duration: "long" is then a question word, not a word to find ("long-term").
_HOW_LONG = re.compile(r"\bhow\s+long\b", re.IGNORECASE)
_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
_GIVES = {"amount": re.compile(r"[€$£¥]\s?\d|\b(?:usd|eur|gbp|chf|sek|nok|dkk)\s?\d|"
                               r"\d[\d,.]*\s*(?:million |billion )?(?:euros?|dollars?|pounds?|francs?|kron[ae]r?|"
                               r"usd|eur|gbp|chf|sek|nok|dkk)\b", re.IGNORECASE),
          "number": re.compile(r"\d"),
          "date": re.compile(rf"\b(?:{_MONTH})\b\.?\s*\d|\d\s*(?:{_MONTH})\b|\b(?:1[89]|20)\d\d\b",
                             re.IGNORECASE),
          "person": re.compile(r"\b(?!(?:The|A|An|This|That|These|Those|In|On|At|For|Of|And|But|Since|As|If|When|"
                               r"Under|From|By|To|With|Its|Their|Our|His|Her)\b)"
                               r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z]\.)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b"),
          "duration": re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                 r"eighteen|twenty|thirty|forty-five|sixty|ninety)[- ](?:calendar |working )?"
                                 r"(?:days?|weeks?|months?|years?)\b", re.IGNORECASE)}
_WORD_RE = re.compile(r"[^\W_]+")
# The words of each synonym term, split once: every query word is looked up in every group.
_SYNONYM_WORDS = tuple(tuple(tuple(words(t)) for t in g.terms) for g in SYNONYMS)


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the query asks for: alternatives (stem tuples with their credit 0-1) and a weight."""

    word: str
    weight: float
    alternatives: tuple[tuple[tuple[str, ...], float], ...]
    terms: tuple[str, ...]  # words and phrases to ask FTS5 for
    domain: str | None = None  # the fact type the word is about, if it is a domain word
    year: bool = False  # a year: a filter first, and a word that the best sentence should hold


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: concepts, year filters, corrections made and words nobody knows."""

    text: str
    concepts: tuple[Concept, ...] = ()
    years: tuple[int, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    unknown: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    wants: str | None = None  # what the question asks for: person, date, amount or number

    @property
    def words(self) -> tuple[Concept, ...]:
        """The concepts that are words, not year filters."""
        return tuple(c for c in self.concepts if not c.year)

    @property
    def corrected_text(self) -> str:
        """The query with each corrected word replaced: what intent detection should read."""
        fixed = dict(self.corrections)

        def corrected(m: re.Match[str]) -> str:
            return fixed.get(m.group(), m.group())

        return _WORD_RE.sub(corrected, normalize(self.text[:MAX_QUERY_CHARS]))


@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage that answers, its score, and the verbatim excerpt of its best sentence(s)."""

    passage: Passage
    score: float
    excerpt: str
    start: int
    end: int
    passage_id: int


@dataclass(frozen=True, slots=True)
class FactHit:
    """A `facts` row (joined with its document's title and date) and its score."""

    row: dict[str, Any]
    score: float
    fields: dict[str, Any] = field(default_factory=dict)


def parse_query(vocabulary: Vocabulary, text: str, *, domain: str | None = None) -> Query:
    """The concepts, years and corrections of a user's text (any text: never raises).

    `domain` is the fact type the command already asks for: its own words ("email" after
    /contact) tell little about which fact is meant, so they weigh less.
    """
    text = text[:MAX_QUERY_CHARS]
    years = tuple(dict.fromkeys(int(y) for y in _YEAR.findall(text)))
    numbers = tuple(float(re.sub(r"[,.]", "", n)) for n in _NUMBER.findall(text))
    without_years = _HOW_LONG.sub("how", _YEAR.sub(" ", text))
    folded = " ".join(words(without_years))
    concepts: list[Concept] = []
    corrections: list[tuple[str, str]] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for word in folded.split():
        if word in STOPWORDS or stem(word) in seen or len(concepts) + len(unknown) >= MAX_QUERY_WORDS:
            continue
        seen.add(stem(word))
        concept = _concept(vocabulary, word, folded, corrections)
        if concept is None:
            unknown.append(word)
        elif domain and concept.domain == domain:
            concepts.append(replace(concept, weight=concept.weight * DOMAIN_WEIGHT))
        else:
            concepts.append(concept)
    if concepts:
        concepts += [Concept(word=str(y), weight=vocabulary.idf(str(y)), alternatives=(((str(y),), 1.0),),
                             terms=(str(y),), year=True) for y in years]
    return Query(text=text, concepts=tuple(concepts), years=years, corrections=tuple(corrections),
                 unknown=tuple(unknown), numbers=numbers, wants=_wants(text))


def coverage(query: Query, candidate: set[str], context: set[str] | frozenset[str] = frozenset(),
             heading: set[str] | frozenset[str] = frozenset()) -> float:
    """The share (0-1) of the query's weight that a candidate's stems cover.

    Words found only in the candidate's `heading` (the section it is under) count for
    HEADING_CREDIT of their weight; words only in its `context` (the rest of the passage, the
    document's title) for CONTEXT_CREDIT.
    """
    total = matched = 0.0
    for concept in query.concepts:
        total += concept.weight
        best = 0.0
        for alternative, credit in concept.alternatives:
            if credit <= best:
                continue
            if all(s in candidate for s in alternative):
                best = credit
            elif heading and all(s in candidate or s in heading for s in alternative):
                best = max(best, credit * HEADING_CREDIT)
            elif context and all(s in candidate or s in context or s in heading for s in alternative):
                best = max(best, credit * CONTEXT_CREDIT)
        matched += concept.weight * best
    return matched / total if total else 0.0


def passage_candidates(kb: KnowledgeBase, query: Query) -> list[tuple[int, float]]:
    """(passage id, bm25 relevance 0-1) of the passages FTS5 proposes for the query (bounded)."""
    ranked = "SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? ORDER BY 2 LIMIT ?"
    scan = "SELECT rowid, 0 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?"
    return _candidates(kb, query, "passages_fts", (ranked, scan), (), PASSAGE_CANDIDATES)


def search_passages(kb: KnowledgeBase, query: Query, *, limit: int = PASSAGE_CANDIDATES, min_score: float = 0.0,
                    candidates: list[tuple[int, float]] | None = None) -> list[PassageHit]:
    """Passages that answer the query, best first, each with its best sentence(s) as excerpt."""
    ranked = passage_candidates(kb, query) if candidates is None else candidates
    rows = _rows_by_id(kb, "passages", [r[0] for r in ranked])
    scored: list[tuple[float, float, dict[str, Any]]] = []
    for passage_id, relevance in ranked:
        row = rows.get(passage_id)
        if row is None or (query.years and not _mentions_year(row["body"], query.years)):
            continue
        body_stems = _stems_of(row["body"])
        # The document's title counts as context: a cable names its country in the subject line only.
        title = set(_stems_of(row["title"] or ""))
        score = (coverage(query, set(body_stems), title, heading=set(_stems_of(row["section"] or "")))
                 + _bigram_bonus(query, body_stems) + 0.05 * relevance)
        scored.append((score, relevance, row))
    scored.sort(key=lambda t: -t[0])
    found = [_passage_hit(kb, query, row, score, relevance) for score, relevance, row in scored[:SENTENCE_CANDIDATES]]
    hits = [h for h in found if h is not None and h.score >= min_score]
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]


def search_facts(kb: KnowledgeBase, query: Query, fact_type: str | None, *, limit: int = FACT_CANDIDATES,
                 min_score: float = 0.0, passages: list[tuple[int, float]] | None = None) -> list[FactHit]:
    """Facts (of one type) that answer the query, best first.

    Facts of the best `passages` (see `passage_candidates`) are candidates too: a figure whose label
    is a line above it ("Sweden's contribution to ..." over "SEK 4,000,000") is found by its passage.
    """
    # CROSS JOIN keeps FTS5 as the outer loop: the type index must not drive a MATCH per fact. In
    # index order, at most SCAN_BUDGET matches are looked at: facts of a rare type may be far apart.
    typed = " AND f.type = ?" if fact_type else ""
    statements = (f"SELECT f.id, bm25(facts_fts) FROM facts_fts CROSS JOIN facts f ON f.id = facts_fts.rowid "
                  f"WHERE facts_fts MATCH ?{typed} ORDER BY 2 LIMIT ?",
                  f"SELECT f.id, 0 FROM (SELECT rowid FROM facts_fts WHERE facts_fts MATCH ? LIMIT {SCAN_BUDGET}) m "
                  f"CROSS JOIN facts f ON f.id = m.rowid WHERE 1{typed} LIMIT ?")
    ranked = _candidates(kb, query, "facts_fts", statements, (fact_type,) if fact_type else (), FACT_CANDIDATES)
    proposed = {i for i, _ in ranked}
    ranked += [(i, 0.0) for i in _facts_in(kb, [p for p, _ in (passages or [])[:PASSAGE_FACT_SOURCES]], fact_type)
               if i not in proposed]
    rows = _fact_rows(kb, [r[0] for r in ranked])
    scored = []
    for fact_id, relevance in ranked:
        row = rows.get(fact_id)
        if row is None:
            continue
        fields = json.loads(row["fields"])
        if query.years and not set(query.years) & fact_years(row, fields):
            continue
        body_stems = _stems_of(row["body"])
        own = coverage(query, set(body_stems))
        # Words in the quote itself weigh a little more than words only in the normalised fields.
        quoted = EXCERPT_SHARE * coverage(query, set(_stems_of(row["excerpt"])))
        scored.append(((1 - EXCERPT_SHARE) * own + quoted + _bigram_bonus(query, body_stems) + 0.05 * relevance
                       + _number_bonus(query, fields) + _place_bonus(query, fields)
                       + _answer_type_bonus(query, row["excerpt"]), own, row, fields))
    scored.sort(key=lambda t: -t[0])
    hits = []
    for i, (score, own, row, fields) in enumerate(scored):
        if i < CONTEXT_CANDIDATES and own < 1.0:
            # Words the fact's own text lacks may be in its passage or heading ("Victims Trust Fund" above "$333,959").
            context = (set(_stems_of(row["passage_body"] or "")) | set(_stems_of(row["section"] or ""))
                       | set(_stems_of(row["title"] or "")))
            score += (1 - EXCERPT_SHARE) * (coverage(query, set(_stems_of(row["body"])), context) - own)
        if score >= min_score:
            hits.append(FactHit(row, score, fields))
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]


def fact_years(row: dict[str, Any] | sqlite3.Row, fields: dict[str, Any]) -> set[int]:
    """The years a fact is about: its year field, its dates and the years its excerpt names."""
    years: set[int] = set()
    if isinstance(fields.get("year"), int):
        years.add(fields["year"])
    first, last = _year_of(row["date"]), _year_of(row["end_date"])
    if first:
        years.update(range(first, (last or first) + 1))
    for text in (row["excerpt"], str(fields.get("period") or "")):
        years.update(int(y) for y in _YEAR.findall(text))
    return years


# --- query parsing -------------------------------------------------------------------------------

def _concept(vocabulary: Vocabulary, word: str, folded: str,
             corrections: list[tuple[str, str]]) -> Concept | None:
    alternatives: list[tuple[tuple[str, ...], float]] = []
    terms: list[str] = []
    weight = 0.0
    if vocabulary.knows(word):
        alternatives.append(((stem(word),), 1.0))
        terms.append(word)
        weight = vocabulary.idf(word)
    elif not is_cue_word(word):  # "call" that no document says is a question word, not a typo of "recall"
        found = vocabulary.corrections(word)
        for c in found:
            alternatives.append(((stem(c.word),), CORRECTION_CREDIT * c.similarity))
            terms.append(c.word)
        if found:
            corrections.append((word, found[0].word))
            weight = vocabulary.idf(found[0].word)
    domain = None
    for group_domain, synonyms in _synonyms_of(word, folded):
        domain = domain or group_domain
        for term in synonyms:
            key = tuple(stem(w) for w in words(term) if w not in STOPWORDS) or (stem(term),)
            if all(vocabulary.knows(s) or vocabulary.knows(w) for s, w in zip(key, words(term), strict=False)):
                alternatives.append((key, SYNONYM_CREDIT))
                terms.append(term)
    if not alternatives:
        return None
    if weight == 0.0:
        weight = 2.0  # a word only its synonyms know: an ordinary weight
    return Concept(word=word, weight=max(weight, 0.05), alternatives=tuple(dict.fromkeys(alternatives)),
                   terms=tuple(dict.fromkeys(terms)), domain=domain)


def _synonyms_of(word: str, folded: str) -> Iterable[tuple[str | None, list[str]]]:
    key = stem(word)
    for group, split in zip(SYNONYMS, _SYNONYM_WORDS, strict=True):
        hit = None
        for term, parts in zip(group.terms, split, strict=True):
            if len(parts) == 1 and stem(parts[0]) == key or (
                    len(parts) > 1 and parts[0] == word and re.search(rf"\b{re.escape(' '.join(parts))}\b", folded)):
                hit = term
                break
        if hit is not None:
            yield group.domain, [t for t in group.terms if t != hit]


def _wants(text: str) -> str | None:
    lowered = text.lower()
    for kind, pattern in _WANTS:
        if pattern.search(lowered):
            return kind
    return None


def _candidates(kb: KnowledgeBase, query: Query, table: str, statements: tuple[str, str],
                params: tuple[Any, ...], n: int) -> list[tuple[int, float]]:
    """(id, relevance 0-1) of up to `n` candidates from FTS5, ranking at most RANK_BUDGET matches by bm25.

    Words in more than COMMON_SHARE of the passages do not propose candidates (they still score).
    First the rows that match every other concept; then, if too few, rows that match any of them.
    A set of matches too large to rank is taken in index order: bm25 over tens of thousands of
    rows would cost more than the whole answer may.
    """
    vocabulary = vocabulary_of(kb)
    common = max(RANK_BUDGET, int(COMMON_SHARE * vocabulary.passages))
    # Facts are short and many hold the domain's words: there, synonyms would match too much to read.
    own_only = table == "facts_fts"
    groups = sorted((g for g in (_fts_group(vocabulary, c, common, own_only=own_only) for c in query.concepts) if g[1]),
                    key=lambda g: g[0])
    if not groups:
        rarest = min(query.concepts, key=lambda c: vocabulary.count(c.word), default=None)
        groups = [(vocabulary.count(rarest.word), _quoted([rarest.word]))] if rarest and rarest.terms else []
    # (FTS5 query, an upper bound of its matches): every concept, then any of them.
    stages = [(" AND ".join(g for _, g in groups), groups[0][0])] if groups else []
    if len(groups) > 1:
        stages.append((" OR ".join(g for _, g in groups), sum(c for c, _ in groups)))
    found: dict[int, float] = {}
    for i, (match, bound) in enumerate(stages):
        if len(found) >= (n if i == 0 else ENOUGH_MATCHING_ALL):
            break
        for row_id, relevance in _fetch(kb, table, statements, match, params, n, bound=bound):
            found.setdefault(row_id, relevance)
    return list(found.items())[:n]


def _fetch(kb: KnowledgeBase, table: str, statements: tuple[str, str], match: str, params: tuple[Any, ...],
           n: int, *, bound: int) -> list[tuple[int, float]]:
    """Up to `n` (id, relevance) matching `match`: by bm25 when few enough rows match, else in index order.

    `bound` is an upper bound of the matches from the vocabulary: under the budget, no need to count.
    """
    count_sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
    try:
        # The vocabulary counts passages: a bound for passages, not for facts (many to a passage).
        trusted = table == "passages_fts" and bound <= RANK_BUDGET
        rank = trusted or kb.query(count_sql, (match,))[0][0] <= RANK_BUDGET
        rows = kb.query(statements[0] if rank else statements[1], (match, *params, n))
    except sqlite3.OperationalError:
        return []
    relevance = _normalized_ranks([r[1] for r in rows]) if rank else [0.0] * len(rows)
    return [(r[0], v) for r, v in zip(rows, relevance, strict=True)]


def _fts_group(vocabulary: Vocabulary, concept: Concept, common: int, *, own_only: bool) -> tuple[int, str]:
    """(how many passages may match, FTS5 group) for a concept's terms that are not too common.

    With `own_only`, a known word proposes candidates by itself, its synonyms only score.
    """
    if vocabulary.count(concept.word) > common:
        return 0, ""  # a common word (and its synonyms) would cost much and tell little
    known = concept.alternatives[0][1] == 1.0
    kept, total = [], 0
    for i, term in enumerate(concept.terms):
        parts = words(term) or [term]
        if i > 0 and known and (own_only or len(parts) > 1):
            continue  # phrase synonyms of a known word only score: reading positions costs too much
        counts = [vocabulary.count(w) for w in parts]
        if max(counts) <= common:  # reading a phrase costs as much as its most common word
            kept.append(term)
            total += min(counts)
    return total, _quoted(kept)


def _quoted(terms: list[str]) -> str:
    quoted = ['"' + normalize(t).replace('"', '""') + '"' for t in terms if t.strip()]
    return "(" + " OR ".join(quoted) + ")" if quoted else ""


# --- scoring ---------------------------------------------------------------------------------------

def _bigram_bonus(query: Query, sequence: Sequence[str]) -> float:
    pairs = [(a.alternatives[0][0][0], b.alternatives[0][0][0]) for a, b in zip(query.concepts, query.concepts[1:],
                                                                               strict=False)]
    if not pairs:
        return 0.0
    present = set(zip(sequence, sequence[1:], strict=False))
    return BIGRAM_BONUS * sum(p in present for p in pairs) / len(pairs)


def _answer_type_bonus(query: Query, text: str) -> float:
    """A bonus for text that holds what the question asks for: a date for "when", a name for "who"..."""
    gives = _GIVES.get(query.wants or "")
    return ANSWER_TYPE_BONUS if gives is not None and gives.search(text) else 0.0


def _number_bonus(query: Query, fields: dict[str, Any]) -> float:
    if not query.numbers:
        return 0.0
    values = {fields.get("amount"), fields.get("usd")}
    return 0.3 if any(isinstance(v, int | float) and abs(v - n) < 0.5 for v in values for n in query.numbers) else 0.0


def _place_bonus(query: Query, fields: dict[str, Any]) -> float:
    """A bonus for an event whose place the query names ("GRETA visit Belgrade"): the place tells apart events
    whose other words are alike."""
    place = fields.get("location")
    if not isinstance(place, str) or not query.concepts:
        return 0.0
    placed = set(stems(place))
    return PLACE_BONUS if any(c.alternatives[0][0][0] in placed for c in query.words if c.alternatives) else 0.0


def _normalized_ranks(ranks: list[float]) -> list[float]:
    """bm25 ranks (lower is better) as 0-1 relevance, 1 for the best candidate."""
    if not ranks:
        return []
    best, worst = min(ranks), max(ranks)
    span = worst - best
    return [1.0 if span == 0 else (worst - r) / span for r in ranks]


def _mentions_year(text: str, years: tuple[int, ...]) -> bool:
    return any(re.search(rf"(?<!\d){y}(?!\d)", text) for y in years)


def _year_of(value: Any) -> int | None:
    return int(value[:4]) if isinstance(value, str) and value[:4].isdigit() else None


@lru_cache(maxsize=8192)
def _stems_of(text: str) -> tuple[str, ...]:
    return tuple(stems(text))


# --- passages and their best sentences ----------------------------------------------------------

def _passage_hit(kb: KnowledgeBase, query: Query, row: dict[str, Any], score: float,
                 relevance: float) -> PassageHit | None:
    passage = _passage(kb, row)
    spans = sentence_spans(passage.masked)
    if not spans:
        return None
    # The section heading, the rest of the passage and the document's title say what the sentence is about.
    heading = set(_stems_of(row["section"] or ""))
    context = set(_stems_of(row["body"])) | set(_stems_of(passage.title))
    best, window = _best_window(query, passage.masked, spans, context, heading)
    if window is None:
        return None
    excerpt, start, end = _quote(passage, query, *window)
    if not excerpt:
        return None
    passage_cov = score - 0.05 * relevance
    final = 0.7 * best + 0.3 * passage_cov + 0.05 * relevance
    return PassageHit(passage=passage, score=final, excerpt=excerpt, start=start, end=end, passage_id=row["id"])


def _quote(passage: Passage, query: Query, a: int, b: int) -> tuple[str, int, int]:
    """The verbatim excerpt for sentence(s) [a, b) of a passage, focused on the query's words when too long."""
    excerpt, start, end = quote_span(passage, a, b)
    if len(excerpt) <= MAX_EXCERPT:
        return excerpt, start, end
    wanted = {s for c in query.concepts for alternative, _ in c.alternatives for s in alternative}
    hits = [m.start() + a for m in _WORD_RE.finditer(normalize(passage.masked[a:b])) if stem(m.group()) in wanted]
    centre = hits[len(hits) // 2] if hits else a
    limit = MAX_EXCERPT
    while limit > 80:
        excerpt, start, end = quote_span(passage, centre, centre + 1, limit=limit)
        if len(excerpt) <= MAX_EXCERPT:
            return excerpt, start, end
        limit -= max(20, len(excerpt) - MAX_EXCERPT)
    return "", 0, 0


def _best_window(query: Query, masked: str, spans: list[tuple[int, int]], context: set[str],
                 heading: set[str]) -> tuple[float, tuple[int, int] | None]:
    sentence_stems = [stems(masked[a:b]) for a, b in spans]
    scores = [coverage(query, set(s), context, heading) + _bigram_bonus(query, s)
              + _answer_type_bonus(query, masked[a:b]) for s, (a, b) in zip(sentence_stems, spans, strict=True)]
    i = max(range(len(spans)), key=lambda k: scores[k])
    if coverage(query, set(sentence_stems[i])) == 0.0:
        return 0.0, None  # no sentence says any word of the query: nothing to quote
    best, window = scores[i], spans[i]
    # A neighbour that adds what the sentence lacks joins the excerpt ("...in 2008. It ...").
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans):
            a, b = min(spans[i][0], spans[j][0]), max(spans[i][1], spans[j][1])
            joined = coverage(query, set(sentence_stems[i]) | set(sentence_stems[j]), context, heading)
            joined -= PAIR_PENALTY  # one sentence that answers beats two that do together
            if joined > best + 0.05 and len(fold(masked[a:b])) <= MAX_EXCERPT:
                best, window = joined, (a, b)
    return best, window


def _passage(kb: KnowledgeBase, row: dict[str, Any]) -> Passage:
    title, date, noise = _document(kb, row["doc"])
    text = row["text"]
    chars = list(text)
    for a, b in noise:
        lo, hi = max(a, row["start"]), min(b, row["end"])
        if lo < hi:
            chars[lo - row["start"]:hi - row["start"]] = " " * (hi - lo)
    return Passage(doc=row["doc"], ordinal=row["ordinal"], start=row["start"], end=row["end"], text=text,
                   masked="".join(chars), title=title, doc_date=date, section=row["section"],
                   paragraph=row["paragraph"], page=row["page"])


_DOCS: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, tuple[str, str | None, list[tuple[int, int]]]]] = \
    weakref.WeakKeyDictionary()
_DOCS_LOCK = threading.Lock()


def _document(kb: KnowledgeBase, path: str) -> tuple[str, str | None, list[tuple[int, int]]]:
    with _DOCS_LOCK:
        cache = _DOCS.setdefault(kb, {})
        if path in cache:
            return cache[path]
    rows = kb.query("SELECT title, date, noise FROM documents WHERE path = ?", (path,))
    noise = [(a, b) for a, b in json.loads(rows[0]["noise"] or "[]")] if rows else []
    found = (rows[0]["title"], rows[0]["date"], noise) if rows else (path, None, [])
    with _DOCS_LOCK:
        _DOCS.setdefault(kb, {})[path] = found
    return found


def _facts_in(kb: KnowledgeBase, passage_ids: list[int], fact_type: str | None) -> list[int]:
    if not passage_ids:
        return []
    marks = ",".join("?" * len(passage_ids))  # placeholders only; the ids are parameters
    # By document offsets, which the facts_doc index serves (passage_id has no index).
    sql = (f"SELECT f.id FROM passages p CROSS JOIN facts f ON f.doc = p.doc AND f.start >= p.start "
           f"AND f.start < p.end WHERE p.id IN ({marks})" + (" AND f.type = ?" if fact_type else ""))
    return [r[0] for r in kb.query(sql, [*passage_ids, *([fact_type] if fact_type else [])])]


def _fact_rows(kb: KnowledgeBase, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))  # placeholders only; the ids are parameters
    rows = kb.query("SELECT f.*, d.title AS title, d.date AS doc_date, p.body AS passage_body, p.section AS section "
                    "FROM facts f JOIN documents d ON d.path = f.doc LEFT JOIN passages p ON p.id = f.passage_id "
                    f"WHERE f.id IN ({marks})", ids)
    return {r["id"]: dict(r) for r in rows}


def _rows_by_id(kb: KnowledgeBase, table: str, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))  # placeholders only; the ids are parameters
    rows = kb.query(f"SELECT * FROM {table} WHERE id IN ({marks})", ids)
    return {r["id"]: dict(r) for r in rows}
