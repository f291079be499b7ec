"""Finding calendar dates and date ranges in prose, normalised to ISO, years filled in from context."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

__all__ = [
    "DateMention",
    "a_year_earlier",
    "context_years",
    "find_dates",
    "in_year",
    "month_number",
]

_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]
_MONTH_ABBRS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
# Title case or all capitals only: lower-case "may" is a verb, "march" a walk.
_MONTH = "(?:" + "|".join(
    [*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES)]
    + [rf"{a}\.?" for a in _MONTH_ABBRS] + [rf"{a.upper()}\.?" for a in _MONTH_ABBRS]
) + r")(?![\w])"
_DAY = r"(?<![\d.,/:])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d]|[.,:/]\d)"
_YEAR = r"(?<![\d/])(?:19[5-9]\d|20[0-4]\d)(?![\d/])"
_TO = r"\s*(?:[-–—]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
_AND = r"\s*(?:\band\b|&)\s*"
_OF = r"(?:\s+of)?\s+"
_COMMA_YEAR = r",?\s+"
# "between 14 and 18 May" is a range; "on 2 and 3 July" only when the days are consecutive.
_BETWEEN = r"(?:(?P<between>\b[Bb]etween)\s+)?"
# "14 June 2021, 14:00 – 16 June 2021, 16:30": a clock time after a range's first day still leaves one range.
_TIME = r"(?:,?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?|\s*h)?)?"
# A clock time after "Feb 19" is a timestamp (a cable header), not a date in prose; "in May 12 victims
# were freed" is a count.
_NOT_TIME = (r"(?!\s*\d{1,2}:\d{2}|\s+(?:victims|people|persons|cases|children|women|men|girls|boys|"
             r"percent|per\s+cent|%|NGOs|officers|officials)\b)")
# The day/time group of a cable's routing line: "191637Z FEB 10".
_NOT_DTG = r"(?<!\d{6}Z\s)"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.format(D=_DAY, M=_MONTH, Y=_YEAR, TO=_TO, AND=_AND, OF=_OF, CY=_COMMA_YEAR,
                                     NT=_NOT_TIME, ND=_NOT_DTG, BT=_BETWEEN, T=_TIME))


# Each pattern with the places it can begin (see _candidates): a pattern that opens with a lookbehind or an
# optional group gives the regex engine no first character to skip ahead to, so `finditer` tries every offset
# of a long passage; trying it only where it can begin gives the same matches in a tenth of the time.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 31 May - 1 June 2018; 28 December 2018 to 3 January 2019
    (_p(r"{BT}(?P<d1>{D}){OF}(?P<m1>{M})(?:{CY}(?P<y1>{Y}))?{T}(?:{TO}|(?P<and>{AND}))"
        r"(?P<d2>{D}){OF}(?P<m2>{M})(?:{CY}(?P<y2>{Y}))?"), "between or day"),
    # 14-18 May 2018; 17 -21 September; 2 and 3 July; 2, 3 and 4 July
    (_p(r"{BT}(?P<d1>{D})(?P<list>(?:,\s*{D})+,?)?(?:{TO}|(?P<and>{AND}))(?P<d2>{D}){OF}(?P<m2>{M})"
        r"(?:{CY}(?P<y2>{Y}))?"), "between or day"),
    # 29 August 2017; 13 July
    (_p(r"(?P<d1>{D}){OF}(?P<m1>{M})(?:{CY}(?P<y1>{Y}))?"), "day"),
    # October 30 - November 2, 2009
    (_p(r"{BT}{ND}(?P<m1>{M})\s+(?P<d1>{D})(?:{CY}(?P<y1>{Y}))?{T}(?:{TO}|(?P<and>{AND}))"
        r"(?P<m2>{M})\s+(?P<d2>{D}){NT}(?:{CY}(?P<y2>{Y}))?"), "between or month"),
    # October 19-20, 2009; February 11-12; July 2 and 3
    (_p(r"{BT}{ND}(?P<m1>{M})\s+(?P<d1>{D})(?:{TO}|(?P<and>{AND}))(?P<d2>{D}){NT}(?:{CY}(?P<y2>{Y}))?"),
     "between or month"),
    # January 21, 2010; February 11
    (_p(r"{ND}(?P<m1>{M})\s+(?P<d1>{D}){NT}(?:{CY}(?P<y1>{Y}))?"), "month"),
    # 2018-05-14 (ISO) and 14.05.2018 (day first, as written in Europe); slashes are ambiguous, so left out
    (re.compile(r"(?<![\d/.-])(?P<ny>(?:19|20)\d\d)-(?P<nm>0[1-9]|1[0-2])-(?P<nd>0[1-9]|[12]\d|3[01])(?![\d-])"
                r"(?!\s*(?:T|\s)\d{1,2}:\d{2})"), "year"),
    # ... also with a space after each dot, as Central European texts write it: "18. 10. 2017"
    (re.compile(r"(?<![\d.])(?P<nd>0?[1-9]|[12]\d|3[01])\.(?P<sp>[ \u00a0]?)(?P<nm>0?[1-9]|1[0-2])\.(?P=sp)"
                r"(?P<ny>(?:19|20)\d\d)(?![\d]|\.\d)"), "dotted"),
    # March 2009; March-April 2019; between January and March 2019 (with "and" only after "between");
    # between April 2018 and December 2019; March 2017 to June 2018
    (_p(r"(?:(?P<between>\b[Bb]etween)\s+(?P<mm0>{M})(?:{CY}(?P<y0>{Y}))?{AND}|(?P<mm1>{M})(?:{CY}(?P<y1>{Y}))?{TO})?"
        r"(?P<m2>{M}){CY}(?P<y2>{Y})(?![-–]\d)"), "between or month"),
    # "in May", "in early June", "during the second half of March": a month without its year (_month_mention
    # keeps it only after such words); not "May 12", "March-April", "May 2010" (the patterns above)
    # nor "January and March 2019" (the year written once is March's; January is left out rather than misdated)
    (re.compile(rf"(?P<bare>{'|'.join(_MONTH_NAMES)})(?![\w-])(?!\.?[ \t]*\d)(?!,?\s+(?:19|20)\d\d)"
                rf"(?!,?\s*(?:and|or|&|to|until|through)\s+(?:{'|'.join(_MONTH_NAMES)}))"), "month"),
)
# What may come before a month named without its year for it to be a time ("in May"), not a name ("May Day").
_BARE_MONTH_LEAD = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?P<part>(?:early|late|mid)[- ]?|the\s+(?:beginning|end|middle|"
                              r"first\s+half|second\s+half|course)\s+of\s+)?$")
_ANY_MONTH = re.compile(_MONTH)
_MONTH_KEYS = tuple(m.lower()[:3] for m in _MONTH_NAMES)
_NUMBER = re.compile(r"\d+")
# Every pattern that begins with a number refuses a digit before it, so it begins a run of digits. The pattern
# opens with a character class so that the engine skips to the next digit by itself.
_DIGITS = re.compile(r"\d\d*")
# Every year begins "19" or "20". Two literals are far quicker for the engine to look for than "19|20" (which it
# can only skip ahead on by testing each character against a set), and neither can overlap itself.
_CENTURIES = (re.compile("19"), re.compile("20"))
_BETWEEN_WORD = re.compile(r"[Bb]etween")
_DOTTED_YEAR = re.compile(r"\.[ \u00a0]?(?:19|20)")  # where a dotted date may end: "14.05.2018", "18. 10. 2017"
_BLANK_LINE = re.compile(r"\n[ \t\r\f]*\n")
# A year, not an amount or a count: "2000 euros", "€2010", "2020 victims" are not years.
_BARE_YEAR = re.compile(r"(?<![\d/.\-–€$£])(?<!EUR )(?<!USD )(19[5-9]\d|20[0-4]\d)(?![\d/])"
                        r"(?!\s*(?:euros?|dollars|EUR|USD|€|%|percent|per cent|people|persons|victims|cases|"
                        r"children|women|men|officers|participants|students|hours|km|kilometres|members)\b)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or range found in text: offsets, ISO start (and end), precision, and where the year came from.

    `year_from` is None when the text gives the year, "context" when an earlier year in the text
    supplied it, "document" when the document's own date did.
    """

    start: int
    end: int
    first: str
    last: str | None = None
    precision: str = "day"
    year_from: str | None = None

    @property
    def year_inferred(self) -> bool:
        return self.year_from is not None


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation in any case ("Sept." -> 9)."""
    return _MONTH_KEYS.index(name.rstrip(".").lower()[:3]) + 1


def a_year_earlier(mention: DateMention) -> DateMention:
    """The same mention one year earlier (unchanged if that makes an impossible date, such as 29 February)."""
    return _moved(mention, -1, mention.year_from)


def in_year(mention: DateMention, year: int) -> DateMention:
    """The same mention moved to `year`, its end by as many years (unchanged if a date would be impossible)."""
    return _moved(mention, year - int(mention.first[:4]), "context")


def context_years(text: str, *, latest: int | None = None) -> list[tuple[int, int]]:
    """(offset, year) of every explicit year in `text`, the first of a range ("2018-2019") only.

    Years after `latest` are targets ("by 2030"), not the time the text speaks of, so they are left out.
    """
    out = []
    for m in _finditer(_BARE_YEAR, _year_starts(text), text):
        year = int(m.group(1))
        if latest is None or year <= latest:
            out.append((m.start(), year))
    return out


def find_dates(text: str, *, years: Sequence[tuple[int, int]] = (),
               default_year: int | None = None) -> list[DateMention]:
    """Every specific date, date range or month-and-year in `text`, in order.

    A date without a year takes the year of the nearest explicit year before it in the same paragraph
    (`years`: (offset, year) pairs, as from `context_years`), else `default_year`; without either it
    is skipped.
    """
    matches = _non_overlapping(_matches(text))
    if not matches:
        return []  # most passages
    years = sorted(years)
    out = []
    for m in matches:
        # The last year before the date is the nearest; a blank line after it lies after every earlier one too.
        before = bisect_left(years, m.start(), key=lambda y: y[0])
        context: tuple[str, int | None] = ("document", default_year)
        if before and not _BLANK_LINE.search(text, years[before - 1][0], m.start()):
            context = ("context", years[before - 1][1])
        mention = _mention(m, context)
        if mention is not None:
            out.append(mention)
    return out


def _matches(text: str) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` gives for each pattern in turn, trying each only where it can begin."""
    starts = _candidates(text)
    # Most passages name no month: then only the patterns that begin with a number can match.
    return [m for pattern, begins in _PATTERNS if begins in starts for m in _finditer(pattern, starts[begins], text)]


