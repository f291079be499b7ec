"""Event facts: dates and ranges in cables, reports, newsletters and calendars; non-dates ignored."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.cleaning import parse_document, split_passages
from knowledge.extract.event import event_facts, event_summary
from knowledge.models import Fact, Passage
from knowledge.text import fold

CORPUS = Path(__file__).resolve().parents[2] / "knowledge" / "corpus"


def _passage(text: str, doc_date: str | None = "2018-06-01") -> Passage:
    return Passage(doc="sample.txt", ordinal=3, start=0, end=len(text), text=text, masked=text,
                   title="Sample", doc_date=doc_date)


def _dates(text: str, doc_date: str | None = "2018-06-01") -> list[tuple[str, str | None]]:
    return [(f.fields["start"], f.fields.get("end")) for f in event_facts(_passage(text, doc_date))]


DATED = [
    # cables: month first, year after a comma
    ("On October 19-20, 2009, Secretary of State Bockel participated at the Ministerial Conference in Brussels.",
     "2010-02-19", [("2009-10-19", "2009-10-20")]),
    ("The joint sting operation was carried out on January 21, 2010.", "2010-02-19", [("2010-01-21", None)]),
    ("Launched on April 6, 2009, the campaign was distributed widely on television.", "2010-02-19",
     [("2009-04-06", None)]),
    ("On Sept. 5, 2011, police raided a massage parlor in Lyon.", "2012-02-01", [("2011-09-05", None)]),
    ("ON JANUARY 21, 2010, POLICE ARRESTED TWO SUSPECTS IN MARSEILLE.", "2010-02-19", [("2010-01-21", None)]),
    ("The delegation visited Sofia from November 30 to December 2, 2009.", "2010-02-19",
     [("2009-11-30", "2009-12-02")]),
    ("The hearings ran from December 28 - January 3, 2010.", "2010-02-19", [("2009-12-28", "2010-01-03")]),
    # cables: the year left out is the document's
    ('France and Romania held "talks on human trafficking" in Bucharest on February 11-12, which concluded.',
     "2010-02-19", [("2010-02-11", "2010-02-12")]),
    # reports and newsletters: day first
    ("From 14-18 May 2018, Vienna hosted the twenty-seventh Commission.", "2018", [("2018-05-14", "2018-05-18")]),
    ("During the Semaine des Ambassadeurs on 29 August 2017, he spoke about peace.", "2018",
     [("2017-08-29", None)]),
    ("Mr Falconi, permanent representative at the UN in Vienna, 15 May\n2018, during his speech.", "2018",
     [("2018-05-15", None)]),
    ("Delegates met on the 14th of May 2018 to agree the text.", "2018", [("2018-05-14", None)]),
    ("The workshop took place on 5th March 2019 in Tirana.", "2019", [("2019-03-05", None)]),
    ("The conference ran from 28 December 2018 to 3 January 2019 in Geneva.", "2019",
     [("2018-12-28", "2019-01-03")]),
    ("The training will run from 30 November 2018 – 2 December 2018.", "2018", [("2018-11-30", "2018-12-02")]),
    ("Between 14 and 18 May 2018 the experts met in Skopje.", "2018", [("2018-05-14", "2018-05-18")]),
    ("On 2 and 3 July, the human trafficking working group discussed the text.", "2018",
     [("2018-07-02", "2018-07-03")]),
    ("From 2-5 July, hosted working groups on trafficking in persons.", "2018", [("2018-07-02", "2018-07-05")]),
    ("On 2 and 9 July, labour inspectors visited farms.", "2018", [("2018-07-02", None)]),
    ("On 2, 3 and 4 July, the experts met in Tirana.", "2018", [("2018-07-02", "2018-07-04")]),
    ("The trainings took place on the 5th and 6th of May 2019.", "2019", [("2019-05-05", "2019-05-06")]),
    ("The workshop, held 3rd–5th December 2018 in Skopje, trained 30 judges.", "2019",
     [("2018-12-03", "2018-12-05")]),
    ("The agreement was signed in Chisinau on 14.05.2018 by both ministers.", "2018", [("2018-05-14", None)]),
    ("On Monday, 14 May 2018, the Commission opened its session.", "2018", [("2018-05-14", None)]),
    ("Member States concluded negotiations on 13 July 2018, and it is expected to be adopted in December 2018.",
     "2018", [("2018-07-13", None), ("2018-12-01", None)]),
    # calendars
    ("31 May - 1 June, Bulgaria: international conference on human trafficking.", "2018",
     [("2018-05-31", "2018-06-01")]),
    ("17 -21 September, Greece: institutional meetings and\n\njudicial authorities.", "2018",
     [("2018-09-17", "2018-09-21")]),
    ("30 October - 2 November, Bulgaria: conference on new technologies.", "2018", [("2018-10-30", "2018-11-02")]),
    ("• 2–5 October, Sarajevo: regional seminar with UNODC (page 9).", "2018", [("2018-10-02", "2018-10-05")]),
    ("12 March 2019: Launch of the national referral mechanism.", "2019", [("2019-03-12", None)]),
    # month precision
    ("ECPAT unveiled its new public campaign in March 2009.", "2010-02-19", [("2009-03-01", None)]),
    ("The bilateral visit followed a July 2009 trip by Lellouche to Bucharest.", "2010-02-19",
     [("2009-07-01", None)]),
    ("The seminar (March-April 2019) trained forty judges.", "2019", [("2019-03-01", "2019-04-01")]),
    # the year comes from the nearest explicit year before the date
    ("In 2017, the network met on 4 March and again on 9 June.", "2018", [("2017-03-04", None), ("2017-06-09", None)]),
    ("Over the 2018-2019 period, the first seminar will be held from 2-5 October in Sarajevo.", "2019",
     [("2018-10-02", "2018-10-05")]),
    ("Targets must be met by 2030. The panel met on 13 July.", "2018", [("2018-07-13", None)]),
    ("The fee is 2000 euros and 2010 victims applied. The panel met on 13 July.", "2018", [("2018-07-13", None)]),
    # ... in the same paragraph: after a blank line the document's year applies again
    ("In 2017 the network was founded.\n\nOn 4 March the network met.", "2018", [("2018-03-04", None)]),
    ("The panel met on 13 July.", None, []),  # no year anywhere: no guess
]


@pytest.mark.parametrize(("text", "doc_date", "expected"), DATED)
def test_dates_are_found_and_normalised(text: str, doc_date: str | None,
                                        expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text, doc_date) == expected


@pytest.mark.parametrize("text", [
    "The government identified 822 trafficking victims in 2008.",
    "Since 2011, France has contributed over 330,000 dollars to the fund.",
    "Over the 2018-2019 period, a new cycle of three regional expert meetings is planned.",
    "16.4: By 2030 significantly reduce illicit financial and arms flows.",
    "The bill amends articles 695-2 and 695-3 of the Code of Criminal Procedure.",
    "See resolution E/CN.15/2018/L.3/REV.1 (page 9) and paragraph 30 of reftel.",
    "Victims receive a stipend of 100 euros ($137) a month.",
    "Over 4,600 practitioners from 31 jurisdictions attended 120 activities.",
    "Permanent representation, Schwarzenbergplatz 16, 1010, Vienna (Austria).",
    "Autumn 2018 deployment: 1 JPO in Tunis working in Terrorism Prevention.",
    "Last May, during the 26th session of the Commission in Vienna, France contributed.",
    "Did the government conduct any campaigns between January 5 and March 3, 2009?",
    "Date: 19 February 2010",
    "Date: 2010-02-19",
    "Posted: March 3, 2019 by the press office",
    "They may 5 times a year review the cases.",
    "See sections 3.1 and 16.4 of the 2018 guidelines, and table 2.3.",
    "Call the hotline on 0 800 05 12 12 or +33 1 43 12 22 14.",
    "the 2010 World Cup in South Africa and the end of 2010",
])
def test_non_dates_make_no_events(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(("text", "title", "location"), [
    ("15-19 October, Vienna: 9th Conference of Parties to the Palermo Convention.",
     "9th Conference of Parties to the Palermo Convention", "Vienna"),
    ("16-19 April, Romania: meetings with enforcement and", "Meetings with enforcement and", "Romania"),
    ("From 5-7 June 2018, Moldova hosted an interregional seminar.", "Moldova hosted an interregional seminar",
     "Moldova"),
    ("The joint sting operation against the ring operating in Phnom Penh was carried out on January 21, 2010.",
     "The joint sting operation against the ring operating in Phnom Penh was carried out", "Phnom Penh"),
    ("The Office for the Suppression of Trafficking in Persons (OCRTEH) dismantled a network on 5 May 2009.",
     "OCRTEH dismantled a network", None),
    ("As in previous years, the government sponsored a conference at the Supreme Court on January 22, 2010.",
     "The government sponsored a conference at the Supreme Court", None),
    ("The working group, established in December 2008, drafted a decree.",
     "The working group drafted a decree", None),
    ("On January 15 the MVD hosted a roundtable in St. Petersburg with IOM.",
     "The MVD hosted a roundtable in St. Petersburg with IOM", "St. Petersburg"),
    ("The next meeting is scheduled for April 22-23 in Moscow.", "The next meeting is scheduled in Moscow", "Moscow"),
    ("1. (U) SUMMARY: ON DECEMBER 4, 2008, THE DUMA PASSED A LAW ON WITNESS PROTECTION.",
     "THE DUMA PASSED A LAW ON WITNESS PROTECTION", None),
    ("- 3 March 2020: launch of the awareness campaign (Paris)", "Launch of the awareness campaign (Paris)", "Paris"),
    ("12 May 2020: meeting of the steering committee (UNODC).", "Meeting of the steering committee (UNODC)", None),
    ("Mr Jean-Yves Le Drian, French Minister of Europe and Foreign Affairs, speaking during his address to the "
     "Diplomatic Corps in Paris, 30 January 2018:",
     "Mr Jean-Yves Le Drian speaking during his address to the Diplomatic Corps in Paris", "Paris"),
    ("Mr Jean-Louis Falconi, France’s permanent representative at the UN in Vienna, 15 May 2018, during his speech.",
     "Mr Jean-Louis Falconi during his speech", "Vienna"),
    ("-- E: On November 25, 2009, Prime Minister Fillon declared a great national cause.",
     "Prime Minister Fillon declared a great national cause", None),
    ("Mr Delattre spoke at the Security Council, 21 February 2018 in\nNew York.",
     "Mr Delattre spoke at the Security Council in New York", "New York"),
])
def test_title_and_location(text: str, title: str, location: str | None) -> None:
    (fact,) = event_facts(_passage(text))
    assert fact.fields["title"] == title
    assert fact.fields.get("location") == location


def test_each_date_titled_by_its_own_clause() -> None:
    text = "Member States concluded negotiations on 13 July 2018, and it is expected to be adopted in December 2018."
    assert [f.fields["title"] for f in event_facts(_passage(text))] == [
        "Member States concluded negotiations", "It is expected to be adopted"]


def test_month_only_dates_say_so() -> None:
    (fact,) = event_facts(_passage("In June 2009, Air France aircraft showcased the new campaign.", "2010-02-19"))
    assert fact.fields["start"] == "2009-06-01"
    assert fact.fields["precision"] == "month"
    assert "end" not in fact.fields


def test_inferred_years_are_marked() -> None:
    (fact,) = event_facts(_passage("On 4 and 5 July, the migrant smuggling group met.", "2018"))
    assert fact.fields["year_inferred"] is True
    (explicit,) = event_facts(_passage("On 4 July 2018, the group met."))
    assert "year_inferred" not in explicit.fields


@pytest.mark.parametrize(("text", "doc_date"), [(text, doc_date) for text, doc_date, _ in DATED])
def test_excerpts_are_verbatim_sentences_of_the_passage(text: str, doc_date: str | None) -> None:
    passage = _passage(text, doc_date)
    for fact in event_facts(passage):
        assert fact.excerpt in fold(passage.text)
        assert fact.excerpt == fold(passage.text[fact.start:fact.end])


def test_excerpt_leaves_out_a_heading_line() -> None:
    (fact,) = event_facts(_passage("Recent activities\nOn 4 February 2019 we opened a new shelter in Lyon."))
    assert fact.excerpt == "On 4 February 2019 we opened a new shelter in Lyon."
    assert fact.fields["title"] == "We opened a new shelter in Lyon"


def test_excerpt_is_the_sentence_with_the_date() -> None:
    text = ("France partnered with NGOs. On November 1, 2009, the Ministry of Justice presented a bill. "
            "He added that the measures were strong.")
    (fact,) = event_facts(_passage(text))
    assert fact.excerpt == "On November 1, 2009, the Ministry of Justice presented a bill."


CABLE = """10PARIS555
FRANCE: ANTI-TRAFFICKING CONFERENCE
Fri Feb 19 00:00:00 +0100 2010
UNCLASSIFIED
Embassy Paris
VZCZCXRO4390
O 191637Z FEB 10 ZDK
FM AMEMBASSY PARIS
TO RUEHC/SECSTATE WASHDC IMMEDIATE 8358
SUBJECT: FRANCE: ANTI-TRAFFICKING CONFERENCE

