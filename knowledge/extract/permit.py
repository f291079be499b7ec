"""Permit facts: what the text says victims get to stay — residence permits, reflection periods, relief from removal."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from knowledge.extract._spans import HEADING_CHARS, HEADING_WORDS, quotable, statement_spans
from knowledge.models import Fact, Passage
from knowledge.quoting import quote_fact
from knowledge.text import MAX_EXCERPT, fold

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
    # "a 60-day 'Recovery and Reflection' period": the name may be quoted
    ("reflection period", r"\b(?:recovery and )?reflection(?: and (?:recovery|stabili[sz]ation))?['’”\"]? "
                          r"(?:period|delay|time)\b"
                          r"|\bperiods? (?:of|for|to) (?:recovery(?: and reflection)?|reflection)\b"
                          # "a three-month temporary stay 'for recovery and reflection'"
                          r"|\bstay ['‘’\"“]?for (?:recovery and )?reflection\b"
                          # "a period of at least 30 days to recover and reflect", "up to 90 days for recovery and
                          # reflection": the period named by what it is for
                          r"|\bto recover and (?:to )?reflect\b|\bfor recovery and reflection\b"
                          r"|\brecovery period\b"
                          # a period given "to decide whether to cooperate" is one, even unnamed
                          # ("stay for 90 days so that he or she can recover and decide whether to cooperate")
                          r"|\b(?:period|time|days|weeks|months) (?:[^.;]{0,30}? )?(?:to|so (?:that )?(?:he or she|"
                          r"she|he|they|the victim|victims?) (?:can|may|could|might)(?: \w+ and)?) (?:decide|consider) "
                          r"whether (?:or not )?to (?:co-?operate|testify|assist|press charges)\b"
                          # German and Nordic law give the reflection period as a time allowed before leaving ("an
                          # extended time-limit for departure of 30 days")
                          r"|\b(?:time[- ]limit|period) (?:for|to) (?:departure|leave the country)\b"),
    # "permanent (long-term) residence": a bracketed word or two may come between
    ("permanent residence", r"\bpermanent(?: \([\w-]+(?: [\w-]+)?\))?[- ]residen(?:ce|cy|t)\b"
                            r"|\b(?:indefinite|settled) leave to remain\b"
                            r"|\bpermanent (?:residence |resident |residency )?(?:card|permit|status|visa)s?\b"
                            r"|\bsettlement permits?\b"),  # Germany's
    ("long-term residence", r"\blong[- ]term(?: \([\w-]+(?: [\w-]+)?\))? residen(?:ce|cy|t)\b"),
    ("temporary residence permit", r"\btemporary (?:residen(?:ce|cy|t)|stay) (?:permit|card|status|visa|title)s?\b"
                                   r"|\btemporary residency\b"
                                   # "a temporary stay on humanitarian grounds for up to one year"
                                   r"|\btemporary stay (?:on|for) humanitarian (?:grounds|reasons)\b"
                                   # "may receive temporary residence for six months": the grant, not the place
                                   r"|\btemporary residence\b(?! (?:cent(?:re|er)|facilit|shelter|home|hall|address))"),
    ("residence permit", r"\bresiden(?:ce|cy|t) (?:permit|card|title|status|visa|authori[sz]ation|document|right|"
                         r"permission)s?\b"
                         r"|\b(?:permit|right|leave|permission|authori[sz]ation)s? (?:of|to) "
                         r"(?:residence|reside|remain|stay)\b"
                         r"|\b(?:permit|permission|authori[sz]ation)s? for (?:residence|stay)\b"
                         r"|\bstay permits?\b|\b(?:titres?|cartes?|autorisations? provisoires?) de séjour\b"
                         r"|\bresiden(?:ce|cy) and work (?:permit|card|visa|authori[sz]ation)s?\b"
                         # UK "leave" is permission to stay
                         r"|\b(?:discretionary|further|limited) leave\b"),
    # documents that let a victim stay, named by their own terms (Belgium's, for one): a declaration of arrival, an
    # attestation of immatriculation, a certificate of registration (a person's, not an NGO's)
    ("residence document", r"\bdeclarations? of arrival\b|\b(?:attestation|certificate)s? of (?:im)?matriculation\b"
                           r"|\b(?<!['’]s\s)certificates? of registration\b(?! (?:of|as)\b)"
                           # Poland's: a certificate confirming that one is presumed a victim, on which one stays
                           r"|\b(?:attestation|certificate)s? confirming (?:the|such|this|that) presumption\b"),
    ("victim protection status", r"\b(?:victim|special) protection status\b"),
    ("stay during the trial", rf"\b{_STAY}{_WHERE} (?:for the (?:duration|length|time) of|during|pending|throughout|"
                              rf"until(?: the end of)?)\b[^.;]{{0,25}}?\b{_TRIAL}"),
    ("long-term stay", rf"\b{_STAY}{_WHERE} (?:long[- ]term|permanently|indefinitely)\b"),
    ("relief from deportation", r"\b(?:relief|protection|protected|exempt(?:ed|ion)?|immunity|shield(?:ed)?|"
                                r"alternatives?)\b[^.;]{0,20}\b(?:(?:administrative|forced|immediate|summary) )?"
                                r"(?:deportation|removal|expulsion|forced return|refoulement)\b"
                                r"|\b(?:not|never) (?:be )?(?:deported|expelled|removed|repatriated)\b"
                                r"|\b(?:not|never) be (?:forcibly )?returned\b"  # ("have not returned home")
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
    ("visa", r"\b(?:(?-i:[TU])|humanitarian|special|victim|temporary)[- ]visas?\b"
             # the US "T" status, named for its visa: "T nonimmigrant status"
             r"|(?<!\w)['‘’\"“]?(?-i:[TU])['‘’\"”]? nonimmigrant status\b"),
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
    "reflection period": (("reflect", "recover", "departure", "leave", "decide", "consider"),),
    "permanent residence": (("permanent", "indefinite", "settle"),),
    "long-term residence": (("resid",), ("long",)),
    "temporary residence permit": (("temporary",),),
    "residence permit": (("resid", "remain", "stay", "titre", "carte", "autorisation", "leave"),
                         ("permit", "permis", "card", "title", "status", "visa", "authori", "document", "right",
                          "leave", "jour", "permission")),
    "residence document": (("arrival", "matriculation", "registration", "presum"),
                           ("declaration", "attestation", "certificate")),
    "victim protection status": (("protection status",),),
    "stay during the trial": (_STAY_WORDS, ("duration", "length", "time", "during", "pending", "throughout", "until"),
                              ("trial", "proceeding", "criminal", "investigation", "prosecution", "case")),
    "long-term stay": (_STAY_WORDS, ("long", "permanent", "indefinite")),
    "relief from deportation": (("deport", "remov", "expul", "expel", "return", "refoul", "repatriat", "tolerat",
                                 "duldung"),),
    "visa": (("visa", "nonimmigrant"),),
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
_UNIT = rf"(?:(?:calendar|working) )?(?:{'|'.join(_UNIT_WORDS)})s?"  # "at least 30 calendar days"
_NUMBER_WORDS = {"a": "one"}  # "a year"; `_NUM` cannot match "an"
# Markdown's emphasis may wrap a duration or its number: "a *two-month* reflection period", "of **90 days**".
_EM = r"[*_]{0,2}"
_DURATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((label, _loose(p)) for label, p in (
    ("", rf"\b(?P<n>{_NUM})[- ](?P<u>{_UNIT}){_EM}[- ]['‘’\"“]?(?:long )?(?:reflection|recovery|residence|residency|"
         rf"stay|temporary|permit|period|visa|card|renewable)"),
    ("minimum ", rf"\b(?:for|of|to) {_EM}(?:a )?(?:minimum|at least|not less than)(?: period)?(?: of)? "
                 rf"{_EM}(?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("up to ", rf"\b(?:for|of) {_EM}(?:a )?(?:maximum(?: period)?(?: of)?|up to|no more than) {_EM}(?P<n>{_NUM}) "
               rf"(?P<u>{_UNIT})"),
    ("", rf"\bvalid (?:for|during) {_EM}(?:a period of )?(?:(?:typically|usually) )?(?P<n>{_NUM}) (?P<u>{_UNIT})"),
    ("", rf"\b(?:for|of|lasting|lasts?) {_EM}(?:a period of )?{_EM}(?P<n>{_NUM})[- ](?P<u>{_UNIT})\b"),
    # "shortened to one year", "extended from 45 days to six months"
    ("", rf"\bto {_EM}(?P<n>{_NUM}) (?P<u>{_UNIT})\b"),
    ("", rf"\bbetween (?P<low>{_NUM}) and (?P<n>{_NUM}) (?P<u>{_UNIT})\b"),  # "between 30 and 60 days": a range
    # "a reflection period of a duration greater than 60 days" ("no more than" is a maximum)
    ("more than ", rf"(?<!\bno\s)\b(?:more|greater|longer) than (?P<n>{_NUM}) (?P<u>{_UNIT})\b"),
))
# Words each duration pattern (by rank) holds one of, besides its unit: without them it need not run.
_DURATION_WORDS: tuple[tuple[str, ...], ...] = ((), ("minimum", "least", "less"), ("maximum", "up", "more"),
                                                ("valid",), (), (), ("between",), ("more", "greater", "longer"))
# "a declaration of arrival (three months)": a bracket right after the topic's words that holds only a
# duration is the topic's own (other bracketed durations are asides: "one year (previously six months)").
_BRACKETED = re.compile(rf"\s*\((?P<n>{_NUM})[- ](?P<u>{_UNIT})\)", re.IGNORECASE)
# "delivered two to three months after the decision" is a delay, not how long a permit lasts.
_DELAY = _loose(r" (?:after|later|ago|following)\b")
# "a person below the age of 18 years", "children 15 years of age": an age, not how long a permit lasts
_AGE_BEFORE = re.compile(r"\bage\s+$", re.IGNORECASE)
_AGE_AFTER = _loose(r" (?:old|of age)\b")
# ("renewed contact with the traffickers" is no renewal)
_RENEWAL = _loose(rf"\b(?P<not>(?:not|cannot|never)(?: be)? |non-)?renew(?:able|ed)\b"
                  rf"(?! (?:contact|ties|links|relations)\b)"
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
    # "(Law 87(I)/2007)": a short bracket may stand inside it
    # (an act's "No.", "Nr.", "Coll." and "Cap." do not end it: "Act No. 404/2011 Coll. on the Residence of ...", nor
    # an initialism's letters: "Act B.E. 2551 (2008)")
    r"(?:\s+of\s+(?:the\s+)?(?:[^,;.()]|(?:(?<=No)|(?<=Nr)|(?<=Coll)|(?<=Cap)|(?<=[\s.][A-Z]))\.){3,120}?(?:\s*\((?:[A-Z]|the\s)(?:[^()]|\([^()]{1,6}\)){1,60}\))?)?"
    r"(?=\s*(?:[,;)]|(?<!\bNo)(?<!\bNr)(?<!\bColl)(?<!\bCap)(?<![\s.][A-Z])\.)|\s+(?:victims?|if|who|may|can|shall|must|should|will|would|has|have|had|does|provides?|states?|"
    r"issued|granted|which|as|is|are|was|were|allows?|allowed|entitles?|gives?|grants?|offers?|requires?|sets)\b)")
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
    r"in exchange for|once(?= \w)|"  # ("renewable once." is how often)
    r"who (?:agree|cooperate|testify|file|provide|assist|aid|help|report|denounce)\w*)\b[^.;]*")
_LEADING_WORDS = frozenset("since under in as by pursuant according accordance with to following the a an".split())
_THEN = re.compile(r"\s+then$")
_MAIN_VERB = re.compile(r"\s(?:may|can|could|will|would|shall|must|are|is|receives?|gets?|obtains?|have|were|"
                        r"to\s+be)\b")
# "the permit", "such permits", "31 special-protection permits", "a further permit", "the period", "the fee":
# a sentence that names its topic only so is about the topic named last before it.
# ("the order to leave" is a verb's: "to" is never among the words between)
_BACK_REF = _loose(r"\b(?:the|this|that|these|those|such|a|an|its|their|many|any|some|no|\d+(?:,\d{3})*) "
                   r"(?:(?!to\b)[\w-]+ ){0,2}(?P<noun>permit|card|visa|title|period|fee|leave)s?\b")
_BACK_REF_NOUNS = ("permit", "card", "visa", "title", "period", "fee", "leave")
# What "the <noun>" can refer back to; "permit" with nothing before it in the passage is a residence permit.
# ("The subclass 852 visa is a permanent visa ... This visa is subject to health checks": a visa is the permit named)
_BACK_REF_TOPICS = {"period": ("reflection period",), "fee": (),
                    "visa": ("visa", "permanent residence", "temporary residence permit", "residence permit",
                             "long-term residence"),
                    "leave": ("residence permit", "permanent residence")}
_BACK_REF_DEFAULT = "residence permit"
_NO_DOCUMENT = frozenset({"reflection period", "relief from deportation"})  # no "permit" or "fee" is of these
# "Victims whose case has been dropped may still qualify": qualifying for nothing named is qualifying for the
# topic of the sentence before ("qualify for legal aid" names its own object).
_QUALIFY = _loose(r"\b(?:qualif(?:y|ies)|(?:be|remain|is|are) (?:still |also )?eligible)\b(?! (?:for|to|as)\b)")
_QUALIFY_WORDS = ("qualif", "eligible")
# "The permit is valid for six months. It may be requested by the prosecutor ...": "It" as the subject of what is
# done with a permit is the topic of the sentence before ("It is estimated that ..." is no such thing). What it is
# ("It is not renewable", "It is valid for a year") only details the provision before.
_IT = _loose(r"^\W*It (?:may|can|must|shall|will|is|are|was|could)(?: (?:also|only|then|not|usually|normally|"
             r"no longer))? (?:be )?(?:requested|granted|issued|renewed|extended|prolonged|revoked|withdrawn|converted|"
             r"given|refused|applied for)\b")
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
    r"appl(?:y|ies|ied)|hold(?:s|ing)?|held|shall|must|(?:ha(?:ve|s)|needs?) to|costs?|fees?|charged?|free of charge|"
    r"guarante\w*|(?:is|are) subject to|"
    r"provides?|providing|offer(?:s|ed)?|award\w*|suspend\w*|prolong\w*|convert\w*|request\w*|keeps?|"
    r"deported|removed|expelled|returned|repatriated|introduc\w*|abolish\w*|withdrawn|revoked|lasts?|"
    # "a reflection period of 180 days, during which they may remain in Canada"
    r"(?:may|can|shall|will) (?:\w+ )?(?:remain|stay|reside))\b")
# ("in order to obtain a permit, victims have to ..." states the permit's conditions, not a purpose)
_PURPOSE = _loose(r"\b(?:the (?:purpose|aim|goal) of|(?:is|are) (?:also )?(?:intended|meant|designed) to|"
                  r"in order to(?! (?:get|obtain|receive|qualify|apply|be (?:granted|issued|given|eligible|"
                  r"recogni[sz]ed|acknowledged))))\b")
# "a residence permit for the purpose of protection": the words name the permit, they do not state a purpose.
_PERMIT_FOR = re.compile(r"\b(?:permit|card|visa|title)s?\s+for\s+$", re.IGNORECASE)
# "the practice differs widely: in the length of the reflection period": a comparison names a topic, states none.
# ("compared with 14 in 2008" is a statistic, which is a fact.)
_COMPARISON = _loose(r"\b(?:differ(?:s|ed|ing)?|differences?|var(?:y|ies|ied))\b")
# "officials could not recall a case in which a permit had been issued", "no victim received such a permit in
# 2021": a finding on practice, not a provision.
_FINDING = _loose(r"\b(?:recall\w*|remember\w*|aware of|know of|knew of|(?:had|has|have) been (?:issued|granted)|"
                  r"(?:had|has|have) never (?:issued|granted|given)|"
                  r"(?:was|were) (?:issued|granted)|received|obtained|"
                  # "In 2022 the directorate granted no residence permit": none given, in the past
                  r"(?:issued|granted|gave|awarded) (?:no|none)\b)\b")
_MODAL = _loose(r"\b(?:may(?! \d)|can|shall|must|will|would|might)\b")  # ("in May 2023" is a month)
# "only two such permits had been issued since 2007", "only 21 of the 26 cantons had granted any reflection period at
# all": how few were given is a finding on practice ("only four victims received the permit" counts the victims, a
# statistic; "only one permit may be granted" is a rule).
_SCARCE = _loose(r"\bonly (?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|a handful of) "
                 r"(?:[\w-]+ ){0,3}(?:permits?|cards?|visas?|periods?) (?:(?:was|were|(?:had|has|have) been) )"
                 r"(?:issued|granted|given)\b")
_ANY_AT_ALL = _loose(r"\b(?:issued|granted|given|received|obtained) any\b[^.;]{0,60}\bat all\b")
# "none of the nine victims applied for the permit": no one took it up, in practice.
_NOBODY = _loose(r"\b(?:none|no one|nobody|not one|not a single)\b")
_TOOK_UP = _loose(r"\b(?:applied|held|chose|used|requested|asked)\b")
# "police could not say how many others had been offered one", "our centres know of no case": not knowing of any
# is a finding on practice, wherever the permit is named.
_UNKNOWN = _loose(r"\b(?:(?:could|did|were|was) not|cannot|unable to) (?:say|tell|recall|confirm|explain|identify)\b"
                  r"|\b(?:know|knew|aware) of no\b|\bno (?:data|statistics|figures|records)\b")
# "Spain does not currently provide a formal reflection period", "there is no reflection period in Thai law": an
# absent provision ("there is no fee for the permit" denies the fee; "no automatic route to" is another thing).
_ABSENCE = _loose(r"\b(?:(?:does|do|did) not (?:\w+ )?(?:provide(?: for)?|have|offer|grant|recogni[sz]e|include)|"
                  r"(?:there (?:is|are|was|were)|(?:has|have|had)) no(?: provision (?:for|on))?|"
                  r"makes? no provision (?:for|on))"
                  r"(?: (?!(?:for|of|to|in|on|with|by|under|fees?|charges?|costs?)\b)[\w-]+){0,3} $")
# "A reflection period is not provided for in national law", "... does not exist": said after the topic.
_NOT_PROVIDED = _loose(r" (?:(?:is|are|was|were) (?:still |currently |yet )?not (?:provided|foreseen|regulated)|"
                       r"(?:does|do|did) not (?:yet )?exist)\b")
# "The Ombudsman has proposed extending the reflection period", "Campaigners have called for 12 months of leave": a
# proposal is no provision (unless it names its legal basis: "Article 13 calls for a reflection period"); nor is what
# a draft would give that "has not been adopted", or what officials "would consider" when "no draft has been
# published".
_PROPOSAL = _loose(r"\b(?:propos(?:e|es|ed|ing|als?)|"
                   r"(?:(?:call|campaign|press)(?:ed|s|ing)?|lobb(?:y|ies|ied|ying)) for)\b")
_PROPOSAL_WORDS = ("propos", "call", "campaign", "lobb", "press")
_ENACTED = _loose(r"\b(?:adopted|enacted|passed|approved|agreed|entered into force|in force)\b")
_UNADOPTED = _loose(r"\b(?:(?:has|have|had) not (?:yet )?(?:been )?(?:adopted|taken up|enacted|passed|approved|"
                    r"published|tabled|agreed|sent|submitted|forwarded|presented|introduced)"
                    r"|no (?:draft|bill|law) has (?:yet )?been (?:published|tabled|adopted|passed)"
                    # "Parliament rejected it", "the bill was shelved" (not "an application is rejected")
                    r"|(?:rejected|shelved|voted down|withdrew) (?:it|them|the (?:bill|draft|amendment|proposal)s?)"
                    r"|(?:it|bill|draft|amendment|proposal)s? (?:was|were|(?:has|have|had) been) (?:rejected|shelved|"
                    r"voted down|withdrawn))\b")
_UNADOPTED_WORDS = ("no", "reject", "withdr", "shelved", "voted down")  # in every match of _UNADOPTED, folded
_PLANNED = _loose(r"\b(?:would|draft\w*|bill|amendments?|consider\w*|plan\w*)\b")
# "The ministry plans to introduce a 90-day reflection period": a plan in the topic's own clause is no provision yet
# ("has extended the reflection period and plans to ..." grants the period; "a victim who plans to testify" is a
# victim's).
_PLAN = _loose(r"\b(?:plans?|planned|planning|(?:is|are|was|were) expected) to\b"
               r"|\b(?:is|are|was|were) considering\b|\bwould consider\b")
_PLAN_WORDS = ("plan", "expected", "consider")
_WHO = _loose(r"\b(?:who|whom|whose)\b")
# "shelters that house victims during the reflection period": the period is only the time of something else.
# ("during the 60-day 'Recovery and Reflection' period": a duration and a quote may come between)
_TIME_OF = re.compile(r"\b(?:during|after|before|until|throughout|following)\s+(?:the|its|their)\s+"
                      r"(?:\d+[- ](?:day|week|month|year)s?\s+)?['‘’\"“]?$", re.IGNORECASE)
_BEFORE_AFTER = ("after", "before", "until", "following")  # of the words of _TIME_OF, those of another time
# "pending that decision and during the reflection period such victims will be provided with accommodation": the
# period only dates support that is no stay.
_SUPPORT = _loose(r"\b(?:accommodat\w*|shelters?|housing|assistance|support|benefits?|allowances?|care|counsel\w*)\b")
_STAY_TALK = _loose(r"\b(?:deport\w*|remov\w*|expel\w*|expulsion|return\w*|stay\w*|resid\w*|remain\w*|leave|"
                    r"lawful\w*|legal\w*|work\w*)\b")
_RELATIVE = re.compile(r"\b(?:that|which)\b", re.IGNORECASE)
# "an NGO assisted victims who had received a reflection period": the topic only says who is meant.
# "Ukrainians who hold a humanitarian residence permit", "women entering on work permits", "131 of the 302 victims
# held a work permit": those holding it.
_HOLDER = _loose(r"\b(?:(?:who|whom|that) (?:had|have|has) (?:not )?(?:been )?(?:received|granted|given|issued|"
                 r"obtained|held)|(?:who|that) (?:hold|holds|possess|possesses)|held|(?:entering|entered|arriving|"
                 r"arrived|admitted|working|employed|living|staying) (?:\w+ )?(?:on|with|under)) "
                 r"(?:(?:an?|the|their|his|her) )?(?:[\w-]+ ){0,2}$")
HOLDER_REACH = 70
# Who a residence document is for; "certificate of registration" said of none of them is an organisation's.
_PERSON = _loose(r"\b(?:victims?|foreign(?:ers?)?|aliens?|migrants?|persons?|people|you|holders?|applicants?|"
                 r"witness(?:es)?|wom[ae]n|m[ae]n|child(?:ren)?|minors?|nationals?|individuals?)\b")
# A rule is said so; a report in the past tense, or how often something happens ("are rarely referred").
_RULE_TENSE = _loose(r"\b(?:may(?! \d)|can|shall|must|will|is|are)\b"
                     r"(?! (?:rarely|seldom|hardly|often|frequently|sometimes|not always)\b)")
# "A human trafficker may keep you in control ... with a loss of your residence permit", "Employers held the
# workers' residence cards": a trafficker or employer as the subject, keeping or threatening, uses the permit as a
# means of control ("Employers may apply for a work permit for the victim" is no such thing).
_CONTROLLER = _loose(r"\W*(?:(?:an?|the|some|many|most|these|such|their|his|her) )?(?:[\w-]+ )?"
                     r"(?:traffickers?|exploiters?|pimps?|perpetrators?|employers?|recruiters?|smugglers?|abusers?|"
                     r"offenders?)\b(?! (?:and|or)\b)")
_CONTROL = _loose(r"\b(?:keep\w*|kept|hold\w*|held|confiscat\w*|withh[eo]ld\w*|seiz\w*|retain\w*|destroy\w*|"
                  r"threat\w*|control\w*|took|tak(?:e|es|en|ing) away|los(?:e|es|s|ing))\b")
# "in some countries the reflection period is not provided for": what unnamed countries do provides nothing.
_UNNAMED_PLACES = _loose(r"\bin (?:some|many|certain|several|other|most|a few|a number of) (?:other )?"
                         r"(?:countries|states|member states|jurisdictions|parties)\b")
# "can apply for asylum or residence permits": kinds of status one may apply for, nothing granted.
_APPLY_FOR_KIND = _loose(r"\b(?:appl(?:y|ies|ied|ying)|request(?:s|ed|ing)?) for [\w-]+ (?:or|and) $")
# "the measures contained in Article 12": an article that another noun cites is not the topic's legal basis; one
# right after the topic's words is ("the reflection period provided for in Article 13").
# "the Aliens Act of 2000 (Section 8(k))", "the Aliens Act, Section 12": between an act and its article.
# ("the General Law on Trafficking (2012), Article 77": the year may be bracketed)
_ACT_TO_ARTICLE = re.compile(r"(?P<year>\s+of\s+(?:19|20)\d\d|\s*\((?:19|20)\d\d\))?\s*[(,]\s*")
ACT_BEFORE = 160
_DRAFTED = re.compile(r"\bdraft\s+$", re.IGNORECASE)  # "draft Article 28" is no law yet
_UNDER = _loose(r"\b(?:under|pursuant to|according to|in accordance with|on the basis of) (?:[\w-]+ ){1,3}$")
_CITED_IN = _loose(r"\b(?:provided for|contained|referred to|set out|set forth|listed|mentioned|described|defined|"
                   r"specified|laid down|stipulated|enumerated) in $")
_ADVOCACY = _loose(r"\b(?:should|ought to|urg(?:e|ed|es|ing)|call(?:ed|s|ing)? (?:on|upon|for)|recommend\w*|"
                   r"advocat\w*|ask(?:ed|s|ing)? (?:the )?[\w-]+ to)\b")
_AGREED = _loose(r"\b(?:agreed|decided|undertook|committed|ruled)\b")
# "Requirements", "Conditions", "Who can apply for a reflection period": a heading line over a list of requirements.
_REQUIREMENTS_HEADING = re.compile(
    r"^[ \t]*(?:(?:general|basic|main|other)\s+)?(?:requirements|conditions|"
    r"eligibility(?:\s+(?:criteria|requirements))?|who\s+(?:can|may)\s+apply|who\s+is\s+eligible)\b"
    r"[^\n.;!?]{0,80}?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_REQUIREMENTS_WORDS = ("requirements", "conditions", "eligib", "apply")  # in every match of it, folded
PLAIN_ITEM_CHARS = 300  # a longer line without a bullet is a paragraph, not an item
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–•*·]|\d{1,2}[.)]|\(?[a-z]\))[ \t]+(?P<item>\S[^\n]*)")
# A sentence ends so; a heading, a title or a breadcrumb line does not.
_TERMINAL = ".!?:;)\"”’'…]"
HEADING_MAX_WORDS = 8
HEADING_ACT_CHARS = 160
# How far before and after a topic's words its own duration may start: "a six-month permit", "a permit of six months".
OWN_DURATION_BEFORE = 12
OWN_DURATION_AFTER = 30
# "not" before the topic: "does not form the basis for a permanent residence permit". Not so when it negates
# the telling: "does not report the number of residence cards".
# ("(No. 6458)", "No 04/L-219" number an act)
_NEGATION = _loose(r"\b(?:not|no(?!\.?\s*\d)|never|neither|nor|cannot)\b|n't\b")
_NEGATION_REACH = 6
_IF_CLAUSE = re.compile(r"\W*(?:if|unless|whether|in case)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]")  # a "not" or a relative clause reaches no further back than these
_REPORTING = _loose(r"\b(?:report\w*|know\w*|say|said|disclose\w*|track\w*|collect\w*|publish\w*|record\w*|"
                    r"keep (?:statistics|data|records)|number|fees?|charges?|costs?)\b")
# "Continued Presence (CP)": the letters name the topic from then on.
_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z]{2,6})\)")
_WHOLE = re.compile(r"[\s\S]+")
_NOT_STATEMENT = re.compile(r"^\W*(?:please|if so|if not|required of|describe|explain|provide)\b", re.IGNORECASE)
# A parliamentary question asks in the third person: "Deputy X asked the Minister for Justice the number of victims
# granted a reflection period ...", "To ask the Secretary of State how many ...". It states nothing.
_PARLIAMENTARY_QUESTION = _loose(r"\b(?:asked|to ask) the (?:minister|secretary|commission|government|taoiseach|"
                                 r"tánaiste|attorney|prime minister)\b")
# "2. Immigration status of foreign victims\nArticle 52 ... provides that ...": a numbered heading line in PDF text,
# left before the sentence once its number is split off as a statement of its own.
_NUMBERING = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*|[A-Z]|[ivx]{1,4})[.)][ \t]*$")
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _statements(text: str) -> list[tuple[int, int]]:
    """`statement_spans(text)`, a numbered heading line left out."""
    spans: list[tuple[int, int]] = []
    for a, b in statement_spans(text):
        line_start = text.rfind("\n", 0, a) + 1
        newline = text.find("\n", a, b)
        if line_start < a and newline > 0 and _NUMBERING.match(text, line_start, a):
            line = text[a:newline].strip()
            rest = text[newline:b].lstrip()
            words = line.split()
            if 0 < len(words) <= HEADING_WORDS and len(line) <= HEADING_CHARS and "," not in line \
                    and line[-1] not in _TERMINAL and words[-1].lower() not in _SMALL_WORDS and rest[:1].isupper():
                a = b - len(rest)
        spans.append((a, b))
    return spans


def permit_facts(passage: Passage) -> list[Fact]:
    """One fact per sentence that states a provision on victims' stay (questions, headings, purposes and passing
    mentions are not), and one per list of requirements under a permit's heading.

    A sentence that names no topic but speaks of "the permit", "such permits", "the period" or "the fee" is
    about the topic named last before it in the passage: "Victims receive a residence card. The card costs
    225 euros." A question in between ("What happens then? A victim ... may receive a further permit.") does
    not break the thread.
    """
    folded = _folded(passage.masked)
    words = _words_at(folded)
    possible = _possible_ranks(folded, words)
    # a list of requirements under a permit's heading is one provision, and its lines no others; the permit is
    # named in the passage (which then holds its words) or in the title
    facts: list[Fact] = []
    listed: list[tuple[int, int]] = []  # the spans those lists take up in the passage
    if possible or "permit" in folded or _title_topic(passage.title):
        facts = list(_requirement_lists(passage, folded))
        listed = [(fact.start - passage.start, fact.end - passage.start) for fact in facts]
    heading: tuple[str, str | None] | None = None  # topic and article of a heading: "Article 13 – Reflection period"
    for named in _named_topics(passage.masked, folded, words, possible):
        a, b, m = named.start, named.end, named.match
        if listed and any(start <= a < end for start, end in listed):
            continue
        sentence = passage.masked[a:b]
        # other topics named after this one: "the reflection period ..., then a residence permit"
        others = [other.start() for _, _, other in named.mentions if other.start() >= m.end()]
        fields = _fields(sentence, named.topic, m, others=others)
        if not _is_sentence(sentence, fields) or _in_heading_line(sentence, m):
            heading = (named.topic, _heading_basis(sentence, named.act))
        elif not _not_a_provision(sentence, m, fields) and (
                named.topic in _STATED_TOPICS or named.answer or _is_provision(sentence, fields)):
            facts += _provision_facts(passage, named, fields, heading, listed)
    return facts


def _not_a_provision(sentence: str, m: re.Match[str], fields: dict[str, Any]) -> bool:
    """A sentence that names the topic without providing anything on it."""
    return (_negative_finding(sentence, m.start())  # "no victim received such a permit in 2021" reports practice
            or _scarce(sentence)  # "only two such permits had been issued since 2007"
            # "there is no reflection period in law", "X has proposed a 90-day reflection period"
            or _absent(sentence, m, fields) or _proposed(sentence, fields, m.start())
            # "shelters that house victims during the reflection period" is about the shelters
            or _mere_time(sentence, m.start())
            # "... during the reflection period such victims will be provided with accommodation"
            or (_time_of_other(sentence, m.start()) and bool(_SUPPORT.search(sentence))
                and not _STAY_TALK.search(sentence))
            or _registration_of_no_one(sentence, m)  # "The ministry issued certificates of registration to 20 NGOs"
            # "victims who had received a reflection period", "a trafficker ... your residence permit"
            or _passing(sentence, m, fields))


def _provision_facts(passage: Passage, named: _Named, fields: dict[str, Any], heading: tuple[str, str | None] | None,
                     listed: list[tuple[int, int]]) -> list[Fact]:
    """The facts of a provision's sentence: its own, and a second topic's with a duration of its own. A sentence
    ending in ":" over a list takes the list (whose span is added to `listed`) as its conditions."""
    a, b, m = named.start, named.end, named.match
    sentence = passage.masked[a:b]
    if heading and heading[0] == named.topic and not fields["legal_basis"]:
        fields["legal_basis"] = heading[1]  # the provision below "Article 13 – Reflection period"
    quote = quotable(passage.text, (a, b))
    items = _list_items(passage.masked, b) if quote and sentence.rstrip().endswith(":") else []
    end = _fitting(passage.masked, a, items)
    if end > b:  # "... if the following conditions are fulfilled:" over a list: the list is the conditions
        quote = (a, end)
        listed.append((b, end))
        if not fields["conditions"] or fields["conditions"].endswith(":"):
            fields["conditions"] = _joined(passage.masked, items, end)
    facts = [quote_fact(passage, "permit", fields, m.start() + a, m.end() + a, quote=quote)]
    facts.extend(quote_fact(passage, "permit", more, a + at, b, quote=quote)
                 for at, more in _second_provisions(sentence, named.mentions, m, fields))
    return facts


def _remember(seen: dict[str, None], named: tuple[str, ...]) -> None:
    """Move the topics just named (the last named first) to the end of `seen`, in the order they were named."""
    for topic in reversed(named):
        seen.pop(topic, None)
        seen[topic] = None


def _requirement_lists(passage: Passage, folded: str) -> Iterator[Fact]:
    """A heading of requirements ("Requirements", "Conditions", "Who can apply ...") over a list is one provision
    on the permit the heading names, or else the heading line above it or the document's title: government pages
    give a permit's conditions so, one bullet each, none naming the permit ("- The police must confirm ...")."""
    for word in _REQUIREMENTS_WORDS:  # a plain loop: this runs for every passage, and most hold none
        if word in folded:
            break
    else:
        return
    text = passage.masked
    for heading in _REQUIREMENTS_HEADING.finditer(text):
        items = _list_items(text, heading.end())
        topic = items and (_heading_topic(heading.group(0)) or _topic_above(text, heading.start(), passage.title))
        if not topic:
            continue
        start = heading.start() + len(heading.group(0)) - len(heading.group(0).lstrip())
        end = _fitting(text, start, items)
        if end > heading.end():  # else not even one item fits beside the heading
            yield quote_fact(passage, "permit", {"topic": topic, "conditions": _joined(text, items, end)}, start, end,
                             quote=(start, end))