def _candidates(text: str) -> dict[str, Sequence[int]]:
    """The offsets where a pattern can begin, ascending, by what it begins with; no key, the pattern cannot match.

    "year": "19" or "20"; "dotted": a number, if a dot comes before a year ("14.05.2018"); "day": a number before
    the last month name (a day comes before its month); "month": a month name; "between or day" and "between or
    month": those, or the word "between".
    """
    starts: dict[str, Sequence[int]] = {"year": _year_starts(text)}
    months = _month_starts(text)
    dotted = _DOTTED_YEAR.search(text) is not None
    if not months and not dotted:
        return starts  # most passages: only an ISO date can be there
    numbers = [m.start() for m in _DIGITS.finditer(text)]
    if dotted:
        starts["dotted"] = numbers
    if months:
        days = numbers[:bisect_left(numbers, months[-1])]
        between = [m.start() for m in _BETWEEN_WORD.finditer(text)]
        starts.update({"day": days, "month": months, "between or day": sorted(between + days),
                       "between or month": sorted(between + months)})
    return starts


# context_years and find_dates look for the years of the same passage one after the other.
@lru_cache(maxsize=1)
def _year_starts(text: str) -> tuple[int, ...]:
    return tuple(sorted([m.start() for century in _CENTURIES for m in century.finditer(text)]))


