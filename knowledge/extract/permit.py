"""Permit facts: what the text says victims get to stay — residence permits, reflection periods, relief from removal."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
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
    ("reflection period", r"\b(?:recovery and )?reflection(?: and (?:recovery|stabili[sz]ation))? (?:period|delay)\b"
                          r"|\bperiods? (?:of|for|to) (?:recovery(?: and reflection)?|reflection)\b"
                          r"|\brecovery period\b"
                          # a period given "to decide whether to cooperate" is one, even unnamed
                          r"|\b(?:period|time|days|weeks|months) (?:[^.;]{0,30}? )?to (?:decide|consider) whether "
                          r"(?:or not )?to (?:co-?operate|testify|assist|press charges)\b"
                          # German and Nordic law give the reflection period as a time allowed before leaving
                          r"|\b(?:time limit|period) (?:for|to) (?:departure|leave the country)\b"),
    ("permanent residence", r"\bpermanent[- ]residen(?:ce|cy|t)\b|\b(?:indefinite|settled) leave to remain\b"
                            r"|\bpermanent (?:residence |resident |residency )?(?:card|permit|status|visa)s?\b"),
    ("long-term residence", r"\blong[- ]term residen(?:ce|cy|t)\b"),
    ("temporary residence permit", r"\btemporary (?:residen(?:ce|cy|t)|stay) (?:permit|card|status|visa|title)s?\b"
                                   r"|\btemporary residency\b"
                                   # "may receive temporary residence for six months": the grant, not the place
                                   r"|\btemporary residence\b(?! (?:cent(?:re|er)|facilit|shelter|home|hall|address))"),
    ("residence permit", r"\bresiden(?:ce|cy|t) (?:permit|card|title|status|visa|authori[sz]ation|document|right)s?\b"
                         r"|\b(?:permit|right|leave|permission|authori[sz]ation)s? (?:of|to) "
                         r"(?:residence|reside|remain|stay)\b"
                         r"|\bstay permits?\b|\b(?:titres?|cartes?|autorisations? provisoires?) de séjour\b"
                         r"|\bresiden(?:ce|cy) and work (?:permit|card|visa|authori[sz]ation)s?\b"
                         # UK "leave" is permission to stay
                         r"|\b(?:discretionary|further|limited) leave\b"),
    ("stay during the trial", rf"\b{_STAY}{_WHERE} (?:for the (?:duration|length|time) of|during|pending|throughout|"
                              rf"until the end of)\b[^.;]{{0,25}}?\b{_TRIAL}"),
    ("long-term stay", rf"\b{_STAY}{_WHERE} (?:long[- ]term|permanently|indefinitely)\b"),
    ("relief from deportation", r"\b(?:relief|protection|protected|exempt(?:ed|ion)?|immunity|shield(?:ed)?|"
                                r"alternatives?)\b[^.;]{0,20}\b(?:deportation|removal|expulsion|forced return|"
                                r"refoulement)\b"
                                r"|\b(?:not|never) (?:be )?(?:deported|expelled|removed|repatriated)\b"
                                r"|\bstay of (?:deportation|removal)\b|\bnon-?(?:removal|refoulement)\b"
                                r"|\bnot (?:be )?subject to (?:deportation|removal|expulsion)\b"
                                r"|\bsuspension of (?:the )?(?:deportation|removal|expulsion)\b"
                                r"|\b(?:deportation|removal|expulsion) (?:\w+ ){0,6}suspended\b"
                                r"|\bno (?:\w+ )?(?:deportation|removal|expulsion) "
                                r"(?:action|measure|order|proceeding)s?\b"
                                r"|\bno (?:victim|one|person)s? (?:\w+ ){0,2}(?:be )?"
                                r"(?:deported|expelled|removed|returned)\b"
                                # German law's suspension of deportation
                                r"|\btolerated stay\b|\btoleration\b|\bDuldung\b"),
    ("visa", r"\b(?:(?-i:[TU])|humanitarian|special|victim|temporary)[- ]visas?\b"),
    ("right to work", r"\b(?:work|employment) (?:permit|authori[sz]ation)s?\b"
                      r"|\b(?:allowed|permitted|entitled|authori[sz]ed|permission) to (?:work|take up employment)\b"),
    ("asylum", r"\b(?:appl(?:y|ied|ies|ying)|claim(?:ed|s|ing)?|request(?:ed|s|ing)?|grant(?:ed|s|ing)?|seek(?:s|ing)?|"
               r"sought|receive[ds]?|eligible) (?:for )?asylum\b|\basylum (?:status|protection)\b|\brefugee status\b"
               r"|\b(?:humanitarian|subsidiary) protection (?:status|permit|visa)s?\b"
               r"|\b(?:grant(?:ed|s)?|receive[ds]?|eligible for|obtain(?:ed|s)?) (?:\w+ ){0,2}"
               r"(?:humanitarian|subsidiary) protection\b"),
    ("right to stay", rf"\b(?:allowed|permitted|entitled|authori[sz]ed|able|right|permits?|allows?) (?:\w+ ){{0,3}}"
                      rf"to {_STAY}{_WHERE[:-1]}\b"),
    ("continued presence", r"\b(?-i:Continued Presence|CONTINUED PRESENCE)\b"),  # the US status, a name
))
# Lower-case words by topic, in groups: every match of the topic's pattern holds a word of each group. A sentence
# that lacks all the words of a group cannot name the topic, so the costly pattern need not run (most sentences
# name no permit at all). The first group's words are located in the passage; the others are looked up in a
# sentence only when it holds one of the first. Change them with the patterns: a wrong word loses facts silently.
_STAY_WORDS = ("remain", "stay", "resid")
_TOPIC_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "reflection period": (("reflection", "recovery", "departure", "leave", "decide", "consider"),),
    "permanent residence": (("permanent", "indefinite", "settled"),),
    "long-term residence": (("resid",), ("long",)),
    "temporary residence permit": (("temporary",),),
    "residence permit": (("resid", "remain", "stay", "titre", "carte", "autorisation", "leave"),
                         ("permit", "permis", "card", "title", "status", "visa", "authori", "document", "right",
                          "leave", "jour")),
    "stay during the trial": (_STAY_WORDS, ("duration", "length", "time", "during", "pending", "throughout", "until"),
                              ("trial", "proceeding", "criminal", "investigation", "prosecution", "case")),
    "long-term stay": (_STAY_WORDS, ("long", "permanent", "indefinite")),
    "relief from deportation": (("deport", "remov", "expul", "expel", "return", "refoul", "repatriat", "tolerat",
                                 "duldung"),),
    "visa": (("visa",),),
    "right to work": (("work", "employment"), ("permit", "permis", "authori", "allowed", "entitled")),
    "asylum": (("asylum", "refugee", "humanitarian", "subsidiary"), ("asylum", "refugee", "protection")),
    "right to stay": (_STAY_WORDS, ("allow", "permit", "entitled", "authori", "able", "right")),
    "continued presence": (("presence",),),
}
# The ranks (in _TOPICS) of the topics whose first group holds the word.
_RANKS_BY_WORD: dict[str, tuple[int, ...]] = {
    word: tuple(rank for rank, (topic, _) in enumerate(_TOPICS) if word in _TOPIC_WORDS[topic][0])
    for word in sorted({word for groups in _TOPIC_WORDS.values() for word in groups[0]})
}
# By rank, the groups after the first.
_OTHER_GROUPS = tuple(_TOPIC_WORDS[topic][1:] for topic, _ in _TOPICS)
# IGNORECASE patterns match these to an ASCII letter; str.lower() does not make them that letter ("İ" grows
# to two characters), so they are folded first for the word test to see what the patterns see.
_PATTERN_CASE_ODD = {"İ": "i", "ı": "i", "ſ": "s"}
_PATTERN_CASE = str.maketrans(_PATTERN_CASE_ODD)
_NUM = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|"
        r"thirty|forty-five|sixty|ninety|a)")
_UNIT_WORDS = ("day", "week", "month", "year")
_UNIT = rf"(?:{'|'.join(_UNIT_WORDS)})s?"
_NUMBER_WORDS = {"a": "one"}  # "a year"; `_NUM` cannot match "an"
_DURATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((label, _loose(p)) for label, p in (
    ("", rf"\b(?P<n>{_NUM})[- ](?P<u>{_UNIT})[- ](?:long )?(?:reflection|recovery|residence|residency|stay|"
         rf"temporary|permit|period|visa|card|renewable)"),
    ("minimum ", rf"\b(?:for|of|to) (?:a )?(?:minimum|at least|not less than)(?: period)?(?: of)? "
                 rf"(?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("up to ", rf"\b(?:for|of) (?:a )?(?:maximum(?: period)?(?: of)?|up to|no more than) (?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("", rf"\bvalid (?:for|during) (?:a period of )?(?:(?:typically|usually) )?(?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("", rf"\b(?:for|of|lasting|lasts?) (?:a period of )?(?P<n>{_NUM}) (?P<u>{_UNIT})\b"),
    ("", rf"\bto (?P<n>{_NUM}) (?P<u>{_UNIT})\b"),  # "shortened to one year", "extended from 45 days to six months"
    ("", rf"\bbetween (?P<low>{_NUM}) and (?P<n>{_NUM}) (?P<u>{_UNIT})\b"),  # "between 30 and 60 days": a range
))
# Words each duration pattern (by rank) holds one of, besides its unit: without them it need not run.
_DURATION_WORDS: tuple[tuple[str, ...], ...] = ((), ("minimum", "least", "less"), ("maximum", "up", "more"),
                                                ("valid",), (), (), ("between",))
# "delivered two to three months after the decision" is a delay, not how long a permit lasts.
_DELAY = _loose(r" (?:after|later|ago|following)\b")
_RENEWAL = _loose(rf"\b(?P<not>(?:not|cannot|never)(?: be)? |non-)?renew(?:able|ed)\b"
                  rf"(?: (?P<how>every|for|each|after|in) (?:a period of )?"
                  rf"(?:(?P<n>{_NUM})[- ])?(?P<u>{_UNIT})\b(?: increments)?)?")
_ISO_CODES = "EUR|USD|GBP|CHF|RUB|JPY|INR|RON|BGN|RSD|MDL|UAH|TRY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|HUF"
_CURRENCY_WORDS = {"€": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD", "dollars": "USD",
                   "£": "GBP", "pounds": "GBP", "swiss francs": "CHF", "rubles": "RUB", "roubles": "RUB",
                   "yen": "JPY", "rupees": "INR", "lei": "RON", "leva": "BGN", "hryvnias": "UAH", "lira": "TRY"}
_MONEY = re.compile(
    rf"(?:(?P<pre>€|US\$|\$|£|(?:{_ISO_CODES})\b)\s?(?P<a1>\d[\d,.]*)"
    rf"|(?P<a2>\d[\d,.]*)\s?(?P<post>euros?|€|dollars|pounds|swiss francs|r[ou]+bles|yen|rupees|lei|leva|hryvnias|"
    rf"lira|£|(?:{_ISO_CODES})\b))(?!\w)", re.IGNORECASE)
_COST_WORD = re.compile(r"\b(?:costs?|fees?|charged?|pay|paid|price|payable)\b", re.IGNORECASE)
_COST_WORDS = ("cost", "fee", "charge", "pay", "paid", "price")  # in every match of _COST_WORD, folded
# "59 bis", "25(4a)", "8-3": a provision's number stays whole.
_ARTICLE_NUMBER = r"[A-Z]?\d[\w.-]*(?:\([\w.]+\))*(?:\s+(?:bis|ter|quater)\b)?"
# Words (case as written: the pattern below is case-sensitive) every match of _ARTICLE or _INSTRUMENT holds.
_ARTICLE_WORDS = ("rticle", "Art.", "ection", "§")
_INSTRUMENT_WORDS = ("Convention", "Directive", "Protocol", "Act", "Law", "Code", "Decree", "Ordinance",
                     "Regulation", "Statute")
_ARTICLE = re.compile(
    rf"\b(?:[Aa]rticles?|Art\.|[Ss]ections?|§)\s*{_ARTICLE_NUMBER}(?:\s*(?:,|and|or)\s*{_ARTICLE_NUMBER})*"
    r"(?:,?\s+(?:paragraph|para\.|subsection)\s+\d\w*,?)?"
    # "of Law No. 23/2007 (the Aliens Act)": the act runs on through "No." and keeps its bracketed name
    r"(?:\s+of\s+(?:the\s+)?(?:[^,;.()]|(?<=No)\.){3,120}?(?:\s*\((?:[A-Z]|the\s)[^()]{1,60}\))?)?"
    r"(?=\s*(?:[,;)]|(?<!\bNo)\.)|\s+(?:victims?|if|who|may|can|shall|provides?|states?|issued|granted|which|as|is|are|was|were)\b)")
# A heading names its article bare: "Article 13 – Recovery and reflection period".
_ARTICLE_HEADING = re.compile(rf"\b(?:Article|Section|§)\s*{_ARTICLE_NUMBER}")
_CAP = r"[A-Z][\w'’-]*"
_INSTRUMENT = re.compile(
    rf"\b(?<!/)(?:(?:19|20)\d\d\s+)?(?:{_CAP}\s+(?:(?:of|on|for|to|against|in|and|the)\s+)*){{1,8}}"
    r"(?:Convention|Directive|Protocol|Act|Law|Code|Decree|Ordinance|Regulation|Statute)\b"
    r"(?:\s+(?:No\.?\s*)?\d[\d/.-]*\d(?:/[A-Z]{2,3})?)?"  # "Directive 2004/81/EC", "Law No. 4251/2014"
    rf"(?:\s+(?:on|to|against|for)\s+(?:(?:the|of|in|and|on)\s+)*{_CAP}"
    rf"(?:\s+(?:(?:the|of|in|and|on|against|for|to)\s+)*{_CAP})*)?"
    # a numbered act needs no name before it: "Law 4251/2014", "transposed Directive 2004/81/EC"
    r"|\b(?:Law|Directive|Regulation|Decree) (?:No\.?\s*)?\d[\d/.-]*\d(?:/[A-Z]{2,3}\b)?")
# Words every match of _CONDITION holds, folded: most sentences hold none, and the pattern is costly.
_CONDITION_WORDS = ("if", "provid", "condition", "long", "event", "subject", "unless", "exchange", "once", "who")
_CONDITION = _loose(
    r"\b(?:if|only if|provid(?:ed|ing) that|provided (?=they |victims |the victim )|"
    r"on condition that|as long as|so long as|in the event of|(?<!not\s)subject to|unless|"
    r"in exchange for|once|who (?:agree|cooperate|testify|file|provide|assist|aid|help)\w*)\b[^.;]*")
_LEADING_WORDS = frozenset("since under in as by pursuant according following the a an".split())
_MAIN_VERB = re.compile(r"\s(?:may|can|could|will|would|shall|must|are|is|receive|get|obtain|have|were)\b")
# "the permit", "such permits", "31 special-protection permits", "a further permit", "the period", "the fee":
# a sentence that names its topic only so is about the topic named last before it.
_BACK_REF = _loose(r"\b(?:the|this|that|these|those|such|a|an|its|their|many|any|some|no|\d+(?:,\d{3})*) "
                   r"(?:[\w-]+ ){0,2}(?P<noun>permit|card|visa|title|period|fee|leave)s?\b")
_BACK_REF_NOUNS = ("permit", "card", "visa", "title", "period", "fee", "leave")
# What "the <noun>" can refer back to; "permit" with nothing before it in the passage is a residence permit.
_BACK_REF_TOPICS = {"period": ("reflection period",), "fee": (), "visa": ("visa",),
                    "leave": ("residence permit", "permanent residence")}
_BACK_REF_DEFAULT = "residence permit"
# "Victims whose case has been dropped may still qualify": qualifying for nothing named is qualifying for the
# topic of the sentence before ("qualify for legal aid" names its own object).
_QUALIFY = _loose(r"\b(?:qualif(?:y|ies)|(?:be|remain|is|are) (?:still |also )?eligible)\b(?! (?:for|to|as)\b)")
_QUALIFY_WORDS = ("qualif", "eligible")
_DEFINITE = frozenset({"the", "these", "those", "such", "many"})
# Topics that are themselves a statement ("may remain ... pending the trial", "will not be deported"); the
# others are things a sentence may merely mention ("the purpose of a reflection period").
_STATED_TOPICS = frozenset({"stay during the trial", "long-term stay", "relief from deportation", "right to stay",
                            "right to work", "asylum"})
_NOT_PERMIT_KINDS = frozenset({"work", "building", "fishing", "driving", "parking", "export", "import", "entry",
                               "exit", "travel", "press", "gun", "firearms", "hunting", "construction"})
# A provision says what victims get, must do or pay: a grant, a right, a condition, a cost, a rule.
_PROVISION_VERB = _loose(
    r"\b(?:grant\w*|issu(?:e|ed|es|ing)|entitle\w*|eligib\w*|qualif(?:y|ies)|receiv\w*|obtain\w*|gets?|got|given|valid|"
    r"renew(?:able|ed|al)|extend\w*|extension|exempt\w*|allow\w*|permitt\w*|"
    r"appl(?:y|ies|ied)|hold(?:s|ing)?|held|shall|must|costs?|fees?|charged?|free of charge|guarante\w*|"
    r"provides?|providing|offer(?:s|ed)?|award\w*|suspend\w*|prolong\w*|convert\w*|request\w*|keeps?|"
    r"deported|removed|expelled|returned|repatriated|introduc\w*|abolish\w*|withdrawn|revoked|lasts?)\b")
_PURPOSE = _loose(r"\b(?:the (?:purpose|aim|goal) of|in order to|"
                  r"(?:is|are) (?:also )?(?:intended|meant|designed) to)\b")
# "a residence permit for the purpose of protection": the words name the permit, they do not state a purpose.
_PERMIT_FOR = re.compile(r"\b(?:permit|card|visa|title)s?\s+for\s+$", re.IGNORECASE)
# "the practice differs widely: in the length of the reflection period": a comparison names a topic, states none.
# ("compared with 14 in 2008" is a statistic, which is a fact.)
_COMPARISON = _loose(r"\b(?:differ(?:s|ed|ing)?|differences?|var(?:y|ies|ied))\b")
# "officials could not recall a case in which a permit had been issued", "no victim received such a permit in
# 2021": a finding on practice, not a provision.
_FINDING = _loose(r"\b(?:recall\w*|remember\w*|aware of|know of|knew of|(?:had|has|have) been (?:issued|granted)|"
                  r"(?:was|were) (?:issued|granted)|received|obtained)\b")
_MODAL = _loose(r"\b(?:may|can|shall|must|will|would|might)\b")
# "shelters that house victims during the reflection period": the period is only the time of something else.
_TIME_OF = re.compile(r"\b(?:during|after|before|until|throughout|following)\s+(?:the|its|their)\s+$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which)\b", re.IGNORECASE)
_ADVOCACY = _loose(r"\b(?:should|ought to|urg(?:e|ed|es|ing)|call(?:ed|s|ing)? (?:on|upon|for)|recommend\w*|"
                   r"advocat\w*|ask(?:ed|s|ing)? (?:the )?[\w-]+ to)\b")
_AGREED = _loose(r"\b(?:agreed|decided|undertook|committed|ruled)\b")
# A sentence ends so; a heading, a title or a breadcrumb line does not.
_TERMINAL = ".!?:;)\"”’'…]"
HEADING_MAX_WORDS = 8
HEADING_ACT_CHARS = 160
# How far before and after a topic's words its own duration may start: "a six-month permit", "a permit of six months".
OWN_DURATION_BEFORE = 12
OWN_DURATION_AFTER = 30
# "not" before the topic: "does not form the basis for a permanent residence permit". Not so when it negates
# the telling: "does not report the number of residence cards".
_NEGATION = _loose(r"\b(?:not|no|never|neither|nor|cannot)\b|n't\b")
_NEGATION_REACH = 6
_CLAUSE_BREAK = re.compile(r"[,;:]")  # a "not" or a relative clause reaches no further back than these
_REPORTING = _loose(r"\b(?:report\w*|know\w*|say|said|disclose\w*|track\w*|collect\w*|publish\w*|record\w*|"
                    r"keep (?:statistics|data|records)|number|fees?|charges?|costs?)\b")
# "Continued Presence (CP)": the letters name the topic from then on.
_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z]{2,6})\)")
_WHOLE = re.compile(r"[\s\S]+")
_NOT_STATEMENT = re.compile(r"^\W*(?:please|if so|if not|required of|describe|explain|provide)\b", re.IGNORECASE)


def permit_facts(passage: Passage) -> list[Fact]:
    """One fact per sentence that states a provision on victims' stay (questions, headings and purposes are not).

    A sentence that names no topic but speaks of "the permit", "such permits", "the period" or "the fee" is
    about the topic named last before it in the passage: "Victims receive a residence card. The card costs
    225 euros." A question in between ("What happens then? A victim ... may receive a further permit.") does
    not break the thread.
    """
    facts: list[Fact] = []
    heading: tuple[str, str | None] | None = None  # topic and article of a heading: "Article 13 – Reflection period"
    for named in _named_topics(passage.masked):
        a, b, m = named.start, named.end, named.match
        sentence = passage.masked[a:b]
        # other topics named after this one: "the reflection period ..., then a residence permit"
        others = [other.start() for _, _, other in named.mentions if other.start() >= m.end()]
        fields = _fields(sentence, named.topic, m, others=others)
        if not _is_sentence(sentence, fields) or _in_heading_line(sentence, m.start()):
            heading = (named.topic, _heading_basis(sentence, named.act))
        elif _negative_finding(sentence, m.start()):
            continue  # "no victim received such a permit in 2021" reports practice, it provides nothing
        elif _mere_time(sentence, m.start()):
            continue  # "shelters that house victims during the reflection period" is about the shelters
        elif named.topic in _STATED_TOPICS or named.answer or _is_provision(sentence, fields):
            if heading and heading[0] == named.topic and not fields["legal_basis"]:
                fields["legal_basis"] = heading[1]  # the provision below "Article 13 – Reflection period"
            quote = quotable(passage.text, (a, b))
            facts.append(quote_fact(passage, "permit", fields, m.start() + a, m.end() + a, quote=quote))
            facts.extend(quote_fact(passage, "permit", more, a + at, b, quote=quote)
                         for at, more in _second_provisions(sentence, named.mentions, m, fields))
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
    if fields.get("negated"):
        line = f"Not: {line[:1].lower()}{line[1:]}"
    if details:
        line += ": " + ", ".join(details)
    if fields.get("legal_basis"):
        line += f" ({fields['legal_basis']})"
    elif fields.get("conditions"):
        line += f" — {fields['conditions']}"
    return line


@dataclass(frozen=True, slots=True)
class _Named:
    """A statement (text[start:end]) and the topic it names or refers back to."""

    start: int
    end: int
    topic: str
    match: re.Match[str]  # the words that name the topic, or the whole answer to a question
    mentions: list[tuple[int, str, re.Match[str]]]  # every topic the statement names itself
    answer: bool  # it answers a question on the topic
    act: str | None  # the act the last heading line above named


def _named_topics(text: str) -> Iterator[_Named]:
    """Each statement that names a topic, refers back to one, or answers a question on one."""
    folded, words = _words_at(text)
    possible = _possible_ranks(folded, words)
    if "permit" not in folded and not possible:
        # No sentence can name a topic (each needs a word of every group, so the passage must hold them), and
        # without a topic or "the permit" (a residence permit) nothing refers back or answers a question either.
        return
    nouns = tuple([noun for noun in _BACK_REF_NOUNS if noun in folded])  # what can refer back in the passage
    previous: tuple[str, ...] = ()  # the topics the sentence before named, the last named first
    seen: set[str] = set()  # every topic named so far in the passage
    abbreviations: dict[str, str] = {}
    asked: str | None = None  # the topic of the question just before
    act: str | None = None  # the act a heading line names: "Council of Europe Convention on Action against ..."
    for a, b in statement_spans(text):
        held = {word for at, word in words if a <= at and at + len(word) <= b}
        lowered = folded[a:b]
        if not (held or asked or abbreviations or nouns and _refers(lowered, nouns, previous, seen)
                or previous and _qualifies(lowered, text[a:b])):
            previous = ()
            act = _heading_act(text[a:b]) or act
            continue  # it names no topic and refers back to none
        sentence = text[a:b]
        if _NOT_STATEMENT.match(sentence):
            previous, asked = (), None
            continue
        mentions = _mentions(sentence, held, lowered, possible)
        abbreviations.update(_abbreviations(sentence, mentions))
        topic, m = _topic(sentence, lowered, nouns, mentions, previous, seen, abbreviations)
        if sentence.rstrip().endswith("?"):
            asked = topic  # a question states nothing, but the answer after it speaks of the same permit
            continue
        answer, asked = asked, None
        if answer and not topic:  # "How many permits have been issued?  Six since 2004, all to women."
            topic, m = answer, _WHOLE.match(sentence)
        previous = _latest_first(mentions) if mentions else (topic,) if topic else ()
        seen.update(previous)
        if topic and m:
            yield _Named(a, b, topic, m, mentions, answer=bool(answer), act=act)


def _words_at(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text folded to lower case as the patterns fold it, and (offset, word) of each topic word in it."""
    folded = _folded(text)
    found = []
    for word in _RANKS_BY_WORD:
        if word in folded:  # most words are absent: the operator spares a method call for each
            at = folded.find(word)
            while at >= 0:
                found.append((at, word))
                at = folded.find(word, at + 1)
    return folded, found