def _list_items(text: str, at: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the list on the lines after the line `at` is on, up to the next heading line.

    The items are bulleted or numbered ("- The police must confirm ..."), a wrapped item running on to indented or
    lower-case lines; or, as a web page's list items come out of its markup, they are lines of their own that end
    as sentences do. Blank lines may come between.
    """
    items: list[tuple[int, int]] = []
    line_end = text.find("\n", at)
    if line_end < 0 or text[at:line_end].strip():
        return items  # the line runs on after `at`
    at = line_end
    bulleted: bool | None = None  # whether the items are bulleted, as the first one is
    after_blank = False
    while at >= 0:
        line_end = text.find("\n", at + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[at + 1:line_end]
        stripped = line.strip()
        item = _LIST_ITEM.match(text, at + 1, line_end) if bulleted is not False else None
        if not stripped:
            after_blank = True
        elif item:
            bulleted, after_blank = True, False
            items.append((item.start("item"), item.start("item") + len(item.group("item").rstrip())))
        elif bulleted and not after_blank and (line[0].isspace() or stripped[0].islower()):
            items[-1] = (items[-1][0], at + 1 + len(line.rstrip()))  # the item before runs on
        elif not bulleted and stripped[-1] in ".;:" and len(stripped) <= PLAIN_ITEM_CHARS \
                and not stripped[0].islower():  # (a line that starts in lower case runs a sentence on)
            bulleted, after_blank = False, False
            items.append((at + 1 + len(line) - len(line.lstrip()), at + 1 + len(line.rstrip())))
        else:
            break
        at = line_end if line_end < len(text) else -1
    return items


def _fitting(text: str, start: int, items: list[tuple[int, int]]) -> int:
    """Where a quote from `start` over as many whole `items` as fit in an excerpt ends (`start` if none fits)."""
    end = start
    for _, item_end in items:
        if len(fold(text[start:item_end])) > MAX_EXCERPT:
            break
        end = item_end
    return end


def _joined(text: str, items: list[tuple[int, int]], end: int) -> str:
    """The items that end by `end`, as conditions: "You must have left the exploiters; You must cooperate ..."."""
    conditions = "; ".join(fold(text[a:b]).rstrip(".;, ") for a, b in items if b <= end)
    if len(conditions) > CONDITION_LIMIT:
        conditions = conditions[:conditions.rfind(" ", 0, CONDITION_LIMIT)] + "…"
    return conditions


def _heading_topic(line: str) -> str | None:
    """The topic a heading line names: "Limited residence permit", "Who can apply for a reflection period"."""
    stripped = line.strip().rstrip(":")
    if not stripped or stripped[-1] in _TERMINAL or len(stripped.split()) > HEADING_MAX_WORDS:
        return None
    return next((topic for topic, pattern in _TOPICS if pattern.search(stripped)), None)


def _topic_above(text: str, at: int, title: str) -> str | None:
    """The topic of the nearest heading line above `at` (the title when there is none): a heading that names none
    starts another section."""
    for line in reversed(text[:at].splitlines()):
        stripped = line.strip()
        if stripped and stripped[-1] not in _TERMINAL and not _LIST_ITEM.match(line) \
                and len(stripped.split()) <= HEADING_MAX_WORDS:
            return _heading_topic(stripped)
    return _title_topic(title)


@lru_cache(maxsize=64)
def _title_topic(title: str) -> str | None:
    """The topic a document's title names as a heading would (every passage of a document asks)."""
    return _heading_topic(title)


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


def _named_topics(text: str, folded: str, words: list[tuple[int, str]], possible: frozenset[int]) -> Iterator[_Named]:
    """Each statement that names a topic, refers back to one, or answers a question on one.

    `folded` is `_folded(text)`, `words` its `_words_at`, `possible` its `_possible_ranks`.
    """
    if "permit" not in folded and not possible:
        # No sentence can name a topic (each needs a word of every group, so the passage must hold them), and
        # without a topic or "the permit" (a residence permit) nothing refers back or answers a question either.
        return
    nouns = tuple([noun for noun in _BACK_REF_NOUNS if noun in folded])  # what can refer back in the passage
    previous: tuple[str, ...] = ()  # the topics the sentence before named, the last named first
    seen: dict[str, None] = {}  # every topic named so far in the passage, the last named last
    abbreviations: dict[str, str] = {}
    asked: str | None = None  # the topic of the question just before
    act: str | None = None  # the act a heading line names: "Council of Europe Convention on Action against ..."
    for a, b in _statements(text):
        held = {word for at, word in words if a <= at and at + len(word) <= b}
        lowered = folded[a:b]
        if not (held or asked or abbreviations or nouns and _refers(lowered, nouns, previous, seen)
                or previous and (_qualifies(lowered, text[a:b]) or _it(lowered, text[a:b]))):
            previous = ()
            act = _heading_act(text[a:b]) or act
            continue  # it names no topic and refers back to none
        sentence = text[a:b]
        if _NOT_STATEMENT.match(sentence) or "ask" in lowered and _PARLIAMENTARY_QUESTION.search(sentence):
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
        _remember(seen, previous)
        if topic and m:
            yield _Named(a, b, topic, m, mentions, answer=bool(answer), act=act)


def _words_at(folded: str) -> list[tuple[int, str]]:
    """(offset, word) of each topic word in the text `folded` (`_folded(text)`)."""
    found = []
    for word in _RANKS_BY_WORD:
        if word in folded:  # most words are absent: the operator spares a method call for each
            at = folded.find(word)
            while at >= 0:
                found.append((at, word))
                at = folded.find(word, at + 1)
    return found


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
           previous: tuple[str, ...], seen: dict[str, None],
           abbreviations: Mapping[str, str]) -> tuple[str | None, re.Match[str] | None]:
    if mentions:
        # "Where no residence permit is granted, deportation may be suspended": what the sentence grants
        # "A victim who remains after the reflection period may be granted a residence permit": what it grants
        # "... received discretionary leave, and none had been granted indefinite leave": what it grants
        _, topic, m = mentions[0] if len(mentions) == 1 else next(
            (mention for mention in mentions if not _denied(sentence, mention[2].start())
             and not _time_of_other(sentence, mention[2].start(), opening=True)
             and not _held(sentence, mention[2].start())),
            next((mention for mention in mentions if not _denied(sentence, mention[2].start())), mentions[0]))
        return topic, m
    for abbreviation, named in abbreviations.items():
        found = re.search(rf"\b{abbreviation}\b", sentence)
        if found:
            return named, found
    if previous and _qualifies(lowered, sentence):
        return previous[0], _QUALIFY.search(sentence)
    if previous and _it(lowered, sentence):
        return previous[0], _IT.match(sentence)
    if not (nouns and _refers(lowered, nouns, previous, seen)):
        return None, None  # the costlier back-reference pattern needs one of the nouns that can refer now
    for ref in _BACK_REF.finditer(sentence):
        referent = _referent(ref, sentence, previous, seen)
        if referent:
            return referent, ref
    return None, None


