"""Finding money amounts in prose: `€1,830,000`, `46,000 euros`, `two million euros`, `USD 2.5 million`, `£5m`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pycountry

__all__ = ["MoneyMention", "find_money", "format_amount"]

# Below this, a bare number on the line after a currency code is more likely a paragraph number than an amount.
SMALL_AFTER_BREAK = 100

# "kr. 450.000": a krone, Danish, Norwegian, Swedish or Icelandic; which one, the text around it says (_kroner).
_KRONE = "kr"
_KRONE_CODES = ("DKK", "NOK", "SEK", "ISK")
# Symbols and prefixes written before the number. Longest first so "US$" wins over "$".
_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₪": "ILS", "Rs.": "INR",
    "Rs": "INR", "Fr.": "CHF", "SFr.": "CHF", "NIS": "ILS", "Euros": "EUR", "Euro": "EUR", "EUROS": "EUR",
    "euros": "EUR", "kr.": _KRONE, "Kr.": _KRONE,
}
# ISO 4217: every current code (pycountry keeps the list), and the codes of currencies that documents of the
# 2000s still name (lev and kuna, litas, lats, kroon, tolar, the old lei and dinars, the euro area's old currencies).
# Left out: codes that are ordinary words in capitals next to a number ("TOP 10", "SOS 112"), and the codes of
# funds, metals and tests that no document pays in. "ALL" (the lek) counts only in capitals and with a number
# written like money ("ALL 15,000", "ALL 12.5 million"), not in "ALL 25 VICTIMS" (_mention).
_NOT_MONEY_CODES = frozenset("TOP CUP SOS BOB MOP SVC CHE CHW COU BOV CLF MXV USN UYI UYW XAD XAG XAU XBA XBB "
                             "XBC XBD XDR XPD XPT XSU XTS XUA XXX XCG".split())
_OLD_CODES = frozenset("BGN HRK LTL LVL EEK SKK SIT CYP MTL ROL BGL YUM CSD TRL DEM FRF ITL ESP NLG BEF ATS PTE GRD "
                       "IEP FIM LUF VEF BYR MRO STD ZWL GHC ZMK".split())
_CODES = frozenset(c.alpha_3 for c in pycountry.currencies) - _NOT_MONEY_CODES | _OLD_CODES
# Currency names written after the number; matched case-insensitively (all-capitals cables).
_NAMES: tuple[tuple[str, str], ...] = (
    (r"(?:US|U\.S\.|American)\s+dollars?", "USD"),
    (r"Canadian\s+dollars?", "CAD"), (r"Australian\s+dollars?", "AUD"), (r"New\s+Zealand\s+dollars?", "NZD"),
    (r"Hong\s+Kong\s+dollars?", "HKD"), (r"Singapore\s+dollars?", "SGD"),
    (r"Trinidad\s+and\s+Tobago\s+dollars?|TT\s+dollars?", "TTD"), (r"Jamaican\s+dollars?", "JMD"),
    (r"(?:New\s+)?Taiwan(?:ese)?\s+dollars?", "TWD"), (r"Namibian\s+dollars?", "NAD"), (r"Fijian\s+dollars?", "FJD"),
    (r"East(?:ern)?\s+Caribbean\s+dollars?", "XCD"), (r"(?:Barbados|Barbadian)\s+dollars?", "BBD"),
    (r"Bahamian\s+dollars?", "BSD"), (r"Belize\s+dollars?", "BZD"), (r"Guyan(?:ese|a)\s+dollars?", "GYD"),
    (r"Liberian\s+dollars?", "LRD"), (r"Zimbabwe(?:an)?\s+dollars?", "ZWL"), (r"dollars?", "USD"),
    (r"euros?", "EUR"), (r"pounds?\s+sterling", "GBP"), (r"Egyptian\s+pounds?", "EGP"),
    (r"Lebanese\s+pounds?", "LBP"), (r"Sudanese\s+pounds?", "SDG"), (r"Syrian\s+pounds?", "SYP"),
    (r"(?:British\s+)?pounds?(?!\s+of\b)", "GBP"),
    (r"yen", "JPY"), (r"(?:Chinese\s+)?(?:yuan|renminbi)", "CNY"), (r"Swiss\s+francs?", "CHF"),
    (r"CFA\s+francs?", "XOF"), (r"Rwandan?\s+francs?", "RWF"), (r"Burundi(?:an)?\s+francs?", "BIF"),
    (r"Congolese\s+francs?", "CDF"), (r"Guinean\s+francs?", "GNF"), (r"Djiboutian?\s+francs?", "DJF"),
    (r"(?:Russian\s+)?(?:rubles?|roubles?)", "RUB"), (r"Belarusian\s+(?:rubles?|roubles?)", "BYN"),
    (r"Pakistani\s+rupees?", "PKR"), (r"Sri\s+Lankan\s+rupees?", "LKR"), (r"Nepal(?:ese|i)\s+rupees?", "NPR"),
    (r"Mauritian\s+rupees?", "MUR"), (r"(?:Indian\s+)?rupees?", "INR"),
    (r"(?:Romanian\s+)?lei", "RON"), (r"(?:Bulgarian\s+)?leva", "BGN"), (r"Moldovan\s+lei", "MDL"),
    (r"Jordanian\s+dinars?", "JOD"), (r"Kuwaiti\s+dinars?", "KWD"), (r"Bahraini\s+dinars?", "BHD"),
    (r"Iraqi\s+dinars?", "IQD"), (r"Tunisian\s+dinars?", "TND"), (r"Algerian\s+dinars?", "DZD"),
    (r"Libyan\s+dinars?", "LYD"), (r"(?:Serbian\s+)?dinars?", "RSD"),
    (r"kunas?", "HRK"), (r"zlot(?:y|ys|ies)", "PLN"), (r"forints?", "HUF"), (r"Slovak\s+korun[ay]?s?", "SKK"),
    (r"(?:Czech\s+)?korun[ay]?s?", "CZK"), (r"Danish\s+kroner|Danish\s+krone", "DKK"),
    (r"Icelandic\s+(?:kronur|krona)", "ISK"), (r"Estonian\s+kroon[is]?", "EEK"),
    (r"(?:Swedish\s+)?(?:kronor|krona)", "SEK"), (r"(?:Norwegian\s+)?kroner", "NOK"),
    (r"(?:Turkish\s+)?liras?", "TRY"), (r"hryvnias?", "UAH"), (r"tenge", "KZT"), (r"rand", "ZAR"),
    (r"naira", "NGN"), (r"shekels?", "ILS"), (r"baht", "THB"), (r"ringgit", "MYR"), (r"rupiah", "IDR"),
    (r"(?:Albanian\s+)?leks?", "ALL"), (r"(?:Macedonian\s+)?denars?", "MKD"), (r"(?:Georgian\s+)?lari", "GEL"),
    (r"(?:UAE|Emirati)\s+dirhams?", "AED"), (r"(?:Moroccan\s+)?dirhams?", "MAD"),
    (r"Saudi\s+riyals?", "SAR"), (r"Qatari\s+riyals?", "QAR"), (r"Omani\s+rials?", "OMR"),
    (r"Yemeni\s+rials?", "YER"), (r"Iranian\s+rials?", "IRR"),
    (r"Kenyan?\s+shillings?", "KES"), (r"Ugandan?\s+shillings?", "UGX"), (r"Tanzanian?\s+shillings?", "TZS"),
    (r"Somali\s+shillings?", "SOS"),
    (r"(?:Philippine|Filipino)\s+pesos?", "PHP"), (r"Argentine\s+pesos?", "ARS"), (r"Chilean\s+pesos?", "CLP"),
    (r"Colombian\s+pesos?", "COP"), (r"Dominican\s+pesos?", "DOP"), (r"Cuban\s+pesos?", "CUP"),
    (r"Uruguayan\s+pesos?", "UYU"), (r"(?:Mexican\s+)?pesos?", "MXN"),
    (r"(?:Bangladeshi\s+)?taka", "BDT"), (r"(?:Myanmar\s+|Burmese\s+)?kyats?", "MMK"),
    (r"(?:Cambodian\s+)?riels?", "KHR"), (r"(?:Lao|Laotian)\s+kips?", "LAK"), (r"Vietnamese\s+dong", "VND"),
    (r"(?:South\s+)?Korean\s+won", "KRW"), (r"(?:Kyrgyz|Kyrgyzstani)\s+soms?", "KGS"), (r"somonis?", "TJS"),
    (r"Azerbaijani\s+manats?", "AZN"), (r"Turkmen(?:istani)?\s+manats?", "TMT"), (r"Armenian\s+drams?", "AMD"),
    (r"(?:Peruvian\s+)?(?:nuevos\s+)?soles", "PEN"), (r"quetzal(?:es|s)?", "GTQ"), (r"lempiras?", "HNL"),
    (r"c[oó]rdobas?", "NIO"), (r"Costa\s+Rican\s+col[oó]n(?:es)?", "CRC"), (r"guaran[ií](?:es|s)?", "PYG"),
    (r"bolivianos?", "BOB"), (r"(?:Brazilian\s+)?(?:reais|reals)|Brazilian\s+real", "BRL"),
    (r"(?:Ghanaian\s+)?cedis?", "GHS"),
    (r"(?:Ethiopian\s+)?birr", "ETB"), (r"kwanzas?", "AOA"), (r"meticais|meticals?", "MZN"), (r"ariary", "MGA"),
    (r"Zambian\s+kwacha", "ZMW"), (r"Malawian?\s+kwacha", "MWK"), (r"(?:Sierra\s+Leonean\s+)?leones?", "SLE"),
    (r"dalasis?", "GMD"), (r"(?:Botswana\s+)?pula", "BWP"), (r"rufiyaa", "MVR"), (r"afghanis?", "AFN"),
    (r"(?:Mongolian\s+)?t[oö]gr[oö]gs?|tugriks?", "MNT"), (r"(?:Latvian\s+)?lats", "LVL"),
    (r"(?:Lithuanian\s+)?lit(?:as|ai)", "LTL"), (r"(?:Slovenian\s+)?tolars?", "SIT"),
)
_NAME_PATTERNS = tuple((re.compile(pattern, re.IGNORECASE), code) for pattern, code in _NAMES)
_MULTIPLIERS = {"crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "mio": 1e6, "mrd": 1e9,
                "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
                "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9}
_WORD_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "half_a": 0.5,
}
_QUALIFIERS = ("more than", "over", "up to", "nearly", "almost", "about", "around", "approximately", "roughly",
               "some", "at least", "less than", "under", "close to", "an estimated", "approx.")

# "EUR 340\n000": a cable wraps a number written with spaces between its thousands; only "000" is taken on the next
# line ("EUR 340\n100 victims" is two numbers)
_WRAPPED_THOUSANDS = r"[ \t]*\n[ \t]*(?=000(?![\d,]|\.\d))"
_NUMBER = (r"(?<![\d.,])(?:\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:(?:[ \u00a0\u202f]|" + _WRAPPED_THOUSANDS
           + r")\d{3})+|(?:['’]\d{3})+)(?:[.,]\d{1,2})?"
           r"|\d+(?:[.,]\d+)?)")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SMALL = (*_UNITS, "ten", "eleven", "twelve", "fifteen")
_WORDS = r"\b(?:(?:" + "|".join(_TENS) + r")(?:[ -](?:" + "|".join(_UNITS) + r"))?|half\s+a|a|" + "|".join(_SMALL) + ")"
_BIG = r"(?:thousand|millions?|billions?|crores?|lakhs?)"
# "mio." and "Mrd." are how Danish, German and Swiss texts shorten million and milliard: "DKK 2,5 mio."
_SHORT_MULT = r"(?:" + _BIG + r"|(?i:mio|mrd)|mln|mn|bn|m|b|k)(?![A-Za-z])"
_SYMBOL = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_CODE = r"\b(?:" + "|".join(sorted(_CODES)) + r")\b"
_NAME = "|".join(f"(?:{p})" for p, _ in _NAMES)
_QUALIFIER = r"(?:(?P<qual>(?i:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r"))\s+)?"

# Cables wrap lines anywhere: "44 \nmillion euros", "EUR\n2.3 million". A line break may come before a number or a
# written-out scale word, never before a short one ("m", "bn") or a code after the number.
_WRAP = r"[ \t\u00a0]*\n[ \t\u00a0]*"
_BREAK_BEFORE_SCALE = r"(?:[ \u00a0-]?|" + _WRAP + r"(?=(?i:thousand|million|billion)))"
# €1,830,000 · US$ 2.5 million · EUR 40 000 · £5m · $50 Million
_PREFIXED = re.compile(
    _QUALIFIER + r"(?P<cur>(?<![A-Za-z])(?:" + _SYMBOL + r")|" + _CODE + r")(?P<gap>[ \u00a0]?|" + _WRAP + ")"
    r"(?P<num>" + _NUMBER + r")(?:" + _BREAK_BEFORE_SCALE + r"(?P<mult>(?i:" + _BIG + r")(?![A-Za-z])|"
    + _SHORT_MULT + r")|(?P<bigmult>M|B|K|BN|MN)(?![A-Za-z]))?")
# 46,000 euros · 150 000 EUR · 500 € · two million euros · 1.2 billion yen
_RANGE_START = re.compile(r"(?P<num>" + _NUMBER + r")(?:[ \u00a0]?(?P<mult>" + _BIG + r"))?\s*(?:and|to|-|–)\s*$")
_RANGE_END = re.compile(r"\s*(?:-|–|to)\s*(?P<num>" + _NUMBER + r")(?:[ \u00a0]?(?P<mult>" + _SHORT_MULT + r"))?"
                        r"(?![\d%])(?!\s*(?:percent|per\s+cent|%|euros?|dollars?|[A-Z]{3}\b))")
# "in 2010 and 5,000 euros in 2011": a year, not the start of a range.
_YEARISH = re.compile(r"\b(?:in|since|of|by|from|year|FY|until)\s+(?:19|20)\d\d$", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_PRICE_LEVEL = re.compile(r"\b(?:in|constant|current|nominal|real)\s+$", re.IGNORECASE)
# Every currency starts with a letter or "€": the look-ahead says so, and spares the engine the whole alternation
# at each digit it backtracks over (4x faster on a number that is not money).
_SUFFIXED = re.compile(
    _QUALIFIER + r"(?:(?P<num>" + _NUMBER + r")|(?P<words>" + _WORDS + r"(?:[ -]hundred)?))"
    r"(?:" + _BREAK_BEFORE_SCALE + r"(?P<mult>" + _BIG + r"|mio|mrd|mln|mn|bn))?(?:\s+of)?(?:[ \u00a0]?|" + _WRAP
    + r"(?=(?-i:[a-z])))(?=[^\W\d_]|€)(?P<cur>(?:" + _NAME + r")\b|" + _CODE + r"|€)", re.IGNORECASE)

# Finds a token wherever a _PREFIXED match can have its currency token: one followed by a space or a digit.
# Its alternatives are grouped by their first character, so each starts with a literal and the regex engine skips
# in C to the next such character instead of trying the whole alternation at every position (6x faster). It also
# finds tokens the look-behind would refuse.
_TOKEN_TAILS: dict[str, list[str]] = {}
for _token in sorted([*_SYMBOLS, *_CODES], key=len, reverse=True):
    _TOKEN_TAILS.setdefault(_token[0], []).append(re.escape(_token[1:]) + (r"\b" if _token in _CODES else ""))
_TOKEN_ALTERNATIVES = {first: f"{re.escape(first)}(?:{'|'.join(tails)})(?=[\\s\\d])"
                       for first, tails in _TOKEN_TAILS.items()}
_PREFIX_TOKEN = re.compile("|".join(_TOKEN_ALTERNATIVES.values()))
# The same without the one token that starts lower-case, "euros": every "e", the commonest letter, would be a place
# to try it. Used on a text without "euros", where that alternative cannot match, so the matches are the same.
_PREFIX_TOKEN_NO_EUROS = re.compile("|".join(alt for first, alt in _TOKEN_ALTERNATIVES.items() if first != "e"))
# Where a _SUFFIXED number may begin: a digit after no digit or separator, or a number word after no word
# character (`\b`). Like _PREFIX_TOKEN, each alternative starts with a literal (case-insensitive matching in `re`
# also lets "ſ" stand for "s"), so the regex engine skips in C to the next candidate character.
_DIGITS_START = re.compile(r"\d(?<![\d.,]\d)")
_CASES = {"s": "sSſ"}
_NUMBER_WORD_TAILS: dict[str, list[str]] = {}
for _word in (*_TENS, "half", "a", *_SMALL):  # the words a _WORDS number can begin with
    _NUMBER_WORD_TAILS.setdefault(_word[0], []).append(_word[1:])
_NUMBER_WORD_START = re.compile("|".join(rf"{case}(?<!\w.)(?i:{'|'.join(tails)})"
                                         for first, tails in _NUMBER_WORD_TAILS.items()
                                         for case in _CASES.get(first, first + first.upper())))
# A qualifier that ends where the text is cut off (`endpos`): "over" in "over 5,000 euros".
_QUALIFIER_END = re.compile(r"(?i:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\Z")
_QUALIFIER_CHARS = max(map(len, _QUALIFIERS))
# The word every currency name ends on (or is), lower case: a set lookup per word is far cheaper than
# the case-insensitive alternation of _NAME run at every position.
# A name that ends on an everyday word ("Korean won", "Vietnamese dong") is known here by its first word.
_CURRENCY_WORDS = frozenset(
    "dollar dollars euro euros pound pounds sterling yen yuan renminbi franc francs ruble rubles rouble roubles "
    "rupee rupees lei leva dinar dinars kuna kunas zloty zlotys zloties forint forints koruna korun koruny korunas "
    "kronor krona kroner krone kronur kroon krooni kroons lira liras hryvnia hryvnias tenge rand naira shekel "
    "shekels baht ringgit rupiah lek leks denar denars lari dirham dirhams peso pesos riyal riyals rial rials "
    "shilling shillings taka kyat kyats riel riels lao laotian vietnamese korean kyrgyz kyrgyzstani soms somoni "
    "somonis manat manats dram drams soles quetzal quetzales quetzals lempira lempiras cordoba cordobas costa "
    "guarani guaranies guaranis boliviano bolivianos reais reals brazilian cedi cedis birr kwanza kwanzas meticais "
    "metical meticals ariary kwacha leone leones dalasi dalasis pula rufiyaa afghani afghanis togrog togrogs tugrik "
    "tugriks lats litas litai tolar tolars córdoba córdobas guaraní guaraníes guaranís".split()
) | {c.lower() for c in _CODES} - {"all"}
_LETTERS = re.compile(r"[^\W\d_]+")
# Compiled once: these run for every amount, and re's own cache lookup costs about as much as the work.
_SCALE_WORD = re.compile(r"\b(?:" + _BIG + r"|mln|mn|bn)\b", re.IGNORECASE)
_DIGIT_GROUP_SPACE = re.compile(r"[ \t\n\u00a0\u202f'’]")  # "40 000", "220'000" (Swiss), "340\n000" (wrapped)
_SEPARATOR = re.compile(r"[.,]")
_WORD_GAP = re.compile(r"[ -]+")
# Bytes translate by a plain table, far faster than str.translate: lower-cases A-Z, blanks every other non-letter.
_ASCII_WORDS_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_CURRENCY_WORD_BYTES = frozenset(word.encode("ascii") for word in _CURRENCY_WORDS if word.isascii())


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """A money amount in text: offsets, value, ISO currency and a qualifier ("over", "up to") if written."""

    start: int
    end: int
    amount: float
    currency: str
    qualifier: str | None = None


def find_money(text: str) -> list[MoneyMention]:
    """Every money amount in `text`, in order, without overlaps; both ends of a range ("5,000 to 10,000 euros")."""
    found = [m for m in (_mention(match) for match in _matches(text)) if m is not None]
    if any(m.currency == _KRONE for m in found):
        found = _kroner(found)
    found += [r for m in found for r in _range_ends(text, m)]
    chosen: list[MoneyMention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _kroner(found: list[MoneyMention]) -> list[MoneyMention]:
    """Mentions with "kr." given the one krone the text names by its code or name; dropped if it names none or two."""
    codes = {m.currency for m in found if m.currency in _KRONE_CODES}
    if len(codes) != 1:
        return [m for m in found if m.currency != _KRONE]
    (code,) = codes
    return [replace(m, currency=code) if m.currency == _KRONE else m for m in found]


def format_amount(amount: float) -> str:
    """1830000 -> '1,830,000'; 2.5 -> '2.50'."""
    if float(amount).is_integer():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def _range_ends(text: str, mention: MoneyMention) -> list[MoneyMention]:
    """The other end of a range whose currency is written once: "between 5,000 and 10,000 euros", "€5,000-10,000"."""
    written = text[mention.start:mention.end]
    if written[:1].isdigit():
        first = _RANGE_START.search(text, max(0, mention.start - 40), mention.start)
        if first is None or _YEARISH.search(text, max(0, first.start() - 12), first.end("num")):
            return []
        shared = _SCALE_WORD.search(written)
        inherited = shared.group() if shared and _number_value(first.group("num"), has_multiplier=True) < 1000 \
            else None
        start = _other_end(first.group("num"), first.group("mult") or inherited, mention, first.start("num"),
                           first.end("mult") if first.group("mult") else first.end("num"))
        return [start] if start is not None and start.amount < mention.amount else []
    second = _RANGE_END.match(text, mention.end)
    if second is None:
        return []
    end = _other_end(second.group("num"), second.group("mult"), mention, second.start("num"), second.end())
    # a range runs upwards: "€8 million to 69 projects" gives a count, not the end of a range
    return [end] if end is not None and end.amount > mention.amount else []


def _other_end(number: str, multiplier: str | None, mention: MoneyMention, start: int,
               end: int) -> MoneyMention | None:
    value = _scaled(_number_value(number, has_multiplier=bool(multiplier)), multiplier)
    return None if value is None else MoneyMention(start, end, _tidy(value), mention.currency, None)


def _scaled(value: float, multiplier: str | None) -> float | None:
    """`value` times its scale word, if any ("2.5 million"); None for a scale word that is none after all."""
    if not multiplier:
        return value
    # IGNORECASE lets odd letters through ("millionſ", "bİllion"): casefold, and refuse what is still unknown
    scale = _MULTIPLIERS.get(multiplier.casefold())
    return None if scale is None else value * scale


def _matches(text: str) -> list[re.Match[str]]:
    """`_PREFIXED.finditer(text)` and `_SUFFIXED.finditer(text)`, tried only where a match can start.

    Both patterns open with an optional qualifier, so the regex engine would try them at every position of the
    text; the places where a currency token (_PREFIXED) or a number (_SUFFIXED) begins are far fewer and cheap
    to find, and a match can only start there or on a qualifier right before one.
    """
    prefixed = _finditer_from(_PREFIXED, text, _token_starts(text))
    suffixed = _finditer_from(_SUFFIXED, text, _number_starts(text)) if _names_a_currency(text) else []
    return [*prefixed, *suffixed]


def _finditer_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` gives, for a pattern "optional qualifier and white space, then the rest" whose
    rest can only start at one of `starts` (which may hold more).

    finditer takes the leftmost match at or after the end of the previous one, and `match` at a position is what
    its search tries there (look-behinds and `\\b` still see the text before). A match starts where its rest does
    or on a qualifier before it, which needs the rest to match: qualifiers are looked for only there.
    """
    tried = {start: pattern.match(text, start) for start in starts}
    for start, match in list(tried.items()):
        if match:
            for qualified in _qualifier_starts(text, start):
                if qualified not in tried:
                    tried[qualified] = pattern.match(text, qualified)
    found = []
    end = 0
    for start in sorted(tried):
        match = tried[start]
        if match and start >= end:
            found.append(match)
            end = match.end()
    return found


