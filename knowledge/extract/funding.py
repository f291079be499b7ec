"""Funding facts: every money amount the text gives, with its currency, US dollar equivalent, period and parties."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from knowledge.extract._dates import context_years
from knowledge.extract._letters import UPPER
from knowledge.extract._money import MoneyMention, find_money, format_amount
from knowledge.extract._spans import quotable, statement_spans
from knowledge.models import Fact, Passage
from knowledge.quoting import quote_fact
from knowledge.text import fold

__all__ = ["funding_facts", "funding_summary"]

PARTY_LIMIT = 80
LABEL_LINES = 12
LABEL_LINE_CHARS = 60
LABEL_CHARS = 250

# "(about $137)", "(USD 2.74 million)", "(i.e. $411)": the equivalent written right after an amount.
_EQUIVALENT_OPEN = re.compile(r"\s*\(\s*(?:(?:about|approximately|approx\.|around|roughly|some|or|i\.e\.|=|~|"
                              r"equivalent\s+to|equal\s+to|the\s+equivalent\s+of(?:\s+about)?|approximately\s+equal\s+to)\s*)?"
                              r"(?:US\$|\$|€|£)?", re.IGNORECASE)
_EQUIVALENT_CLOSE = re.compile(r"\s*(?:USD|US\$|U\.?S\.?(?:\s*dollars)?)?\s*\)")
_UNIT = {"year": "per year", "annum": "per year", "month": "per month", "week": "per week", "day": "per day"}
_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:(?:per|a|an|each|every)\s+(?P<unit>year|annum|month|week|day)\b|"
                          r"(?P<adverb>annually|yearly|monthly|weekly|daily)\b)", re.IGNORECASE)
_ADVERBS = {"annually": "per year", "yearly": "per year", "monthly": "per month", "weekly": "per week",
            "daily": "per day"}
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_SPAN_PERIOD = re.compile(
    r"\b(?:every\s+(?:\d+|two|three|four|five|six|eight|ten|twelve|other|few)\s+(?:years|months|weeks|days)"
    rf"|since\s+(?:(?:[A-Z][a-z]+\s+)?{_YEAR})"
    rf"|between\s+{_YEAR}\s+and\s+{_YEAR}|from\s+{_YEAR}\s+(?:to|until|through)\s+{_YEAR}"
    rf"|(?:in|for|during|over)\s+(?:the\s+(?:period\s+)?)?{_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d\d)\b"
    r"|over\s+(?:the\s+(?:next|past|last)\s+|a\s+)?(?:\d+|two|three|four|five|six|ten)\s+(?:years|months)"
    r"|(?:per|a)\s+(?:year|annum|month|week|day)"
    rf"|(?<![\d-]){_YEAR}\s*[-–]\s*(?:{_YEAR}|\d\d)(?![\d-]))", re.IGNORECASE)
# "Since 2011, France has contributed $333,959": a span of years told before the amount, in its clause.
_SINCE_BEFORE = re.compile(rf"\b((?:[Ss]ince|[Bb]etween)\s+{_YEAR}(?:\s+and\s+{_YEAR})?"
                           rf"|[Ff]rom\s+{_YEAR}\s+to\s+{_YEAR})\b[^.;]{{0,100}}$")
_BEFORE_PERIOD = re.compile(r"\b(annual|yearly|monthly|weekly)\b[^.;]{0,40}$", re.IGNORECASE)
_MARK = re.compile(r"[A-Z][.:]|\((?:SBU|U|C|S|LOU|CONFIDENTIAL|SECRET)\)|¶\d+\.?")
_PRONOUNS = frozenset("it they he she we this that these those which who there its their".split())
_NAME = (rf"[{UPPER}][\w’'.&/-]*(?:[ \t]+(?:(?:of|for|the|and|on|to|in|at|de|du|des|la|le)[ \t]+)*[{UPPER}][\w’'.&/-]*)"
         r"{0,7}")
_GIVE = (r"(?:contributed|contributes|contribute|provided|provides|provide|gave|gives|give|granted|grants|"
         r"donated|donates|allocated|allocates|committed|commits|committing|pledged|pledges|paid|pays|spent|spends|"
         r"funded|funds|financed|finances|awarded|awards|disbursed|disburses|earmarked|invested|invests|"
         r"announced|offered|offers|transferred)")
_PAYER = re.compile(rf"(?P<who>{_NAME})(?:\s*\([A-Z][\w&-]*\))?,?\s+(?:(?:has|have|had|will|would|also|"
                    rf"\w+ly)\s+)*{_GIVE}\b")
_FROM = re.compile(rf"^[^.;]{{0,60}}?\bfrom\s+(?:the\s+)?(?P<who>{_NAME})")
_BY = re.compile(rf"\b(?:funded|financed|paid|provided|granted|donated|sponsored|supported)\s+by\s+(?:the\s+)?"
                 rf"(?P<who>{_NAME})")
_POSSESSIVE = re.compile(rf"(?P<who>{_NAME})[’']s\s+(?P<what>(?:[a-z]+\s+){{0,4}}(?:contributions?|funding|"
                         r"grants?|donations?|budget|aid|support|assistance))")
_TO = re.compile(rf"\bto\s+(?:the\s+)?(?P<to>{_NAME}(?:\s*\([A-Z][\w&-]*\))?)")
_GOT = r"(?:received|receives|obtained|was\s+granted|were\s+granted|was\s+awarded)"
_RECEIVED = re.compile(rf"(?P<who>{_NAME})(?:\s*\([A-Z][\w&-]*\))?\s+(?:has\s+|have\s+|had\s+)?{_GOT}\b")
# A payer or a receiver needs its verb: most clauses have none, and the verb alone is far cheaper to look for
# than the name before it (any capital letter may start one).
_GIVE_WORD = re.compile(rf"{_GIVE}\b")
_GOT_WORD = re.compile(rf"{_GOT}\b")
_WITH = re.compile(r"\b(?:provide|provides|provided|give|gives|gave|grant|grants|granted)\s+(?P<to>(?:the\s+)?"
                   r"[\w’'-]+(?:\s+[\w’'-]+)?)\s+with\b")
# "for 2019-2020" is the period, not what the money is for
_FOR = re.compile(r"^[^.;]{0,40}?\bfor\s+(?P<what>(?!a\s+period|one\s+year|a\s+year|the\s+year|"
                  r"(?:the\s+)?(?:years?\s+)?\d)[^,;.()\n]{4,80})")
_NOUN_OF = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?P<what>(?:[\w-]+\s+){0,3}(?:stipend|budget|grant|"
                      r"contribution|donation|allowance|subsidy|fine|fee|salary|award|payment|loan|fund|allocation|"
                      r"compensation|bonus|reward|investment|funding|envelope|package|cost))\s+of\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)
_FINANCED = re.compile(r"\b(?:financed|funded|supported|sponsored)\s+(?P<what>[^,;.()]{6,100}?)\s+"
                       r"(?:in|for|with)\s+(?:the\s+|an\s+)?(?:amount|sum|total)\s+of\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\s+(?:and|which|who|that|where)\s+")
_SENTENCE_END = re.compile(r"[.!?]\s")


def funding_facts(passage: Passage) -> list[Fact]:
    """One fact per money amount in the passage; an amount's stated US dollar equivalent is a field, not a fact."""
    text = passage.masked
    mentions = find_money(text)
    if not mentions:
        return []  # most passages name no amount: skip their sentence spans, the costliest step after the search
    equivalents = _equivalents(text, mentions)
    spans = statement_spans(text)
    facts = []
    for i, mention in enumerate(mentions):
        if i in equivalents.values():
            continue
        equivalent = mentions[equivalents[i]] if i in equivalents else None
        end = _equivalent_end(text, mention, equivalent)
        following = [m.start for m in mentions[i + 1:] if m.start >= end]
        sentence = _sentence(spans, mention.start, end)
        fields = _fields(text, sentence, mention, equivalent, end, following[0] if following else sentence[1])
        quote = _key_figure(text, sentence, fields) or quotable(passage.text, sentence)
        facts.append(quote_fact(passage, "funding", fields, mention.start, end, quote=quote))
    return facts


