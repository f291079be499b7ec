"""Finding the ways to reach someone in text: emails, phone and fax numbers, social handles, postal addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

__all__ = ["Detail", "find_details", "is_detail_line"]

MIN_DIGITS = 7
MAX_DIGITS = 15
WHOLE_NUMBER_DIGITS = 9  # a number with this many digits is whole: a line after it does not go on with it
# Where two details overlap, the one whose kind comes first here is kept.
_RANK = {kind: i for i, kind in enumerate(("email", "web", "phone", "fax", "address", "handle"))}

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# "jane.doe [at] ngo [dot] org", "jane.doe(at)ngo.org": an email written so that robots miss it.
_MASKED_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*\s?[\[(]\s?at\s?[\])]\s?[A-Za-z0-9-]+"
                           r"(?:(?:\s?[\[(]\s?dot\s?[\])]\s?|\.)[A-Za-z0-9-]+)*(?:\s?[\[(]\s?dot\s?[\])]\s?|\.)"
                           r"[A-Za-z]{2,}\b", re.IGNORECASE)
# "33-1-4312-2000", "389-2-310-2000": a cable's number without + or label, counted only after a contact cue.
# It starts with the digit so that the regex engine skips to digits in C; the look-behind after that digit is
# "(?<![\w+./-])" before it.
_LOOSE_PHONE = re.compile(r"\d(?<![\w+./-]\d)\d{0,3}(?:[-.]\d{1,5}){2,4}(?![\w/-]|\.\d)")
_CONTACT_CUE = re.compile(r"\b(?:contact(?:ed)?|reach(?:ed)?|call(?:s|ed|ing)?|tel|phone|telephone|poc|e-?mail|fax|"
                          r"hot ?line|help ?line|tip ?line|phone ?line|free ?phone|toll-free)\b|@",
                          re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]", re.IGNORECASE)
# "@caro_charpTEH", not the domain of an email nor a word inside one.
# "@" first, so that the regex engine skips to it in C; the look-behind after it is "(?<![\w.@/])" before it.
_HANDLE = re.compile(r"@(?<![\w.@/]@)[A-Za-z0-9_]{2,30}\b(?!\.[A-Za-z]{2})(?!@)")
_LABEL = (r"(?P<label>\b(?:tel(?:ephone|ephones)?|phone|ph|mobile|mob|cell(?:phone)?|gsm|direct(?:\s+line)?|"
          r"call(?:[ \t]+us)?|dial|"  # "Victims may call 0800 123 456", "call us on 020 ..."
          r"switchboard|hot\s*line|help\s*line|tip\s*line|phone\s*line|free\s*phone|toll[- ]free|fax|facsimile|telefax|"
          r"t|f|m)\b\.?(?:\s*(?:number|no\.?))?"
          # "Hotline (free within Ukraine): 0 800 ...": a remark in brackets between the label and its colon
          r"(?:[ \t]*\((?=[^()\n]*[A-Za-z])[^()\n]{1,60}\)(?=[ \t]*:))?"
          r"\s*(?:[:.,]|\bat\b|\bon\b|\bis\b)?\s*"
          # "the national hotline (800 290 290)": a number alone in brackets after its label
          r"(?:\((?=[\d \t]{7,}\)))?)")
# A cable may wrap a number after its country or area code: "tel. (381)\n11-306-4611", "telephone (48)(22)\n504-2381".
# Elsewhere too, a cable wraps a number: "reached at 0030 22\n456789"; _unwrapped keeps only what goes on with it.
_WRAP = r"[ \t]*\n(?=[ \t]*[\d(])[ \t]*"
# (a country code in brackets may hold the area code too: "(+374 10) 58 56 92")
_NUMBER = (r"(?P<num>(?:\+|00)?\s?(?:\(\s?\+?\d{1,4}(?:[ \t]\d{1,4})?\s?\)[ \t]*\n?[ \t]*){0,2}"
           r"\d[\d \t().\-/\n]{4,24}\d)")
# The look-ahead names the letters a label can start with; a quick test of one character where most positions fail.
_LABELLED_PHONE = re.compile(r"(?=[cdfghmpst])" + _LABEL + _NUMBER, re.IGNORECASE)
# Without a label, only a number in international form: "+33 1 43 12 26 14", "(33)1-4312-2614", "0033 1 ...".
# The look-ahead names the characters such a number starts with, as for _LABELLED_PHONE.
_INTERNATIONAL = re.compile(r"(?=[+(0])(?<![\w+])(?P<num>(?:\+\s?\d{1,4}|\(\s?\+?\d{1,4}\s?\)|"
                            r"\(\s?\+\d{1,4}[ \t]\d{1,4}\s?\)|00\d{2})"
                            rf"(?:[ \t.\-/]|{_WRAP})?(?:\(\s?\d{{1,4}}\s?\)(?:[ \t.\-]|{_WRAP})?)?"
                            r"\d[\d \t.\-/\n]{4,20}\d)")
# "19:36:00 +0100 2010": a time zone after a clock time, not a telephone number.
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*$")
# "Freephone", "fax:", "f.": whether a label names a fax line.
_FAX_LABEL = re.compile(r"(?:fax|facsimile|telefax|f)\b")
# "1-866-347-2423": a long-distance number in North American form is a telephone number without a cue.
_NORTH_AMERICAN = re.compile(r"1-\d{3}-\d{3}-\d{4}")
_ONE_LETTER = re.compile(r"^[tfm]\b", re.IGNORECASE)
# "12 rue de Rivoli": a street word in lower case, then the street's name; "3 street children" is no address.
_STREET_WORDS = (r"(?:rue|avenue|av\.|boulevard|bd|place|quai|allée|chemin|impasse|cours|via|viale|piazza|calle|"
                 r"avenida|rua|ulica|ul\.)[ \t]+(?:(?:de|du|des|la|le|del|della|di|da|do|dos)[ \t]+|l['’]|d['’])*"
                 r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|di|del)[ \t]+)?[A-Z][\w'’-]*){0,3}")
# What follows the house number in a street that starts with one: "12 rue de Rivoli", "2201 C Street NW".
_AFTER_HOUSE_NUMBER = (
    r"[a-zA-Z]?(?:-\d{1,5})?,?[ \t]+(?:(?:bis|ter)[ \t]+)?" + _STREET_WORDS,
    r"[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|"
    r"Lane|Drive|Way|Square|Place|Terrace|Court|Parkway|Row|Plaza)(?![\w])(?:[ \t]+(?:NW|NE|SW|SE))?\b",
)
_STREET_SUFFIXES = "straße strasse platz gasse weg allee ring damm laan gracht straat vej gatan gade utca".split()
_STREET_NOUNS = ("Straße Strasse Str. Platz Gasse Weg Allee Ring Laan Straat "
                 "iela cesta ulica utca út gatvė gatve").split()  # "Brīvības iela 5", "Slovenska cesta 5"
_FIRST_STREET_WORDS = ("Rue Avenue Boulevard Via Calle Piazza Plaza Ulica Avenida Rua Quai "
                       "Rruga Strada Bulevardul Bulevar Aleja Calea Ulitsa").split()
# Streets that start with a word: "Friedrichstraße 12", "Kärntner Ring 5", "Rue de la Loi 200", "P.O. Box 12".
_WORD_FIRST = (
    rf"[A-Z][\w-]*(?:{'|'.join(_STREET_SUFFIXES)})[ \t]+\d{{1,5}}[a-z]?(?:/\d{{1,4}}[a-z]?)?\b",  # "...gasse 15/4"
    rf"[A-Z][\w-]*[ \t]+(?:{'|'.join(map(re.escape, _STREET_NOUNS))})[ \t]+\d{{1,5}}[a-z]?(?:/\d{{1,4}}[a-z]?)?\b",
    rf"(?:{'|'.join(_FIRST_STREET_WORDS)})[ \t]+[^\n,;.]{{2,40}}?,?[ \t]*\d{{1,5}}\b",
    r"(?:P\.?[ \t]?O\.?[ \t]+Box|B\.P\.|Postfach|Case[ \t]+postale)[ \t]+\d+",
)
_BOX_WORDS = "Box B.P. Postfach postale".split()  # the words just before the number in _WORD_FIRST's last form
_STREET = re.compile("(?:" + "|".join([*(rf"\b\d{{1,5}}{after}" for after in _AFTER_HOUSE_NUMBER),
                                       *(rf"\b{street}" for street in _WORD_FIRST)]) + ")")
# _STREET without _WORD_FIRST, for text where no such street can be (see _streets). It starts with the digit so that
# the regex engine skips to digits in C; "(?<!\w.)" after that digit is the "\b" before it. Trying both forms for
# each length of \d{1,5} finds what _STREET does, which tries each form for every length: only the whole run of
# digits can be followed by what a form needs next (a letter, "-", "," or a space).
_NUMBERED_STREET = re.compile(rf"\d(?<!\w.)\d{{0,4}}(?:{'|'.join(_AFTER_HOUSE_NUMBER)})")
# In every street of _WORD_FIRST's first, second and last forms, a number follows a space or tab that follows one
# of these words or another space or tab. A look-behind must have one width, hence one per length of word.
_WORD_BEFORE_NUMBER = re.compile(r"\d(?:(?<=[ \t]{2}\d)|" + "|".join(
    rf"(?<=(?:{'|'.join(map(re.escape, words))})[ \t]\d)"
    for _, words in groupby(sorted([*_STREET_SUFFIXES, *_STREET_NOUNS, *_BOX_WORDS], key=len), key=len)) + ")")
# Every street of _WORD_FIRST's third form starts with one of _FIRST_STREET_WORDS and a space or tab.
_FIRST_STREET_WORD = re.compile(rf"(?:{'|'.join(_FIRST_STREET_WORDS)})[ \t]")
# A line with a house number, above a line that starts with a postcode: "Bulevardul Unirii 12\n030167 Bucharest".
_STREET_LINE = re.compile(r"^[ \t]*(?=[^\n]{4,60}\n)(?:\d{1,5}[a-z]?,?[ \t]+[A-Z][\w.'’-]+(?:[ \t]+[\w.'’-]+){0,4}|"
                          r"[A-Z][\w.'’-]+(?:[ \t]+[\w.'’-]+){0,4}?[ \t]+\d{1,5}[a-z]?)(?:,[ \t]*[\w .'’-]{1,30})?"
                          r"(?=[ \t]*\n[ \t]*(?:[A-Z]{1,2}-)?\d{4,6}[ \t]+[A-Z])", re.MULTILINE)
# A line of postcode and city alone, as in a letterhead: "F-67075 Strasbourg Cedex"; not "2010 Annual Report".
_POSTCODE_LINE = re.compile(r"^[ \t]*(?:[A-Z]{1,2}-\d{4,6}|\d{5,6}|(?!19|20)\d{4})[ \t]+[A-Z][\w'’-]+"
                            r"(?:[ \t-]+[A-Z][\w'’-]+)?(?:[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?)?[ \t]*$", re.MULTILINE)
# "Kralja Milana 22, 11000 Belgrade": a house number after the street's name, then a comma and the postcode and city.
# The number is found first (the regex engine skips to digits in C); the street's name is sought before it after.
# The comma is sought (a literal first lets the engine skip to it in C); the house number is read back from it.
# "ul. Miodowa 10, 00-251 Warsaw", "Grosslingova 4, 811 09 Bratislava": Polish and Czech/Slovak postcodes as well.
_POSTCODE_AFTER_NUMBER = re.compile(r",(?:(?<=\d,)|(?<=\d[a-z],))[ \t]*\n?[ \t]*(?:[A-Z]{1,2}-)?"
                                    r"(?:\d{5,6}|(?!19|20)\d{4}|\d\d-\d{3}|\d{3}[ \t]\d\d)[ \t]+[A-Z]")
_HOUSE_NUMBER_END = re.compile(r"(?<!\w)\d{1,5}[a-z]?$")
HOUSE_NUMBER_CHARS = 7
# The street's name: capitalised words, maybe a short particle ("Zmaja od Bosne"), first on its line or after a mark.
# A street's abbreviated word may come first in lower case: "ul. Miodowa 10", "al. Jerozolimskie 12"; or a Spanish
# "C/" (calle): "C/ Mayor 5".
_STREET_NAME_BEFORE = re.compile(r"(?:^|(?<=[\n,;:·|—–(]))[ \t]*(?P<street>(?:[a-z]{1,4}\.[ \t]+|[A-Z]/[ \t]*)?"
                                 r"[A-Z][\w'’.-]+(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?"
                                 r"[A-Z][\w'’.-]+){0,3})[ \t]+$")
STREET_NAME_CHARS = 50
# What may follow a street, comma by comma or line by line: postcode, city, state, country.
_PLACE_PART = re.compile(
    r"(?:(?:(?:[A-Z]{1,2}-)?\d{4,6}[ \t]+|\d\d-\d{3}[ \t]+|\d{3}[ \t]\d\d[ \t]+)?(?:[A-Z][\w'’-]+|[A-Z]\.[A-Z]\.)"
    r"(?:[ \t-]+(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}\b|[A-Z][\w'’-]+|[A-Z]{2}|"  # "London WC1H 9HX"
    r"[A-Z](?=[ \t]*(?:$|[\n,·|]))))"  # a district's letter at the end: "1652 København V"
    r"{0,2}(?:[ \t]+\d{4,6}(?:-\d{4})?|[ \t]+\d{1,2}\b(?![.,]\d))?"  # a zip code or a district: "Dublin 2"
    r"|(?:[A-Z]{1,2}-)?\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})"
    r"(?:[ \t]*\([A-Z][\w ]+\))?")
_CEDEX = re.compile(r"[ \t]+CEDEX(?:[ \t]+\d{1,2})?", re.IGNORECASE)
_PLACE_LINE = re.compile(rf"{_PLACE_PART.pattern}(?:[ \t]*,[ \t]*{_PLACE_PART.pattern})*(?:{_CEDEX.pattern})?")
_COUNTRY_FIRST_WORDS = frozenset("United New South North Czech Saudi Sri Costa El Ivory Bosnia Sierra Burkina "
                                 "Puerto Hong San Cape Dominican Central The".split())
# Cheap anchors that every match of a costly pattern contains: most passages reach no one, and skipping a pattern
# whose anchor is absent saves its scan without changing what is found.
# "\d[\d \t().-/]{4,24}\d" ends every labelled or international number; a loose number of 9+ digits has one too.
_PHONE_DIGITS = re.compile(r"\d[\d \t().\-/]{4,24}\d")
_POSTCODE_AFTER_NEWLINE = re.compile(r"\n[ \t]*(?:[A-Z]{1,2}-)?\d{4,6}[ \t]+[A-Z]")
# In lower-cased text, every written-out email has "at" and a closing bracket: lower() keeps brackets and white
# space, and under IGNORECASE only "a", "A", "t" and "T" match "a" and "t". A literal first is found fast.
_MASKED_AT = re.compile(r"at\s?[\])]")
# Whether the phone and numbered-street patterns can find anything, in one scan: each of these three starts with a
# digit, which the regex engine moves out of the alternatives and skips to in C. Few passages have any of them.
_NUMBER_CUES = re.compile("|".join(p.pattern for p in (_PHONE_DIGITS, _WORD_BEFORE_NUMBER, _NUMBERED_STREET)))
_LINE_LABELS = re.compile(r"\b(?:e-?mail|mail|courriel|tel(?:ephone)?|phone|fax|mobile|twitter|x|instagram|"
                          r"facebook|linkedin|web(?:site)?|address|adresse|ivg|t|f|m|e|w)\b\.?|[:|/,;•·()\-–]",
                          re.IGNORECASE)
# "+352 46-01-23, ext. 2240": an extension goes with the number before it.
EXTENSION_LEAD_CHARS = len(", \n(ext")
# (a cable may wrap the line before it: "tel. 977-1-400-7200\next. 4417")
_EXTENSION = re.compile(r",?[ \t]*\n?[ \t]*\(?(?:ext|extn|extension)\.?[ \t]*\d{1,6}\b\)?", re.IGNORECASE)
# "258 5975/76/77/79": last digits after slashes, each shorter than the group before, are alternatives of that group.
_ALTERNATIVES = re.compile(r"(?P<group>\d+)(?P<alts>(?:/\d{1,3})+)$")
# "Guardianship Service – 078 15 43 24", "Payoke: 03 201 16 90, admin@...", "Payoke | Antwerp | 03 201 16 90": a
# national number (trunk prefix 0, in groups) after a line's opening name and a dash, colon or table's bar, at the
# line's end or before a comma, semicolon or bar; a count, a sum or a span of years has no leading 0 or no groups.
_DASHED_NUMBER = re.compile(r"^[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?(?P<name>[A-Z][^\n:–—]{0,60}?)"
                            r"(?:[ \t]+[–—|-]|[ \t]*:)[ \t]+(?P<num>0\d{0,4}(?:[ \t./-]\d{2,5}){1,5})"
                            r"(?=[ \t]*(?:$|[,;|]|\([^()\n]{1,40}\)[ \t]*$))", re.MULTILINE)  # "... 335 (free)"
# In every match of _DASHED_NUMBER; most passages have no white space before a 0, a test far faster than either.
_DASH_OR_COLON_ZERO = re.compile(r"[:–—|-][ \t]+0")
# "Payoke can be reached at 03 201 16 90", "contacted on 081 ...": a national number (trunk prefix 0) after the verb.
_REACHED_AT = re.compile(r"\b(?:reached|contacted)[ \t]+(?:at|on)[ \t]+(?P<num>0\d{0,4}(?:[ \t./-]\d{2,4}){1,5})\b")
# "National hotline 1300", "Hotline: 116 006": a short number (3 to 6 digits) right after a hotline's word, the only
# place such a number is a telephone's. Not a year, not a count ("hotline 1300 calls"), not a longer number's start.
SHORT_NUMBER_CHARS = len(" 116 000 ")
SHORT_LIST_CHARS = 60  # how far before a hotline's word a list line's short number and dash may be
_SERVICE_HEADS = ("hot", "help", "tip", "hot ", "help ", "tip ")  # what comes before "line" in a hotline's word
# "the 1300 hotline", "the 116 000 helpline": a short number just before the word.
_SHORT_NUMBER_BEFORE = re.compile(r"(?<![\w,.+-])(?P<num>(?!(?:19|20)\d\d\b)(?:\d{3}[ \t]\d{3}|\d{3,6}))[ \t]+$")
# "1547 – Hotline for victims of trafficking;", "527- National Hotline ...": a list line that opens with a short number,
# a dash and the hotline's name (a few capitalised words before its word).
_SHORT_NUMBER_LEADS = re.compile(r"^[ \t]*(?:[*•][ \t]+)?(?P<num>(?!(?:19|20)\d\d\b)\d{3,6})[ \t]*[–—-][ \t]*"
                                 r"(?:[A-Z][\w'’-]*[ \t]+){0,4}$", re.MULTILINE)
# "24-hour line for victims (APRAMP): 609 589 479": what follows a round-the-clock line's word up to its number, only
# after a colon.
_HOUR_LINE_NUMBER = re.compile(r"(?:[ \t]+(?:for|against|on)[ \t]+[^\n():;.]{1,40}?)?(?:[ \t]*\([^()\n]{1,40}\))?"
                               r"[ \t]*:[ \t]*(?P<num>\+?\d[\d \t]{5,16}\d)\b")
# What follows a hotline's word up to the end of its short number.
_SHORT_SERVICE_NUMBER = re.compile(r"(?:[ \t]+(?:number|no\.))?(?:[ \t]*:|[ \t]+(?:is|on|at))?"
                                   r"[ \t]+(?P<num>(?!(?:19|20)\d\d\b)(?:\d{3}[ \t]\d{3}|\d{3,6}))"
                                   r"(?![\w.,/-]\d|[ \t]*\d|\w|[ \t]+(?:calls|victims|cases|people|persons|reports|"
                                   r"times|contacts|messages|callers|requests|enquiries|inquiries|referrals|women|men|"
                                   r"children)\b)",
                                   re.IGNORECASE)
# "the Federal Police hotline for human trafficking (0800 123 123)": a national number alone in brackets a few words
# after a hotline's word (right after it, _LABELLED_PHONE finds it).
_BRACKETED_AFTER_SERVICE = re.compile(r"\b[^()\n.;:]{1,40}?[ \t]\((?P<num>0\d{1,4}(?:[ \t./-]\d{2,4}){1,4})\)")
# "The free national hotline for victims, run by the Red Cross, is 0800 77 99": a national number (trunk prefix 0, in
# groups) after "is", "on" or "at" a few words after a hotline's word, in the same sentence (a line may wrap there).
_NATIONAL_AFTER_SERVICE = re.compile(r"\b[^().;:]{1,60}?[ \t](?:is|on|at)[ \t]+"
                                     r"(?P<num>0\d{1,4}(?:[ \t./-]\d{2,4}){1,4})\b(?![ \t]*\d|[.,/-]\d)")
# "call the Foreigners Communication Centre YIMER on 157, ...": a three-digit number (or "116 000") after "call", an
# office's capitalised name and "on", before a mark; never a longer bare number.
_CALL_OFFICE_ON = re.compile(r"\bcall[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t\n]+(?:[A-Z][\w'’-]*|of|for|the|and)){0,7}"
                             r"[ \t\n]+on[ \t]+(?P<num>\d{3}(?:[ \t]\d{3})?)(?=[ \t]*(?:[,.;)]|$))", re.MULTILINE)
_ON_SHORT = re.compile(r" on[ \t]+\d{3}\b")  # in every match of _CALL_OFFICE_ON; far cheaper, and rare
# The last group of a whole number that a line break cut off, and what follows it: a mark or the line's end.
_LAST_GROUP = re.compile(r"[ \t]*(?!(?:19|20)\d\d$)\d{3,4}")
_GROUP_END = re.compile(r"[ \t]*(?:[.,;)]|\n|$)")
_SPACED_DATE = re.compile(r"\d{1,2}[ \t]\d{1,2}[ \t](?:19|20)\d\d")  # "Annex 2 – 01 02 2019": a date
# Labels before a colon that number something else: "Reference: 0123 456 789", "Case no.: 02 2019 1234".
_NUMBERING_LABEL = re.compile(r"(?i:.*\b(?:ref(?:erence)?|case|file|no|nr|number|id|account|iban|bic|code|"
                              r"registration|invoice|order|period|date|postcode|zip|vat|page|pages|fig|table)\b\.?)")
# "Rue Rouveroy 2 4000 Liège": after a street's house number, the postcode and town on the same line without a comma.
_POSTCODE_SAME_LINE = re.compile(r"(?<=\d)[ \t]+(?:[A-Z]{1,2}-)?\d{4,5}[ \t]+[A-Z][\w'’-]+"
                                 r"(?:[ \t-]+(?!(?:Tel|Tél|Phone|Fax|E-?mail|Mobile|GSM|Cedex)\b)[A-Z][\w'’-]+)?")
# Patterns of the helpers below, compiled once rather than looked up in re's cache on every call.
_WORD = re.compile(r"\w{2,}")
_REMARK = re.compile(r"\([^()\n]{0,40}\)")
_NON_DIGIT = re.compile(r"\D")
_IVG_BEFORE = re.compile(r"\bIVG\s*$")
_YEAR_FIRST = re.compile(r"(?:19|20)\d\d\b")
_LOWER_WORD = re.compile(r"[a-z]+")
_DATE_LIKE = re.compile(r"(?:19|20)\d\d\s*[-/]\s*(?:19|20)?\d\d|\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d")
_COMMA = re.compile(r"[ \t]*,[ \t]*\n?[ \t]*")  # a cable may wrap an address after a comma
_PROSE_GOES_ON = re.compile(r"[ \t]+[a-z]")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_DIGIT = re.compile(r"\d")
_WRITTEN_AT = re.compile(r"\s*[\[(]\s*at\s*[\])]\s*", re.IGNORECASE)
_WRITTEN_DOT = re.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", re.IGNORECASE)
_PROSE_MARK = re.compile(r"[.:;,]|\b[a-z]{4,}\b")
_SEPARATORS = "·|•"
# A numbered floor, suite or building before the street, after its line's label if any: "Address: 3rd Floor, ",
# "Suite 200, "; not an office's unit ("Safe Return Unit Accra, ").
_BUILDING = re.compile(r"(?:^|:)[ \t]*(?P<part>(?=[^,\d]*\d)(?:[\w.'’-]+[ \t]+){0,3}(?:Floor|Suite|Room|"
                       r"Building|Bldg\.?|Unit|Flat|Apt\.?|Apartment|Level|Block|Tower|Wing)"
                       r"(?:[ \t]+[\w.-]+)?,[ \t]*)$", re.IGNORECASE)
_BRACKETED = re.compile(r"\(.*?\)")


@dataclass(frozen=True, slots=True)
class Detail:
    """A way to reach someone: kind ("email", "phone", "fax", "handle", "address", "web"), its text and offsets."""

    kind: str
    value: str
    start: int
    end: int


def find_details(text: str) -> list[Detail]:
    """Every email, phone or fax number, handle, postal address and web address in `text`, in order."""
    lowered = text.lower()
    numbers = _NUMBER_CUES.search(text) is not None
    found = [*_emails(text, lowered), *(_phones(text) if numbers else []), *_short_numbers(text, lowered),
             *_called_on(text, lowered), *_handles(text), *_addresses(text, numbers=numbers), *_urls(text, lowered)]
    chosen: list[Detail] = []
    for d in sorted(found, key=lambda d: (_RANK[d.kind], d.start)):
        if all(d.end <= c.start or d.start >= c.end for c in chosen):
            chosen.append(d)
    return sorted(chosen, key=lambda d: d.start)


def is_detail_line(line: str, details: list[Detail], offset: int, *, most_words: int = 1) -> bool:
    """Whether a line is made of contact details and their labels ("Tel: +33 1 ...", "@handle", an address).

    At most `most_words` other words may be on it ("Esperanto: Tel. ..." has one; a bare "Tel.: ..." none).
    """
    rest = line
    for d in sorted(details, key=lambda d: -d.start):
        a, b = max(d.start - offset, 0), min(d.end - offset, len(line))
        if b > a:
            rest = rest[:a] + " " + rest[b:]
    if rest == line:
        return False
    # "Hotline: 0 800 77777 (toll-free in Moldova)": a remark in brackets after a detail is not prose.
    return len(_WORD.findall(_LINE_LABELS.sub(" ", _REMARK.sub(" ", rest)))) <= most_words


def _emails(text: str, lowered: str) -> list[Detail]:
    found: list[Detail] = []
    if "@" in text:
        # An email's "@" is the first after its start, with no newline between: none starts before the first "@"'s line.
        line_start = text.rfind("\n", 0, text.index("@")) + 1
        found += [Detail("email", m.group(), m.start(), m.end()) for m in _EMAIL.finditer(text, line_start)]
    if _MASKED_AT.search(lowered):
        found += [Detail("email", _unmasked(m.group()), m.start(), m.end()) for m in _MASKED_EMAIL.finditer(text)]
    return found


def _unmasked(written: str) -> str:
    return _WRITTEN_DOT.sub(".", _WRITTEN_AT.sub("@", written))


def _urls(text: str, lowered: str) -> list[Detail]:
    # Under IGNORECASE only "w" and "W" match "w", so the lower-cased text holds "www." whenever the pattern does.
    if "://" not in text and "www." not in lowered:
        return []
    return [Detail("web", m.group(), m.start(), m.end()) for m in _URL.finditer(text) if "@" not in m.group()]


def _handles(text: str) -> list[Detail]:
    if "@" not in text:
        return []
    return [Detail("handle", m.group(), m.start(), m.end()) for m in _HANDLE.finditer(text)
            if not m.group()[1:].isdigit()]


def _phones(text: str) -> list[Detail]:
    out: list[Detail] = []
    if not _PHONE_DIGITS.search(text):
        return out
    for m in _LABELLED_PHONE.finditer(text):
        label = m.group("label").strip().lower()
        if _ONE_LETTER.match(label) and ":" not in label and "." not in label:
            continue  # "t 12" is not a telephone label; "T: +44 ..." is
        number = _trim_number(m.group("num"), text[m.end("num"):m.end("num") + 2])
        if _plausible(number):
            kind = "fax" if _FAX_LABEL.match(label) else "phone"
            out.append(_number(text, kind, m.start("num"), number))
    for m in _LOOSE_PHONE.finditer(text):
        digits = _NON_DIGIT.sub("", m.group())
        before = text[max(0, m.start() - 80):m.start()]
        if len(digits) >= 9 and (_NORTH_AMERICAN.fullmatch(m.group()) or _CONTACT_CUE.search(before)) \
                and not _IVG_BEFORE.search(before) and not _YEAR_FIRST.match(m.group()):
            out.append(_number(text, _kind_before(text, m.start()), m.start(), m.group()))
    for m in _INTERNATIONAL.finditer(text):
        number = _trim_number(m.group("num"), text[m.end("num"):m.end("num") + 2])
        if _plausible(number) and not _CLOCK.search(text, max(0, m.start() - 12), m.start()):
            out.append(_number(text, _kind_before(text, m.start()), m.start(), number))
    if "ed at 0" in text or "ed on 0" in text:
        for m in _REACHED_AT.finditer(text):
            if _plausible(m.group("num")):
                out.append(_number(text, "phone", m.start("num"), m.group("num")))
    if (" 0" in text or "\t0" in text) and _DASH_OR_COLON_ZERO.search(text):
        for m in _DASHED_NUMBER.finditer(text):
            number = m.group("num")
            if _plausible(number) and not _NUMBERING_LABEL.fullmatch(m.group("name")) and \
                    not _SPACED_DATE.fullmatch(number):
                out.append(_number(text, "phone", m.start("num"), number))
    return out


def _short_numbers(text: str, lowered: str) -> list[Detail]:
    """Short numbers after (or just before) a hotline's word; "line" is found first (str.find is fast), then the word
    it ends. Most passages of reports on trafficking name a hotline: the checks are cheapest first."""
    at = lowered.find("line")
    if at < 0:
        return []
    if len(lowered) != len(text):  # lower() lengthened a letter ("İ"): offsets in `lowered` are not `text`'s
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found: list[Detail] = []
    while at >= 0:
        head = lowered[max(0, at - 5):at]
        if head[-1:] in ("t", "p", " "):  # "deadline", "online": no hotline's word
            word = next((w for w in _SERVICE_HEADS if head.endswith(w)), None)
            start = at - len(word) if word is not None else 0
            if word is not None and not (start and lowered[start - 1].isalnum()):
                m = _SHORT_SERVICE_NUMBER.match(text, at + 4)
                if m is None and text[start - 2:start - 1].isdigit():
                    m = _SHORT_NUMBER_BEFORE.search(text, max(0, start - SHORT_NUMBER_CHARS), start)
                if m is None and any(c in text[max(0, start - SHORT_LIST_CHARS):start] for c in "-–—"):
                    m = _SHORT_NUMBER_LEADS.match(text, text.rfind("\n", 0, start) + 1, start)
                if m is None:
                    m = _BRACKETED_AFTER_SERVICE.match(text, at + 4) or _NATIONAL_AFTER_SERVICE.match(text, at + 4)
                    m = m if m and _plausible(m.group("num")) else None
                if m:
                    found.append(Detail("phone", " ".join(m.group("num").split()), m.start("num"), m.end("num")))
            elif head.endswith(("hour ", "24h ")):  # "24-hour line for victims (APRAMP): 609 589 479"
                m = _HOUR_LINE_NUMBER.match(text, at + 4)
                if m and _plausible(m.group("num")):
                    found.append(Detail("phone", " ".join(m.group("num").split()), m.start("num"), m.end("num")))
        at = lowered.find("line", at + 4)
    return found


def _called_on(text: str, lowered: str) -> list[Detail]:
    """Short numbers after "call" and an office's name and "on" (see _CALL_OFFICE_ON); "call" is found first."""
    if "call " not in lowered or _ON_SHORT.search(text) is None:
        return []
    return [Detail("phone", " ".join(m.group("num").split()), m.start("num"), m.end("num"))
            for m in _CALL_OFFICE_ON.finditer(text)]


