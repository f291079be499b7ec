"""Permit facts: what the text says victims get to stay — residence permits, reflection periods, relief from removal."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from knowledge.extract._spans import quotable, statement_spans
from knowledge.models import Fact, Passage
from knowledge.quoting import quote_fact
from knowledge.text import fold

__all__ = ["permit_facts", "permit_summary"]

CONDITION_LIMIT = 160


def _loose(pattern: str) -> re.Pattern[str]:
    # Cables and PDF text break lines anywhere: a space in a pattern stands for any run of white space.
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


_STAY = r"(?:remain|stay|reside)"
# Where one stays: the country (a capitalised name, whatever the case of the rest), or nowhere said.
_WHERE = r"(?: (?:in|within) (?:the country|the territory|(?-i:[A-Z])\w+)| legally| lawfully)?"
_TRIAL = r"(?:trial|proceedings|criminal (?:procedure|case)|investigation|prosecution|court case|case)"
# (topic, pattern), most specific first: the first that matches a sentence names its topic.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((topic, _loose(pattern)) for topic, pattern in (
    ("reflection period", r"\b(?:recovery and )?reflection(?: and recovery)? (?:period|delay)\b"
                          r"|\bperiods? of (?:recovery and )?reflection\b|\brecovery period\b"),
    ("permanent residence", r"\bpermanent[- ]residen(?:ce|cy|t)\b|\b(?:indefinite|settled) leave to remain\b"
                            r"|\bpermanent (?:residence |resident |residency )?(?:card|permit|status|visa)s?\b"),
    ("temporary residence permit", r"\btemporary (?:residen(?:ce|cy|t)|stay) (?:permit|card|status|visa|title)s?\b"
                                   r"|\btemporary residency\b"),
    ("residence permit", r"\bresiden(?:ce|cy|t) (?:permit|card|title|status|visa|authori[sz]ation|document|right)s?\b"
                         r"|\b(?:permit|right|leave|permission|authori[sz]ation)s? (?:of|to) "
                         r"(?:residence|reside|remain|stay)\b"
                         r"|\bstay permits?\b|\btitres? de séjour\b"
                         r"|\bresiden(?:ce|cy) and work (?:permit|card|visa)s?\b"),
    ("stay during the trial", rf"\b{_STAY}{_WHERE} (?:for the (?:duration|length|time) of|during|pending|throughout|"
                              rf"until the end of)\b[^.;]{{0,25}}?\b{_TRIAL}"),
    ("long-term stay", rf"\b{_STAY}{_WHERE} (?:long[- ]term|permanently|indefinitely)\b"),
    ("relief from deportation", r"\b(?:relief|protection|protected|exempt(?:ed|ion)?|immunity|shield(?:ed)?|"
                                r"alternatives?)\b[^.;]{0,20}\b(?:deportation|removal|expulsion|forced return|"
                                r"refoulement)\b"
                                r"|\b(?:not|never) (?:be )?(?:deported|expelled|removed|repatriated)\b"
                                r"|\bstay of (?:deportation|removal)\b|\bnon-?(?:removal|refoulement)\b"),
    ("visa", r"\b(?:(?-i:[TU])|humanitarian|special|victim|temporary)[- ]visas?\b"),
    ("right to work", r"\b(?:work|employment) (?:permit|authori[sz]ation)s?\b"
                      r"|\b(?:allowed|permitted|entitled|authori[sz]ed|permission) to (?:work|take up employment)\b"),
    ("asylum", r"\b(?:appl(?:y|ied|ies|ying)|claim(?:ed|s|ing)?|request(?:ed|s|ing)?|grant(?:ed|s|ing)?|seek(?:s|ing)?|"
               r"sought|receive[ds]?|eligible) (?:for )?asylum\b|\basylum (?:status|protection)\b|\brefugee status\b"
               r"|\b(?:humanitarian|subsidiary) protection (?:status|permit|visa)s?\b"
               r"|\b(?:grant(?:ed|s)?|receive[ds]?|eligible for|obtain(?:ed|s)?) (?:\w+ ){0,2}"
               r"(?:humanitarian|subsidiary) protection\b"),
    ("right to stay", rf"\b(?:allowed|permitted|entitled|authori[sz]ed|able|right|permits?|allows?) (?:\w+ ){{0,3}}"
                      rf"to {_STAY}(?: (?:in|within) (?:the country|the territory|(?-i:[A-Z])\w+)| legally| lawfully)\b"
                      r"|\bcontinued presence\b"),
))
# Lower-case words by topic, in groups: every match of the topic's pattern holds a word of each group. A sentence
# that lacks all the words of a group cannot name the topic, so the costly pattern need not run (most sentences
# name no permit at all). The first group's words are located in the passage; the others are looked up in a
# sentence only when it holds one of the first. Change them with the patterns: a wrong word loses facts silently.
_STAY_WORDS = ("remain", "stay", "resid")
_TOPIC_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "reflection period": (("reflection", "recovery"),),
    "permanent residence": (("permanent", "indefinite", "settled"),),
    "temporary residence permit": (("temporary",),),
    "residence permit": (("resid", "remain", "stay", "titre"),
                         ("permit", "permis", "card", "title", "status", "visa", "authori", "document", "right",
                          "leave", "jour")),
    "stay during the trial": (_STAY_WORDS, ("duration", "length", "time", "during", "pending", "throughout", "until"),
                              ("trial", "proceeding", "criminal", "investigation", "prosecution", "case")),
    "long-term stay": (_STAY_WORDS, ("long", "permanent", "indefinite")),
    "relief from deportation": (("deport", "remov", "expul", "expel", "return", "refoul", "repatriat"),),
    "visa": (("visa",),),
    "right to work": (("work", "employment"), ("permit", "permis", "authori", "allowed", "entitled")),
    "asylum": (("asylum", "refugee", "humanitarian", "subsidiary"), ("asylum", "refugee", "protection")),
    "right to stay": ((*_STAY_WORDS, "presence"),
                      ("allow", "permit", "entitled", "authori", "able", "right", "presence")),
}
# The ranks (in _TOPICS) of the topics whose first group holds the word.
_RANKS_BY_WORD: dict[str, tuple[int, ...]] = {
    word: tuple(rank for rank, (topic, _) in enumerate(_TOPICS) if word in _TOPIC_WORDS[topic][0])
    for word in sorted({word for groups in _TOPIC_WORDS.values() for word in groups[0]})
}
# IGNORECASE patterns match these to an ASCII letter; str.lower() does not make them that letter ("İ" grows
# to two characters), so they are folded first for the word test to see what the patterns see.
_PATTERN_CASE_ODD = {"İ": "i", "ı": "i", "ſ": "s"}
_PATTERN_CASE = str.maketrans(_PATTERN_CASE_ODD)
_NUM = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|"
        r"thirty|forty-five|sixty|ninety|a)")
_UNIT_WORDS = ("day", "week", "month", "year")
_UNIT = rf"(?:{'|'.join(_UNIT_WORDS)})s?"
_NUMBER_WORDS = {"a": "one", "an": "one"}
_DURATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((label, _loose(p)) for label, p in (
    ("", rf"\b(?P<n>{_NUM})[- ](?P<u>{_UNIT})[- ](?:long )?(?:reflection|recovery|residence|residency|stay|"
         rf"temporary|permit|period|visa|card|renewable)"),
    ("minimum ", rf"\b(?:for|of) (?:a )?(?:minimum|at least|not less than)(?: period)?(?: of)? "
                 rf"(?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("up to ", rf"\b(?:for|of) (?:a )?(?:maximum(?: period)?(?: of)?|up to|no more than) (?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("", rf"\bvalid (?:for|during) (?:a period of )?(?:(?:typically|usually) )?(?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("", rf"\b(?:for|of|lasting) (?:a period of )?(?P<n>{_NUM}) (?P<u>{_UNIT})\b"),
))
_RENEWAL = _loose(rf"\brenewable (?:every|for|each|after) (?:(?P<n>{_NUM}) )?(?P<u>{_UNIT})")
_ISO_CODES = "EUR|USD|GBP|CHF|RUB|JPY|INR|RON|BGN|RSD|MDL|UAH|TRY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|HUF"
_CURRENCY_WORDS = {"€": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD", "dollars": "USD",
                   "£": "GBP", "pounds": "GBP", "swiss francs": "CHF", "rubles": "RUB", "roubles": "RUB",
                   "yen": "JPY", "rupees": "INR", "lei": "RON", "leva": "BGN", "hryvnias": "UAH", "lira": "TRY"}
_MONEY = re.compile(
    rf"(?:(?P<pre>€|US\$|\$|£|(?:{_ISO_CODES})\b)\s?(?P<a1>\d[\d,.]*)"
    rf"|(?P<a2>\d[\d,.]*)\s?(?P<post>euros?|€|dollars|pounds|swiss francs|r[ou]+bles|yen|rupees|lei|leva|hryvnias|"
    rf"lira|£|(?:{_ISO_CODES})\b))(?!\w)", re.IGNORECASE)
_COST_WORD = re.compile(r"\b(?:costs?|fees?|charged?|pay|paid|price|payable)\b", re.IGNORECASE)
_ARTICLE = re.compile(
    r"\b(?:[Aa]rticles?|[Ss]ections?|§)\s*[A-Z]?\d[\w.-]*(?:\s*(?:,|and|or)\s*[A-Z]?\d[\w.-]*)*"
    r"(?:\s+of\s+(?:the\s+)?[^,;.()]{3,120}?(?:\s*\([A-Z][\w-]{1,12}\))?)?(?=\s*[,;.)]|\s+(?:victims?|if|who|may|can|shall|provides?|states?)\b)")
_CAP = r"[A-Z][\w'’-]*"
_INSTRUMENT = re.compile(
    rf"\b(?:(?:19|20)\d\d\s+)?(?:{_CAP}\s+(?:(?:of|on|for|to|against|in|and|the)\s+)*){{1,8}}"
    r"(?:Convention|Directive|Protocol|Act|Law|Code|Decree|Ordinance|Regulation|Statute)\b"
    rf"(?:\s+(?:on|to|against|for)\s+(?:(?:the|of|in|and|on)\s+)*{_CAP}"
    rf"(?:\s+(?:(?:the|of|in|and|on|against|for|to)\s+)*{_CAP})*)?"
    r"|\bLaw (?:No\.?\s*)?\d[\d-]+\b")
_CONDITION = _loose(
    r"\b(?:if|only if|provid(?:ed|ing) that|provided (?=they |victims |the victim )|"
    r"on condition that|as long as|so long as|in the event of|subject to|unless|"
    r"in exchange for|once|who (?:agree|cooperate|testify|file|provide|assist|aid|help)\w*)\b[^.;]*")
_LEADING_WORDS = frozenset("since under in as by pursuant according following the a an".split())
_MAIN_VERB = re.compile(r"\s(?:may|can|could|will|would|shall|must|are|is|receive|get|obtain|have|were)\b")
_SAME_PERMIT = _loose(r"^\W*(?:the|this|that|these|those|such) (?:\w+ )?(?:permit|card|visa|status|document)s?\b")
_NOT_STATEMENT = re.compile(r"^\W*(?:please|if so|if not|required of|describe|explain|provide)\b", re.IGNORECASE)


def permit_facts(passage: Passage) -> list[Fact]:
    """One fact per sentence that states a provision on victims' stay (questions are not provisions).

    A sentence right after one that names a permit, and that speaks of "the permit" or "this card",
    is about the same permit: "The card costs 225 euros."
    """
    text = passage.masked
    folded, words = _words_at(text)
    if not words:
        return []  # no sentence names a topic, so none can refer back to one either
    facts: list[Fact] = []
    previous: str | None = None
    for a, b in statement_spans(text):
        held = {word for at, word in words if a <= at and at + len(word) <= b}
        if not held and previous is None:
            continue  # it names no topic and has none to refer back to
        sentence = text[a:b]
        if sentence.rstrip().endswith("?") or _NOT_STATEMENT.match(sentence):
            previous = None
            continue
        mentions = _mentions(sentence, held, folded[a:b])
        topic, m = _topic(sentence, mentions, previous)
        if topic and m:
            facts.append(_fact(passage, topic, a, b, m.start() + a, m.end() + a))
        previous = _last_topic(mentions) or topic
    return facts


def permit_summary(fields: Mapping[str, Any]) -> str:
    """'Reflection period: 30 days (Council of Europe Convention)'."""
    topic = str(fields.get("topic") or "permit")
    details = [str(fields["duration"])] if fields.get("duration") else []
    for key, label in (("cost", ""), ("renewal_cost", "renewal ")):
        money = fields.get(key)
        if isinstance(money, Mapping) and money.get("amount") is not None:
            details.append(f"{label}{money.get('currency', '')} {money['amount']:,}".replace("  ", " ").strip())
    line = topic[:1].upper() + topic[1:]
    if details:
        line += ": " + ", ".join(details)
    if fields.get("legal_basis"):
        line += f" ({fields['legal_basis']})"
    elif fields.get("conditions"):
        line += f" — {fields['conditions']}"
    return line


def _words_at(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text folded to lower case as the patterns fold it, and (offset, word) of each topic word in it."""
    folded = _folded(text)
    found = []
    for word in _RANKS_BY_WORD:
        at = folded.find(word)
        while at >= 0:
            found.append((at, word))
            at = folded.find(word, at + 1)
    return folded, found