SUMMARY
-------
¶1. (U) On February 11-12 the government hosted a conference in Lyon.
The previous meeting was held on 3 March 2009 in Lille.
"""


def test_a_dateline_at_the_top_is_not_an_event() -> None:
    text = "Newsletter No. 10 – June 2018\nFight against trafficking\n\nOn 5 June 2018, Moldova hosted a seminar."
    passage = Passage(doc="n.txt", ordinal=0, start=0, end=len(text), text=text, masked=text, title="N",
                      doc_date="2018")
    assert [f.fields["start"] for f in event_facts(passage)] == ["2018-06-05"]


def test_a_running_header_is_not_an_event() -> None:
    text = ("Anti-trafficking newsletter | June 2018\nThe shelter opened on 4 June 2018 in Lyon.\n\n"
            "Anti-trafficking newsletter | June 2018\nMore text follows here.")
    assert _dates(text) == [("2018-06-04", None)]


CAPS_CABLE = """08MOSCOW1234
RUSSIA: TIP REPORT INPUT
Tue Mar 03 00:00:00 +0300 2009
UNCLASSIFIED
SUBJECT: RUSSIA: INPUT FOR THE 2009 TRAFFICKING IN PERSONS REPORT

1. (U) SUMMARY: ON DECEMBER 4, 2008, THE DUMA PASSED A LAW ON WITNESS PROTECTION. END SUMMARY.

