"""Funding facts: every money amount the text gives, with its currency, US dollar equivalent, period and parties."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
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
FOR_REACH = 40  # how far after an amount the "for" of its purpose may come
NEAR_CHARS = 60  # how far from an amount a word saying it is no funding ("frozen", "profit") may be
WRAPPED_LINE = 40  # a line this long that a name runs on from is wrapped prose, a shorter one a heading
LABEL_LINES = 12
LABEL_LINE_CHARS = 60
LABEL_CHARS = 250

# "(about $137)", "(USD 2.74 million)", "(i.e. $411)": the equivalent written right after an amount.
_EQUIVALENT_OPEN = re.compile(r"\s*\(\s*(?:(?:about|approximately|approx\.|around|roughly|some|or|i\.e\.|=|~|"
                              r"equivalent\s+to|equal\s+to|the\s+equivalent\s+of(?:\s+about)?|approximately\s+equal\s+to)\s*)?"
                              r"(?:US\$|\$|€|£)?", re.IGNORECASE)
_EQUIVALENT_CLOSE = re.compile(r"\s*(?:USD|US\$|U\.?S\.?(?:\s*dollars)?)?\s*\)")
# A unit of time, or a word saying how often ("annually", "an annual grant"): the period it gives.
_PERIODS = {"year": "per year", "annum": "per year", "month": "per month", "week": "per week", "day": "per day",
            "annually": "per year", "annual": "per year", "yearly": "per year", "monthly": "per month",
            "weekly": "per week", "daily": "per day"}
_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:(?:per|a|an|each|every)\s+(?P<unit>year|annum|month|week|day)\b|"
                          r"(?P<adverb>annually|yearly|monthly|weekly|daily)\b)", re.IGNORECASE)
# "per project", "per child per day": a rate for each of something, perhaps also per unit of time
_PER_THING = re.compile(r"\s*,?\s*(?P<thing>per\s+(?:child|person|victim|project|family|participant|organi[sz]ation|"
                        r"shelter|bed|place|case|grant|head|capita|beneficiary|call))\b"
                        r"(?:\s+(?:per|a|an|each)\s+(?P<unit>year|annum|month|week|day)\b)?", re.IGNORECASE)
# "for 2009-2010", "over the period 2019–2021": the years are the period
_SPAN_PREPOSITION = re.compile(r"^(?:for|in|during|over)\s+(?:the\s+(?:period\s+)?)?(?=\d)")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_SPAN_PERIOD = re.compile(
    r"\b(?:every\s+(?:\d+|two|three|four|five|six|eight|ten|twelve|other|few)\s+(?:years|months|weeks|days)"
    rf"|since\s+(?:(?:fiscal\s+year|FY|[A-Z][a-z]+)\s*)?{_YEAR}"
    rf"|between\s+{_YEAR}\s+and\s+{_YEAR}|from\s+{_YEAR}\s+(?:to|until|through)\s+{_YEAR}"
    rf"|(?:in|for|during|over)\s+(?:the\s+(?:period\s+)?)?{_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d\d)\b"
    r"|over\s+(?:the\s+(?:next|past|last)\s+|a\s+)?(?:\d+|two|three|four|five|six|ten)\s+(?:years|months)"
    r"|(?:per|a)\s+(?:year|annum|month|week|day)"
    rf"|(?<![\d-]){_YEAR}\s*[-–]\s*(?:{_YEAR}|\d\d)(?![\d-]))", re.IGNORECASE)
# "a $1.2 million award covering October 2008 to September 2011": months bound the period, before any "since 2006".
_MONTH_SPAN = re.compile(r"[^.;]{0,30}?\b(?:covering|spanning|from|(?:for|over)\s+the\s+period(?:\s+(?:of|from))?)\s+"
                         rf"(?P<span>[A-Z][a-z]+\.?\s+{_YEAR}\s*(?:to|until|through|-|–)\s*[A-Z][a-z]+\.?\s+{_YEAR})\b")
# "since 2011", "between 2010 and 2012", "from 2010 to 2012"
_YEARS_SPAN = rf"(?:[Ss]ince|[Bb]etween)\s+{_YEAR}(?:\s+and\s+{_YEAR})?|[Ff]rom\s+{_YEAR}\s+to\s+{_YEAR}"
# "Since 2011, France has contributed $333,959": a span of years told before the amount, in its clause.
_SINCE_BEFORE = re.compile(rf"\b({_YEARS_SPAN})\b[^.;]{{0,100}}$")
# "an annual grant of", "the monthly allowance is": the adjective must name the amount, not a noun beside it
# ("provide monthly stipends for victims, compared to 446,541 kunas").
_BEFORE_PERIOD = re.compile(r"\b(annual|yearly|monthly|weekly)\s+(?:[\w-]+\s+){0,3}?(?:of|is|was|were|amounts?\s+to|"
                            r"amounted\s+to|totals?|totalled|totaled|reached|stands\s+at|stood\s+at)\s+"
                            r"(?:\w+\s+){0,2}$", re.IGNORECASE)
_YEAR_WORDS = r"(?:(?:the\s+)?(?:fiscal|calendar|budget|financial)\s+year\s+|FY\s*)?"
# "AMOUNT (…) in 2019": the year written after an amount is its own (not "2010-2012", nor "in 2009 dollars")
_OWN_YEAR = re.compile(rf"\b(?:in|for|during)\s+{_YEAR_WORDS}(?P<year>{_YEAR})\b(?!\s*[-–/]\s*\d)(?!\s+dollars)"
                       rf"|\bFY\s*(?P<fy>{_YEAR})\b", re.IGNORECASE)
# "In 2019, the ministry …", "…: in 2010 it awarded …"
_CLAUSE_YEAR = re.compile(rf"(?:^|(?<=[,;:(])\s*|(?<=\.)\s+)(?:In|in|During|during)\s+{_YEAR_WORDS}(?P<year>{_YEAR})"
                          r"\b(?!\s*[-–/]\s*\d)(?=[,:]?\s)")
# Years that belong to spans and targets, not to an amount
_NOT_A_YEAR = re.compile(rf"{_SPAN_PERIOD.pattern}|\b(?:until|till|through|by)\s+(?:\w+\s+){{0,2}}{_YEAR}\b"
                         rf"|\b(?:{_YEARS_SPAN})", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:and|to|-|–)\s*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NOT_FUNDING = re.compile(r"\b(?:profits?|proceeds|earn(?:s|ed|ing|ings)?|illicit|froze|frozen|freez(?:e|es|ing)|"
                          r"seiz(?:e|ed|es|ing|ure|ures)|confiscat(?:e|ed|es|ing|ion)|forfeit(?:ed|ure)?|debts?|"
                          r"owed?|owing|bribes?|ransom|unfunded|underfunded|defunded|requests?|requested|asked\s+for|"
                          r"sought|rejected|refused|turned\s+down)\b", re.IGNORECASE)
# "a $32-billion global industry", "a market worth €150 billion": the size of a trade, not money anyone gave
_TRADE = r"(?:industry|industries|business|market|markets|trade|economy)\b"
# ... followed by the end of the clause, not by the noun it qualifies ("a €2 million labour market programme")
_SIZE_AFTER = re.compile(r"(?:a\s+year\s+|annual\s+|per\s+year\s+)?(?:(?:global|illegal|illicit|criminal|worldwide|"
                         r"international|underground|black|sex)\s+){0,2}" + _TRADE +
                         r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|in|of|and|with|worldwide|globally|each|every|a)\b)",
                         re.IGNORECASE)
_SIZE_BEFORE = re.compile(_TRADE + r"\s+(?:(?:is|was)\s+)?(?:worth|valued\s+at|estimated\s+at)\s+(?:\w+\s+){0,2}$",
                          re.IGNORECASE)
# "would need about EUR 4 million a year more", "requires $2 million": a need, not money given
_NEED = re.compile(r"\b(?:needs?|needed|requires?|required|lacks?|lacked|short\s+of|shortfall\s+of)\s+(?:(?:about|some|"
                   r"roughly|approximately|around|at\s+least|another|a\s+further|an?\s+(?:estimated|additional|extra))\s+)?$",
                   re.IGNORECASE)
# Currency names many countries share, read by default as one country's ("pesos" as Mexico's): the country the
# text names decides, in any case (a cable's subject is in capitals: "NEPAL: ..."). The default country itself,
# when named, keeps its own.
_SHARED: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    default: tuple((re.compile(rf"\b(?:{names})\b", re.IGNORECASE), code) for names, code in countries)
    for default, countries in {
        "MXN": (("Mexico|Mexican", "MXN"), ("Philippines|Philippine|Filipino", "PHP"), ("Argentina|Argentine", "ARS"),
                ("Chile|Chilean", "CLP"), ("Colombia|Colombian", "COP"), ("Dominican Republic", "DOP"),
                ("Cuba|Cuban", "CUP"), ("Uruguay|Uruguayan", "UYU")),
        "INR": (("India|Indian", "INR"), ("Pakistan|Pakistani", "PKR"), ("Sri Lanka|Sri Lankan", "LKR"),
                ("Nepal|Nepalese|Nepali", "NPR"), ("Mauritius|Mauritian", "MUR")),
        "RSD": (("Serbia|Serbian", "RSD"), ("Jordan|Jordanian", "JOD"), ("Kuwait|Kuwaiti", "KWD"),
                ("Bahrain|Bahraini", "BHD"), ("Iraq|Iraqi", "IQD"), ("Tunisia|Tunisian", "TND"),
                ("Algeria|Algerian", "DZD"), ("Libya|Libyan", "LYD")),
    }.items()
}
# "24.8 million pesos", "two million rupees", "5,000 dinars": the name right after the number, with no country
_BARE_SHARED = re.compile(r"(?:[\d.,]|\b(?:thousand|million|billion|hundred|mln|mn|bn))\s*(?:pesos?|rupees?|dinars?)\b",
                          re.IGNORECASE)
_MARK = re.compile(r"[A-Z][.:]|\((?:SBU|U|C|S|LOU|CONFIDENTIAL|SECRET)\)|¶\d+\.?")
_PRONOUNS = frozenset("it they he she we this that these those which who there its their".split())
_OBJECT_PRONOUNS = _PRONOUNS | {"them", "him", "her", "us", "you"}
# "unfunded from April", "to September 2011": a month or a weekday is a time, never a payer or a recipient
_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name))
_CONNECTOR = r"(?:of|for|the|and|on|to|in|at|de|du|des|la|le)"
# Cables wrap lines anywhere, names too ("the Ministry of\nEquality"); a name that runs on from a short line (a
# heading) is cut there afterwards (_whole_lines).
_NAME_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_NAME = rf"[{UPPER}][\w’'.&/-]*(?:{_NAME_GAP}(?:{_CONNECTOR}{_NAME_GAP})*[{UPPER}][\w’'.&/-]*){{0,7}}"
# "the Ministry of Labour, Family and Social Policy": an institution's name may list its fields with commas.
_LISTED_NAME = (rf"(?:[{UPPER}][\w’'.-]*[ \t]+)?(?:Ministry|Department|Office|Agency|Commission|Committee|Council|"
                rf"Directorate|Secretariat|Institute|Fund)[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+[{UPPER}][\w’'-]*"
                rf"(?:[ \t]+[{UPPER}][\w’'-]*)?(?:,[ \t]+[{UPPER}][\w’'-]*(?:[ \t]+[{UPPER}][\w’'-]*)?)+,?[ \t]+and"
                rf"[ \t]+[{UPPER}][\w’'-]*(?:[ \t]+[{UPPER}][\w’'-]*){{0,2}}")
# "The government allocated", "the U.S. Government has spent": a payer without a capitalised name.
_GOVERNMENT = rf"[Tt]he[ \t]+(?:(?:[{UPPER}][\w.]*|federal|regional|national|state|local|provincial|city|municipal|" \
              rf"central|cantonal)[ \t]+){{0,2}}[Gg]overnment"
# The name of whoever gives, and the acronym a name may be followed by: "the International Organization for
# Migration (IOM)".
# "The City of Vienna's youth welfare office": a name's own office, named in lower case after it.
_OWN_OFFICE = rf"{_NAME}[’']s(?:[ \t]+[a-z][\w-]*){{1,3}}?[ \t]+(?:office|department|ministry|agency|fund|unit|" \
              r"service|embassy|programme|program|foundation|government)"
_WHO = rf"(?P<who>{_GOVERNMENT}|{_LISTED_NAME}|{_OWN_OFFICE}|{_NAME})"
_ACRONYM = r"(?:\s*\([A-Z][\w&-]*\))?"
_GIVE = (r"(?:contributed|contributes|contribute|provided|provides|provide|gave|gives|give|granted|grants|"
         r"donated|donates|allocated|allocates|committed|commits|committing|pledged|pledges|paid|pays|spent|spends|"
         r"funded|funds|financed|finances|awarded|awards|disbursed|disburses|earmarked|invested|invests|"
         r"announced|offered|offers|transferred|supported|supports|supporting|set\s+aside|sets\s+aside|adding|adds|"
         r"added|budgeted|co-funds|co-funded|co-finances|co-financed)")
# "intends to award", "continues to fund": the plain form after a verb of intent
_INTEND = r"(?:intends|intended|plans|planned|continues|continued|agreed|decided|promised|expects|aims|hopes|undertook)"
_GIVE_BASE = (r"(?:award|allocate|fund|finance|donate|spend|disburse|invest|contribute|provide|give|grant|commit|pay|"
              r"support)")
# "grants of", "funds are": the noun, not the verb
_NOT_A_VERB = r"(?!\s+(?:of|are|were|will|was|is|have|had|from|worth|totalling|totaling)\b)"
# "is funding", "will add", "raised its yearly grant", "renewed its support": forms that need the word before them
_GIVING = (r"(?:funding|financing|providing|contributing|donating|allocating|awarding|granting|paying|investing|"
           r"giving|spending|disbursing)")
_MODAL_BASE = (r"(?:add|award|allocate|fund|finance|donate|spend|disburse|invest|contribute|provide|give|grant|commit|"
               r"pay|support|pledge|offer|transfer|co-fund|co-finance)")
_RAISED = (r"(?:raised|raises|renewed|renews|increased|increases|doubled|doubles|topped\s+up)\s+(?:its|their)\s+"
           r"(?:[a-z-]+\s+){0,2}?(?:grant|grants|contribution|contributions|funding|support|budget|allocation|subsidy)")
_PAYER = re.compile(rf"{_WHO}{_ACRONYM},?\s+"
                    r"(?:(?:has|have|had|will|would|also|is|are|was|were|together|\w+ly)\s+)*"
                    rf"(?:{_INTEND}\s+to\s+{_GIVE_BASE}|{_GIVE}|(?:(?<=\bis\s)|(?<=are\s)){_GIVING}|"
                    rf"(?<=will\s|ould\s|hall\s){_MODAL_BASE}|{_RAISED})\b{_NOT_A_VERB}")
_FROM = re.compile(rf"^[^.;]{{0,60}}?\bfrom\s+(?:the\s+)?(?P<who>{_NAME})")
_BY = re.compile(rf"\b(?:funded|financed|paid|provided|granted|donated|sponsored|supported)\s+by\s+(?:the\s+)?"
                 rf"(?P<who>{_NAME})")
_POSSESSIVE = re.compile(rf"(?P<who>{_NAME})[’']s\s+(?P<what>(?:[a-z]+\s+){{0,4}}(?:contributions?|funding|"
                         r"grants?|donations?|budget|aid|support|assistance))")
_TO = re.compile(rf"\bto\s+(?:the\s+)?(?P<to>{_NAME}{_ACRONYM})")
# "…, and Bavaria about 740,000 euros": a name right before the amount, after "and", pays it
_GAPPED = re.compile(rf"(?:,|\band)\s+(?:the\s+)?(?P<who>{_NAME})\s+(?:(?:about|some|roughly|approximately|around|"
                     r"nearly|almost|over|another|a\s+further|an\s+additional)\s+)?$")
# "to two NGOs responsible for …", "to support NGO-run shelters": a recipient without a capitalised name
# "to run the national centre", "to upgrade its data platform": what the money is for, not who gets it
_TO_DO = (r"(?!(?:run|open|set|help|cover|pay|hire|train|build|expand|keep|maintain|operate|establish|assist|provide|"
          r"upgrade|create|launch|develop|improve|strengthen|equip|renovate|staff|put|buy|rent|implement|carry|"
          r"conduct|continue|deliver|ensure)\b)")
_TO_NOUN = re.compile(r"^[^,;.()]{0,30}?\bto\s+(?:support\s+|fund\s+|finance\s+)?" + _TO_DO +
                      r"(?P<to>(?:(?!\b(?:for|in|with|from|by|under|through|over|until)\b)[^,;.()]){0,50}?"
                      r"\b(?:NGOs?|shelters?|organi[sz]ations?|associations?|cent(?:re|er)s?|programmes?|programs?|"
                      r"projects?|hotlines?|teams?|networks?|municipalities|charities|foundations?|agencies|institutions?)"
                      rf"(?![\w’'-])(?:\s+[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{0,3}})?)")
_GOT = (r"(?:received|receives|obtained|was\s+granted|were\s+granted|was\s+awarded|were\s+awarded|will\s+receive|"
        r"is\s+to\s+receive|would\s+receive|was\s+paid|were\s+paid|is\s+paid|are\s+paid|was\s+given|were\s+given|"
        r"was\s+allocated|were\s+allocated|gets|got)")
# "CoMensha, the national coordination centre for victims, received": a name, its description, then the verb
# "The International Organization for Migration (IOM) Prague was paid": the acronym may sit inside the name
_RECEIVED = re.compile(rf"(?P<who>{_NAME}(?:[ \t]*\([A-Z][\w&-]*\)[ \t]+{_NAME})?){_ACRONYM}"
                       rf"(?:,[ \t]+(?:the|a|an|our)[ \t][^,;()]{{3,80}},)?\s+"
                       rf"(?:has\s+|have\s+|had\s+)?{_GOT}\b")
# "awarded La Strada PLN 1.1 million", "granted the network a top-up of €850,000": who is given, right before the sum
_DOUBLE_OBJECT = re.compile(rf"\b(?:awarded|awards|award|granted|grants|grant|paid|pays|pay|gave|gives|give|offered|"
                            rf"offers|allocated|allocates)\s+(?P<to>(?:the\s+)?(?:{_NAME}{_ACRONYM}|(?:\d+|two|three|"
                            rf"four|five|six|seven|eight|nine|ten|several|some)\s+(?:NGOs|shelters|organi[sz]ations|"
                            rf"associations|projects|municipalities|centres|centers)|(?:network|coalition|platform|"
                            rf"shelter|hotline|centre|center|association|foundation)))\s+(?:(?:a|an)\s+(?:total|sum|"
                            rf"(?:[\w-]+\s+){{0,2}}?(?:grant|top-up|contribution|award|allocation|subsidy))\s+of\s+)?"
                            rf"(?:(?:about|some|roughly|approximately|around|nearly|almost|over|another|a\s+further|"
                            rf"an\s+additional)\s+)?$")
# A payer or a receiver needs its verb: most clauses have none, and the verb alone is far cheaper to look for
# than the name before it (any capital letter may start one).
# A name found after a capitalised word (and its connectors) is the cut-off end of a longer one.
_CUT_NAME = re.compile(rf"(?<![\w’'.&/-])(?!(?:The|A|An|In|On|At|By|For|But|And|However|Also|Separately)\s)"
                       rf"[{UPPER}][\w’'.&/-]*(?:\s+{_CONNECTOR})*\s+$")
# "IOM Prague was paid", "the shelters were granted": who is given the money, not who gives it.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?[a-z]+(?<!ing)$")
_GIVE_WORD = re.compile(rf"(?:{_GIVE}|to\s+{_GIVE_BASE}|\b(?:is|are)\s+{_GIVING}|"
                        rf"\b(?:will|would|shall)\s+{_MODAL_BASE}|{_RAISED})\b")
_GOT_WORD = re.compile(rf"{_GOT}\b")
_WITH = re.compile(r"\b(?:provide|provides|provided|give|gives|gave|grant|grants|granted)\s+(?P<to>(?:the\s+)?"
                   r"[\w’'-]+(?:\s+[\w’'-]+)?)\s+with\b")
# "co-funds the national hotline (800 290 290) with about €1.5 million": what is funded, right before the amount
_FUNDS_WITH = re.compile(r"\b(?:funds|funded|fund|co-funds|co-funded|co-finances|co-financed|supports|supported|"
                         r"supporting|finances|financed)\s+(?P<to>(?:the\s+)?[^,;:()]{2,60}?)(?:\s*\([^()]{0,30}\))?"
                         r"\s+with\s+$")
# "in 2010 it awarded": a pronoun gives, the sentence's subject pays
_PRONOUN_GIVES = re.compile(rf"\b(?:it|they)\s+(?:(?:has|have|had|will|would|also|\w+ly)\s+)*{_GIVE}\b")
_SUBJECT = re.compile(rf"{_WHO}{_ACRONYM}\s+"
                      r"(?!(?:said|says|say|told|tells|reported|reports|noted|notes|added|explained|stated)\b)[a-z]")
# "for 2019-2020" is the period, not what the money is for
# "…, and the deadline for applications is": a "for" after a comma belongs to another clause.
_FOR_WORD = re.compile(r"\bfor\s+|[.;]|,\s")
# "for two years", "for twelve months": a duration; "paid for by the embassy": the payer; neither is a purpose.
_FOR = re.compile(r"(?P<what>(?!a\s+period|one\s+year|a\s+year|the\s+year|(?:the\s+)?(?:years?\s+)?\d|by\s|"
                  r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|several|some|"
                  r"a\s+few|the\s+next|another)\s+(?:years?|months?|weeks?|days?)\b)"
                  r"(?:[^,;.()\n]|\n(?!\s*\n)){4,80})")
_NOUN_OF = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?P<what>(?:(?!(?:a|an|the)\s)[\w-]+\s+){0,3}(?:stipend|"
                      r"budget|grant|"
                      r"contribution|donation|allowance|subsidy|fine|fee|salary|award|payment|loan|fund|allocation|"
                      r"compensation|bonus|reward|investment|funding|envelope|package|cost))\s+of\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)
# "spent 1.1 million euros on counselling": what the money is spent on
_SPENT = re.compile(r"\b(?:spent|spends|spend|spending)\b")
_SPENT_ON = re.compile(r"\s*,?\s*on\s+(?P<what>(?!\d)(?:[^,;.()\n]|\n(?!\s*\n)){4,80})")
_TRAILING_YEAR = re.compile(rf"\s+(?:in|during)\s+(?:(?:fiscal|calendar)\s+year\s+)?{_YEAR}\b.*$")
_FINANCED = re.compile(r"\b(?:financed|funded|supported|sponsored)\s+(?P<what>[^,;.()]{6,100}?)\s+"
                       r"(?:in|for|with)\s+(?:the\s+|an\s+)?(?:amount|sum|total)\s+of\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\s+(?:and|which|who|that|where)\s+")
_SENTENCE_END = re.compile(r"[.!?]\s")
# Compiled once: these run for every amount, and re's own cache lookup costs about as much as a short search.
_BEFORE_BREAK = re.compile(r"[,;:(]")
_AFTER_BREAK = re.compile(r"[,;.]")
_PER_UNIT = re.compile(r"(?:per|a)\s+(\w+)")
_CLAUSE_SPLIT = re.compile(r"[;:]\s")
_NAME_BEFORE_END = re.compile(rf"[{UPPER}][\w’'.&-]*\s+$")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")


def funding_facts(passage: Passage) -> list[Fact]:
    """One fact per money amount in the passage; an amount's stated US dollar equivalent is a field, not a fact.

    Money that is not funding (criminal profits, frozen assets, debts) gives none.
    """
    text = passage.masked
    mentions = find_money(text)
    if not mentions:
        return []  # most passages name no amount: skip their sentence spans, the costliest step after the search
    spans = statement_spans(text)
    amounts = _amounts(text, mentions, spans)
    found: list[tuple[_Amount, dict[str, Any]]] = []
    headlines: list[dict[str, Any]] = []
    countries = _countries((passage.title, passage.doc, text)) if any(a.mention.currency in _SHARED for a in amounts) \
        else {}
    for i, amount in enumerate(amounts):
        context = _context(text, spans, amounts, i)
        if not _not_funding(context):
            fields = _fields(text, amount, context)
            if countries:
                fields["currency"] = _country_currency(text, amount.mention, countries)
            if _told_again(text, passage.title, amounts, i):
                headlines.append(fields)
            else:
                found.append((amount, fields))
    facts = []
    for amount, fields in found:
        for headline in headlines:  # what only the headline says still belongs to the body's fact
            if (headline["amount"], headline["currency"]) == (fields["amount"], fields["currency"]):
                fields.update({k: v for k, v in headline.items() if fields.get(k) is None})
        quote = _key_figure(text, amount.sentence, fields) or quotable(passage.text, amount.sentence)
        facts.append(quote_fact(passage, "funding", fields, amount.mention.start, amount.end, quote=quote))
    return facts


def _countries(scopes: tuple[str, str, str]) -> dict[str, str]:
    """The currencies of the countries the document's title, its file's name or the passage names (first found, in
    that order), by the shared currency name: "NEPAL: ...", "tip2020-philippines-protection.txt"."""
    found: dict[str, str] = {}
    for scope in scopes:
        for default, countries in _SHARED.items():
            for pattern, code in countries:
                if default not in found and pattern.search(scope):
                    found[default] = code
    return found


def _country_currency(text: str, mention: MoneyMention, countries: dict[str, str]) -> str:
    """A currency name many countries share, written bare ("24.8 million pesos"), is the one of the country the
    text speaks of; a name with its country ("Mexican pesos") or a code keeps its own."""
    code = countries.get(mention.currency)
    if code is None or not _BARE_SHARED.search(text, mention.start, mention.end):
        return mention.currency
    return code


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


@dataclass(frozen=True, slots=True)
class _Amount:
    """An amount, its bracketed equivalent, where both end and the sentence they are in."""

    mention: MoneyMention
    equivalent: MoneyMention | None
    end: int
    sentence: tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Context:
    """The text around one amount in its sentence, cut at its neighbours, and what its year may come from."""

    before: str  # the sentence up to the amount
    own_before: str  # since the previous amount of the sentence (or its start): this amount's own words
    after: str  # after the amount (or the range it ends) until the next amount or the end of the sentence
    first: bool  # no other amount of the sentence comes before it
    earlier: str  # the previous sentence of the same paragraph


def _amounts(text: str, mentions: list[MoneyMention], spans: list[tuple[int, int]]) -> list[_Amount]:
    equivalents = _equivalents(text, mentions)
    amounts = []
    for i, mention in enumerate(mentions):
        if i in equivalents.values():
            continue
        equivalent = mentions[equivalents[i]] if i in equivalents else None
        end = _equivalent_end(text, mention, equivalent)
        amounts.append(_Amount(mention, equivalent, end, _sentence(spans, mention.start, end)))
    return amounts


def _context(text: str, spans: list[tuple[int, int]], amounts: list[_Amount], i: int) -> _Context:
    """The words that belong to amount `i`; both ends of a range ("between 40,000 and 60,000 euros a year") share
    what comes before the first and after the last."""
    amount = amounts[i]
    a, b = amount.sentence
    lead = i - 1 if i > 0 and _in_range(text, amounts[i - 1], amount) else i
    tail = i + 1 if i + 1 < len(amounts) and _in_range(text, amount, amounts[i + 1]) else i
    previous = amounts[lead - 1].end if lead > 0 and amounts[lead - 1].end > a else a
    following = amounts[tail + 1].mention.start if tail + 1 < len(amounts) else b
    after_start = amounts[tail].end
    return _Context(before=text[a:amount.mention.start], own_before=text[previous:amounts[lead].mention.start],
                    after=text[after_start:max(after_start, min(following, b))], first=previous == a,
                    earlier=_earlier_sentence(text, spans, a))


def _in_range(text: str, first: _Amount, second: _Amount) -> bool:
    return (first.equivalent is None and first.mention.currency == second.mention.currency
            and _RANGE_GAP.fullmatch(text, first.end, second.mention.start) is not None)


def _earlier_sentence(text: str, spans: list[tuple[int, int]], start: int) -> str:
    earlier = [s for s in spans if s[1] <= start]
    if not earlier or _BLANK_LINE.search(text, earlier[-1][1], start):
        return ""
    return text[earlier[-1][0]:earlier[-1][1]]


def _told_again(text: str, title: str, amounts: list[_Amount], i: int) -> bool:
    """A headline amount the body gives again ("Council of Europe provides €700,000 …"): one fact, the body's."""
    amount = amounts[i]
    a, b = amount.sentence
    if not title or fold(text[a:b]) != fold(title):
        return False
    return any(other.sentence != amount.sentence and other.mention.amount == amount.mention.amount
               and other.mention.currency == amount.mention.currency for other in amounts)