def _it(lowered: str, sentence: str) -> bool:
    """Whether the sentence's subject is "It", of what is done with a permit: the topic just named."""
    return lowered.lstrip()[:2] == "it" and bool(_IT.match(sentence))


def _qualifies(lowered: str, sentence: str) -> bool:
    """Whether the sentence says someone qualifies, for nothing it names: for the topic just named."""
    return any(word in lowered for word in _QUALIFY_WORDS) and bool(_QUALIFY.search(sentence))


def _refers(lowered: str, nouns: tuple[str, ...], previous: tuple[str, ...], seen: dict[str, None]) -> bool:
    """Whether the sentence holds a noun that can refer back now: "the permit" always, "the fee" after a topic,
    "the period" after a reflection period (most sentences hold none: the back-reference pattern need not run)."""
    # `nouns` are those of the passage
    if "reflection period" in seen:
        return any(noun in lowered for noun in nouns)
    if previous:
        return any(noun in lowered for noun in nouns if noun != "period")
    return "permit" in lowered


def _referent(ref: re.Match[str], sentence: str, previous: tuple[str, ...], seen: dict[str, None]) -> str | None:
    """The topic "the permit", "the period" or "the fee" refers to, if any: of a permit or a fee, the permit named
    last, passing over a reflection period or relief from removal named since ("... a temporary residence permit for
    six months. Before deciding, the victim is granted a reflection period. The fee for the permit is waived.")."""
    noun = ref.group("noun").lower()
    words = ref.group(0).split()
    if len(words) > 2 and words[-2].lower() in _NOT_PERMIT_KINDS:
        return None  # "the work permit" is no residence permit
    allowed = _BACK_REF_TOPICS.get(noun)
    if allowed is None:  # permit, card, title
        if previous:
            return _last_document(previous, seen)
        # "the permit", "31 permits", or "a permit" said of victims, in a text on victims' stay is a residence permit
        definite = words[0].lower() in _DEFINITE or words[0][0].isdigit() or "victim" in sentence.lower()
        return _BACK_REF_DEFAULT if noun == "permit" and definite else None
    if not allowed:  # the fee: of whatever was named just before
        return _last_document(previous, seen) if previous else None
    # "the period" after a reflection period named in the passage, even a few sentences before
    return next((topic for topic in (*previous, *sorted(seen)) if topic in allowed), None)