def funding_summary(fields: Mapping[str, Any]) -> str:
    """'France: EUR 1,830,000 general voluntary contributions to UNODC (2018)'."""
    line = f"{fields.get('currency', '')} {format_amount(fields.get('amount', 0))}"
    if fields.get("qualifier"):
        line = f"{fields['qualifier']} {line}"
    if fields.get("usd") and fields.get("currency") != "USD":
        line += f" (USD {format_amount(fields['usd'])})"
    if fields.get("purpose"):
        line += f" {fields['purpose']}"
    if fields.get("recipient"):
        line += f" to {fields['recipient']}"
    when = [str(v) for v in (fields.get("period"), fields.get("year")) if v]
    if when:
        line += f" ({', '.join(when)})"
    return f"{fields['payer']}: {line}" if fields.get("payer") else line


def _equivalents(text: str, mentions: list[MoneyMention]) -> dict[int, int]:
    """Index of an amount -> index of the bracketed equivalent that follows it: "46,000 euros ($63,020)"."""
    pairs: dict[int, int] = {}
    for i, (first, second) in enumerate(zip(mentions, mentions[1:], strict=False)):
        opening = _EQUIVALENT_OPEN.fullmatch(text, first.end, second.start)
        if opening and _EQUIVALENT_CLOSE.match(text, second.end) and i not in pairs.values():
            pairs[i] = i + 1
    return pairs