def _not_funding(context: _Context) -> bool:
    """Criminal profits, frozen or seized assets, debts, needs, the size of a trade: money the text speaks of that
    nobody gave.

    Only the words right next to the amount count, and a giving verb before it makes it funding after all
    ("allocated €50,000 from confiscated assets").
    """
    own = _BEFORE_BREAK.split(context.own_before)[-1][-NEAR_CHARS:]
    near = _AFTER_BREAK.split(context.after)[0][:NEAR_CHARS]
    if _SIZE_AFTER.match(near.lstrip(" -")) or _SIZE_BEFORE.search(own) or _NEED.search(own):
        return True
    if not (_NOT_FUNDING.search(own) or _NOT_FUNDING.search(near)):
        return False
    return not _GIVE_WORD.search(own)


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


def _fields(text: str, amount: _Amount, context: _Context) -> dict[str, Any]:
    mention, equivalent = amount.mention, amount.equivalent
    period = _period(context.after, context.own_before)
    fields: dict[str, Any] = {
        "amount": _number(mention.amount),
        "currency": mention.currency,
        "usd": _number(equivalent.amount) if equivalent and equivalent.currency == "USD" else None,
        "qualifier": mention.qualifier,
        "period": period,
        "year": _year(context, periodic=period is not None),
    }
    fields.update(_parties(context))
    return fields


