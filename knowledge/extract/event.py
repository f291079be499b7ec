"""Event facts: every specific date or date range the text gives, with what happened and where."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from knowledge.extract._dates import DateMention, a_year_earlier, context_years, find_dates, in_year
from knowledge.extract._letters import LOWER, UPPER
from knowledge.extract._money import find_money
from knowledge.extract._spans import quotable, statement_spans
from knowledge.models import Fact, Passage
from knowledge.quoting import quote_fact
from knowledge.text import fold

__all__ = ["event_facts", "event_summary"]

TITLE_LIMIT = 90

# Lines that describe the document rather than tell of an event: "Date: 19 February 2010".
_META_LINE = re.compile(
    r"^[ \t]*(?:date[ds]?|sent|received|from|to|cc|subject|published|updated|issued|posted|created|"
    r"last (?:modified|updated)|printed|downloaded|accessed|released)\s*:", re.IGNORECASE)
_HEAD_CHARS = 400  # how far into a document its title and dateline lines reach
# A dateline gives the day a text was written, not an event: "VIENNA, 10 April 2024 – From 15 to ...",
# "Alexandria, VA, April 1, 2008—If you ...", "Photo: A. Lee / UN 3 May 2016 - Experts ...". Before the date on its
# line only capitalised words (a place, a credit) or "date"; after it a dash and running text, or nothing.
_DATELINE_PLACE = re.compile(rf"[ \t]*(?:\(?[{UPPER}][\w’'.&/()-]*[ \t,:;/()-]*){{1,8}}")
_DATELINE_LABEL = re.compile(r"\s*dated?\b\s*:?\s*", re.IGNORECASE)
_DATELINE_TAIL = re.compile(r"\s*(?:[–—]|--?\s)")
_TODAY = re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b", re.IGNORECASE)
# Words after which a date is a limit or a former date, not when something happens: "money only until March
# 2009", "implemented by May 2022", "postponed from 18 October".
_NOT_WHEN = re.compile(r"(?:\b(?:until|till|through|by|before|(?:postponed|moved|rescheduled|brought forward) from|"
                       r"originally (?:scheduled|planned) for|instead of|no later than|not later than|up to)\s*:?\s*"
                       r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?)$",
                       re.IGNORECASE)
_LIMIT_CUES = frozenset("until till through by before from for of than to".split())  # the last words of _NOT_WHEN
# "Released by the Office to Monitor ...": a publication line; the date under it is the document's.
# Capitalised: a wrapped line of prose may begin "published on 13 June 2018", and that is the report's news.
_RELEASED = re.compile(r"^[\s*_]*(?:Released|Published|Issued|Posted|Updated|Prepared)\s+(?:by|on|for)\b")
# "Working Paper 58 · Published: 2014-06-30": a label right before the date makes it the document's.
_PUBLISHED_LABEL = re.compile(r"\b(?:(?:published|released|issued|posted|updated|created|printed)\s*:|"
                              r"last (?:modified|updated|revised|reviewed)(?:\s+on)?\s*:?)\s*$", re.IGNORECASE)
# "Figures as at 30 June", "current as of 31 December", "the permit expires on 31 May": a reference day or a limit.
_REFERENCE_DAY = re.compile(r"\b(?:as at|(?:current|valid|correct|accurate|updated) as of|"
                            r"expir(?:es|ed|ing|y)(?: date)?(?:\s+(?:on|in))?)\s*:?\s*$", re.IGNORECASE)
# A heading that names an event: "19-20 June 2018: Exchanges on migration", "WHEN 14 June 2021, 14:00 – ...".
_EVENT_HEADING = re.compile(r"\s*:\s*\S")
_WHEN_LABEL = re.compile(r"^\s*(?:WHEN|When|Date and time|Dates?)\s*:?\s*$")
_WHERE_LINE = re.compile(r"[^\n]*\n[ \t]*(?:WHERE|Where|Venue|VENUE|Location|LOCATION|Place|PLACE)\s*:?[ \t]*"
                         r"(?P<loc>[^\n;]+?)(?=\s+and\s|\s*;|\s*\n|\s*$)")
# "15-19 October, Vienna: 9th Conference of Parties", "**28–29 April, Chișinău** — regional workshop", "10 May,
# online — webinar": a calendar line names its place before a colon or a dash.
_CALENDAR = re.compile(rf"\s*[,–—-]\s*(?P<loc>[{UPPER}][^:\n,;.*_—–]{{1,40}}?|online)\s*(?:\*\*|__)?"
                       r"\s*(?::|[—–]|(?<=\s)--?(?=\s))\s*(?P<title>\S.*)", re.DOTALL)
# "Vienna hosted" names a place; "the MVD hosted" an organisation (after "the", or in capitals).
_HOSTED = re.compile(rf"(?<!\bthe )(?<!\bThe )\b(?P<loc>[{UPPER}][{LOWER}][\w’'-]*"
                     rf"(?:[ \t]+[{UPPER}][\w’'-]+){{0,2}})\s+"
                     r"(?:hosted|will host|hosts)\b")
_IN_PLACE = re.compile(rf"\bin\s+(?P<loc>(?:(?:St|Ste|Mt|Ft)\.\s*)?[{UPPER}][\w’'-]+"
                       rf"(?:[ \t\n]+[{UPPER}][\w’'-]+){{0,2}})")
# What may come before a calendar line's date: a bullet, emphasis, "From".
_CALENDAR_LEAD = re.compile(r"[\W_]*(?:(?:From|On|from|on)\s+)?")
# Between a place and its date: "in Belgrade on 4 May", "in Tirana, 3-4 June", "in Skopje from".
_BESIDE_DATE = re.compile(r"[ \t]*,?[ \t]*(?:on|from|between|during)?[ \t]*")
# A capitalised word (or "the") just before: what follows belongs to a name, "the National Police", "Co-operation in".
_NAME_BEFORE = re.compile(rf"(?:\b[Tt]he|[{UPPER}][\w’'.-]*)[ \t]+$")
_VENUE_AFTER = re.compile(rf",?[ \t]+at[ \t]+(?P<loc>[{UPPER}][{LOWER}][\w’'-]*(?:[ \t]+[{UPPER}][\w’'-]+){{0,2}}"
                          rf"(?:,[ \t]*[{UPPER}][{LOWER}][\w’'-]*(?=[ \t]*[,.;]|$))?)")
_COMMA_PLACE = re.compile(rf",[ \t]*(?P<loc>[{UPPER}][{LOWER}][\w’'-]*(?:[ \t]+[{UPPER}][{LOWER}][\w’'-]*)?),[ \t]*$")
# A calendar entry's place in brackets at its end: "3 March: launch of the campaign (Paris)".
_BRACKETED_PLACE = re.compile(rf"\((?P<loc>[{UPPER}][{LOWER}][\w’'-]*(?:[ ,]+[{UPPER}][{LOWER}][\w’'-]*){{0,2}})\)\W*$")
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december the this that "
    "these those its his her their our article articles section chapter annex part paragraph table page "
    "persons person human children women men migrants trafficking french english spanish arabic german "
    "italian russian order addition particular general practice total of and "
    # A continent is a region, not a venue: "the Organization for Security and Co-operation in Europe"
    "europe asia africa "
    # A weekday before a date is no place: "the Harvest Inn, Wednesday, March 27"
    "monday tuesday wednesday thursday friday saturday sunday".split())
_LEAD = re.compile(r"^(?:\s*(?:--\s*[A-Z][.:])?[-–—•*·\s]*(?:¶\s?\d+\.)?\s*(?:\((?:SBU|U|C|S|LOU)\))?\s*)")
# The words that lead to a date: "met on", "from", "as of".
_LEAD_INS = ("on", "from", "in", "since", "as of", "between", "during", "by", "of", "at", "dated", "for", "to", "until",
             "till", "through")
_BEFORE_DATE = re.compile(r"(?:\b(?:" + "|".join(_LEAD_INS) + r")\s*)?[,(]?\s*$", re.IGNORECASE)
_LONGEST_LEAD_IN = max(map(len, _LEAD_INS))
_AFTER_DATE = re.compile(r"^\s*[,:)]?\s*")
_ASIDE = re.compile(r",\s*(?:\S+\s*){1,2}$")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|but|while|whereas|whilst)\s+")
# "For example, ..." / "To meet this requirement, ...": a lead-in clause, not who or what.
_INTRO = re.compile(r"^(?:To|As|For|In|However|Moreover|Also|Furthermore|Finally|Similarly|Meanwhile|Additionally|"
                    r"According to|After|Before|Following|Thus|Therefore|Then|Later)\b[^,;:]{0,80},\s+(?=\S)")
# "The organization to End Child Prostitution, ... (ECPAT) unveiled": a long name's acronym says who, shortly.
_ACRONYM_SUBJECT = re.compile(r"^(?:The\s+)?[^()]{12,160}?\((?P<acronym>[A-Z][A-Za-z0-9&.-]{1,11})\)\s+(?=[a-z])")
# "Mr X, ambassador, permanent representative at the UN, speaking during...": who, without the titles.
_APPOSITION = re.compile(r"^(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof|Ambassador|Minister|Judge)\.?\s+)?"
                         r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),\s[^.;:]{3,160}?,?\s+"
                         r"(?=(?:speaking|during|addressing|presenting|opening|closing)\b)")
# A dated report that tells in the past tense of "November 25" later than its own date means last year's.
_PAST = re.compile(r"\b(?:was|were|had|held|met|took place|hosted|participated|signed|launched|announced|adopted|"
                   r"visited|attended|concluded|presented|declared|carried out|arrested|opened|released|"
                   r"sentenced|convicted|raided|unveiled|established|created|organi[sz]ed)\b")
_FUTURE = re.compile(r"\b(?:will|shall|scheduled|planned|expected|upcoming|next|forthcoming|to be held|"
                     r"plans? to|intends? to)\b", re.IGNORECASE)
# "Law 2/2009 of December 11", "Decree No. 14/2018 dated 3 May": the act's number carries the year of its date.
_NUMBERED_ACT = re.compile(r"\b\d{1,4}/(?P<year>(?:19|20)\d\d)\s*,?\s*(?:of|dated|from)\s+$")
# "date 2024-04-10 VIENNA, 10 April 2024 – the OSCE will host": the dateline is not part of the title.
# "BRUSSELS (Reuters) - The Commission will host ...", "Geneva, 2 May 2019\nThe Rapporteur will visit ...": the same.
_DATELINE_PREFIX = re.compile(r"^(?:[^\n]{0,80}?\b(?:19[5-9]\d|20[0-4]\d)[ \t]*"
                              r"(?:(?:[–—]|--?)(?:\s+|$)|\n\s*(?=[A-Z]))|"
                              r"\s*[A-Z]{3,}[A-Z ,.]*(?:\([^)\n]{1,30}\))?[ \t]*(?:[–—]|--?)(?:\s+|$))")
# "Newsletter No. 12, May 2019", "Bulletin, Issue 4 – June 2019": a line that names an issue dates the document.
_ISSUE = re.compile(r"\b(?:Issue|Edition|Vol\.|Volume|No\.|Nr\.|Newsletter|Bulletin)\b")
# "1.2 The study draws on ...", "Summary: At a round table ...": a section's number or a cable's label is no title.
_TITLE_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?[ \t]+(?=[A-Z])|(?i:summary|comment|background|note|"
                          r"introduction|overview|update|context|conclusions?)(?:[ \t]+and[ \t]+(?i:comment|action))?"
                          r"[ \t]*:[ \t]+)")
# Markdown emphasis around a calendar entry: "**From 9-11 December, Vienna:** WBAN delegation".
_MARKDOWN = re.compile(r"\*\*|__")
# Compiled here rather than looked up in `re`'s cache for every date found.
_WORD = re.compile(r"[A-Za-z]{2,}")
# "a $1.2 million award covering October 2008 to September 2011", "EUR 40,000 for the period from May 2009": the
# dates bound what an amount pays for; nothing happens on them.
_FUNDED_SPAN = re.compile(r"\s*\)?\s*(?:[\w-]+\s+){0,3}?(?:covering|spanning|running\s+from|from|"
                          r"(?:for|over)\s+the\s+period(?:\s+(?:of|from))?)\s+"
                          r"(?:(?:[^\s,;.]+\s+){1,3}(?:to|until|till|through|and|[-–])\s*)?")
# A count of people or cases: what a span of months after it measures ("1,214 children ... between January and June").
_COUNTED = re.compile(r"\b\d[\d,.]*\**\s+(?:\w+\s+){0,2}?(?:people|persons|victims|children|women|men|girls|boys|"
                      r"cases|calls|migrants|workers|survivors|arrivals|adults|minors|returnees)\b")
_FUNDED_SPAN_CUES = frozenset("covering spanning from of period to until till through and".split())
# " 6-8 March 2023      Prague        Regional NRM peer review (OSCE/ODIHR,\n                    Czech Ministry ...)":
# a calendar in columns, date, place and title apart by runs of spaces; the title may wrap under its own column.
# Three spaces at least: a justified cable puts two between words ("on June 16  press  conference").
_COLUMN_GAP = "   "
_COLUMN_ROW = re.compile(r"[ \t]{3,}(?P<loc>[^\s,;:.][^\t\n,;:.]{0,30}?)[ \t]{3,}(?P<title>\S[^\n]*)")
# A year alone under the date that opens a calendar row, then a column gap or the line's end.
_WRAPPED_YEAR = re.compile(r"((?:19|20)\d\d)(?=[ \t]{3,}|[ \t]*$)", re.MULTILINE)
# "told poloff on", "briefed emboffs in", "informed the Embassy on": a source speaking to the post that reports.
_TOLD_POST = re.compile(r"\b(?:told|informed|briefed|assured|explained\s+to|said\s+to|confirmed\s+to|"
                        r"met(?:\s+with)?)\s+(?:(?:poloffs?|emboffs?|econoffs?|polcouns|polchief|conoffs?|refcoord|"
                        r"the\s+embassy|embassy\s+officials?|(?:the\s+)?ambassador|(?:the\s+)?dcm|post|us)\b)"
                        r"[^.;]{0,20}?\s+(?:on|in)\s+$", re.IGNORECASE)
# The same row with the title beside the date and the place last: "27-28 April     Task force meeting     Riga".
_COLUMN_ROW_PLACE_LAST = re.compile(r"[ \t]{3,}(?P<title>\S[^\n]*?)[ \t]{3,}(?P<loc>[^\s,;:.][^\t\n,;:.]{0,30}?)"
                                    r"[ \t]*$", re.MULTILINE)
_NAME_PARTICLES = frozenset("am an der de del des di du la le of on the upon".split())
_NO_PLACES = frozenset(("--", "-", "–", "tbc", "tba", "tbd", "n/a"))
_NO_PLACE_WORDS = _NO_PLACES | {"online", "virtual"}
_PAGE_REFERENCE = re.compile(r"\s*\((?:page|pages|p\.)\s[^)]*\)")


def event_facts(passage: Passage) -> list[Fact]:
    """One fact per specific date or date range in the passage; bare years are not events."""
    text = passage.masked
    doc_year = passage.doc_year  # a property that parses the document's date: read it once
    latest = doc_year + 1 if doc_year else None
    mentions = find_dates(text, years=context_years(text, latest=latest), default_year=doc_year)
    if not mentions:
        return []  # most passages give no date: their sentences are not needed
    spans = statement_spans(text)
    facts = []
    for mention in mentions:
        sentence = _sentence(spans, mention)
        if _skipped(passage, text, sentence, mention):
            continue
        mention = _in_the_past(passage, text[sentence[0]:sentence[1]], mention)
        mention = _numbered_act_year(text, mention)
        mention = _wrapped_year(text, mention)
        mention = _reported_to_post(passage, text, mention)
        fields = _fields(text, sentence, mention)
        entry = _column_entry(text, mention) if text.startswith(_COLUMN_GAP, mention.end) else None
        if entry is not None:  # a calendar laid out in columns: the entry's own lines, title and place
            sentence, fields["title"], fields["location"] = entry
        facts.append(quote_fact(passage, "event", fields, mention.start, mention.end,
                                quote=quotable(passage.text, sentence)))
    return _one_per_date(facts) if len(facts) > 1 else facts


def event_summary(fields: Mapping[str, Any]) -> str:
    """'19–20 October 2009: Bockel at the Ministerial Conference (Brussels)'."""
    when = _when(fields.get("start"), fields.get("end"), fields.get("precision"))
    line = f"{when}: {fields.get('title') or 'event'}"
    if fields.get("location"):
        line += f" ({fields['location']})"
    return line


def _one_per_date(facts: list[Fact]) -> list[Fact]:
    """A heading and its body, or two sentences about one launch, give one event: the fuller one.

    Facts of the same dates at different places (two calendar lines of one day) are two events.
    """
    kept: dict[tuple[Any, Any, Any], Fact] = {}
    for fact in facts:
        when = (fact.fields.get("start"), fact.fields.get("end"))
        place = fact.fields.get("location")
        key = next((k for k in kept if k[:2] == when and None in (place, k[2]) or k == (*when, place)), None)
        if key is None:
            kept[(*when, place)] = fact
        elif (place is not None, len(fact.excerpt)) > (kept[key].fields.get("location") is not None,
                                                       len(kept[key].excerpt)):
            del kept[key]
            kept[(*when, place)] = fact
    return sorted(kept.values(), key=lambda f: f.start)


def _sentence(spans: list[tuple[int, int]], mention: DateMention) -> tuple[int, int]:
    inside = [s for s in spans if s[1] > mention.start and s[0] < mention.end]
    return (inside[0][0], inside[-1][1]) if inside else (mention.start, mention.end)


def _skipped(passage: Passage, text: str, sentence: tuple[int, int], mention: DateMention) -> bool:
    if text[sentence[0]:sentence[1]].rstrip().endswith("?"):
        return True  # a question asks about a date; it does not report an event
    line_start = _line_start(text, mention.start)
    line = text[line_start:_line_end(text, mention.end)]
    if _META_LINE.match(line) or _RELEASED.match(line):
        return True
    if len(line.strip()) < 80 and text.count(line.strip()) > 1 and not line.rstrip().endswith("."):
        return True  # a running header or footer ("Newsletter – June 2018") repeats; an event is told once
    before = text[max(line_start, sentence[0]):mention.start]
    after = text[mention.end:line_start + len(line)]
    # a limit's word may end the line above: "... three million dollars through\n  September 2021."
    said_before = text[max(sentence[0], mention.start - 60):mention.start]
    if _dateline(before, after, mention) or _limit_or_label(said_before) or _funded_span(text, sentence, mention):
        return True
    if _WHEN_LABEL.match(before) or (mention.precision == "day" and _EVENT_HEADING.match(after)):
        return False  # "19-20 June 2018: Exchanges on migration", "WHEN 14 June 2021 ...": an event's heading
    if not _WORD.search(before + after) and _alone_on_its_line(text, line_start, after):
        return True  # a date alone on its line heads a news item or sits under a dateline's place
    if len(line) < 120 and not line.rstrip().endswith(".") and _ISSUE.search(before):
        return True  # "Newsletter of the Network, Issue 12, May 2019": the issue's date, not an event
    # Near the top, a short line that is not a sentence is a title or dateline: "Newsletter No. 10 – June 2018".
    # ... or a masthead's date set apart at the end of its line ("   Georgia - Armenia          February 2019").
    masthead = before.strip() and before.endswith(_COLUMN_GAP) and not after.strip()
    head = passage.start + line_start < _HEAD_CHARS and (passage.ordinal == 0 or bool(masthead))
    words = _WORD.findall(line.replace(text[mention.start:mention.end], " "))
    return head and len(words) <= 5 and not line.rstrip().endswith((".", "!", ";"))


def _limit_or_label(before: str) -> bool:
    """ "until 10 May", "postponed from 18 October", "Published: 2019-05-02": no event on that date."""
    # The words before the date say whether the patterns can match; most dates follow "on", "in" or none.
    near = before[-50:]
    words = near.lower().split()
    last = words[-1] if words else ""
    if (last.endswith(":") or "last" in words[-4:]) and _PUBLISHED_LABEL.search(near):
        return True
    if ("as" in words[-3:] or "xpir" in near) and _REFERENCE_DAY.search(near):
        return True
    last = last.strip(",:")
    return (last in _LIMIT_CUES or last.endswith("day")) and bool(_NOT_WHEN.search(near))


def _column_entry(text: str, mention: DateMention) -> tuple[tuple[int, int], str, str | None] | None:
    """A column calendar's row: its lines (the title's wrapped ones too), its title and its place.

    The place is the short name beside the date ("Vilnius", "The Hague") or, when that column reads like a title,
    the short name in the last column.
    """
    line_start = _line_start(text, mention.start)
    if text[line_start:mention.start].strip():
        return None  # the date opens the row
    line_end = _line_end(text, mention.end)
    row = _COLUMN_ROW.match(text, mention.end, line_end)
    if row is not None and "  " in row.group("loc").strip():
        return None
    last = _COLUMN_ROW_PLACE_LAST.match(text, mention.end, line_end)
    if last is not None and (row is None or not _name_like(row.group("loc"))) and _name_like(last.group("loc")):
        row = last  # date, title, place
    elif row is None:
        return None
    column = row.start("title") - line_start
    title, end = [row.group("title").strip()], row.end()
    while following := text[end + 1:_line_end(text, end + 1)]:  # empty past the text's end
        lead, rest = following[:max(0, column - 2)], following[max(0, column - 2):]
        if not rest.strip() or (lead.strip() and not _WRAPPED_YEAR.fullmatch(lead.strip())):
            break  # the next row, or the table's end (a wrapped year under the date still belongs to this row)
        title.append(rest.strip())
        end += 1 + len(following)
    place = fold(row.group("loc"))
    # "The Hague" is a place; "--" or "tbc" in the place column says there is none yet
    located = place if _place_like(place.removeprefix("The ")) and place.lower() not in _NO_PLACES else None
    return (mention.start, end), _headline(" ".join(title)), located


def _name_like(column: str) -> bool:
    """A place's column: a few words, each capitalised ("Riga", "The Hague", "Frankfurt am Main"), or "online"."""
    words = column.split()
    return 0 < len(words) <= 4 and (column.strip().lower() in _NO_PLACE_WORDS or all(
        w[:1].isupper() or w in _NAME_PARTICLES for w in words))


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _funded_span(text: str, sentence: tuple[int, int], mention: DateMention) -> bool:
    """ "a $1.2 million award covering October 2008 to September 2011": the period an amount pays for; so is a span
    of months anywhere after an amount in its sentence ("allocated €274,590 to an NGO ... between April 2018 and
    December 2019")."""
    if mention.precision == "month" and mention.last is not None:
        # ... or the period a count is of: "identified 1,214 children at risk between January and June 2021"
        before = text[sentence[0]:mention.start]
        return bool(_COUNTED.search(before) or find_money(before))
    words = text[max(sentence[0], mention.start - 30):mention.start].split()
    if not words or (words[-1].lower() not in _FUNDED_SPAN_CUES and not words[-1].endswith(("-", "–"))):
        return False  # the cheap test first: most dates follow "on" or "in"
    amounts = find_money(text[sentence[0]:mention.start])
    if not amounts:
        return False
    return bool(_FUNDED_SPAN.fullmatch(text, sentence[0] + amounts[-1].end, mention.start))