def _last_document(previous: tuple[str, ...], seen: dict[str, None]) -> str:
    """The topic the sentence before named, or if it named no document but a period, the document named last."""
    return next((topic for topic in (*previous, *reversed(seen)) if topic not in _NO_DOCUMENT), previous[0])


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


def _fields(sentence: str, topic: str, m: re.Match[str], *, others: Sequence[int] = (),
            after: int = 0) -> dict[str, Any]:
    """The provision's fields; a duration that starts before `after` is another topic's."""
    folded = _folded(sentence)  # the word tests of the duration, cost and condition look in it
    cost, renewal_cost = _costs(sentence, folded)
    return {
        "topic": topic,
        "duration": _duration(sentence, folded, m.start(), others=others, end=m.end(), after=after),
        "cost": cost,
        "renewal_cost": renewal_cost,
        "legal_basis": _legal_basis(sentence, m.end()),
        "conditions": _conditions(sentence, folded),
        # "If you do not have a residence permit, you can apply for one": the "not" is the condition's
        "negated": True if _negated(sentence, m.start()) and not _IF_CLAUSE.match(_clause_before(sentence, m.start()))
        else None,
    }


def _passing(sentence: str, m: re.Match[str], fields: Mapping[str, Any]) -> bool:
    """Whether the topic at `m` is only mentioned in passing: as what some people hold, in a narrative ("assisted
    victims who had received a reflection period"), as a trafficker's or employer's means of control, or as a kind
    of status among others one may apply for ("can apply for asylum or residence permits")."""
    if fields["duration"] or fields["cost"]:
        return False
    if _held(sentence, m.start()) and not _RULE_TENSE.search(sentence):
        return True  # (not "victims who have received a reflection period are entitled to shelter": a rule)
    if _CONTROLLER.match(sentence) and _CONTROL.search(sentence, 0, m.start()):
        return True
    return (m.group(0)[-1:].lower() == "s" and not (fields["legal_basis"] or fields["conditions"])
            and bool(_APPLY_FOR_KIND.search(sentence, max(0, m.start() - HOLDER_REACH), m.start())))