def _period(after: str, before: str) -> str | None:
    right = _RIGHT_AFTER.match(after)
    if right:
        return _PERIODS[(right.group("unit") or right.group("adverb")).lower()]
    per = _PER_THING.match(after)
    if per:
        thing = fold(per.group("thing")).lower()
        return f"{thing} {_PERIODS[per.group('unit').lower()]}" if per.group("unit") else thing
    months = _MONTH_SPAN.match(after)
    if months:
        return fold(months.group("span"))
    found = _SPAN_PERIOD.search(after)
    if found:
        written = fold(found.group()).lower() if not found.group().lower().startswith("since") else fold(found.group())
        unit = _PER_UNIT.fullmatch(written)
        return _PERIODS.get(unit.group(1), written) if unit else _SPAN_PREPOSITION.sub("", written)
    since = _SINCE_BEFORE.search(before)
    if since:
        written = fold(since.group(1))
        return written[0].lower() + written[1:]
    adjective = _BEFORE_PERIOD.search(before)
    if adjective:
        return _PERIODS[adjective.group(1).lower()]
    return None


def _year(context: _Context, *, periodic: bool) -> int | None:
    """The year the amount is for, never one that belongs to another amount of the sentence.

    Its own: "AMOUNT (…) in 2019" after it, or any year before it when it is the sentence's first amount;
    else, unless it is a rate ("a year"), a clause-initial "In 2019," before it or opening the previous sentence.
    Years inside spans ("since 2011", "2010-2012", "until 2020") are periods, not years.
    """
    own = _OWN_YEAR.search(context.after)
    if own:
        return int(own.group("year") or own.group("fy"))
    if context.first:
        years = _years_outside_spans(context.own_before)
        if years:
            return years[-1]
    if periodic:
        return None
    clause = [int(m.group("year")) for m in _CLAUSE_YEAR.finditer(context.before)]
    if clause:
        return clause[-1]
    opening = _CLAUSE_YEAR.match(context.earlier.lstrip())
    return int(opening.group("year")) if opening else None