def _alone_on_its_line(text: str, line_start: int, after: str) -> bool:
    """ "Washington, DC\nApril 12, 2006\n": not "... was carried out on\nSeptember 16, 2005." (wrapped prose)."""
    if "." in after:
        return False
    previous = text[max(0, line_start - 40):line_start].split()
    # Prose wrapped before its date ends the line with the word that leads to it, or a comma.
    return not previous or not (previous[-1].endswith(",") or previous[-1].lower() in _LEAD_INS)


def _dateline(before: str, after: str, mention: DateMention) -> bool:
    """ "VIENNA, 10 April 2024 – From ...", "date 2019-03-22 A first ...": the date the text was written."""
    if before.lstrip()[:4].lower() == "date":  # the cheap test first: most text before a date does not begin so
        label = _DATELINE_LABEL.match(before)
        if label and label.end() == len(before):
            return True
        if label:
            before = before[label.end():].lstrip("0123456789- ")  # "date 2024-04-10 VIENNA, 10 April 2024 – ..."
    tail = _DATELINE_TAIL.match(after)
    if tail is None or not before.strip() or mention.year_from is not None or not _DATELINE_PLACE.fullmatch(before):
        return False
    if before.split()[-1].lower().strip(",:") in _LEAD_INS:
        return False  # "On 3 May 2019 – the day the law came into force – ...": a lead-in, not a place
    # "Rome, 3 March 2016 – World Day is marked today ...": then the dateline's day is the event's.
    return len(after[tail.end():].split()) >= 6 and not _TODAY.search(after)