def _registration_of_no_one(sentence: str, m: re.Match[str]) -> bool:
    """Whether a certificate of registration is said of no person: an organisation's, not a residence document."""
    return "registration" in m.group(0).lower() and not _PERSON.search(sentence)


def _held(sentence: str, at: int) -> bool:
    """Whether the topic at `at` only says who is meant: "victims who had received a reflection period"."""
    return bool(_HOLDER.search(sentence, max(0, at - HOLDER_REACH), at))


def _is_provision(sentence: str, fields: Mapping[str, Any]) -> bool:
    """Whether the sentence states a provision: not a heading, a purpose, a recommendation or a mere mention."""
    if fields["duration"] or fields["cost"]:
        return True
    if _COMPARISON.search(sentence) or _UNNAMED_PLACES.search(sentence):
        return False  # "the practice differs: in the length of the reflection period, ...", "in some countries"
    if _states_purpose(sentence) and not fields["legal_basis"]:
        return False  # "The purpose of a period of reflection is to help..."
    if _ADVOCACY.search(sentence) and not fields["legal_basis"] and not _AGREED.search(sentence):
        return False  # "Laws should include a reflection period" is advice, not a provision
    return bool(fields["legal_basis"] or _PROVISION_VERB.search(sentence))


def _states_purpose(sentence: str) -> bool:
    """Whether the sentence states a purpose, not merely names "a residence permit for the purpose of protection"."""
    return any(not _PERMIT_FOR.search(sentence, 0, m.start()) for m in _PURPOSE.finditer(sentence))