def _folded(text: str) -> str:
    """The text in lower case as the IGNORECASE patterns see it, one character for one: offsets hold."""
    if text.isascii() or not any(odd in text for odd in _PATTERN_CASE_ODD):
        return text.lower()  # of all characters only "İ" grows in lower case, and it is an odd one
    return text.translate(_PATTERN_CASE).lower()


def _mentions(sentence: str, words: set[str], folded: str) -> list[tuple[int, str, re.Match[str]]]:
    """(rank, topic, first match) of each topic the sentence names, most specific first.

    `words` are the first-group topic words the sentence holds, `folded` the sentence as `_words_at` folds it:
    a topic the sentence lacks the words of is not searched for.
    """
    ranks = sorted({rank for word in words for rank in _RANKS_BY_WORD[word]})
    return [(rank, topic, m) for rank in ranks for topic, pattern in [_TOPICS[rank]]
            if _holds_other_groups(topic, folded) for m in [pattern.search(sentence)] if m]


def _holds_other_groups(topic: str, folded: str) -> bool:
    return all(any(word in folded for word in group) for group in _TOPIC_WORDS[topic][1:])


def _topic(sentence: str, mentions: list[tuple[int, str, re.Match[str]]],
           previous: str | None) -> tuple[str | None, re.Match[str] | None]:
    if mentions:
        _, topic, m = mentions[0]
        return topic, m
    same = _SAME_PERMIT.search(sentence) if previous else None
    return (previous, same) if same else (None, None)