def _in_the_past(passage: Passage, sentence: str, mention: DateMention) -> DateMention:
    doc_date = passage.doc_date or ""
    if mention.year_from != "document" or len(doc_date) != 10 or mention.first <= doc_date:
        return mention
    if _PAST.search(sentence) and not _FUTURE.search(sentence):
        return a_year_earlier(mention)
    return mention


def _wrapped_year(text: str, mention: DateMention) -> DateMention:
    """ "27-28 April     Task force meeting    Riga\n2020            labour ...": a calendar's date column wrapped
    its year onto the next line."""
    if mention.year_from is None:
        return mention
    line_start = _line_start(text, mention.start)
    if text[line_start:mention.start].strip() or not text.startswith(_COLUMN_GAP, mention.end):
        return mention  # not a date opening a row of columns
    next_start = _line_end(text, mention.end) + 1
    below = _WRAPPED_YEAR.match(text, next_start + (mention.start - line_start))
    return in_year(mention, int(below.group(1))) if below and not text[next_start:below.start()].strip() else mention


def _reported_to_post(passage: Passage, text: str, mention: DateMention) -> DateMention:
    """ "In 2007 ... told poloff on February 14": a meeting with the embassy is dated in the cable's own year, not in
    a year the paragraph spoke of."""
    doc_date = passage.doc_date or ""
    if mention.year_from != "context" or len(doc_date) != 10:
        return mention
    if not _TOLD_POST.search(text, max(0, mention.start - 60), mention.start):
        return mention
    moved = in_year(mention, int(doc_date[:4]))
    return a_year_earlier(moved) if moved.first > doc_date else moved