def _possible_ranks(folded: str, words: list[tuple[int, str]]) -> frozenset[int]:
    """The ranks of the topics the passage holds a word of each group of: no sentence of it can name another."""
    ranks = {rank for _, word in words for rank in _RANKS_BY_WORD[word]}
    return frozenset(rank for rank in ranks if _holds_other_groups(rank, folded))


def _folded(text: str) -> str:
    """The text in lower case as the IGNORECASE patterns see it, one character for one: offsets hold."""
    if text.isascii() or not any(odd in text for odd in _PATTERN_CASE_ODD):
        return text.lower()  # of all characters only "İ" grows in lower case, and it is an odd one
    return text.translate(_PATTERN_CASE).lower()


def _mentions(sentence: str, words: set[str], folded: str,
              possible: frozenset[int]) -> list[tuple[int, str, re.Match[str]]]:
    """(rank, topic, first match) of each topic the sentence names, most specific first.

    `words` are the first-group topic words the sentence holds, `folded` the sentence as `_words_at` folds it,
    `possible` the ranks of the topics the passage holds the words of: a topic the sentence lacks the words of
    is not searched for.
    """
    ranks = sorted({rank for word in words for rank in _RANKS_BY_WORD[word]} & possible)
    return [(rank, topic, m) for rank in ranks for topic, pattern in [_TOPICS[rank]]
            if _holds_other_groups(rank, folded) for m in [pattern.search(sentence)] if m]