def _years_outside_spans(text: str) -> list[int]:
    years = context_years(text)
    if not years:
        return []  # most texts before an amount have no year: spare them the costlier search for spans
    spans = [m.span() for m in _NOT_A_YEAR.finditer(text)]
    return [year for at, year in years if not any(a <= at < b for a, b in spans)]


def _parties(context: _Context) -> dict[str, Any]:
    clause = _CLAUSE_SPLIT.split(context.before)[-1]
    after = context.after
    gapped = None if context.first else _GAPPED.search(context.own_before)
    payer = (_named(gapped, "who") if gapped else None) or _payer(clause, after) or _subject(context, clause)
    recipient = _recipient(clause if context.first else context.own_before, after)
    return {"payer": payer, "recipient": recipient if recipient != payer else None,
            "purpose": _purpose(clause, after)}


def _payer(before: str, after: str) -> str | None:
    for found in _payer_matches(before, after):
        if party := _named(found, "who"):
            return party
    return None


def _subject(context: _Context, clause: str) -> str | None:
    """The payer named at the start of the sentence when a pronoun gives the amount ("…: in 2010 it awarded")."""
    if not _PRONOUN_GIVES.search(clause if context.first else context.own_before):
        return None
    found = _SUBJECT.match(context.before)
    return _named(found, "who") if found else None