def _numbered_act_year(text: str, mention: DateMention) -> DateMention:
    """ "Organic Law 2/2009 of December 11": a year the text left out is the numbered act's."""
    if mention.year_from is None:
        return mention
    act = _NUMBERED_ACT.search(text, max(0, mention.start - 30), mention.start)
    return in_year(mention, int(act.group("year"))) if act else mention


def _fields(text: str, sentence: tuple[int, int], mention: DateMention) -> dict[str, Any]:
    a, b = sentence
    calendar = _calendar_line(text, a, b, mention) or _labelled_block(text, mention)
    location: str | None
    if calendar is not None:
        title, location = calendar[0] or _title(text, a, b, mention), calendar[1]
    else:
        title, location = _title(text, a, b, mention), _location(text, a, b, mention)
    return {
        "title": title,
        "start": mention.first,
        "end": mention.last,
        "location": location,
        "precision": "month" if mention.precision == "month" else None,
        "year_inferred": True if mention.year_inferred else None,
    }


def _calendar_line(text: str, a: int, b: int, mention: DateMention) -> tuple[str, str] | None:
    line_start = _line_start(text, mention.start)
    if not _CALENDAR_LEAD.fullmatch(text[max(a, line_start):mention.start]):
        return None
    m = _CALENDAR.match(text[mention.end:b])
    if not m or not _place_like(m.group("loc")):
        return None
    return _headline(m.group("title")), fold(m.group("loc"))