def _token_starts(text: str) -> list[int]:
    # finditer skips a token starting inside another ("$" in "U.S.$"): try every position of the token.
    pattern = _PREFIX_TOKEN if "euros" in text else _PREFIX_TOKEN_NO_EUROS
    return [at for token in pattern.finditer(text) for at in range(token.start(), token.end())]


def _number_starts(text: str) -> list[int]:
    return [m.start() for pattern in (_DIGITS_START, _NUMBER_WORD_START) for m in pattern.finditer(text)]


def _qualifier_starts(text: str, at: int) -> list[int]:
    """Where a qualifier and the white space after it ending at `at` begin ("over" in "over 5,000 euros")."""
    space = at
    while space > 0 and text[space - 1].isspace():  # str.isspace is true on exactly the characters `\s` matches
        space -= 1
    if space == at:
        return []
    starts = []
    pos = max(0, space - _QUALIFIER_CHARS)
    while found := _QUALIFIER_END.search(text, pos, space):
        starts.append(found.start())
        pos = found.start() + 1
    return starts


def _names_a_currency(text: str) -> bool:
    if "€" in text or "ALL" in text:  # "all", the commonest of words, is no sign of the lek; "ALL" may be
        return True
    if text.isascii():  # most text: its lower-cased letter runs, found on bytes (2x faster than on str)
        return not _CURRENCY_WORD_BYTES.isdisjoint(text.encode("ascii").translate(_ASCII_WORDS_TABLE).split())
    return not _CURRENCY_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