def _number(text: str, kind: str, start: int, number: str) -> Detail:
    """A telephone or fax number's detail, with its extension if one follows ("+352 46-01-23, ext. 2240")."""
    end = start + len(number)
    near = text[end:end + EXTENSION_LEAD_CHARS]  # "xt" is in every extension's word, near its number's end
    ext = _EXTENSION.match(text, end) if "xt" in near or "XT" in near else None
    if ext:
        stop = ext.end() - (ext.group().endswith(")") and "(" not in ext.group())  # "(tel. ... ext. 2241)"
        return Detail(kind, " ".join(text[start:stop].split()), start, stop)
    return Detail(kind, " ".join(number.split()), start, end)


def _kind_before(text: str, at: int) -> str:
    before = text[max(0, at - 25):at].lower()
    words = _LOWER_WORD.findall(before)
    fax_at = max((i for i, w in enumerate(words) if w in ("fax", "facsimile", "telefax")), default=-1)
    tel_at = max((i for i, w in enumerate(words) if w.startswith(("tel", "phone", "mobile", "cell"))), default=-1)
    return "fax" if fax_at > tel_at else "phone"


def _trim_number(number: str, following: str) -> str:
    number = _unwrapped(number, following).strip(" \t.-/")
    alternatives = _ALTERNATIVES.search(number) if "/" in number else None
    if alternatives and all(len(alt) < len(alternatives.group("group"))
                            for alt in alternatives.group("alts")[1:].split("/")):
        number = number[:alternatives.start("alts")]
    if number.count("(") != number.count(")"):
        number = number.rstrip("( \t")
        if number.count("(") > number.count(")"):
            number = number[:number.rfind("(")].rstrip(" \t.-/") if not number.startswith("(") else number
    return number