2. (SBU) On January 15 the MVD hosted a roundtable with IOM. The next meeting is scheduled for April 22-23.
"""


def test_an_all_capitals_cable() -> None:
    doc = parse_document("08MOSCOW1234.txt", CAPS_CABLE, kind="text", sha256="0")
    facts = [f for p in split_passages(doc) for f in event_facts(p)]
    assert [(f.fields["start"], f.fields.get("end")) for f in facts] == [
        ("2008-12-04", None), ("2009-01-15", None), ("2009-04-22", "2009-04-23")]
    assert facts[0].excerpt == "ON DECEMBER 4, 2008, THE DUMA PASSED A LAW ON WITNESS PROTECTION."


def test_cable_header_dates_are_metadata() -> None:
    doc = parse_document("10PARIS555.txt", CABLE, kind="text", sha256="0")
    facts = [f for p in split_passages(doc) for f in event_facts(p)]
    assert [(f.fields["start"], f.fields.get("end")) for f in facts] == [
        ("2010-02-11", "2010-02-12"), ("2009-03-03", None)]
    assert facts[0].fields["location"] == "Lyon"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_every_excerpt_is_verbatim(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = parse_document(path.name, text, kind="text", sha256="0")
    passages = split_passages(doc)
    facts = [f for p in passages for f in event_facts(p)]
    assert facts
    folded = fold(text)
    for fact in facts:
        assert fact.excerpt in folded
        assert fold(text[fact.start:fact.end]) == fact.excerpt
        assert len(fact.excerpt) <= 600


@pytest.mark.parametrize(("fields", "summary"), [
    ({"title": "Talks in Bucharest", "start": "2010-02-11", "end": "2010-02-12", "location": "Bucharest"},
     "11–12 February 2010: Talks in Bucharest (Bucharest)"),
    ({"title": "Conference", "start": "2018-05-31", "end": "2018-06-01"}, "31 May – 1 June 2018: Conference"),
    ({"title": "Hearings", "start": "2009-12-28", "end": "2010-01-03"},
     "28 December 2009 – 3 January 2010: Hearings"),
    ({"title": "Campaign unveiled", "start": "2009-03-01", "precision": "month"}, "March 2009: Campaign unveiled"),
    ({"title": "Sting operation", "start": "2010-01-21"}, "21 January 2010: Sting operation"),
    ({"title": "Training", "start": "2019-03-01", "end": "2019-04-01", "precision": "month"},
     "March 2019 – April 2019: Training"),
    ({"title": "Odd", "start": "spring 2019"}, "spring 2019: Odd"),
])
def test_event_summary(fields: dict[str, str], summary: str) -> None:
    assert event_summary(fields) == summary


@pytest.mark.parametrize(("text", "doc_date", "expected"), [
    # a cable of February 2010 telling what happened "on November 25" means November 2009
    ("On November 25, Prime Minister Fillon declared violence against women a national cause.", "2010-02-19",
     [("2009-11-25", None)]),
    ("The ministers met in Paris on December 14-15.", "2010-02-19", [("2009-12-14", "2009-12-15")]),
    # ... but what is still to come keeps the document's year
    ("The next round of talks will be held on November 25 in Paris.", "2010-02-19", [("2010-11-25", None)]),
    ("The conference is scheduled for 25-27 May.", "2010-02-19", [("2010-05-25", "2010-05-27")]),
    # a year the text gives is never moved
    ("On November 25, 2010, the government held a conference.", "2010-02-19", [("2010-11-25", None)]),
    # a document dated by year alone gives no ground to move anything
    ("On November 25, the ministers met in Vienna.", "2018", [("2018-11-25", None)]),
    ("In May 12 victims were freed in raids across the country.", "2018", []),
    ("The decree was published on 2018-05-14 in the official journal.", "2018", [("2018-05-14", None)]),
])
def test_year_of_a_dated_report(text: str, doc_date: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text, doc_date) == expected


_FORMATS = (
    lambda d: f"{d.day} {d:%B %Y}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%b}. {d.day}, {d.year}" if d.month != 5 else f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.day}th of {d:%B %Y}",
    lambda d: f"{d:%A}, {d.day} {d:%B %Y}",
    lambda d: f"{d:%B %d, %Y}".upper(),
    lambda d: d.isoformat(),
    lambda d: f"{d:%d.%m.%Y}",
)


@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2039, 12, 31)),
       form=st.sampled_from(_FORMATS))
def test_any_written_date_is_read_back(day: date, form: object) -> None:
    written = form(day)  # type: ignore[operator]
    text = f"The ministers met on {written} in Vienna to sign the agreement."
    assert _dates(text, "2040-01-01") == [(day.isoformat(), None)]


@given(first=st.dates(min_value=date(1990, 1, 1), max_value=date(2039, 12, 1)),
       length=st.integers(min_value=1, max_value=20), month_first=st.booleans())
def test_any_written_range_is_read_back(first: date, length: int, month_first: bool) -> None:
    last = first + timedelta(days=length)
    if month_first:
        same_month = (first.year, first.month) == (last.year, last.month)
        written = (f"{first:%B} {first.day}-{last.day}, {last.year}" if same_month
                   else f"{first:%B} {first.day} - {last:%B} {last.day}, {last.year}")
    elif (first.year, first.month) == (last.year, last.month):
        written = f"{first.day}-{last.day} {last:%B %Y}"
    elif first.year == last.year:
        written = f"{first.day} {first:%B} - {last.day} {last:%B %Y}"
    else:
        written = f"{first.day} {first:%B %Y} - {last.day} {last:%B %Y}"
    text = f"From {written}, Vienna hosted the session."
    assert _dates(text, "2040-01-01") == [(first.isoformat(), last.isoformat())]


@pytest.mark.parametrize(("text", "location"), [
    ("Bulletin of the network, spring issue, with news from partners across the region and beyond.\n\n"
     "The regional seminar took place in Örebro on 5 May 2019.", "Örebro"),
    ("Bulletin of the network, spring issue, with news from partners across the region and beyond.\n\n"
     "On 12 March 2019, Łódź hosted a meeting of labour inspectors.", "Łódź"),
])
def test_places_with_letters_beyond_ascii(text: str, location: str) -> None:
    doc = parse_document("bulletin.txt", text, kind="text", sha256="0")
    facts = [f for p in split_passages(doc) for f in event_facts(p)]
    assert [f.fields.get("location") for f in facts] == [location]


def _head(text: str) -> list[Fact]:
    """The facts of `text` as the first passage of its document, where titles and datelines sit."""
    passage = Passage(doc="p.txt", ordinal=0, start=0, end=len(text), text=text, masked=text, title="P",
                      doc_date="2019-05-02")
    return event_facts(passage)


@pytest.mark.parametrize(("text", "expected"), [
    # a dateline gives the day the text was written; the event is the date in its sentence
    ("GENEVA, 2 May 2019 – From 20 to 21 May 2019, the Office will convene its annual meeting of rapporteurs.",
     [("2019-05-20", "2019-05-21")]),
    ("Skopje, 2 May 2019 - The Ministry of Interior opened a new shelter for women and children in the capital.", []),
    ("SARAJEVO, May 2, 2019—Police officers from four countries began joint training on victim identification.", []),
    ("date 2019-05-02 TIRANA, Albania – A regional workshop will be held on 14 May 2019 in Durres for prosecutors.",
     [("2019-05-14", None)]),
    ("Photo: A. Petrova / IOM 2 May 2019 - Social workers from six shelters compared their referral forms.", []),
    ("Published by the Regional Secretariat\nMay 2019\n\nThe network met in Tirana on 14 May 2019.",
     [("2019-05-14", None)]),
    ("Research note 4/19 · Published: 2019-05-02 · Author: J. Novak", []),
    ("*Prepared for the Standing Committee on Migration, Note No. 4/19, May 2019*", []),
    ("Western Balkans desk\nBelgrade\nMay 2, 2019\n\nThe coordinators met in Belgrade on 14 May 2019.",
     [("2019-05-14", None)]),
    # a dateline whose sentence says "today": the dateline's day is the event's
    ("ROME, 30 July 2019 – The World Day against Trafficking in Persons is marked today by events in every region.",
     [("2019-07-30", None)]),
    # not a dateline: a lead-in before the date, or a short calendar line after the dash
    ("On 3 May 2019 – the day the new law came into force – the inspectors visited twelve farms in the region.",
     [("2019-05-03", None)]),
])
def test_datelines_are_not_events(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(f.fields["start"], f.fields.get("end")) for f in _head(text)] == expected


@pytest.mark.parametrize(("text", "start", "title", "location"), [
    ("Regional news\n\n4-5 March 2019: Round-table on labour exploitation\n\nThe round-table brought together "
     "inspectors.", "2019-03-04", "Round-table on labour exploitation", None),
    ("Annual Meeting of National Rapporteurs\n\nWHEN 9 October 2019, 09:30 – 10 October 2019, 17:00\n"
     "WHERE Palais des Nations (Geneva) and online\n", "2019-10-09", "Annual Meeting of National Rapporteurs",
     "Palais des Nations (Geneva)"),
    ("Expert consultation on child trafficking\nWhen: 12 November 2019\nWhere: Europa House; registration closes "
     "soon\n", "2019-11-12", "Expert consultation on child trafficking", "Europa House"),
])
def test_event_headings_near_the_top_are_events(text: str, start: str, title: str, location: str | None) -> None:
    (fact,) = _head(text)
    assert (fact.fields["start"], fact.fields["title"], fact.fields.get("location")) == (start, title, location)


@pytest.mark.parametrize("text", [
    "The Ministry said the centre has funds to stay open only until June 2019.",
    "The project will be completed by September 2019.",
    "Applications must reach the secretariat no later than 15 October 2019.",
    "Registration is open until Friday, 10 May, 17:00 CEST.",
    "The seminar was postponed from 18 October to a date still to be agreed.",
    "The review was originally scheduled for 4 March but the ministry withdrew.",
])
def test_limits_and_former_dates_are_not_events(text: str) -> None:
    assert _dates(text, "2019-05-02") == []


COLUMN_CALENDAR = """UPCOMING
 12-13 June 2024     Vilnius       Baltic task force meeting on labour
                                   exploitation (CBSS)
 2 July 2024         online        Webinar on victim identification
 September 2024      The Hague     Annual network conference