def _month_starts(text: str) -> list[int]:
    # Search again from the next character rather than after the match, so that no offset where a month name
    # begins is missed, even inside another match.
    out = []
    pos = 0
    while (m := _ANY_MONTH.search(text, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def _finditer(pattern: re.Pattern[str], starts: Sequence[int], text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)` when the pattern can match only at `starts` (ascending).

    `finditer` takes the first offset where the pattern matches, then goes on from the end of that match;
    `match(text, pos)` at that offset gives the same match, as the pattern's lookbehinds still see the text
    before `pos` (none of the patterns uses `^`).
    """
    out: list[re.Match[str]] = []
    end = 0
    for pos in starts:
        if pos >= end and (m := pattern.match(text, pos)) is not None:
            out.append(m)
            end = m.end()
    return out


def _non_overlapping(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    chosen: list[re.Match[str]] = []
    for m in sorted(matches, key=lambda m: (-(m.end() - m.start()), m.start())):
        if all(m.end() <= c.start() or m.start() >= c.end() for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start())


def _mention(m: re.Match[str], context: tuple[str, int | None]) -> DateMention | None:
    g = m.groupdict()
    if g.get("ny"):
        iso = _iso(int(g["ny"]), int(g["nm"]), int(g["nd"]))
        return DateMention(m.start(), m.end(), iso) if iso else None
    if g.get("bare"):
        return _bare_month_mention(m, context)
    if g.get("d1") is None:
        return _month_mention(m)
    m2 = month_number(g["m2"]) if g.get("m2") else None
    m1 = month_number(g["m1"]) if g.get("m1") else m2
    d1 = _day(g["d1"])
    d2 = _day(g["d2"]) if g.get("d2") else None
    y1 = int(g["y1"]) if g.get("y1") else None
    y2 = int(g["y2"]) if g.get("y2") else None
    m2 = m2 or m1
    year_from: str | None = None
    if y1 is None and y2 is None:
        year_from, y1 = context
    if y1 is None and y2 is not None:  # "28 December - 3 January 2019": the start is in the year before
        y1 = y2 - 1 if d2 is not None and (m1, d1) > (m2, d2) else y2
    if y1 is None or m1 is None or m2 is None:
        return None
    if d2 is not None and y2 is None:
        y2 = y1 + 1 if (m1, d1) > (m2, d2) else y1
    start = _iso(y1, m1, d1)
    end = _iso(y2, m2, d2) if d2 is not None and y2 is not None else None
    if start is None or (d2 is not None and (end is None or end <= start)):
        return None
    listed = 2 + len(_NUMBER.findall(g.get("list") or ""))
    if g.get("and") and not g.get("between") and end is not None and _days_between(start, end) != listed - 1:
        end = None  # "on 2 and 9 July" names two days, not a range; the first is the one quoted
    return DateMention(m.start(), m.end(), start, end, "day", year_from)


def _month_mention(m: re.Match[str]) -> DateMention | None:
    year = int(m.group("y2"))
    last = month_number(m.group("m2"))
    named = m.group("mm0") or m.group("mm1")
    first = month_number(named) if named else last
    first_year = int(m.group("y0") or m.group("y1") or year)
    if (first_year, first) > (year, last):
        return None
    end = f"{year:04d}-{last:02d}-01" if (first_year, first) != (year, last) else None
    return DateMention(m.start(), m.end(), f"{first_year:04d}-{first:02d}-01", end, "month")


def _bare_month_mention(m: re.Match[str], context: tuple[str, int | None]) -> DateMention | None:
    year_from, year = context
    lead = _BARE_MONTH_LEAD.search(m.string, max(0, m.start() - 40), m.start())
    if year is None or lead is None:
        return None
    start = lead.start("part") if lead.group("part") else m.start()  # "late November" is the time named
    return DateMention(start, m.end(), f"{year:04d}-{month_number(m.group('bare')):02d}-01", None, "month", year_from)


def _day(text: str) -> int:
    return int(_NUMBER.match(text).group())  # type: ignore[union-attr]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _moved(mention: DateMention, years: int, year_from: str | None) -> DateMention:
    """`mention` moved by `years`, its end too, its year from `year_from` (unchanged if a date would be impossible)."""
    first = _shifted(mention.first, years)
    last = _shifted(mention.last, years) if mention.last else None
    if first is None or (mention.last and last is None):
        return mention
    return replace(mention, first=first, last=last, year_from=year_from)


def _shifted(iso: str, years: int) -> str | None:
    day = date.fromisoformat(iso)
    return _iso(day.year + years, day.month, day.day)


def _days_between(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days