def _unwrapped(number: str, following: str) -> str:
    """A number wrapped onto the next line goes on there while it is short of a whole number's digits: "0030 22"
    and "456789" are one number; "+32 2 555 12 12" and the "2019" that opens the next line are not. A whole number goes
    on only with a last group alone before a mark or the line's end: "fax +381 11 3098" / "214." (`following` is
    what follows the match)."""
    head, newline, tail = number.partition("\n")
    if not newline:
        return head
    if len(_NON_DIGIT.sub("", head)) < WHOLE_NUMBER_DIGITS:
        return head + newline + tail.partition("\n")[0]
    if _LAST_GROUP.fullmatch(tail) and _GROUP_END.match(following) and \
            len(_NON_DIGIT.sub("", head + tail)) <= MAX_DIGITS:
        return head + newline + tail
    return head


def _plausible(number: str) -> bool:
    digits = _NON_DIGIT.sub("", number)
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return False
    # A date or a range of years is not a telephone number: "2015-2017", "12.05.2018".
    return not _DATE_LIKE.fullmatch(number)


def _addresses(text: str, *, numbers: bool) -> list[Detail]:
    out: list[Detail] = []
    for m in _streets(text, numbers=numbers):
        out.append(_address(text, _address_start(text, m.start()), _address_end(text, m.end())))
    for m in _POSTCODE_AFTER_NUMBER.finditer(text) if numbers else ():
        house = _HOUSE_NUMBER_END.search(text, max(0, m.start() - HOUSE_NUMBER_CHARS), m.start())
        street = house and _STREET_NAME_BEFORE.search(text, max(0, house.start() - STREET_NAME_CHARS), house.start())
        if street:
            start, end = street.start("street"), _address_end(text, m.start())
            out.append(_address(text, start, end))
    # Both line patterns need a line that starts with a postcode (the first line of text only for _POSTCODE_LINE);
    # most passages have none, and this search is far cheaper than theirs.
    postcode_line = _POSTCODE_AFTER_NEWLINE.search(text) is not None
    for m in _POSTCODE_LINE.finditer(text) if postcode_line or _POSTCODE_LINE.match(text) else ():
        end = _address_end(text, m.end(), postcode=True)
        out.append(_address(text, m.start(), end))
    for m in _STREET_LINE.finditer(text) if postcode_line else ():
        end = _address_end(text, m.end())
        out.append(_address(text, m.start(), end))
    return out