def _time_of_other(sentence: str, at: int, *, opening: bool = False) -> bool:
    """Whether the topic at `at` is only the time of a clause about something else: "shelters that house
    victims during the reflection period", "a victim who remains after the reflection period" (not so when it
    opens the sentence: "During the reflection period no victim may be removed" is about that period; with
    `opening`, a time before or after it is another's even there: "After the reflection period the victim may be
    granted a residence permit")."""
    m = _TIME_OF.search(sentence, max(0, at - 30), at)
    return bool(m and (sentence[:m.start()].strip() or opening and m.group(0).split()[0].lower() in _BEFORE_AFTER))


def _negative_finding(sentence: str, at: int) -> bool:
    """Whether the sentence reports that no permit was given or taken up, or that no one knows of any: "officials
    could not recall a case in which a permit had been issued", "none of the victims applied for the permit", "...,
    and police could not say how many others had been offered one" (a rule on what "may not" be done is a
    provision)."""
    if _NEGATION.search(sentence, 0, at) and _FINDING.search(sentence) \
            or _NOBODY.search(sentence, 0, at) and (_FINDING.search(sentence) or _TOOK_UP.search(sentence)) \
            or _UNKNOWN.search(sentence):
        return not _MODAL.search(sentence)
    return False


def _scarce(sentence: str) -> bool:
    """Whether the sentence reports how few were given, in a clause with no rule in it: "only one permit was issued
    in 2015", "only 21 of the 26 cantons had granted any reflection period at all; the fees should be waived"."""
    lowered = sentence.lower()
    if "only" not in lowered and "at all" not in lowered:
        return False
    found = _SCARCE.search(sentence) or ("at all" in lowered and _ANY_AT_ALL.search(sentence))
    if not found:
        return False
    end = sentence.find(";", found.end())
    return not _MODAL.search(sentence, 0, end if end >= 0 else len(sentence))