"""


def test_a_calendar_in_columns_gives_one_event_a_row() -> None:
    facts = event_facts(_passage(COLUMN_CALENDAR, "2024-05-01"))
    got = [(f.fields["start"], f.fields["title"], f.fields.get("location"), f.excerpt) for f in facts]
    assert got == [
        ("2024-06-12", "Baltic task force meeting on labour exploitation (CBSS)", "Vilnius",
         "12-13 June 2024 Vilnius Baltic task force meeting on labour exploitation (CBSS)"),
        ("2024-07-02", "Webinar on victim identification", "online",
         "2 July 2024 online Webinar on victim identification"),
        ("2024-09-01", "Annual network conference", "The Hague", "September 2024 The Hague Annual network conference"),
    ]


@pytest.mark.parametrize(("text", "title"), [
    # spaces after a date in running text, or a date inside a row: no column calendar
    ("The panel met on 3 June 2024  in Riga  to agree the text.", "The panel met in Riga to agree the text"),
    ("Deadline  3 June 2024      Riga       submissions close", "Deadline Riga submissions close"),
    ("The Ambassador will hold on June 16  press  conference on the Report.",
     "The Ambassador will hold press conference on the Report"),
])
def test_spaces_in_prose_are_no_calendar(text: str, title: str) -> None:
    assert [f.fields["title"] for f in event_facts(_passage(text, "2024-05-01"))] == [title]


@pytest.mark.parametrize(("text", "expected"), [
    # the months bound what an amount pays for: no event
    ("The embassy renewed its support with a EUR 75,000 grant covering March 2011 to February 2013.", []),
    ("Norway pledged NOK 2 million for the period from January 2012 to December 2014.", []),
    ("SIDA gave SEK 500,000 (USD 70,000) spanning May 2010 - April 2011 to the shelter.", []),
    ("The donor's $300,000 contract running from 1 July 2009 until 30 June 2010 pays for two lawyers.", []),
    # an amount elsewhere in the sentence does not make a meeting's date a period
    ("The EUR 20,000 seminar was held on 12 May 2011 in Tirana.", [("2011-05-12", None)]),
    ("Donors gave EUR 50,000; the shelter opened from 3 March 2011 to visitors.", [("2011-03-03", None)]),
    ("The round table from 4 to 6 May 2011 discussed the EUR 1 million budget.", [("2011-05-04", "2011-05-06")]),
])
def test_a_funded_period_is_not_an_event(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text, "2011-06-01") == expected


@pytest.mark.parametrize(("text", "doc_date", "start"), [
    ("Royal Decree 557/2011 of April 20 approved the regulation of the Aliens Act.", "2012-02-10", "2011-04-20"),
    ("Law No. 12/2008, dated 3 June, introduced the reflection period.", "2010-01-05", "2008-06-03"),
    # no numbered act before the date: the year is the document's
    ("The regulation was approved on April 20 by the Council of Ministers.", "2012-06-10", "2012-04-20"),
])
def test_a_numbered_act_gives_its_date_the_year(text: str, doc_date: str, start: str) -> None:
    assert [f.fields["start"] for f in event_facts(_passage(text, doc_date))] == [start]


@pytest.mark.parametrize(("text", "title", "location"), [
    ("From March 3-5, 2010, the Guardia Civil hosted a workshop in Cadiz for labour inspectors.",
     "The Guardia Civil hosted a workshop in Cadiz for labour inspectors", "Cadiz"),
    ("Croatia will host the regional coordinators' meeting in Zagreb on 4-5 June 2019.",
     "Croatia will host the regional coordinators' meeting in Zagreb", "Zagreb"),
    ("The Organization for Security and Co-operation in Europe will hold the review on 4 June 2019.",
     "The Organization for Security and Co-operation in Europe will hold the review", None),
    ("- From 9-11 June, Tirana: NGO delegation at the regional expert meeting.",
     "NGO delegation at the regional expert meeting", "Tirana"),
    ("- **From 9-11 June, Tirana:** NGO delegation at the regional expert meeting.",
     "NGO delegation at the regional expert meeting", "Tirana"),
    ("- **12 June, all partner shelters:** open day for local authorities.",
     "All partner shelters: open day for local authorities", None),
    ("Media advisory: regional conference on child trafficking, 17-18 June at Europa House, Skopje",
     "Media advisory: regional conference on child trafficking at Europa House, Skopje", "Europa House, Skopje"),
    ("Regional Meeting on Labour Inspection, Tirana, 24-26 June 2019. Photo: OSCE",
     "Regional Meeting on Labour Inspection, Tirana", "Tirana"),
    # a dash instead of the colon after the place
    ("- **14–15 June 2019, Ohrid** — summer school for shelter staff (IOM and Open Gate)",
     "Summer school for shelter staff (IOM and Open Gate)", "Ohrid"),
    ("* 20 June 2019, online – webinar on the new referral guidelines",
     "Webinar on the new referral guidelines", "online"),
    ("- 3 July 2019, Skopje -- round table with labour inspectors", "Round table with labour inspectors", "Skopje"),
    # a section's number or a cable's label opens the sentence, not the title
    ("2.3 The evaluators met shelter staff in Skopje on 4 June 2019.", "The evaluators met shelter staff in Skopje",
     "Skopje"),
    ("SUMMARY: The ministry opened a second shelter on 4 June 2019.", "The ministry opened a second shelter", None),
    ("Comment: The parliament adopted the law on 4 June 2019.", "The parliament adopted the law", None),
    # a number that is part of the title, or a label that is not a section's, stays
    ("3 NGOs signed the referral protocol on 4 June 2019.", "3 NGOs signed the referral protocol", None),
    ("Workshop: victim identification for labour inspectors, 4 June 2019.",
     "Workshop: victim identification for labour inspectors", None),
    # no place before the dash: the title stays whole
    ("- **18 October 2019** — EU Anti-Trafficking Day; partners plan local events",
     "EU Anti-Trafficking Day", None),
])
def test_places_and_titles_of_calendar_lines_and_cables(text: str, title: str, location: str | None) -> None:
    (fact,) = event_facts(_passage(text, "2019-05-02"))
    assert (fact.fields["title"], fact.fields.get("location")) == (title, location)


def test_a_dateline_is_not_part_of_the_title() -> None:
    (fact,) = _head("date 2019-05-02 GENEVA, 2 May 2019 – From 20 to 21 May 2019, the Office will convene its "
                    "annual meeting.")
    assert fact.fields["title"] == "The Office will convene its annual meeting"


@pytest.mark.parametrize(("text", "expected"), [
    # two sentences on one launch: one event, quoted from the one that says where
    ("The network was launched on 4 June 2019. On 4 June 2019 the ministry launched the shelter network in "
     "Tirana with six NGOs.", [("2019-06-04", "Tirana")]),
    # two calendar lines of one day at different places: two events
    ("- 4 June 2019, Tirana: launch of the shelter network\n- 4 June 2019, Skopje: meeting of inspectors",
     [("2019-06-04", "Tirana"), ("2019-06-04", "Skopje")]),
])
def test_one_event_per_date_in_a_passage(text: str, expected: list[tuple[str, str | None]]) -> None:
    facts = event_facts(_passage(text))
    assert [(f.fields["start"], f.fields.get("location")) for f in facts] == expected
    if len(facts) == 1:
        assert facts[0].excerpt.startswith("On 4 June 2019")


@pytest.mark.parametrize(("text", "expected"), [
    # a wrapped line of prose may hold only the date: it is still the sentence's event
    ("Police from three countries carried out a joint raid on \nMarch 4, 2019. \n", [("2019-03-04", None)]),
    ("The inspectors met the shelter staff on\n12 June 2019, and agreed a plan.", [("2019-06-12", None)]),
    # a date alone under a heading or an office's name is the document's or a news item's date
    ("Office of the National Coordinator\nTirana\n2 May 2019\n\nNews in brief", []),
])
def test_a_date_alone_on_its_line(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text) == expected


def test_a_place_on_the_line_above_is_not_beside_the_date() -> None:
    text = "Cooperation in the Western Balkans and in Central Asia\nFrom 5-7 June 2019, Moldova hosted a seminar."
    (fact,) = event_facts(_passage(text))
    assert fact.fields["location"] == "Moldova"


@pytest.mark.parametrize(("text", "title"), [
    ("BRUSSELS (AFP) - The Commission will host a round-table on child trafficking on 20 May 2019 in Brussels.",
     "The Commission will host a round-table on child trafficking in Brussels"),
    ("PRESS RELEASE\nGeneva, 2 May 2019\nThe Special Rapporteur will visit Albania from 20 to 28 May 2019.",
     "The Special Rapporteur will visit Albania"),
    ("ROME (UNIS) – 30 July 2019 – UNICEF marks today the World Day against Trafficking in Persons.",
     "UNICEF marks today the World Day against Trafficking in Persons"),
    # a year and a hyphen inside the sentence is no dateline
    ("Over the 2018-2019 period, the group met on 3 May 2019 in Tirana.",
     "Over the 2018-2019 period, the group met in Tirana"),
])
def test_a_dateline_before_the_sentence_is_not_its_title(text: str, title: str) -> None:
    (fact,) = _head(text)
    assert fact.fields["title"] == title


@pytest.mark.parametrize("text", [
    "Newsletter of the Anti-Trafficking Network, Issue 12, May 2019",
    "Regional Bulletin No. 7 – 3 May 2019",
    "The shelter's lease runs through 30 June 2019.",
    "The residence card expires on 31 December 2019 unless it is renewed.",
    "Figures are current as of 31 March 2019.",
    "Number of identified victims as at 30 June 2019: 41",
    "© 2019 Regional Network. Page last updated on 3 May 2019.",
])
def test_issue_lines_and_horizons_are_not_events(text: str) -> None:
    assert event_facts(_passage(text, "2019-05-02")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Between January and March 2019, the helpline answered 310 calls.", [("2019-01-01", "2019-03-01")]),
    ("In January and March 2019 the labour inspectors raided two farms.", [("2019-03-01", None)]),
    # "as of" a day a rule changes is that day's event
    ("As of 1 July 2019, victims may work during the reflection period.", [("2019-07-01", None)]),
])
def test_month_ranges_and_reference_days(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text, "2019-09-02") == expected


@pytest.mark.parametrize(("text", "doc_date", "expected"), [
    # a month named without its year, after "in" or "during": the year of its context or of the document
    ("The Interior Ministry will host the regional coordinators' meeting in September.", "2011-03-01",
     [("2011-09-01", None)]),
    ("In March, police raided three bars near the border.", "2011-02-10", [("2010-03-01", None)]),
    ("In 2009 the shelter moved. During the second half of October it reopened in Nis.", "2010-02-10",
     [("2009-10-01", None)]),
    ("The decree was signed in late November.", "2010-02-10", [("2009-11-01", None)]),
    ("May Day rallies were held; victims may apply at any time.", "2010-02-10", []),
    # a range of months with both years
    ("The project ran from March 2017 to June 2018.", "2019-01-01", [("2017-03-01", "2018-06-01")]),
    ("Between October 2016 and February 2017 the inspectors visited 40 farms.", "2018-01-01",
     [("2016-10-01", "2017-02-01")]),
    # ... but after an amount it is the period the money is for
    ("The ministry granted EUR 80,000 to a shelter for men between May 2017 and April 2019.", "2019-06-01", []),
    # a meeting with the embassy is in the cable's year, whatever year the paragraph spoke of
    ("In 2009 the shelter took in 30 women. Its director told poloff on January 12 that the grant was late.",
     "2010-02-19", [("2010-01-12", None)]),
    ("In 2008 the shelter took in 30 women. The director informed the Embassy on November 3 that it had closed.",
     "2010-02-19", [("2009-11-03", None)]),
    ("In 2009 the shelter took in 30 women; on January 12 the police raided it.", "2010-02-19",
     [("2009-01-12", None)]),
    # the span a count is of, and a limit whose word ends the line above, are no events
    ("Shelters identified 412 children at risk between January and June 2021, of whom 90 were referred.",
     "2021-09-01", []),
    ("* The donor extended the project with a further two million dollars through\n  March 2022.", "2020-01-01", []),
    # day and month with a space after each dot, as Central European texts write them
    ("22. 5. 2016: round table of the working group at the National Assembly", "2016-01-01", [("2016-05-22", None)]),
    ("1.\u00a03.\u00a02016: the new law on foreigners took effect", "2016-06-01", [("2016-03-01", None)]),
])
def test_months_without_years_and_meetings_with_the_post(text: str, doc_date: str,
                                                          expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text, doc_date) == expected


TITLE_FIRST_CALENDAR = """2021-03-09      Launch of the national annual      Tallinn
                report on trafficking 2020
11-12 May       Working group on labour            Riga
2021            exploitation in forestry
21 October      Regional day of action in all      --
                three countries
"""


def test_a_calendar_with_the_place_last_and_a_wrapped_year() -> None:
    facts = event_facts(_passage(TITLE_FIRST_CALENDAR, "2021-02-01"))
    got = [(f.fields["start"], f.fields.get("end"), f.fields["title"], f.fields.get("location")) for f in facts]
    assert got == [
        ("2021-03-09", None, "Launch of the national annual report on trafficking 2020", "Tallinn"),
        ("2021-05-11", "2021-05-12", "Working group on labour exploitation in forestry", "Riga"),
        ("2021-10-21", None, "Regional day of action in all three countries", None),
    ]


def test_a_mastheads_date_at_the_end_of_its_line_is_not_an_event() -> None:
    text = ("=====================================================\n"
            "   BALKAN ANTI-TRAFFICKING DIGEST               No. 4 / 2018\n"
            "   Albania - Kosovo                             March 2018\n"
            "=====================================================\n")
    passage = Passage(doc="digest.txt", ordinal=1, start=60, end=60 + len(text), text=text, masked=text,
                      title="Digest", doc_date="2018-03-01")
    assert event_facts(passage) == []