def _holds_other_groups(rank: int, folded: str) -> bool:
    # plain loops: this runs for most sentences, and generator expressions cost more than the word tests
    for group in _OTHER_GROUPS[rank]:
        for word in group:
            if word in folded:
                break
        else:
            return False
    return True


def _topic(sentence: str, lowered: str, nouns: tuple[str, ...], mentions: list[tuple[int, str, re.Match[str]]],
           previous: tuple[str, ...], seen: set[str],
           abbreviations: Mapping[str, str]) -> tuple[str | None, re.Match[str] | None]:
    if mentions:
        # "Where no residence permit is granted, deportation may be suspended": what the sentence grants
        # "A victim who remains after the reflection period may be granted a residence permit": what it grants
        _, topic, m = mentions[0] if len(mentions) == 1 else next(
            (mention for mention in mentions if not _negated(sentence, mention[2].start())
             and not _time_of_other(sentence, mention[2].start())),
            next((mention for mention in mentions if not _negated(sentence, mention[2].start())), mentions[0]))
        return topic, m
    for abbreviation, named in abbreviations.items():
        found = re.search(rf"\b{abbreviation}\b", sentence)
        if found:
            return named, found
    if previous and _qualifies(lowered, sentence):
        return previous[0], _QUALIFY.search(sentence)
    if not (nouns and _refers(lowered, nouns, previous, seen)):
        return None, None  # the costlier back-reference pattern needs one of the nouns that can refer now
    for ref in _BACK_REF.finditer(sentence):
        referent = _referent(ref, sentence, previous, seen)
        if referent:
            return referent, ref
    return None, None