def _absent(sentence: str, m: re.Match[str], fields: Mapping[str, Any]) -> bool:
    """Whether the topic `m` names is said not to exist: "Spain does not provide a formal reflection period", "a
    reflection period is not provided for in law"."""
    return bool(fields["negated"] and _ABSENCE.search(_clause_before(sentence, m.start()))
                or _NOT_PROVIDED.match(sentence, m.end()))


def _proposed(sentence: str, fields: Mapping[str, Any], at: int) -> bool:
    """Whether the sentence tells of a proposal or a plan, not a provision: "X has proposed extending the period to
    90 days", "the draft law would extend it to 90 days; it has not been adopted", "the ministry plans to introduce
    a reflection period" (the topic at `at`)."""
    lowered = sentence.lower()
    if any(word in lowered for word in _PLAN_WORDS):
        clause = _clause_before(sentence, at)
        plan = _PLAN.search(clause)
        if plan and not _WHO.search(clause, 0, plan.start()):
            return True
    proposal = any(word in lowered for word in _PROPOSAL_WORDS) and _PROPOSAL.search(sentence)
    if any(word in lowered for word in _UNADOPTED_WORDS) and _UNADOPTED.search(sentence):  # ("not", "no draft")
        return bool(proposal or _PLANNED.search(sentence))
    return bool(proposal and not fields["legal_basis"] and not _ENACTED.search(sentence))


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
        # ("a *two-month* reflection period, and a permit ... of six months": what comes before the first is its)
        duration = _duration(sentence, folded, m.start(), others=others, after=first.end())
        if duration and duration != fields["duration"] and _own_duration(sentence, first, m):
            kinds.add(topic)
            found.append((m.start(), _fields(sentence, topic, m, others=others, after=first.end())))
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