def _address(text: str, start: int, end: int) -> Detail:
    return Detail("address", " ".join(text[start:end].split()), start, end)


def _streets(text: str, *, numbers: bool) -> Iterator[re.Match[str]]:
    """_STREET's matches, found by cheaper scans where some of its forms cannot match.

    Without `numbers` (see _NUMBER_CUES), only a street that starts with one of _FIRST_STREET_WORDS can be in the text;
    without those words and words before a number, only streets that start with a house number (_NUMBERED_STREET).
    """
    if _FIRST_STREET_WORD.search(text) or numbers and _WORD_BEFORE_NUMBER.search(text):
        return _STREET.finditer(text)
    return _NUMBERED_STREET.finditer(text) if numbers else iter(())


def _address_start(text: str, street: int) -> int:
    """The line's start for a street on a line of its own (a building name may come first), else the street's."""
    line_start = text.rfind("\n", 0, street) + 1
    # "LEFÖ-IBF (Vienna) · Kettenbrückengasse 15/4": a separator ends what names the office, not the address
    line_start = max(line_start, *(text.rfind(mark, line_start, street) + 1 for mark in _SEPARATORS))
    head = text[line_start:street]
    if len(head) <= 40 and not _PROSE_MARK.search(head):
        return line_start
    building = _BUILDING.search(head) if "," in head else None  # "Address: 3rd Floor, 12 Tavistock Square"
    return line_start + building.start("part") if building else street