def _mention(match: re.Match[str]) -> MoneyMention | None:
    g = match.groupdict()
    if g.get("words"):
        if not g.get("mult") and not g["words"].lower().endswith("hundred"):
            return None  # "one euro coin", "a dollar": not an amount worth a fact
        value = _word_value(g["words"])
    else:
        value = _number_value(g["num"], has_multiplier=bool(g.get("mult") or g.get("bigmult")))
    if value <= 0:
        return None
    multiplier = g.get("mult") or g.get("bigmult")
    if "\n" in (g.get("gap") or "") and not multiplier and value < SMALL_AFTER_BREAK:
        return None  # "paid in USD\n2. The ministry": a paragraph number on the next line, not an amount
    scaled = _scaled(value, multiplier)
    if scaled is None:
        return None
    currency = _currency(g["cur"])
    if currency is None or g["cur"].upper() == "ALL" and not _lek(g, value):
        return None
    if _YEAR_LIKE.fullmatch(g.get("num") or ""):
        prefixed = match.start("cur") < match.start("num")
        if prefixed and g["cur"].isalpha():
            return None  # "Euro 2012", "EUR 2018-2020": a year, not an amount
        if not prefixed and _PRICE_LEVEL.search(match.string[max(0, match.start() - 12):match.start()]):
            return None  # "in 2009 dollars": a price level, not an amount
    qualifier = g["qual"].lower() if g.get("qual") else None
    return MoneyMention(match.start(), match.end(), _tidy(scaled), currency, qualifier)