def _in_heading_line(sentence: str, m: re.Match[str]) -> bool:
    """Whether the topic's words `m` are on a title-case line of its own inside the statement, a heading the
    sentence splitter ran on into ("... rescue more victims\nRequesting Continued Presence\nFederal officials
    ..."), or are all of the statement's last line, a run-in heading ("1. What the law provides\nReflection
    period.")."""
    if "\n" not in sentence:
        return False
    at = m.start()
    line_start = sentence.rfind("\n", 0, at) + 1
    line_end = sentence.find("\n", at)
    if line_end < 0:  # the last line ends the sentence: a heading only if it is the topic's words alone, capitalised
        return m.group(0)[:1].isupper() and sentence[line_start:].strip().rstrip(".:") == m.group(0)
    words = sentence[line_start:line_end].split()
    long_words = [word for word in words if len(word) > 3]  # "of", "the", "and" are small in a title
    # a name wrapped over lines ("the Instruction on the\nConditions for Approving Temporary Residence\nof
    # Trafficking (2004), a victim ...") runs on in lower case; after a heading a sentence starts
    after = sentence[line_end:].lstrip()
    return (0 < len(words) <= HEADING_MAX_WORDS and words[-1][-1] not in _TERMINAL + "," and len(long_words) > 1
            and all(word[0].isupper() for word in long_words) and after[:1].isupper())


def _negated(sentence: str, at: int) -> bool:
    """Whether a "not" shortly before the topic denies it (and not merely the telling of it)."""
    clause = _clause_before(sentence, at)
    negations = list(_NEGATION.finditer(clause))
    if not negations:
        return False
    between = clause[negations[-1].start():]
    return len(between.split()) <= _NEGATION_REACH and not _REPORTING.search(between)


def _denied(sentence: str, at: int) -> bool:
    """Whether the topic at `at` is denied: by a "not" ("is not granted") or by a "none" ("none had been granted")."""
    return _negated(sentence, at) or bool(_NOBODY.search(_clause_before(sentence, at)))


def _clause_before(sentence: str, at: int) -> str:
    """The clause `at` stands in, up to `at`: the text after the last comma, semicolon or colon before it."""
    return _CLAUSE_BREAK.split(sentence[:at])[-1]


def _duration(sentence: str, folded: str, near: int, *, others: Sequence[int] = (), end: int = -1,
              after: int = 0) -> str | None:
    # "a reflection period of at least 30 days ..., then a five-year residence permit": the duration
    # nearest the topic's words is the topic's. `folded` is `_folded(sentence)`; `end`, where the topic's words end.
    if "renew" not in folded and not any(unit in folded for unit in _UNIT_WORDS):
        return None  # every duration pattern names its unit, every renewal says "renew": none can match
    renewal = _RENEWAL.search(sentence) if "renew" in folded else None
    bracketed = _BRACKETED.match(sentence, end) if end >= 0 and sentence.startswith("(", end + 1) else None
    candidates = [(0, 0, "", bracketed)] if bracketed else [
        (abs(m.start() - near), rank, prefix, m) for rank, prefix, pattern in _durations_held(folded)
        for m in pattern.finditer(sentence, after) if not _aside(sentence, m.start(), renewal)
        and not _delay(sentence, m)]
    found = None
    if len(candidates) > 1:  # "up to 60 days" holds "to 60 days": the whole phrase is the duration
        candidates = [c for c in candidates if not any(
            o[3].start() <= c[3].start() and c[3].end() <= o[3].end() and o[3].span() != c[3].span()
            for o in candidates)]
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
    """Whether the duration is a delay, "issued two to three months after the decision", or an age: "below the age
    of 18 years", "15 years old"."""
    return bool(_DELAY.match(sentence, m.end()) or _AGE_AFTER.match(sentence, m.end())
                or _AGE_BEFORE.search(sentence, max(0, m.start() - 5), m.start()))


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


def _legal_basis(sentence: str, end: int) -> str | None:
    """The article or act the provision rests on; `end` is where the topic's words end."""
    for pattern, needed in ((_ARTICLE, _ARTICLE_WORDS), (_INSTRUMENT, _INSTRUMENT_WORDS)):
        found = [(m.start(), fold(m.group(0))) for m in pattern.finditer(sentence)
                 if not _cited(sentence, m.start(), end)
                 and not _DRAFTED.search(sentence, max(0, m.start() - 8), m.start())] \
            if any(w in sentence for w in needed) else []
        if found:
            # "under section 25(4a), ... under section 26(4) of the Residence Act": the one that names its act
            at, basis = next((named for named in found if " of " in named[1]), found[0])
            act = _act_before(sentence, at) if pattern is _ARTICLE and " of " not in basis else None
            if act:  # "the Aliens Act of 2000 (Section 8(k))": "Section 8(k) of the Aliens Act of 2000"
                basis = f"{basis.strip(' ,;')} of the {act}"
            words = basis.strip(" ,;").split(" ")
            while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
                words = words[1:]
            return " ".join(words)
    return None


def _act_before(sentence: str, at: int) -> str | None:
    """The act named right before the article at `at`, which it belongs to: "the Aliens Act of 2000 (Section
    8(k))", "the Aliens Act, Section 12"."""
    if "Act" not in sentence[max(0, at - ACT_BEFORE):at] and not any(
            word in sentence[max(0, at - ACT_BEFORE):at] for word in _INSTRUMENT_WORDS):
        return None
    for m in _INSTRUMENT.finditer(sentence, max(0, at - ACT_BEFORE), at):
        gap = _ACT_TO_ARTICLE.fullmatch(sentence, m.end(), at)
        if gap:
            words = fold(m.group(0) + (gap.group("year") or "")).split(" ")
            while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
                words = words[1:]  # "Under the Foreigners Act": the act is the Foreigners Act
            return " ".join(words)
    return None


def _cited(sentence: str, at: int, end: int) -> bool:
    """Whether the article or act at `at` is cited for another noun: "the measures contained in Article 12"
    (not so right after the topic's words, "the reflection period provided for in Article 13", when it opens the
    sentence, "Provided for in Article 13, the reflection period ...", or after "under": "under the rules set out
    in Article 4")."""
    cited = _CITED_IN.search(sentence, max(0, at - 30), at)
    if not cited or _UNDER.search(sentence, max(0, cited.start() - 40), cited.start()):
        return False
    if cited.start() < end:
        return bool(sentence[:cited.start()].strip())
    return bool(sentence[end:cited.start()].strip())


def _conditions(sentence: str, folded: str) -> str | None:
    m = _CONDITION.search(sentence) if any(word in folded for word in _CONDITION_WORDS) else None
    if not m:
        return None
    clause = m.group(0)
    if sentence[:m.start()].strip() == "" or m.group(0)[:1].isupper():
        clause = clause.split(",")[0]  # a fronted condition ends at its comma: "In the event of X, a card..."
    if clause.lower().startswith("who"):  # "victims who cooperate may receive...": the clause ends at the verb
        clause = _THEN.sub("", _MAIN_VERB.split(clause, maxsplit=1)[0])  # "who files a complaint then receives"
    clause = fold(clause).rstrip(" ,")
    if len(clause) > CONDITION_LIMIT:
        cut = clause.rfind(" ", 0, CONDITION_LIMIT)
        clause = clause[:cut] + "…"
    return clause