def _labelled_block(text: str, mention: DateMention) -> tuple[str | None, str | None] | None:
    """ "21st Conference ...\n\nWHEN 14 June 2021, 14:00 – 16 June 2021\nWHERE Hofburg (Vienna, Austria)"."""
    line_start = _line_start(text, mention.start)
    if not _WHEN_LABEL.match(text[line_start:mention.start]):
        return None
    lines = text[:line_start].rstrip().rsplit("\n", 1)
    heading = lines[-1].strip() if lines[-1].strip() else None
    if heading and (len(heading) > 150 or heading.endswith(".")):
        heading = None  # the end of a sentence, not the event's name
    where = _WHERE_LINE.match(text, mention.end)
    title = _headline(heading) if heading else None
    return title or None, (fold(where.group("loc")) if where else None)


def _title(text: str, a: int, b: int, mention: DateMention) -> str:
    a, b = _clause(text, a, b, mention)
    before = _without_lead_in(text[a:mention.start])
    after = _AFTER_DATE.sub("", text[mention.end:b])
    before = _LEAD.sub("", before)
    if "–" in before or "—" in before or " -" in before or "\n" in before:  # most titles have none of these
        before = _DATELINE_PREFIX.sub("", before, count=1)
    if _DATELINE_TAIL.match(text, mention.end) and _DATELINE_PLACE.fullmatch(before):
        before = ""  # "VIENNA (UNIS) – 2 May 2019 – UNODC launched today ...": the dateline's place is no title
    aside = _ASIDE.search(before)
    if aside and text[mention.end:b].lstrip().startswith(","):
        before = before[:aside.start()]  # "the group, established in December 2008, drafted": drop the aside
    if len(before.split()) <= 2 and len(after.split()) > 3:
        before = ""  # "Launched on April 6, 2009, the campaign was...": the clause after the date says it
    joined = f"{before.rstrip(' ,')} {after}" if before.strip() and after else before or after
    joined = _INTRO.sub("", _TITLE_LABEL.sub("", fold(joined), count=1), count=1)
    joined = _APPOSITION.sub(r"\g<name> ", joined, count=1)
    if "(" in joined:  # the acronym's bracket: most titles have none, and the pattern is slow to fail
        joined = _ACRONYM_SUBJECT.sub(r"\g<acronym> ", joined, count=1)
    return _headline(joined)