def _qualifies(lowered: str, sentence: str) -> bool:
    """Whether the sentence says someone qualifies, for nothing it names: for the topic just named."""
    return any(word in lowered for word in _QUALIFY_WORDS) and bool(_QUALIFY.search(sentence))


def _refers(lowered: str, nouns: tuple[str, ...], previous: tuple[str, ...], seen: set[str]) -> bool:
    """Whether the sentence holds a noun that can refer back now: "the permit" always, "the fee" after a topic,
    "the period" after a reflection period (most sentences hold none: the back-reference pattern need not run)."""
    # `nouns` are those of the passage
    if "reflection period" in seen:
        return any(noun in lowered for noun in nouns)
    if previous:
        return any(noun in lowered for noun in nouns if noun != "period")
    return "permit" in lowered


def _referent(ref: re.Match[str], sentence: str, previous: tuple[str, ...], seen: set[str]) -> str | None:
    """The topic "the permit", "the period" or "the fee" refers to, if any."""
    noun = ref.group("noun").lower()
    words = ref.group(0).split()
    if len(words) > 2 and words[-2].lower() in _NOT_PERMIT_KINDS:
        return None  # "the work permit" is no residence permit
    allowed = _BACK_REF_TOPICS.get(noun)
    if allowed is None:  # permit, card, title
        if previous:
            return previous[0]
        # "the permit", "31 permits", or "a permit" said of victims, in a text on victims' stay is a residence permit
        definite = words[0].lower() in _DEFINITE or words[0][0].isdigit() or "victim" in sentence.lower()
        return _BACK_REF_DEFAULT if noun == "permit" and definite else None
    if not allowed:  # the fee: of whatever was named just before
        return previous[0] if previous else None
    # "the period" after a reflection period named in the passage, even a few sentences before
    return next((topic for topic in (*previous, *sorted(seen)) if topic in allowed), None)