def _payer_matches(before: str, after: str) -> Iterator[re.Match[str]]:
    if _GIVE_WORD.search(before):
        yield from (m for m in reversed(list(_PAYER.finditer(before)))
                    if not _CUT_NAME.search(before, 0, m.start()) and not _PASSIVE.search(m.group()))
    yield from _searches((_BY.search, after), (_BY.search, before), (_FROM.search, after), (_possessive, before))


def _recipient(before: str, after: str) -> str | None:
    for found in _recipient_matches(before, after):
        group = "to" if found.groupdict().get("to") else "who"
        if found.groupdict().get(group) and (party := _named(found, group)):
            return party
    return None


def _recipient_matches(before: str, after: str) -> Iterator[re.Match[str]]:
    if (noun := _TO_NOUN.search(after)) and _BLANK_LINE.search(noun.group()) is None:
        yield noun
    yield from _to(after[:120])
    yield from _searches((_WITH.search, before), (_FUNDS_WITH.search, before), (_double_object, before))
    if _GOT_WORD.search(before):
        yield from reversed(list(_RECEIVED.finditer(before)))
    yield from _to(before)


def _to(text: str) -> Iterator[re.Match[str]]:
    """The first "to NAME", unless "to" is inside a name ("the OSCE Mission to Serbia", "Office to Monitor")."""
    found = _TO.search(text)
    if found and not _NAME_BEFORE_END.search(text, 0, found.start()):
        yield found