def _without_lead_in(before: str) -> str:
    """`_BEFORE_DATE.sub("", before)`: the text before a date without the word that leads to it."""
    # The pattern matches once, up to the end: a lead-in word, white space, a comma or bracket, white space. So
    # its leftmost match starts no earlier than a lead-in's length before that comma or bracket, and a search from
    # there finds it without trying every offset of a long sentence (`\b` still sees the character before `pos`;
    # `rstrip` strips exactly what `\s` matches).
    end = len(before.rstrip())
    if before[end - 1:end] in (",", "("):
        end = len(before[:end - 1].rstrip())
    m = _BEFORE_DATE.search(before, max(0, end - _LONGEST_LEAD_IN))
    return before[:m.start()] if m else before


def _clause(text: str, a: int, b: int, mention: DateMention) -> tuple[int, int]:
    """The part of the sentence, between "; " or ", and ...", that holds the date."""
    for cut in _CLAUSE_BREAK.finditer(text, a, b):
        if cut.end() <= mention.start and len(text[cut.end():b].split()) >= 4:
            a = cut.end()
        elif cut.start() >= mention.end and len(text[a:cut.start()].split()) >= 4:
            return a, cut.start()
    return a, b


def _location(text: str, a: int, b: int, mention: DateMention) -> str | None:
    sentence = text[a:b]
    near = mention.start - a
    places = [m for m in _IN_PLACE.finditer(sentence) if _place_like(m.group("loc"))]
    # "a meeting in Belgrade on December 4-5": the place right before the date is where it happened.
    beside = [m for m in places if m.end() <= near and "\n" not in m.group()
              and _BESIDE_DATE.fullmatch(sentence, m.end(), near)]
    if beside:
        return fold(beside[-1].group("loc"))
    # "17-18 February at Hofburg, Vienna": a venue named right after the date.
    venue = _VENUE_AFTER.match(sentence, mention.end - a)
    if venue and _place_like(venue.group("loc")):
        return fold(venue.group("loc"))
    # Every match holds "host", and most sentences do not: a cheap test spares a search tried at every offset.
    hosted = _host(sentence) if "host" in sentence else None
    if hosted:
        return hosted
    if not places:
        # "Expert Group Meeting on Fisheries Crime, Vienna, 24-26 February": a caption's place before its date.
        captioned = _COMMA_PLACE.search(sentence, max(0, near - 40), near)
        if captioned and _place_like(captioned.group("loc")):
            return fold(captioned.group("loc"))
        bracketed = _BRACKETED_PLACE.search(sentence)
        return bracketed.group("loc") if bracketed and _place_like(bracketed.group("loc")) else None
    best = min(places, key=lambda m: abs(m.start() - near))
    return fold(best.group("loc"))