def _address_end(text: str, end: int, *, postcode: bool = False) -> int:
    """Where an address that starts with a street ends: after its postcode, city and country, by comma or line."""
    same_line = _POSTCODE_SAME_LINE.match(text, end)
    if same_line and not postcode:
        end, postcode = same_line.end(), True
    while True:
        cedex = _CEDEX.match(text, end)
        if cedex:
            end = cedex.end()
            continue
        comma = _COMMA.match(text, end)
        if comma:
            part = _PLACE_PART.match(text, comma.end())
            if part is None or _PROSE_GOES_ON.match(text, part.end()):
                return end  # ", where the minister ...": prose goes on
            postcode = postcode or bool(_DIGIT.search(part.group()))
            end = part.end()
            continue
        line = _next_line(text, end)
        if line is None:
            return end
        has_digits = bool(_DIGIT.search(text, line[0], line[1]))
        # A name on the next line starts the next contact; a country after the postcode does not.
        if not has_digits and not (postcode and _country_like(text[line[0]:line[1]])):
            return end
        postcode = postcode or has_digits
        end = line[1]


def _next_line(text: str, end: int) -> tuple[int, int] | None:
    """The next line when it is wholly postcode, city, state or country: "Washington, DC 20520"."""
    gap = _LINE_BREAK.match(text, end)
    if gap is None:
        return None
    a = gap.end()
    b = text.find("\n", a)
    b = len(text) if b < 0 else b
    line = text[a:b].rstrip()
    if not line or not _PLACE_LINE.fullmatch(line):
        return None
    return a, a + len(line)


def _country_like(written: str) -> bool:
    words = _BRACKETED.sub("", written).split()
    return len(words) == 1 or (len(words) == 2 and words[0] in _COUNTRY_FIRST_WORDS)