def _abbreviations(sentence: str, mentions: list[tuple[int, str, re.Match[str]]]) -> dict[str, str]:
    """{"CP": "right to stay"} for "Continued Presence (CP)"."""
    found = {}
    for _, topic, m in mentions:
        abbreviation = _ABBREVIATION.match(sentence, m.end())
        if abbreviation:
            found[abbreviation.group("abbr")] = topic
    return found


def _latest_first(mentions: list[tuple[int, str, re.Match[str]]]) -> tuple[str, ...]:
    """The topics the sentence names, the last named first: what "the permit" in the next sentence refers to."""
    if len(mentions) == 1:
        return (mentions[0][1],)
    # of mentions ending together, the most specific topic (listed first) is the later
    ordered = sorted(mentions, key=lambda mention: (mention[2].end(), -mention[0]), reverse=True)
    return tuple(dict.fromkeys(topic for _, topic, _ in ordered))


def _fields(sentence: str, topic: str, m: re.Match[str], *, others: Sequence[int] = ()) -> dict[str, Any]:
    folded = _folded(sentence)  # the word tests of the duration, cost and condition look in it
    cost, renewal_cost = _costs(sentence, folded)
    return {
        "topic": topic,
        "duration": _duration(sentence, folded, m.start(), others=others),
        "cost": cost,
        "renewal_cost": renewal_cost,
        "legal_basis": _legal_basis(sentence),
        "conditions": _conditions(sentence, folded),
        "negated": True if _negated(sentence, m.start()) else None,
    }


