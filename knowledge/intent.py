"""What a free-text question is about: funding, contact, permits, events, or a general search.

Each intent has cues: phrases ("how much", "point of contact"), keywords matched fuzzily (so
"fundng" and "residnce" still count), and patterns (an email address, a date). Strong cues weigh
1, weak ones ("who", "give") 0.5; the intent with the most weight wins when it reaches 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.vocabulary import normalize, stem, words

__all__ = [
    "COMMAND_INTENTS",
    "INTENT_FACT_TYPES",
    "IntentGuess",
    "detect_intent",
    "is_cue_word",
]

COMMAND_INTENTS = {"funding": "funding", "contact": "contact", "permits": "permits", "events": "events"}
INTENT_FACT_TYPES = {"funding": "funding", "contact": "contact", "permits": "permit", "events": "event"}
THRESHOLD = 1.0
_FUZZY = 86.0

# intent: (strong keywords, weak keywords, strong phrases, weak phrases)
_CUES: dict[str, tuple[str, str, str, str]] = {
    "funding": ("fund funding funded funds contribution contributions contribute contributed grant grants budget "
                "donation donate donated stipend fee fees cost costs paid pay pays payment money finance financed "
                "financing spend spent euros euro dollars dollar usd eur amount allowance",
                "give gives gave receive received annual yearly monthly",
                "how much|how many euros|how many dollars",
                "each year|per year|a month|per month"),
    "contact": ("contact contacts email mail phone telephone fax reach call handle twitter",
                "who whom address",
                "point of contact|focal point|get in touch|who to ask|who should i",
                ""),
    "permits": ("permit permits visa visas residence residency resident titre sejour asylum deportation deported",
                "stay remain card renew renewal reflection granted",
                "reflection period|period of reflection|right to stay|leave to remain|discretionary leave|"
                "permission to stay|protection status|continued presence",
                "how long|stay if|stay after|allowed to stay|allowed to remain|remain in the country"),
    "events": ("when event events conference conferences seminar seminars meeting meetings workshop workshops "
               "session summit forum calendar agenda schedule upcoming happen happened held date dates",
               "launched launch took",
               "what date|which date|what day|take place|took place",
               ""),
}
# Words a keyword's stem would match but that speak of another intent: "granted" is said of permits and
# status far more than of money (a grant, the noun, still counts for funding).
_NOT_CUES = {"funding": frozenset({"granted"})}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"\+?\(?\d[\d ()-]{6,}\d")
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS.replace(' ', '|')})\b|\b(?:{_MONTHS.replace(' ', '|')})\s+\d{{1,2}}\b"
                   r"|\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_CURRENCY = re.compile(r"[€$£¥]")
_CUE_STEMS = frozenset(stem(w) for strong, weak, _, _ in _CUES.values() for w in f"{strong} {weak}".split())


@dataclass(frozen=True, slots=True)
class IntentGuess:
    """The detected intent and the weight of the cues for each intent."""

    intent: str
    scores: dict[str, float]


def detect_intent(text: str, *readings: str) -> IntentGuess:
    """The intent of a free-text question: one of funding, contact, permits, events, search.

    `readings` are other versions of the text (typos corrected): each intent counts its best reading, so a
    correction never erases a cue the user typed ("call" corrected to "recall").
    """
    scores = dict.fromkeys(_CUES, 0.0)
    for reading in (text, *readings):
        for intent, weight in _scores(reading).items():
            scores[intent] = max(scores[intent], weight)
    best = max(scores, key=lambda k: scores[k])
    intent = best if scores[best] >= THRESHOLD else "search"
    return IntentGuess(intent, scores)


def is_cue_word(word: str) -> bool:
    """Whether a (folded) word is one of the keywords that say what a question asks for ("call", "when")."""
    return stem(word) in _CUE_STEMS


def _scores(text: str) -> dict[str, float]:
    folded = " ".join(words(text))
    tokens = folded.split()
    scores = {intent: _cue_weight(folded, [t for t in tokens if t not in _NOT_CUES.get(intent, ())], cues)
              for intent, cues in _CUES.items()}
    if _EMAIL.search(text) or _PHONE.search(text):
        scores["contact"] += 1.5
    if _DATE.search(text):
        scores["events"] += 1.0
    if _CURRENCY.search(text):
        scores["funding"] += 1.0
    return scores


def _cue_weight(folded: str, tokens: list[str], cues: tuple[str, str, str, str]) -> float:
    strong, weak, strong_phrases, weak_phrases = cues
    weight = 0.0
    for phrases, value in ((strong_phrases, 1.0), (weak_phrases, 0.5)):
        for phrase in filter(None, phrases.split("|")):
            if re.search(rf"\b{re.escape(normalize(phrase))}\b", folded):
                weight += value
    matched: set[str] = set()
    for keywords, value in ((strong, 1.0), (weak, 0.5)):
        for keyword in keywords.split():
            if keyword not in matched and _has_word(tokens, keyword):
                matched.add(keyword)
                weight += value
                break  # one keyword of a strength is enough: several synonyms are not more evidence
    return weight


def _has_word(tokens: list[str], keyword: str) -> bool:
    key = stem(keyword)
    for token in tokens:
        if stem(token) == key:
            return True
        if len(token) >= 5 and len(keyword) >= 5 and fuzz.ratio(token, keyword) >= _FUZZY:
            return True
    return False