def _lek(groups: dict[str, str | None], value: float) -> bool:
    """Whether "ALL" next to a number is the Albanian lek: in capitals, with thousands or a scale word."""
    if groups["cur"] != "ALL":
        return False
    number = groups.get("num") or ""
    return bool(groups.get("mult") or groups.get("bigmult")) or value >= 1000 and not _YEAR_LIKE.fullmatch(number)


def _currency(written: str) -> str | None:
    if written in _SYMBOLS:
        return _SYMBOLS[written]
    if written in _CODES:
        return written
    for pattern, code in _NAME_PATTERNS:
        if pattern.fullmatch(written):
            return code
    return None


def _number_value(written: str, *, has_multiplier: bool) -> float:
    digits = _DIGIT_GROUP_SPACE.sub("", written)
    seps = _SEPARATOR.findall(digits)
    if not seps:
        return float(digits)
    if len(set(seps)) == 2:  # "1,234.56" or "1.234,56": the last one is the decimal mark
        decimal = seps[-1]
        thousands = "," if decimal == "." else "."
        return float(digits.replace(thousands, "").replace(decimal, "."))
    sep = seps[0]
    tail = digits.rsplit(sep, 1)[1]
    if len(seps) > 1 or (len(tail) == 3 and not (has_multiplier and sep == "." and digits.startswith("0"))):
        return float(digits.replace(sep, ""))  # thousands separators
    return float(digits.replace(sep, "."))


def _word_value(written: str) -> float:
    total = 0.0
    # "half a" is one number in two words: joined, so the split keeps it whole
    for part in _WORD_GAP.split(written.casefold().replace("half a", "half_a")):
        if part == "hundred":
            total = (total or 1.0) * 100
        else:
            total += _WORD_NUMBERS.get(part, 0)
    return total


def _tidy(value: float) -> float:
    rounded = round(value, 2)
    return float(int(rounded)) if rounded.is_integer() else rounded