def _host(sentence: str) -> str | None:
    """ "Vienna hosted ...": the place; not "the National Police hosted", whose last word is no place."""
    for m in _HOSTED.finditer(sentence):
        if _place_like(m.group("loc")) and not _NAME_BEFORE.search(sentence, 0, m.start()):
            return fold(m.group("loc"))
    return None


def _place_like(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0].lower().strip("’'") not in _NOT_PLACES


def _headline(text: str) -> str:
    """`text` folded, without emphasis or page references, cut to TITLE_LIMIT and begun with a capital."""
    title = _shortened(text)
    return title[:1].upper() + title[1:]


def _shortened(text: str) -> str:
    text = fold(_MARKDOWN.sub("", text)).strip(" ,;:-–—")
    text = _PAGE_REFERENCE.sub("", text).rstrip(" .")
    if len(text) <= TITLE_LIMIT:
        return text
    cut = text.rfind(" ", 0, TITLE_LIMIT)
    return text[:cut if cut > TITLE_LIMIT // 2 else TITLE_LIMIT].rstrip(" ,;:-–—") + "…"


def _when(start: str | None, end: str | None, precision: str | None) -> str:
    try:
        return _date_label(start, end, precision)
    except (TypeError, ValueError):  # fields from elsewhere that are not ISO dates: show them as they are
        return " – ".join(str(d) for d in (start, end) if d) or "undated"


def _date_label(start: str | None, end: str | None, precision: str | None) -> str:
    if not start:
        return "undated"
    first = date.fromisoformat(start)
    if precision == "month":
        label = f"{first:%B %Y}"
        return f"{label} – {date.fromisoformat(end):%B %Y}" if end else label
    if not end:
        return f"{first.day} {first:%B %Y}"
    last = date.fromisoformat(end)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