def _is_provision(sentence: str, fields: Mapping[str, Any]) -> bool:
    """Whether the sentence states a provision: not a heading, a purpose, a recommendation or a mere mention."""
    if fields["duration"] or fields["cost"]:
        return True
    if _COMPARISON.search(sentence):
        return False  # "the practice differs: in the length of the reflection period, ..."
    if _states_purpose(sentence) and not fields["legal_basis"]:
        return False  # "The purpose of a period of reflection is to help..."
    if _ADVOCACY.search(sentence) and not fields["legal_basis"] and not _AGREED.search(sentence):
        return False  # "Laws should include a reflection period" is advice, not a provision
    return bool(fields["legal_basis"] or _PROVISION_VERB.search(sentence))


def _states_purpose(sentence: str) -> bool:
    """Whether the sentence states a purpose, not merely names "a residence permit for the purpose of protection"."""
    return any(not _PERMIT_FOR.search(sentence, 0, m.start()) for m in _PURPOSE.finditer(sentence))


def _time_of_other(sentence: str, at: int) -> bool:
    """Whether the topic at `at` is only the time of a clause about something else: "shelters that house
    victims during the reflection period", "a victim who remains after the reflection period" (not so when it
    opens the sentence: "During the reflection period no victim may be removed" is about that period)."""
    m = _TIME_OF.search(sentence, max(0, at - 30), at)
    return bool(m and sentence[:m.start()].strip())