def _last_topic(mentions: list[tuple[int, str, re.Match[str]]]) -> str | None:
    """The topic the sentence names last: what "the permit" in the next sentence refers to."""
    # the latest-ending mention; of mentions ending together, the most specific topic (listed first)
    return max((m.end(), -rank, topic) for rank, topic, m in mentions)[2] if mentions else None


def _fact(passage: Passage, topic: str, a: int, b: int, start: int, end: int) -> Fact:
    sentence = passage.masked[a:b]
    passage_offset = a
    cost, renewal_cost = _costs(sentence)
    fields = {
        "topic": topic,
        "duration": _duration(sentence, start - passage_offset),
        "cost": cost,
        "renewal_cost": renewal_cost,
        "legal_basis": _legal_basis(sentence),
        "conditions": _conditions(sentence),
    }
    return quote_fact(passage, "permit", fields, start, end, quote=quotable(passage.text, (a, b)))


def _duration(sentence: str, near: int = 0) -> str | None:
    # "a reflection period of at least 30 days ..., then a five-year residence permit": the duration
    # nearest the topic's words is the topic's.
    folded = _folded(sentence)
    if not any(unit in folded for unit in _UNIT_WORDS):
        return None  # every duration and renewal pattern names its unit: none can match
    candidates = [(abs(m.start() - near), rank, prefix, m) for rank, (prefix, pattern) in enumerate(_DURATIONS)
                  for m in pattern.finditer(sentence)]
    found = None
    if candidates:
        _, _, prefix, m = min(candidates, key=lambda c: (c[0], c[1]))
        found = prefix + _quantity(m.group("n"), m.group("u"))
    renewal = _RENEWAL.search(sentence)
    if renewal:
        again = "renewable every " + _quantity(renewal.group("n") or "one", renewal.group("u"))
        found = f"{found}, {again}" if found else again
    return found