def _purpose(before: str, after: str) -> str | None:
    spent_on = _SPENT_ON.match(after) if _SPENT.search(before) else None
    searched = _searches((_FINANCED.search, before), (_noun_of, before), (_possessive, before))
    found = spent_on or next(chain(searched, _for(after)), None)
    if found is None:
        return None
    what = _CLAUSE_BREAK.split(fold(found.group("what")))[0]
    what = _TRAILING_YEAR.sub("", what)  # "for victims in 2012": the year is a field of its own
    if what.lower() in _OBJECT_PRONOUNS:
        return None  # "to support them": who, not what
    return what.rstrip(" ,")[:PARTY_LIMIT] or None


def _for(after: str) -> Iterator[re.Match[str]]:
    """What follows the first "for" close after the amount that is not inside a name ("Centre for Migrant Rights")."""
    for word in _FOR_WORD.finditer(after):
        if word.start() > FOR_REACH or word.group()[0] in ".;,":
            return
        inside_name = after[word.end():word.end() + 1].isupper() and _CUT_NAME.search(after, 0, word.start())
        if not inside_name:
            if found := _FOR.match(after, word.end()):
                yield found
            return


def _searches(*places: tuple[Callable[[str], re.Match[str] | None], str]) -> Iterator[re.Match[str]]:
    """Each search's match in its text, in order; searched only when asked for, as the first usually does."""
    for search, text in places:
        if found := search(text):
            yield found