def _negative_finding(sentence: str, at: int) -> bool:
    """Whether the sentence reports that no permit was given: "officials could not recall a case in which a permit
    had been issued" (a rule on what "may not" be done is a provision)."""
    return bool(_NEGATION.search(sentence, 0, at) and _FINDING.search(sentence) and not _MODAL.search(sentence))


def _mere_time(sentence: str, at: int) -> bool:
    """Whether the topic at `at` only dates a relative clause: "the shelters that house victims during the
    reflection period"."""
    if not _time_of_other(sentence, at):
        return False
    clause = _clause_before(sentence, at)
    return bool(_RELATIVE.search(clause))


def _second_provisions(sentence: str, mentions: list[tuple[int, str, re.Match[str]]], first: re.Match[str],
                       fields: Mapping[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Another topic the sentence grants with its own duration: "a reflection period of three months and,
    if they testify, a residence permit for six months" is two provisions."""
    found: list[tuple[int, dict[str, Any]]] = []
    kinds = {fields["topic"]}
    end = first.end()
    folded = _folded(sentence)
    for _, topic, m in sorted(mentions, key=lambda mention: mention[2].start()):
        if m.start() < end or topic in kinds or _negated(sentence, m.start()):
            continue  # within a phrase already read ("long-term residence permit" is one), or denied
        end = m.end()
        others = [other.start() for _, _, other in mentions if other.start() >= m.end()]
        # the other fields are read only for a topic that has a duration of its own, which is rare
        duration = _duration(sentence, folded, m.start(), others=others)
        if duration and duration != fields["duration"] and _own_duration(sentence, first, m):
            kinds.add(topic)
            found.append((m.start(), _fields(sentence, topic, m, others=others)))
    return found


def _own_duration(sentence: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether a duration is the second topic's own: "a six-month residence permit", "a permit for six months"."""
    for _, pattern in _DURATIONS:
        for d in pattern.finditer(sentence):
            if max(first.end(), second.start() - OWN_DURATION_BEFORE) <= d.start() <= second.end() + OWN_DURATION_AFTER:
                return True
    return False


def _is_sentence(sentence: str, fields: Mapping[str, Any]) -> bool:
    """Not a heading: "Article 13 – Recovery and reflection period", "Country Report: Residence permit"."""
    stripped = sentence.rstrip()
    measured = fields["duration"] or fields["cost"]
    return stripped[-1:] in _TERMINAL or bool(measured and len(stripped.split()) >= HEADING_MAX_WORDS)


def _heading_act(line: str) -> str | None:
    """The act a heading line names whole: "Council of Europe Convention on Action against Trafficking"."""
    stripped = line.strip()
    if not stripped or stripped[-1] in _TERMINAL or len(stripped) > HEADING_ACT_CHARS:
        return None
    m = _INSTRUMENT.search(stripped)
    return fold(m.group(0)) if m and len(m.group(0)) * 10 >= len(stripped) * 8 else None


def _heading_basis(heading: str, act: str | None) -> str | None:
    """"Article 13 of the Council of Europe Convention ..." for the heading "Article 13 – Reflection period"."""
    m = _ARTICLE.search(heading) or _ARTICLE_HEADING.search(heading)
    if not m:
        return None
    basis = fold(m.group(0)).strip(" ,;")
    return f"{basis} of the {act.removeprefix('the ')}" if act and " of " not in basis else basis


def _in_heading_line(sentence: str, at: int) -> bool:
    """Whether `at` is on a title-case line of its own inside the statement: a heading the sentence
    splitter ran on into ("... rescue more victims\nRequesting Continued Presence\nFederal officials ...")."""
    if "\n" not in sentence:
        return False
    line_start = sentence.rfind("\n", 0, at) + 1
    line_end = sentence.find("\n", at)
    if line_end < 0:
        return False  # the last line ends the sentence
    words = sentence[line_start:line_end].split()
    long_words = [word for word in words if len(word) > 3]  # "of", "the", "and" are small in a title
    return (0 < len(words) <= HEADING_MAX_WORDS and words[-1][-1] not in _TERMINAL + "," and len(long_words) > 1
            and all(word[0].isupper() for word in long_words))


def _negated(sentence: str, at: int) -> bool:
    """Whether a "not" shortly before the topic denies it (and not merely the telling of it)."""
    clause = _clause_before(sentence, at)
    negations = list(_NEGATION.finditer(clause))
    if not negations:
        return False
    between = clause[negations[-1].start():]
    return len(between.split()) <= _NEGATION_REACH and not _REPORTING.search(between)


def _clause_before(sentence: str, at: int) -> str:
    """The clause `at` stands in, up to `at`: the text after the last comma, semicolon or colon before it."""
    return _CLAUSE_BREAK.split(sentence[:at])[-1]


def _duration(sentence: str, folded: str, near: int, *, others: Sequence[int] = ()) -> str | None:
    # "a reflection period of at least 30 days ..., then a five-year residence permit": the duration
    # nearest the topic's words is the topic's. `folded` is `_folded(sentence)`.
    if "renew" not in folded and not any(unit in folded for unit in _UNIT_WORDS):
        return None  # every duration pattern names its unit, every renewal says "renew": none can match
    renewal = _RENEWAL.search(sentence) if "renew" in folded else None
    candidates = [(abs(m.start() - near), rank, prefix, m) for rank, prefix, pattern in _durations_held(folded)
                  for m in pattern.finditer(sentence)
                  if not _aside(sentence, m.start(), renewal) and not _delay(sentence, m)]
    found = None
    if candidates:
        _, _, prefix, m = min(candidates, key=lambda c: (c[0], c[1]))
        low = m.groupdict().get("low")
        found = prefix + (f"{_NUMBER_WORDS.get(low.lower(), low.lower())} to " if low else "")
        found += _quantity(m.group("n"), m.group("u"))
    # "a reflection period of three months and a residence permit for six months, which is renewed": the
    # renewal is of the permit named last before it
    mine = renewal and not any(near < other < renewal.start() for other in others)
    again = _renewal(renewal) if renewal and mine else None
    if again:
        found = f"{found}, {again}" if found else again
    return found


def _durations_held(folded: str) -> list[tuple[int, str, re.Pattern[str]]]:
    """(rank, prefix, pattern) of the duration patterns whose words the folded sentence holds: a unit, and the
    words of `_DURATION_WORDS` (a sentence that only says "renewable" has none)."""
    if not any(unit in folded for unit in _UNIT_WORDS):
        return []
    return [(rank, prefix, pattern) for rank, (prefix, pattern) in enumerate(_DURATIONS)
            if not _DURATION_WORDS[rank] or any(word in folded for word in _DURATION_WORDS[rank])]


def _aside(sentence: str, at: int, renewal: re.Match[str] | None) -> bool:
    """Whether `at` is in brackets or in the renewal: "one year (from three years), renewable for two years"."""
    if renewal and renewal.start() <= at < renewal.end():
        return True
    return sentence.rfind("(", 0, at) > sentence.rfind(")", 0, at)


def _delay(sentence: str, m: re.Match[str]) -> bool:
    """Whether the duration is a delay: "issued two to three months after the decision"."""
    return bool(_DELAY.match(sentence, m.end()))


def _renewal(m: re.Match[str]) -> str:
    if m.group("not"):
        return "not renewable"
    if not m.group("u"):
        return "renewable"
    how = "for" if m.group("how").lower() == "for" else "every"
    return f"renewable {how} " + _quantity(m.group("n") or "one", m.group("u"))


def _quantity(number: str, unit: str) -> str:
    number = _NUMBER_WORDS.get(number.lower(), number.lower())
    unit = unit.lower().rstrip("s")
    return f"{number} {unit}" if number in ("one", "1") else f"{number} {unit}s"


def _costs(sentence: str, folded: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    if not any(word in folded for word in _COST_WORDS) or not _COST_WORD.search(sentence):
        return None, None
    # "300 euros ($411)": the bracketed figure is the same sum in another currency
    amounts = [(m, money) for m in _MONEY.finditer(sentence) if sentence[max(0, m.start() - 1):m.start()] != "("
               for money in [_money(m)] if money is not None]
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
    for pattern, needed in ((_ARTICLE, _ARTICLE_WORDS), (_INSTRUMENT, _INSTRUMENT_WORDS)):
        found = [fold(m.group(0)) for m in pattern.finditer(sentence)] if any(w in sentence for w in needed) else []
        if found:
            # "under section 25(4a), ... under section 26(4) of the Residence Act": the one that names its act
            basis = next((named for named in found if " of " in named), found[0])
            words = basis.strip(" ,;").split(" ")
            while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
                words = words[1:]
            return " ".join(words)
    return None


def _conditions(sentence: str, folded: str) -> str | None:
    m = _CONDITION.search(sentence) if any(word in folded for word in _CONDITION_WORDS) else None
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