def _equivalent_end(text: str, mention: MoneyMention, equivalent: MoneyMention | None) -> int:
    if equivalent is None:
        return mention.end
    closing = _EQUIVALENT_CLOSE.match(text, equivalent.end)
    return closing.end() if closing else equivalent.end


def _sentence(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    inside = [s for s in spans if s[1] > start and s[0] < end]
    return (inside[0][0], inside[-1][1]) if inside else (start, end)


def _fields(text: str, sentence: tuple[int, int], mention: MoneyMention, equivalent: MoneyMention | None,
            end: int, stop: int) -> dict[str, Any]:
    a, b = sentence
    after = text[end:max(end, min(stop, b))]
    before = text[a:mention.start]
    period = _period(after, before)
    fields: dict[str, Any] = {
        "amount": _number(mention.amount),
        "currency": mention.currency,
        "usd": _number(equivalent.amount) if equivalent and equivalent.currency == "USD" else None,
        "qualifier": mention.qualifier,
        "period": period,
        "year": _year(text, sentence, mention, f"{period} {_span_before(before)}"),
    }
    fields.update(_parties(before, after))
    return fields


def _period(after: str, before: str) -> str | None:
    right = _RIGHT_AFTER.match(after)
    if right:
        return _UNIT[right.group("unit").lower()] if right.group("unit") else _ADVERBS[right.group("adverb").lower()]
    found = _SPAN_PERIOD.search(after)
    if found:
        written = fold(found.group()).lower() if not found.group().lower().startswith("since") else fold(found.group())
        unit = re.fullmatch(r"(?:per|a)\s+(\w+)", written)
        return _UNIT.get(unit.group(1), written) if unit else written
    since = _SINCE_BEFORE.search(before)
    if since:
        written = fold(since.group(1))
        return written[0].lower() + written[1:]
    adjective = _BEFORE_PERIOD.search(before)
    if adjective:
        word = adjective.group(1).lower()
        return "per year" if word in ("annual", "yearly") else _ADVERBS[word]
    return None


def _span_before(before: str) -> str:
    since = _SINCE_BEFORE.search(before)
    return since.group(1) if since else ""


def _year(text: str, sentence: tuple[int, int], mention: MoneyMention, taken_text: str) -> int | None:
    """The year the amount is for: the nearest year in its sentence that is not part of a span of years."""
    a, b = sentence
    taken = set(re.findall(_YEAR, taken_text))
    years = [(abs(at + a - mention.start), year) for at, year in context_years(text[a:b])
             if str(year) not in taken and not (mention.start <= at + a < mention.end)]
    return min(years)[1] if years else None


def _parties(before: str, after: str) -> dict[str, Any]:
    clause = re.split(r"[;:]\s", before)[-1]
    payer = _payer(clause, after)
    recipient = _recipient(clause, after)
    return {"payer": payer, "recipient": recipient if recipient != payer else None,
            "purpose": _purpose(clause, after)}


def _payer(before: str, after: str) -> str | None:
    for found in _payer_matches(before, after):
        if party := _party(found.group("who")):
            return party
    return None


def _payer_matches(before: str, after: str) -> Iterator[re.Match[str]]:
    if _GIVE_WORD.search(before):
        yield from reversed(list(_PAYER.finditer(before)))
    yield from _searches((_BY, after), (_BY, before), (_FROM, after), (_POSSESSIVE, before))


def _recipient(before: str, after: str) -> str | None:
    for found in _recipient_matches(before, after):
        who = found.groupdict().get("to") or found.groupdict().get("who")
        if who and (party := _party(who)):
            return party
    return None


def _recipient_matches(before: str, after: str) -> Iterator[re.Match[str]]:
    yield from _searches((_TO, after[:120]), (_WITH, before))
    if _GOT_WORD.search(before):
        yield from reversed(list(_RECEIVED.finditer(before)))
    yield from _searches((_TO, before))


def _purpose(before: str, after: str) -> str | None:
    found = next(_searches((_FINANCED, before), (_NOUN_OF, before), (_POSSESSIVE, before), (_FOR, after)), None)
    if found is None:
        return None
    what = _CLAUSE_BREAK.split(fold(found.group("what")))[0]
    return what.rstrip(" ,")[:PARTY_LIMIT]


def _searches(*places: tuple[re.Pattern[str], str]) -> Iterator[re.Match[str]]:
    """Each pattern's first match in its text, in order; searched only when asked for, as the first usually does."""
    for pattern, text in places:
        if found := pattern.search(text):
            yield found


def _party(written: str) -> str | None:
    words = fold(written).rstrip(".,").split()
    # a cable's answer letter ("-- A.") and classification ("(SBU)") are not part of anyone's name
    while words and (words[0].lower() in ("the", "however", "also", "and", "but", "in", "on", "with", "--")
                     or _MARK.fullmatch(words[0])):
        words = words[1:]
    if not words or words[0].lower() in _PRONOUNS or len(" ".join(words)) > PARTY_LIMIT:
        return None
    return " ".join(words)


def _key_figure(text: str, sentence: tuple[int, int], fields: dict[str, Any]) -> tuple[int, int] | None:
    """A key-figures box: a short label in the lines above a lone amount ("France's contributions to ... €1,830,000").

    The label becomes part of the quote and tells who paid whom; the fields are updated in place.
    """
    a, b = sentence
    if len(fold(text[a:b])) > 40 or text[text.rfind("\n", 0, a) + 1:a].strip():
        return None  # not a lone amount on its own line
    label = _label_above(text, a)
    if label is None:
        return None
    written = fold(text[label[0]:label[1]])
    owner = _POSSESSIVE.search(written)
    if owner:
        fields["payer"] = fields.get("payer") or _party(owner.group("who"))
        fields["purpose"] = fields.get("purpose") or fold(owner.group("what"))
    to = _TO.search(written)
    if to and not fields.get("recipient"):
        fields["recipient"] = _party(to.group("to"))
    if not fields.get("purpose") and len(written) <= PARTY_LIMIT:
        fields["purpose"] = written  # the label says what the figure is: "EU funding for anti-trafficking projects"
    return label[0], b


def _label_above(text: str, a: int) -> tuple[int, int] | None:
    block_end = len(text[:a].rstrip())
    gap = text[block_end:a]
    if "\n" not in gap:
        return None
    block_start = block_end
    lines = 0
    while block_start > 0:
        line_start = text.rfind("\n", 0, block_start - 1) + 1
        line = text[line_start:block_start].strip()
        if not line:
            break
        if len(line) > LABEL_LINE_CHARS or _SENTENCE_END.search(line + " ") or find_money(line):
            return None
        block_start, lines = line_start, lines + 1
        if lines > LABEL_LINES:
            return None
    while block_start < block_end and text[block_start].isspace():
        block_start += 1
    label = text[block_start:block_end]
    if not label.strip() or len(fold(label)) > LABEL_CHARS or not re.search(r"[A-Za-z]{3}", label):
        return None
    return block_start, block_end


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
