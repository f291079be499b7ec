"""Domain synonyms, in one readable table: words people type and words documents use for the same thing.

Each row is one group; the first entry names it. A query term in a group also finds the other
members (with less weight than the word typed). Entries may be phrases ("point of contact").
The `domain` column says which fact type a group is about, so words like "grant" or "seminar"
also tell the intent of a question.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "SYNONYMS",
    "SynonymGroup",
    "domain_of",
    "domain_words",
]


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Words and phrases that mean the same thing here; `domain` is a fact type or None."""

    domain: str | None
    terms: tuple[str, ...]


def _g(domain: str | None, terms: str) -> SynonymGroup:
    return SynonymGroup(domain, tuple(t.strip() for t in terms.split("/") if t.strip()))


SYNONYMS: tuple[SynonymGroup, ...] = (
    # domain     terms (first = the group's name)
    _g("permit", "permit / residence permit / visa / residency / residence card / resident card / "
                 "titre de séjour / reflection period / period of reflection / right to stay"),
    _g("permit", "reflection period / period of reflection / reflexion period"),
    _g("permit", "renew / renewal / renewable / extend / extension"),
    _g("funding", "funding / contribution / grant / budget / donation / stipend / fee / fund / financing / "
                  "financed / allowance"),
    _g("funding", "cost / costs / fee / fees / price / charge"),
    _g("funding", "paid / pay / payment / stipend / allowance"),
    _g("funding", "give / gives / contribute / donate / provide"),
    _g("funding", "yearly / annual / per year / each year / a year"),
    _g("funding", "monthly / per month / a month / each month"),
    _g("funding", "daily / per day / a day / each day / daily rate"),
    _g("funding", "weekly / per week / a week / each week"),
    _g("event", "event / conference / seminar / meeting / workshop / session / summit / forum / round table"),
    _g("event", "calendar / agenda / schedule / upcoming / dates"),
    _g("contact", "contact / email / e-mail / phone / telephone / fax / point of contact / focal point / address"),
    _g("contact", "twitter / on x / x.com / tweet"),  # the network renamed: "On X: @IOMNigeria"
    _g(None, "trafficking / trafficking in persons / human trafficking / tip / teh"),
    _g(None, "victim / victims / survivor / survivors"),
    _g(None, "ngo / ngos / association / charity / non-governmental organization"),
    _g(None, "embassy / post / mission / permanent representation / consulate"),
    _g(None, "government / gof / authorities / state"),
    _g(None, "trial / court case / proceedings / prosecution"),
    _g(None, "stay / remain"),
    _g(None, "testify / cooperate / cooperation / cooperates / witness / give evidence / criminal proceedings"),
    _g(None, "duration / valid / validity"),
    _g(None, "conditions / criteria / requirements / provided that"),
    _g(None, "campaign / awareness / prevention"),
    _g(None, "head / chief / director / leader / in charge"),
)


def domain_words(domain: str) -> frozenset[str]:
    """Every term of the groups about one fact type (`funding`, `contact`, `permit`, `event`)."""
    return frozenset(t for g in SYNONYMS if g.domain == domain for t in g.terms)


def domain_of(word: str) -> str | None:
    """The fact type a single word is about ("seminar" -> event), or None."""
    key = _key(word)
    for group in SYNONYMS:
        if group.domain and any(" " not in t and _key(t) == key for t in group.terms):
            return group.domain
    return None


def _key(word: str) -> str:
    # The stemmer lives with the vocabulary; imported here to keep this module a readable table first.
    from knowledge.vocabulary import normalize, stem

    return stem(normalize(word))
