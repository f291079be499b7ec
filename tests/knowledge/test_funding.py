"""Funding facts: money amounts in cables, reports and newsletters; equivalents, periods, parties; non-money ignored."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from knowledge.cleaning import parse_document, split_passages
from knowledge.extract import _money
from knowledge.extract.funding import funding_facts, funding_summary
from knowledge.loading import read_text
from knowledge.models import Passage
from knowledge.text import fold

CORPUS = Path(__file__).resolve().parents[2] / "knowledge" / "corpus"


def _passage(text: str, doc_date: str | None = "2018-06-01", title: str = "Sample") -> Passage:
    return Passage(doc="sample.txt", ordinal=2, start=0, end=len(text), text=text, masked=text,
                   title=title, doc_date=doc_date)


def test_a_shared_currency_name_takes_the_country_of_the_title_first() -> None:
    # a cable's subject names its country in capitals; its text may name a neighbour too
    passage = _passage("Victims returning from India receive two million rupees from the rescue fund.",
                       title="NEPAL: FOREIGN EMPLOYMENT AND TRAFFICKING")
    assert [f.fields["currency"] for f in funding_facts(passage)] == ["NPR"]


def test_a_shared_currency_name_takes_the_country_of_the_file_name() -> None:
    passage = Passage(doc="tip2020-philippines-protection.txt", ordinal=0, start=0, end=60,
                      text="The government allocated 24.4 million pesos ($481,830) to shelters.",
                      masked="The government allocated 24.4 million pesos ($481,830) to shelters.",
                      title="The government allocated 24.4 million pesos", doc_date=None)
    assert [f.fields["currency"] for f in funding_facts(passage)] == ["PHP"]


def _amounts(text: str) -> list[tuple[float, str]]:
    return [(f.fields["amount"], f.fields["currency"]) for f in funding_facts(_passage(text))]


AMOUNTS = [
    # cables: euros with the dollar equivalent in brackets
    ("CCEM contacts reported that they provide victims with a stipend of 100 euros ($137) a month.", [(100, "EUR")]),
    ("However, contacts at the CCEM reveal that they received 46,000 euros ($63,020) in 2009.", [(46000, "EUR")]),
    ("The permit costs 300 euros ($411) and 55 euros ($79) to renew it every six months.",
     [(300, "EUR"), (55, "EUR")]),
    ("Secretary Yade announced a fund, committing two million euros ($2.74 million) to the cause.",
     [(2000000, "EUR")]),
    ("THE MINISTRY GRANTED 46,000 EUROS ($63,020) TO THE SHELTER IN 2009.", [(46000, "EUR")]),
    ("The NGO received 1.2 million euros (about USD 1.6 million) from the Ministry of Justice.", [(1200000, "EUR")]),
    # newsletters and reports: symbols before the number
    ("France’s general voluntary contributions to the UNODC amounted to €1,830,000 in 2018.", [(1830000, "EUR")]),
    ("€163,500 per year", [(163500, "EUR")]),
    ("$333,959 since 2011", [(333959, "USD")]),
    ("The United Kingdom pledged £5m to the fund and a further £2.5bn over ten years.",
     [(5000000, "GBP"), (2500000000, "GBP")]),
    ("Japan provided ¥120,000,000 to IOM for the return of victims.", [(120000000, "JPY")]),
    ("Canada gave C$ 250,000 and Australia A$1.5 million.", [(250000, "CAD"), (1500000, "AUD")]),
    ("The project is funded with US$ 3.2 million by USAID.", [(3200000, "USD")]),
    # ISO codes before or after the number, spaces as thousands separators
    ("Sweden allocated USD 2.5 million to the regional programme.", [(2500000, "USD")]),
    ("A grant of EUR 40 000 was awarded to the association.", [(40000, "EUR")]),
    ("The budget line totals 3 500 000 RUB for 2019.", [(3500000, "RUB")]),
    ("Switzerland contributed CHF 750,000 to the trust fund.", [(750000, "CHF")]),
    ("Each fine can reach 15.000 EUR under the new law.", [(15000, "EUR")]),
    ("Victims may receive up to 1.234,50 € in compensation.", [(1234.5, "EUR")]),
    # currency names after the number
    ("France has voluntarily contributed over 330,000 dollars to the UNVTF fund since 2011.", [(330000, "USD")]),
    ("France financed three regional meetings in the amount of 150,000 euros between 2015 and 2017.",
     [(150000, "EUR")]),
    ("The ministry spent 1.2 billion yen on awareness campaigns.", [(1200000000, "JPY")]),
    ("Traffickers demanded 20,000 Swiss francs from each family.", [(20000, "CHF")]),
    ("The government allocated 45 million rubles to shelters.", [(45000000, "RUB")]),
    ("Police seized 2,500 pounds of cannabis and 3,000 pounds sterling in cash from the gang's accountant.",
     [(3000, "GBP")]),
    ("Romania set aside 300,000 lei for the hotline.", [(300000, "RON")]),
    ("A stipend of five hundred euros is paid to each victim.", [(500, "EUR")]),
    ("The EU committed half a million euros to the project.", [(500000, "EUR")]),
    ("She was paid 300 U.S. dollars for three months of work.", [(300, "USD")]),
    # several amounts in one sentence, a range
    ("Fines range between €5,000 and €75,000, and prison terms up to seven years.", [(5000, "EUR"), (75000, "EUR")]),
    ("Traffickers charged each woman between 5,000 and 10,000 euros for the journey.",
     [(5000, "EUR"), (10000, "EUR")]),
    ("Each operation cost 2 to 3 million euros.", [(2000000, "EUR"), (3000000, "EUR")]),
    ("Victims were promised €800-1,200 a month.", [(800, "EUR"), (1200, "EUR")]),
    ("They paid 3,000 euros in 2010 and 5,000 euros in 2011.", [(3000, "EUR"), (5000, "EUR")]),
    ("The programme costs $1.2M annually.", [(1200000, "USD")]),
    ("5. (SBU) The GOI allocated NIS 9 million in 2011 for the Atlit shelter.", [(9000000, "ILS")]),
    ("Euros 500,000 were earmarked for the shelters; USAID added a $2.5-million grant.",
     [(500000, "EUR"), (2500000, "USD")]),
    # any ISO 4217 code, old codes of the 2000s, apostrophe thousands (Swiss), currency names with a country
    ("The unit spent approximately 640,000 TTD ($95,000) on shelter care.", [(640000, "TTD")]),
    ("The centre received LTL 120,000 from the municipality in 2006.", [(120000, "LTL")]),
    ("Bern granted the NGO CHF 180'000 for 2019-2021.", [(180000, "CHF")]),
    ("Copenhagen gave 2.5 million Danish kroner to the hotline.", [(2500000, "DKK")]),
    ("The Jordanian government allotted 400,000 Jordanian dinars to the shelter.", [(400000, "JOD")]),
    ("Victims received 3,000 Kenyan shillings a month.", [(3000, "KES")]),
    ("The Albanian state fund paid ALL 9.5 million (about €70,000) in 2018.", [(9500000, "ALL")]),
    ("The shelter pays a monthly allowance of ALL 12,000 (€95).", [(12000, "ALL")]),
    ("The prefecture paid 300,000 leks for rent.", [(300000, "ALL")]),
    # "mio." and "Mrd." for million and milliard; thousands wrapped onto the next line of a cable
    ("The centre receives DKK 3,5 mio. a year from the ministry.", [(3500000, "DKK")]),
    ("The canton covered CHF 2.1 Mio. of the costs and the Confederation EUR 1 Mrd. in loans.",
     [(2100000, "CHF"), (1000000000, "EUR")]),
    ("The ministry budgeted EUR 420\n000 for 2010 to run the shelter.", [(420000, "EUR")]),
    ("The ministry paid EUR 420\n150 victims were assisted.", [(420, "EUR")]),
    # "kr." is the krone the text names: Danish here, Norwegian there, and none when it names none
    ("The centre receives DKK 1,2 mio. a year, and the hotline was granted kr. 250.000 by a foundation.",
     [(1200000, "DKK"), (250000, "DKK")]),
    ("The fine is 300 Norwegian kroner, and kr. 5.000 for a repeat offence.", [(300, "NOK"), (5000, "NOK")]),
    # a currency name many countries share is the one of the country the text names
    ("In the Philippines the government allocated 25.1 million pesos ($478,000) to shelters.", [(25100000, "PHP")]),
    ("The Mexican government gave 2 million pesos to the shelter; the Philippine one gave none.",
     [(2000000, "MXN")]),
    ("In Jordan the ministry allotted 50,000 dinars to the shelter.", [(50000, "JOD")]),
    ("In Nepal the shelters received 3 million Indian rupees from donors.", [(3000000, "INR")]),
    # tables: one amount a row
    ("Budget 2019\nPrevention     EUR 120,000\nProtection     EUR 340,500\nTotal          EUR 460,500",
     [(120000, "EUR"), (340500, "EUR"), (460500, "EUR")]),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_every_money_amount_is_a_fact(text: str, expected: list[tuple[float, str]]) -> None:
    assert _amounts(text) == expected


# cables wrap lines anywhere, scale words come in any case, a count after an amount is no range
WRAPPED_AND_SCALED = [
    ("The Embassy reported that the ministry set aside 2.7 \nmillion euros for the new shelter.", [(2700000, "EUR")]),
    ("UNHCR asked donors for USD 4 \n  million to cover the winter.", [(4000000, "USD")]),
    ("The mission received \nEUR\n1.8 million from the Instrument for Stability.", [(1800000, "EUR")]),
    ("the regional fund rose from DKK 3 million to DKK 6\nmillion in 2012.", [(3000000, "DKK"), (6000000, "DKK")]),
    ("A 7 thousand\neuro grant was approved.", [(7000, "EUR")]),
    ("THE GOVERNMENT PLEDGED $12 MILLION AND A FURTHER $3 Billion LOAN.", [(12000000, "USD"), (3000000000, "USD")]),
    ("The Prime Minister's $20 Million Fund For Survivors opened its first call.", [(20000000, "USD")]),
    ("The foundation gave €3 million to 45 local associations.", [(3000000, "EUR")]),
    ("The ministry spent 900,000 euros to 12 shelters and 4 hotlines.", [(900000, "EUR")]),
    ("Grants range from €10,000 to 40,000 per project.", [(10000, "EUR"), (40000, "EUR")]),
]


@pytest.mark.parametrize(("text", "expected"), WRAPPED_AND_SCALED)
def test_wrapped_lines_scale_words_and_counts(text: str, expected: list[tuple[float, str]]) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize("text", [
    "Payments are made in USD\n2. (SBU) The ministry also said the shelter is full.",  # a paragraph number
    "The 2011 total\nEUR figures are not yet known.",  # a year, then a code on the next line
])
def test_a_line_break_does_not_make_money(text: str) -> None:
    assert _amounts(text) == []


NOT_MONEY = [
    "The shelter hosted 120 victims in 2009, 20 percent more than in 2008.",
    "Article 225-4-1 of the Penal Code punishes trafficking with seven years in prison.",
    "Between 2015 and 2017, 4 JPOs were financed by France for the UNODC.",
    "Police seized 200 pounds of cocaine and 3 kilos of heroin.",
    "The Council of Europe Convention entered into force on 1 February 2008.",
    "Euro RSCG produced the campaign; it ran in 27 European countries.",
    "One euro coin was found on the suspect, who had a dollar sign tattooed on his arm.",
    "Tel: +33 1 43 12 26 14, fax +33 1 43 12 26 63.",
    "Resolution 27/2 was adopted by 53 member states at the 27th session.",
    "Fans travelled to the Euro 2012 championship; the EUR 2018-2020 action plan was adopted.",
    "Costs rose to 5 billion in 2009 dollars, the report says.",
    "ALL 25 VICTIMS WERE REFERRED TO SHELTERS IN 2009; ALL 2010 CASES ARE OPEN.",  # "ALL" is not the lek here
    "In 2012 all 1,500 victims were interviewed.",
    # the size of a trade is not money anyone gave; nor is a sum asked for and refused
    "Human trafficking is a $150-billion global industry, the minister said.",
    "Forced labour is a market worth USD 150 billion a year.",
    "The police asked for EUR 300,000 for a cyber unit; the request was rejected.",
    "The shelter requested 2 million euros, which the ministry turned down.",
    "The centres would need about EUR 3 million a year more to meet demand.",
    "Running the hotline around the clock requires an estimated $400,000.",
    "The foundation granted kr. 450.000 to the hotline.",  # which krone, the text does not say
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_other_numbers_are_not_funding(text: str) -> None:
    assert _amounts(text) == []


FIELDS = [
    ("CCEM contacts reported that they provide victims with a stipend of 100 euros ($137) a month.",
     {"amount": 100, "currency": "EUR", "usd": 137, "period": "per month"}),
    ("However, contacts at the CCEM reveal that they received 46,000 euros ($63,020) in 2009, representing "
     "roughly 20 percent of their annual budget.", {"usd": 63020, "year": 2009}),
    ("The permit costs 300 euros ($411) and 55 euros ($79) to renew it every six months.",
     {"amount": 300, "usd": 411, "period": None}),
    ("€163,500 per year", {"period": "per year"}),
    ("$333,959 since 2011", {"period": "since 2011", "year": None}),
    ("France has voluntarily contributed over 330,000 dollars to the UNVTF fund since 2011.",
     {"payer": "France", "recipient": "UNVTF", "qualifier": "over", "period": "since 2011"}),
    ("Together with the UNODC, France financed a cycle of three regional expert meetings in the amount of "
     "150,000 euros, organised in South-East Europe between 2015 and 2017.",
     {"payer": "France", "period": "between 2015 and 2017", "purpose": "a cycle of three regional expert meetings"}),
    ("On October 9, 2009, Secretary of State Rama Yade announced a new fund, committing two million euros "
     "($2.74 million) to the cause.", {"year": 2009, "usd": 2740000}),
    ("The Ministry of Labour pays an annual grant of €80,000 to the Comité contre l'esclavage moderne.",
     {"period": "per year", "payer": "Ministry of Labour"}),
    ("The shelter is funded by the City of Paris, which gives EUR 12,000 monthly.", {"period": "per month"}),
    ("The Netherlands contributed €2 million to IOM for the reintegration of returnees in 2017.",
     {"payer": "Netherlands", "recipient": "IOM", "year": 2017}),
    ("The project, financed by the European Commission, has a budget of €3.4 million for 2016-2018.",
     {"payer": "European Commission", "period": "2016-2018"}),
    ("Norway will provide NOK 10 million per year to the programme.", {"period": "per year", "payer": "Norway"}),
    ("Since 2011, France has contributed $333,959 to the fund.", {"period": "since 2011", "year": None}),
    ("Between 2015 and 2017 the EU provided EUR 2 million per year to IOM.",
     {"period": "per year", "year": None, "recipient": "IOM"}),
    ("The IOM mission received USD 450,000 from the Government of Japan for a two-year project (2011-2012).",
     {"payer": "Government of Japan", "period": "2011-2012", "purpose": "a two-year project"}),
    ("The GOI allocated 12 million shekels (approximately USD 3.2 million) in 2011 for the Atlit shelter.",
     {"amount": 12000000, "currency": "ILS", "usd": 3200000, "year": 2011, "payer": "GOI"}),
    # a cable's answer letter and classification are not part of the payer
    ("-- B. (SBU) The Ministry of Social Affairs granted 90,000 euros ($122,000) to the shelter network in 2008.",
     {"payer": "Ministry of Social Affairs", "year": 2008}),
    ("The EU Delegation in Skopje committed €600,000 per year to the referral mechanism.",
     {"payer": "EU Delegation in Skopje", "period": "per year"}),
]


@pytest.mark.parametrize(("text", "expected"), FIELDS)
def test_fields_the_text_gives(text: str, expected: dict[str, object]) -> None:
    fields = funding_facts(_passage(text))[0].fields
    for key, value in expected.items():
        assert fields.get(key) == value, key


@pytest.mark.parametrize(("text", "usd"), [
    ("The fee was 300 euros ($411 USD).", 411),
    ("The grant was 46,000 euros (equal to $63,020).", 63020),
    ("The fund received EUR 2 million (approx. USD 2.74 million) in 2009.", 2740000),
    ("A stipend of 100 euros (some $137) a month is paid.", 137),
    ("The shelter costs 1,2 million euros (US$1.6 million) a year.", 1600000),
])
def test_bracketed_equivalents(text: str, usd: int) -> None:
    facts = funding_facts(_passage(text))
    assert len(facts) == 1 and facts[0].fields["usd"] == usd


def test_a_bracketed_equivalent_is_not_a_fact_of_its_own() -> None:
    facts = funding_facts(_passage("The shelter received 46,000 euros ($63,020) and 12,000 euros ($16,440) in 2009."))
    assert [(f.fields["amount"], f.fields["usd"]) for f in facts] == [(46000, 63020), (12000, 16440)]


def test_key_figures_label_above_a_lone_amount() -> None:
    text = ("Key figures\n\nFrance’s\ngeneral\nvoluntary contributions\nto the UNODC\n\n€1,830,000 in 2018\n\n"
            "The tenth issue of the newsletter focuses on multilateralism.")
    fact = funding_facts(_passage(text))[0]
    assert fact.excerpt == "France’s general voluntary contributions to the UNODC €1,830,000 in 2018"
    assert fact.fields["payer"] == "France" and fact.fields["recipient"] == "UNODC" and fact.fields["year"] == 2018


def test_excerpt_is_the_sentence_with_the_amount() -> None:
    text = ("The shelter opened in 2005. However, contacts at the CCEM reveal that they received 46,000 euros "
            "($63,020) in 2009. The rest came from private donors.")
    assert funding_facts(_passage(text))[0].excerpt == (
        "However, contacts at the CCEM reveal that they received 46,000 euros ($63,020) in 2009.")


@pytest.mark.parametrize(("fields", "summary"), [
    ({"amount": 1830000, "currency": "EUR", "year": 2018, "payer": "France", "recipient": "UNODC",
      "purpose": "general voluntary contributions"},
     "France: EUR 1,830,000 general voluntary contributions to UNODC (2018)"),
    ({"amount": 100, "currency": "EUR", "usd": 137, "period": "per month"}, "EUR 100 (USD 137) (per month)"),
    ({"amount": 330000, "currency": "USD", "qualifier": "over", "period": "since 2011", "payer": "France"},
     "France: over USD 330,000 (since 2011)"),
    ({"amount": 2.5, "currency": "GBP"}, "GBP 2.50"),
])
def test_summary(fields: dict[str, object], summary: str) -> None:
    assert funding_summary(fields) == summary


@pytest.mark.parametrize("text", [row[0] for row in AMOUNTS + FIELDS])
def test_excerpts_are_verbatim_and_short(text: str) -> None:
    for fact in funding_facts(_passage(text)):
        assert fact.excerpt in fold(text) and len(fact.excerpt) <= 600


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_every_excerpt_in_the_corpus_is_verbatim(path: Path) -> None:
    text, kind, sha, _ = read_text(path)
    document = parse_document(path.name, text, kind=kind, sha256=sha)
    for passage in split_passages(document):
        for fact in funding_facts(passage):
            assert fact.excerpt in fold(passage.text)
            assert fold(text[fact.start:fact.end]) == fact.excerpt


@pytest.mark.parametrize(("pattern", "code"), _money._NAMES)
def test_every_currency_name_passes_the_cheap_gate(pattern: str, code: str) -> None:
    """_matches skips the name pattern when no currency word is present: every name must be in the set."""
    samples = ["US dollars", "U.S. dollar", "American dollars", "Canadian dollars", "Australian dollar",
               "New Zealand dollars", "Hong Kong dollars", "Singapore dollars", "dollars", "euro", "euros",
               "pounds sterling", "British pounds", "pound", "yen", "Chinese yuan", "renminbi", "Swiss francs",
               "CFA francs", "Russian rubles", "roubles", "Indian rupees", "Romanian lei", "Bulgarian leva",
               "Serbian dinars", "kunas", "zlotys", "zloties", "zloty", "forints", "Czech koruna", "korun",
               "Swedish kronor", "krona", "Norwegian kroner", "Turkish lira", "hryvnias", "tenge", "rand",
               "naira", "shekels", "baht", "ringgit", "rupiah", "Albanian leks", "Macedonian denars",
               "Georgian lari", "Moroccan dirhams", "Mexican pesos", "pesos", "Trinidad and Tobago dollars",
               "TT dollars", "Jamaican dollars", "New Taiwan dollars", "Namibian dollars", "Fijian dollars",
               "East Caribbean dollars", "Barbados dollars", "Bahamian dollars", "Belize dollars", "Guyanese dollars",
               "Liberian dollars", "Zimbabwe dollars", "Egyptian pounds", "Lebanese pounds", "Sudanese pounds",
               "Syrian pounds", "Rwandan francs", "Burundian francs", "Congolese francs", "Guinean francs",
               "Djiboutian francs", "Belarusian rubles", "Pakistani rupees", "Sri Lankan rupees", "Nepalese rupees",
               "Mauritian rupees", "Moldovan lei", "Jordanian dinars", "Kuwaiti dinars", "Bahraini dinars",
               "Iraqi dinars", "Tunisian dinars", "Algerian dinars", "Libyan dinars", "Slovak korunas",
               "Danish kroner", "Icelandic kronur", "Estonian kroons", "UAE dirhams", "Saudi riyals",
               "Qatari riyals", "Omani rials", "Yemeni rials", "Iranian rials", "Kenyan shillings",
               "Ugandan shillings", "Tanzanian shillings", "Somali shillings", "Philippine pesos",
               "Argentine pesos", "Chilean pesos", "Colombian pesos", "Dominican pesos", "Cuban pesos",
               "Uruguayan pesos", "taka", "Burmese kyat", "riels", "Lao kip", "Vietnamese dong", "South Korean won",
               "Kyrgyz som", "somoni", "Azerbaijani manats", "Turkmen manat", "Armenian drams", "nuevos soles",
               "quetzales", "lempiras", "córdobas", "Costa Rican colones", "guaraníes", "bolivianos", "reais",
               "Brazilian real", "cedis", "birr", "kwanzas", "meticais", "ariary", "Zambian kwacha",
               "Malawian kwacha", "leones",
               "dalasis", "pula", "rufiyaa", "afghanis", "tugriks", "lats", "litai", "tolars"]
    matched = [s for s in samples if re.fullmatch(pattern, s, re.IGNORECASE)]
    assert matched, f"no sample for {pattern}"
    assert all(_money._names_a_currency(f"paid 5,000 {s} in 2019") for s in matched)


# _matches tries its two patterns only where a match can start; these must give what a plain scan gives.
SCANS = [
    "MOREOVER 5 MILLION EUROS WERE PLEDGED TO THE SHELTER.",  # a qualifier inside a word ("OVER")
    "The fund received about 2.5 million U.S. dollars and over €300,000 in 2019.",
    "Contributions: U.S.$1,500 (paid), US$ 2 million, approx. USD 40 000 and some 12 000 EUR.",
    "Twenty-one million euros, a hundred thousand dollars and half a million pounds were raised.",
    "Euro 2012 and EUR 2018-2020 are no amounts, nor are the figures in 2009 dollars.",
    "Less than\n\t5 000 RUB; close to  1.234,50 € and ſome 5 million euros (the long s is an s).",
    "Fines of 5 euros, 10 euros and 1 500 euros; 2 to 3 million euros; €800-1,200 a month.",
    "The ministry allocated 300 000 lei, 45 mln rubles, 2bn yen and CHF 750,000 to shelters.",
    "THE GOF GRANTED 46,000 EUROS ($63,020) TO THE SHELTER IN 2009 AND NIS 9 MILLION IN 2011.",
    "Victims paid between 5,000 and 10,000 euros; an estimated 3 000 pounds of goods; an abn euros typo.",
    "USD$5, SFr.10 and Rs. 500 per visit; C$ 250,000 from Canada; European funds of EUR5m.",
    "EUR\n2.3 million, 44 \nmillion euros, NOK 5 \n MILLION, $50 Million and 30,000 \neuros; paid in USD\n2. (SBU)",
]


@pytest.mark.parametrize("text", SCANS)
def test_amount_search_finds_what_a_plain_scan_finds(text: str) -> None:
    suffixed = _money._SUFFIXED.finditer(text) if _money._names_a_currency(text) else iter(())
    plain = [*_money._PREFIXED.finditer(text), *suffixed]
    assert [(m.span(), m.groupdict()) for m in _money._matches(text)] == [(m.span(), m.groupdict()) for m in plain]


def test_amount_search_assumptions_hold() -> None:
    # a qualifier is looked for ending where the white space before a number begins
    assert not any(q[-1].isspace() for q in _money._QUALIFIERS)
    # number words are found by their first letter in every form that case-insensitive `re` matches
    firsts = "".join(_money._NUMBER_WORD_TAILS)
    any_first = re.compile(f"[{firsts}]", re.IGNORECASE)
    forms: dict[str, set[str]] = {}
    for char in map(chr, range(sys.maxunicode + 1)):
        if any_first.match(char):
            for first in firsts:
                if re.match(first, char, re.IGNORECASE):
                    forms.setdefault(first, set()).add(char)
    assert forms == {first: set(_money._CASES.get(first, first + first.upper())) for first in firsts}


@pytest.mark.parametrize("text", ["They paid ſix hundred euros.", "EİGHT HUNDRED EUROS were paid.",
                                  "A fee of hundred euros.", "They paid 5 millionſ euros.", "5 bİllion euros",
                                  "between 2 and 5 millionſ euros"])
def test_odd_letters_in_number_words_never_crash(text: str) -> None:
    for mention in _money.find_money(text):
        assert isinstance(mention.amount, float)


# Money the text speaks of that nobody gave: criminal profits and earnings, frozen or seized assets, debts.
NOT_FUNDING = [
    "Investigators estimate that the ring made €3 million in profits from forced begging.",
    "The smugglers earned about 4,000 dollars from every migrant they moved.",
    "Prosecutors froze assets worth USD 1.2 million belonging to the gang.",
    "EUR 800,000 was confiscated from the network's leaders in 2019.",
    "Each victim owed a debt of 15,000 euros to the recruiters.",
    "Police seized CHF 250,000 in cash during the raid.",
    # money a project lacks is no grant
    "The night shelter (some EUR 300,000 a year) is unfunded from January onwards.",
    "Legal aid worth about PLN 80,000 remains underfunded after the donor left.",
]


@pytest.mark.parametrize("text", NOT_FUNDING)
def test_money_that_is_not_funding(text: str) -> None:
    assert _amounts(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry allocated €50,000 from confiscated criminal assets to the victims' fund.", [(50000, "EUR")]),
    ("Traffickers' profits fell, the report says, while the state gave $400,000 to shelters.", [(400000, "USD")]),
])
def test_funding_beside_words_about_crime_is_kept(text: str, expected: list[tuple[float, str]]) -> None:
    assert _amounts(text) == expected


def _fields_of(text: str) -> list[dict[str, object]]:
    return [dict(f.fields) for f in funding_facts(_passage(text))]


# Each amount's year is its own: "AMOUNT in YYYY" after it, a year before the sentence's first amount, else a
# clause-initial "In YYYY," (here or opening the previous sentence); never the year of another amount.
YEARS = [
    ("The Ministry gave €300,000 to shelters, compared with €250,000 in 2016 and €200,000 in 2015.",
     [None, 2016, 2015]),
    ("In 2017, the agency received 12 million kroner. It also paid 2 million kroner to the helpline.",
     [2017, 2017]),
    ("In 2017 the shelters received 12 million kroner.\n\nThe city also paid 2 million kroner to the helpline.",
     [2017, None]),  # another paragraph: the second amount has no year
    ("The Department has spent more than $90 million on victim services since fiscal year 2003.", [None]),
    ("The embassy pays £40,000 a year to the shelter until 2022.", [None]),
    ("Applications for grants of EUR 5,000-20,000 close on 15 March 2024.", [None, None]),
    ("During 2012: the city paid 45,000 euros to the hotline and 30,000 euros to the shelter.", [2012, 2012]),
    ("In 2012 the city paid 45,000 euros to the hotline and committed 30,000 euros a year to the shelter.",
     [2012, None]),  # a rate written later in the sentence keeps no year it does not state
    ("The foundation granted USD 60,000 in FY2014 and USD 80,000 in FY2015.", [2014, 2015]),
]


@pytest.mark.parametrize(("text", "years"), YEARS)
def test_each_amount_has_its_own_year(text: str, years: list[int | None]) -> None:
    assert [f.fields.get("year") for f in funding_facts(_passage(text))] == years


@pytest.mark.parametrize(("text", "expected"), [
    ("The Department has spent more than $90 million on victim services since fiscal year 2003.",
     [{"period": "since fiscal year 2003"}]),
    ("The state paid for two shelters and monthly stipends for victims, compared to 90,000 lei in 2016.",
     [{"period": None, "year": 2016}]),
    ("The city provides between 10,000 and 15,000 euros a year to the Caritas shelter.",
     [{"period": "per year", "recipient": "Caritas shelter"}, {"period": "per year", "recipient": "Caritas shelter"}]),
    ("Victims receive a monthly allowance of 150 euros from the municipality.", [{"period": "per month"}]),
    ("The city pays the shelter 25 euros per person per night and 40 euros per child per day.",
     [{"period": "per person"}, {"period": "per child per day"}]),
    ("Calls offer grants of €5,000 to €12,000 per project over the period 2022–2024.",
     [{"period": "per project"}, {"period": "per project"}]),
    ("Norway committed NOK 9 million for the period 2014–2016 and NOK 3 million in 2017-2018.",
     [{"period": "2014–2016"}, {"period": "2017-2018"}]),
])
def test_periods_belong_to_their_amount(text: str, expected: list[dict[str, object]]) -> None:
    found = _fields_of(text)
    assert len(found) == len(expected)
    for fields, wanted in zip(found, expected, strict=True):
        assert {key: fields.get(key) for key in wanted} == wanted


# Payers and recipients: "the government", listed institution names, a name given to a later amount alone,
# recipients without a capitalised name, and never a party from a neighbouring clause or a fragment.
PARTIES = [
    ("The government disbursed 2.4 million lei to NGO-run shelters in 2019.",
     [{"payer": "Government", "recipient": "NGO-run shelters"}]),
    ("The U.S. Government has provided $4 million to the regional programme.", [{"payer": "U.S. Government"}]),
    ("The Ministry of Labour, Social Protection and Family (MLSPF) granted 500,000 lei to the hotline.",
     [{"payer": "Ministry of Labour, Social Protection and Family"}]),
    ("The Norwegian Embassy provided NOK 1 million, and Denmark DKK 800,000 for the helpline.",
     [{"payer": "Norwegian Embassy"}, {"payer": "Denmark"}]),
    ("The OSCE Office intends to award grants of up to EUR 15,000 each.", [{"payer": "OSCE Office"}]),
    ("Small grants worth €3,000 were offered to youth groups.", [{"payer": None}]),
    ("The OSCE Mission to Moldova received USD 75,000 for the hotline.",
     [{"recipient": "OSCE Mission to Moldova", "purpose": "the hotline"}]),
    ("The shelter received €20,000 from the city, while the EU and UNICEF together contributed €45,000.",
     [{"recipient": None}, {"recipient": None}]),
    ("The city allocated 80,000 euros to three associations running night shelters.",
     [{"recipient": "three associations"}]),
    ("The government also gave €95,000 to an NGO providing legal aid to victims.", [{"recipient": "an NGO"}]),
    ("LASTRADA received 75,000 euros ($102,000) from the Ministry of\nInterior in 2008.",
     [{"payer": "Ministry of Interior", "year": 2008}]),
    ("Sweden pays SEK 2 million to the Centre for Migrant Rights for legal counselling.",
     [{"recipient": "Centre for Migrant Rights", "purpose": "legal counselling"}]),
    ("The Office to Prevent Trafficking continues to fund the post with USD 50,000.",
     [{"payer": "Office to Prevent Trafficking", "recipient": "post"}]),
    ("The Department for Victim Services runs two calls a year: in 2015 it granted €90,000 to local shelters, "
     "and it co-funds the helpline (116 006) with about €40,000 a year.",
     [{"payer": "Department for Victim Services", "year": 2015},
      {"payer": "Department for Victim Services", "recipient": "helpline", "year": None}]),
    ("Officials said it gave €5,000 to the hotline.", [{"payer": None}]),
    # a name wrapped between two capitalised words in a cable; a short heading line is no part of it
    ("The government allocated 12,000 euros ($16,440) to the International\nLabour Organization (ILO) in 2011.",
     [{"recipient": "International Labour Organization (ILO)"}]),
    ("Shelters are full, NGOs say.\nShelter Funding\nNorway contributed NOK 3 million to the Oslo shelter in 2012.",
     [{"payer": "Norway"}]),
    ("The Council of Europe has awarded the association a grant of €80,000.", [{"purpose": "grant"}]),
    ("Vienna spent 900,000 euros on legal counselling for victims in 2013.",
     [{"payer": "Vienna", "purpose": "legal counselling for victims", "year": 2013}]),
    ("The fund pays for shelter places for victims in 2015 and 2016 with €70,000.", [{"purpose": None}]),
    ("The Swiss Agency for Development (SDC) is adding CHF 200,000 for legal aid.",
     [{"payer": "Swiss Agency for Development"}]),
    ("The Regional Council of Vojvodina has set aside 30,000 euros a year for a second shelter.",
     [{"payer": "Regional Council of Vojvodina", "purpose": "a second shelter"}]),
    # a duration, the agent of a passive, a pronoun, another clause's "for": no purpose
    ("The line costs about EUR 30,000 a year and is paid for by the British embassy.", [{"purpose": None}]),
    ("Norway has granted the shelter NOK 900,000 for three years to hire two social workers.", [{"purpose": None}]),
    ("The ministry gave EUR 10,000 to the NGOs to support them.", [{"purpose": None}]),
    ("Grants reach €8,000 per project, and the deadline for proposals is 1 March.", [{"purpose": None}]),
    ("The embassy gave €8,000 for legal aid to victims.", [{"purpose": "legal aid to victims"}]),
    # "to" and a verb says what the money does, not who gets it
    ("The ministry awarded Caritas EUR 70,000 to run the regional shelters.", [{"recipient": "Caritas"}]),
    ("The ministry gave EUR 70,000 to run the regional shelters.", [{"recipient": None}]),
    ("The embassy gave EUR 70,000 to two NGOs running shelters.", [{"recipient": "two NGOs"}]),
    # the subject of a passive receives
    ("The Red Cross office in Sofia was paid BGN 40,000 for interpreting.", [{"payer": None}]),
    ("Sida is supporting the hotline with SEK 600,000 a year.", [{"payer": "Sida"}]),
    # months that bound the money's period
    ("Since 2005 the embassy has funded the shelter, lately with a $300,000 grant covering May 2009 to April 2011.",
     [{"period": "May 2009 to April 2011"}]),
    ("Oak pledged CHF 90,000 for the period from January 2012 – December 2013.",
     [{"period": "January 2012 – December 2013"}]),
    ("The ministry gave EUR 9,000 from Monday to the hotline.", [{"period": None}]),
    # a month or a weekday is a time, never a party
    ("The embassy gave EUR 25,000 to March 2013 for the hotline.", [{"recipient": None}]),
    ("A grant of $70,000 from Monday covers the shelter.", [{"payer": None}]),
    ("The Ministry of Justice gave €20,000 to Ruhama in May 2014.", [{"payer": "Ministry of Justice",
                                                                     "recipient": "Ruhama"}]),
    # who is given: right after the giving verb, before the sum; the subject of "will receive", "was paid"
    ("The Ministry of Health awarded the Sunrise Foundation EUR 250,000 for its shelter in 2014.",
     [{"payer": "Ministry of Health", "recipient": "Sunrise Foundation"}]),
    ("In 2013 the agency granted three NGOs a total of RON 410,000 ($130,000).", [{"recipient": "three NGOs"}]),
    ("The Anti-Trafficking Office (ATO) will receive USD 120,000 per year from the Department of State.",
     [{"payer": "Department of State", "recipient": "Anti-Trafficking Office"}]),
    ("Caritas Vienna, the largest shelter provider, received EUR 900,000 from the city in 2016.",
     [{"recipient": "Caritas Vienna"}]),
    ("IOM Tirana was paid EUR 45,000 for return assistance.", [{"payer": None, "recipient": "IOM Tirana"}]),
    # givers: "will add", "is funding", "raised its grant", "renewed its support", an office of a named body
    ("The Council of Europe will add GBP 30,000 to the project.", [{"payer": "Council of Europe"}]),
    ("The Kingdom of Sweden is funding a helpline study with SEK 2 million over 2021-2022.",
     [{"payer": "Kingdom of Sweden"}]),
    ("The federal government has raised its annual grant to each of the two shelters to EUR 500,000.",
     [{"payer": "federal government"}]),
    ("The City of Graz's social welfare office committed EUR 75,000 to the drop-in centre.",
     [{"payer": "City of Graz's social welfare office"}]),
    ("Switzerland renewed its support to the Tirana Legal Aid Society, with CHF 90,000 for two years.",
     [{"payer": "Switzerland", "recipient": "Tirana Legal Aid Society"}]),
    ("The government allocated 25.13 million pesos ($478,760) to implement this program.", [{"recipient": None}]),
    # ... but not a verb of another sense, nor a count of victims after the verb
    ("Police raised concerns that traffickers paid EUR 5,000 per victim.", [{"payer": None}]),
    ("The court awarded 12 victims EUR 3,000 each in compensation.", [{"recipient": None}]),
]


@pytest.mark.parametrize(("text", "expected"), PARTIES)
def test_payers_and_recipients(text: str, expected: list[dict[str, object]]) -> None:
    found = _fields_of(text)
    assert len(found) == len(expected)
    for fields, wanted in zip(found, expected, strict=True):
        assert {key: fields.get(key) for key in wanted} == wanted


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("EU gives €2.5 million to Moldovan shelters",
     "EU gives €2.5 million to Moldovan shelters\n\nThe European Union signed a €2.5 million grant with three NGOs.",
     ["The European Union signed a €2.5 million grant with three NGOs."]),
    ("EU gives €2.5 million to Moldovan shelters",  # the body gives another amount: the headline's stays
     "EU gives €2.5 million to Moldovan shelters\n\nThe European Union signed a €2 million grant with three NGOs.",
     ["EU gives €2.5 million to Moldovan shelters", "The European Union signed a €2 million grant with three NGOs."]),
])
def test_a_headline_amount_told_again_in_the_body_is_one_fact(title: str, text: str, expected: list[str]) -> None:
    assert [f.excerpt for f in funding_facts(_passage(text, None, title))] == expected


def test_what_only_the_headline_says_stays_with_the_body_fact() -> None:
    text = "Japan gives $1 million for victim shelters\n\nThe new $1 million package was announced on Monday."
    [fact] = funding_facts(_passage(text, None, "Japan gives $1 million for victim shelters"))
    assert fact.excerpt.startswith("The new $1 million package") and fact.fields["payer"] == "Japan"