def _quantity(number: str, unit: str) -> str:
    number = _NUMBER_WORDS.get(number.lower(), number.lower())
    unit = unit.lower().rstrip("s")
    return f"{number} {unit}" if number in ("one", "1") else f"{number} {unit}s"


def _costs(sentence: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    if not _COST_WORD.search(sentence):
        return None, None
    amounts = []
    for m in _MONEY.finditer(sentence):
        if sentence[max(0, m.start() - 1):m.start()] == "(":
            continue  # "300 euros ($411)": the bracketed figure is the same sum in another currency
        amounts.append((m, _money(m)))
    amounts = [(m, money) for m, money in amounts if money is not None]
    if not amounts:
        return None, None
    cost = amounts[0][1]
    renewal = next((money for m, money in amounts[1:] if re.search(r"\brenew", sentence[m.end():m.end() + 30])), None)
    return cost, renewal


def _money(m: re.Match[str]) -> dict[str, Any] | None:
    digits = (m.group("a1") or m.group("a2")).rstrip(".,")
    symbol = (m.group("pre") or m.group("post")).lower()
    currency = _CURRENCY_WORDS.get(symbol, symbol.upper())
    number = re.sub(r"[,.](?=\d{3}(?:\D|$))", "", digits).replace(",", ".")
    try:
        value = float(number)
    except ValueError:
        return None
    return {"amount": int(value) if value.is_integer() else value, "currency": currency}


def _legal_basis(sentence: str) -> str | None:
    for pattern in (_ARTICLE, _INSTRUMENT):
        m = pattern.search(sentence)
        if m:
            words = fold(m.group(0)).strip(" ,;").split(" ")
            while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
                words = words[1:]
            return " ".join(words)
    return None


def _conditions(sentence: str) -> str | None:
    m = _CONDITION.search(sentence)
    if not m:
        return None
    clause = m.group(0)
    if sentence[:m.start()].strip() == "" or m.group(0)[:1].isupper():
        clause = clause.split(",")[0]  # a fronted condition ends at its comma: "In the event of X, a card..."
    if clause.lower().startswith("who"):  # "victims who cooperate may receive...": the clause ends at the verb
        clause = _MAIN_VERB.split(clause, maxsplit=1)[0]
    clause = fold(clause).rstrip(" ,")
    if len(clause) > CONDITION_LIMIT:
        cut = clause.rfind(" ", 0, CONDITION_LIMIT)
        clause = clause[:cut] + "…"
    return clause