def _double_object(text: str) -> re.Match[str] | None:
    """`_DOUBLE_OBJECT.search(text)`, tried only where a giving verb is among the last words."""
    tail = text[-120:]
    return _DOUBLE_OBJECT.search(tail) if _GIVE_WORD.search(tail) else None


def _noun_of(text: str) -> re.Match[str] | None:
    """`_NOUN_OF.search(text)`: its "of" is one of the text's last three words, which most texts lack, and its
    case-insensitive opening alternation would be tried at every word."""
    if not any(word.lower() == "of" for word in text.rsplit(maxsplit=3)[-3:]):
        return None
    return _NOUN_OF.search(text)


def _possessive(text: str) -> re.Match[str] | None:
    """`_POSSESSIVE.search(text)`: most texts have no "'s" and cannot match, and the name before it is costly to try
    (at every capital letter)."""
    return _POSSESSIVE.search(text) if "'s" in text or "’s" in text else None


def _named(found: re.Match[str], group: str) -> str | None:
    return _party(_whole_lines(found, group))


def _whole_lines(found: re.Match[str], group: str) -> str:
    """The name a match found, without a short line it ran on from ("Funding\nThe Ministry of Justice")."""
    text = found.string
    start, end = found.span(group)
    cut = start
    newline = text.find("\n", start, end)
    while newline >= 0:
        line_start = text.rfind("\n", 0, newline)  # -1: the line began before the searched text, length unknown
        if line_start >= 0 and len(text[line_start + 1:newline].strip()) < WRAPPED_LINE:
            cut = newline + 1
        newline = text.find("\n", newline + 1, end)
    return text[cut:end]


def _party(written: str) -> str | None:
    words = fold(written).rstrip(".,").split()
    # a cable's answer letter ("-- A.") and classification ("(SBU)") are not part of anyone's name
    while words and (words[0].lower() in ("the", "however", "also", "and", "but", "in", "on", "with", "--")
                     or _MARK.fullmatch(words[0])):
        words = words[1:]
    if not words or words[0].lower() in _PRONOUNS or len(" ".join(words)) > PARTY_LIMIT:
        return None
    while words and (words[-1].lower().rstrip(".,") in _CALENDAR_WORDS or words[-1].isdigit()):
        words = words[:-1]  # "Ruhama in May": the month is when, not part of the name
        while words and words[-1] in ("in", "of", "from", "since", "until", "to", "on"):
            words = words[:-1]
    if not words:
        return None
    if words[0] == "government":
        words[0] = "Government"  # "The government allocated …"
    return " ".join(words).rstrip("’'")


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
    owner = _possessive(written)
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
    if not label.strip() or len(fold(label)) > LABEL_CHARS or not _THREE_LETTERS.search(label):
        return None
    return block_start, block_end


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
