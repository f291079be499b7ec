"""Cleaning: cable headers, transmission noise, structure and passages that quote verbatim."""

from __future__ import annotations

import pytest

from knowledge.cleaning import heading_case, masked_text, parse_document, split_passages
from knowledge.text import excerpt_around, fold, sentence_spans

CABLE = """09ROME1234
ITALY: SHELTER FUNDING FOR TRAFFICKING VICTIMS
Tue Mar 03 00:00:00 +0100 2009
UNCLASSIFIED
Embassy Rome
VZCZCXRO1111
PP RUEHFL
DE RUEHRO #1234/01 0621200
ZNR UUUUU ZZH
P 031200Z MAR 09
FM AMEMBASSY ROME
TO RUEHC/SECSTATE WASHDC PRIORITY 1111
INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITYUNCLAS SECTION 01 OF 02 ROME 001234
 
SIPDIS
 
E.O. 12958: N/A
TAGS: KTIP PHUM IT
SUBJECT: ITALY: SHELTER FUNDING FOR TRAFFICKING
VICTIMS IN 2009
 
ROME 00001234  001.2 OF 002
 
 
PROTECTION
----------
¶3. (SBU) Responses follow.

-- A. The Ministry of Equal Opportunity funds shelters run by
NGOs such as On the Road.  Victims receive a six-month permit
under Article 18 of the immigration law.
-- B. Officials in the Ministry of
 
ROME 00001234  002.2 OF 002
 
 
Interior said that 1,200 victims were assisted in 2008.

PREVENTION
----------
¶4. (U) The government ran a campaign in May 2008.
"""


def test_cable_header_is_recognised() -> None:
    doc = parse_document("09ROME1234.txt", CABLE, kind="text", sha256="0")
    assert doc.kind == "cable"
    assert doc.date == "2009-03-03"
    assert doc.title == "ITALY: SHELTER FUNDING FOR TRAFFICKING VICTIMS IN 2009"
    assert doc.meta["cable_id"] == "09ROME1234"
    assert doc.meta["classification"] == "UNCLASSIFIED"
    assert doc.meta["origin"] == "Embassy Rome"


@pytest.mark.parametrize("noise", ["VZCZCXRO1111", "DE RUEHRO #1234/01", "SIPDIS", "E.O. 12958", "TAGS: KTIP",
                                   "ROME 00001234  002.2 OF 002", "UNCLAS SECTION 01 OF 02", "FM AMEMBASSY ROME"])
def test_transmission_noise_is_kept_out_of_the_index(noise: str) -> None:
    doc = parse_document("c.txt", CABLE, kind="text", sha256="0")
    masked = masked_text(doc)
    assert len(masked) == len(CABLE)
    assert noise in CABLE and noise not in masked
    assert all(noise not in fold(p.masked) for p in split_passages(doc))


def test_passages_know_paragraph_answer_section_and_page() -> None:
    doc = parse_document("c.txt", CABLE, kind="text", sha256="0")
    passages = split_passages(doc)
    by_text = {p.paragraph: p for p in passages if p.paragraph}
    a = next(p for p in passages if "Equal Opportunity" in p.text)
    assert a.paragraph == "¶3 (A)" and a.section == "Protection" and a.page == 1
    assert a.location == "¶3 (A), Protection, page 1"
    b = next(p for p in passages if "1,200 victims" in p.text)
    assert b.paragraph == "¶3 (B)"
    assert "¶4" in by_text and by_text["¶4"].section == "Prevention"
    for p in passages:
        assert doc.text[p.start:p.end] == p.text
        assert len(p.masked) == len(p.text)


def test_a_sentence_runs_on_across_a_page_break() -> None:
    doc = parse_document("c.txt", CABLE, kind="text", sha256="0")
    p = next(p for p in split_passages(doc) if "1,200 victims" in p.text)
    i = p.masked.index("1,200")
    a, b = excerpt_around(p.masked, i, i + 5)
    assert fold(p.masked[a:b]) == ("-- B. Officials in the Ministry of Interior said that 1,200 victims "
                                   "were assisted in 2008.")
    assert fold(p.text[a:b]) in fold(CABLE)


def test_plain_document_title_and_date() -> None:
    text = "Annual report on shelters\n\nIn 2017 the fund paid 2017 grants. 2017 was busy. In 2017 too.\n"
    doc = parse_document("reports/shelters.txt", text, kind="text", sha256="0")
    assert doc.title == "Annual report on shelters"
    assert doc.date == "2017"
    dated = parse_document("memo-2016-05-04.md", "# Memo\n\nText.", kind="markdown", sha256="0")
    assert dated.date == "2016-05-04" and dated.title == "Memo"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Smith met Ms. Jones. They agreed.", ["Mr. Smith met Ms. Jones.", "They agreed."]),
        ("The U.S. Embassy funds it. It works.", ["The U.S. Embassy funds it.", "It works."]),
        ("Contact J. Doe at x@y.org. Thanks!", ["Contact J. Doe at x@y.org.", "Thanks!"]),
        ("Key figures\n\n€1,830,000 in 2018", ["Key figures", "€1,830,000 in 2018"]),
        ("It was signed by the\n\nminister in May.", ["It was signed by the\n\nminister in May."]),
        ("On June 16, at 10:00 a.m. EDT, the Secretary spoke. Then he left.",
         ["On June 16, at 10:00 a.m. EDT, the Secretary spoke.", "Then he left."]),
        ("The training runs from 9 a.m. to 1 p.m. on Friday.", ["The training runs from 9 a.m. to 1 p.m. on Friday."]),
        ("Doors open at 9 a.m. The minister speaks first.", ["Doors open at 9 a.m.", "The minister speaks first."]),
        ("It lasts a year.[3] However, few get it.", ["It lasts a year.[3]", "However, few get it."]),
        ("Contact Mgr. Petra Novak. She leads it.", ["Contact Mgr. Petra Novak.", "She leads it."]),
        ("Ask Mag. Eva Huber or Dipl. Ing. Karl Maier. Both know.",
         ["Ask Mag. Eva Huber or Dipl. Ing. Karl Maier.", "Both know."]),
        # a law's number after its abbreviated collection ("Cap.", "Nr.", "S.L.", "Coll.")
        ("Victims may stay under the Aliens Law (Cap. 105) and Law Nr. 12/2010. It was amended.",
         ["Victims may stay under the Aliens Law (Cap. 105) and Law Nr. 12/2010.", "It was amended."]),
        ("Regulation S.L. 217.07 applies. It sets a fee.", ["Regulation S.L. 217.07 applies.", "It sets a fee."]),
        # an initialism before a number: a Thai act's Buddhist-era year, a Ghanaian legislative instrument
        ("Under the Act B.E. 2551 (2008), victims may stay. It was amended.",
         ["Under the Act B.E. 2551 (2008), victims may stay.", "It was amended."]),
        ("The Regulations (L.I. 2219) provide shelter. They apply.",
         ["The Regulations (L.I. 2219) provide shelter.", "They apply."]),
        ("It runs from 9 a.m. to 1 p.m. Wednesday, March 27, at the Inn.",
         ["It runs from 9 a.m. to 1 p.m. Wednesday, March 27, at the Inn."]),
        ("The shelter run by KOK e.V. received 40,000 euros. Its staff grew.",
         ["The shelter run by KOK e.V. received 40,000 euros.", "Its staff grew."]),
        ("Part two is on Nov. 1 at 9:30 a.m. in the annex.", ["Part two is on Nov. 1 at 9:30 a.m. in the annex."]),
        ("Calendar\n 2-5 October, Sarajevo: seminar\n 9-12 July, Albania: meeting",
         ["Calendar", "2-5 October, Sarajevo: seminar", "9-12 July, Albania: meeting"]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


def test_long_sentence_excerpt_is_cut_to_the_limit_around_the_match() -> None:
    text = "Intro. " + " ".join(f"word{i}" for i in range(400)) + " end."
    i = text.index("word200")
    a, b = excerpt_around(text, i, i + 7, limit=120)
    assert "word200" in text[a:b] and len(fold(text[a:b])) <= 120
    assert text[a - 1] == " " and text[b] == " "


def test_a_cables_header_is_metadata_not_a_passage() -> None:
    doc = parse_document("c.txt", CABLE, kind="text", sha256="0")
    passages = split_passages(doc)
    assert passages[0].text.startswith("PROTECTION") or passages[0].text.startswith("¶3.")
    assert not any("Embassy Rome" in p.text or "SUBJECT" in p.text for p in passages)
    assert doc.title.startswith("ITALY: SHELTER FUNDING")


@pytest.mark.parametrize(("text", "title", "date"), [
    ("https://www.example.org/news/2024/alliance\n\nVIENNA, 10 April 2024 – The OSCE will hold its conference.\n",
     "VIENNA, 10 April 2024 – The OSCE will hold its conference.", "2024-04-10"),
    ("Alexandria, VA, April 1, 2008—Volunteers are invited to a training on May 5.\n",
     "Alexandria, VA, April 1, 2008—Volunteers are invited to a training on May 5.", "2008-04-01"),
    ("Press release\n\nGENEVA, 3 Nov 2019 - The rapporteur visited two shelters.\n", "Press release", "2019-11-03"),
    ("Annual report\n\nThe rapporteur visited two shelters on 3 November 2019 - and left.\n", "Annual report", None),
])
def test_a_press_releases_dateline_dates_the_document(text: str, title: str, date: str | None) -> None:
    document = parse_document("release.txt", text, kind="text", sha256="x")
    assert (document.title, document.date) == (title, date)


def test_a_line_that_is_only_a_web_address_is_not_prose() -> None:
    text = "https://www.example.org/news/123\nThe shelter received EUR 40,000 in 2021.\n"
    document = parse_document("page.txt", text, kind="text", sha256="x")
    (passage,) = split_passages(document)
    assert "example.org" not in passage.masked and passage.masked.strip() == "The shelter received EUR 40,000 in 2021."
    assert passage.text == document.text[passage.start:passage.end]


def test_markdown_emphasis_stays_in_quotes_but_not_in_what_is_read() -> None:
    text = "# **Spring bulletin**\n\n**Contact:** Ms. Ana García, __ana.garcia@example.org__\n"
    document = parse_document("bulletin.md", text, kind="markdown", sha256="x")
    assert document.title == "Spring bulletin"
    (passage,) = split_passages(document)
    assert "*" not in passage.masked and "__" not in passage.masked
    assert fold(passage.masked).endswith("Spring bulletin Contact: Ms. Ana García, ana.garcia@example.org")
    assert "**Contact:**" in passage.text


@pytest.mark.parametrize(("heading", "is_section"), [
    ("UPCOMING EVENTS", True),
    ("WORKING GROUPS", True),
    ("IN THIS ISSUE", True),
    ("EU FUNDS", False),  # too short to tell from an acronym pair
    ("ANNEX A", False),
])
def test_a_capitals_line_of_a_newsletter_opens_a_section(heading: str, is_section: bool) -> None:
    text = ("Regional bulletin, spring 2021\n\nThe partnership met twice in Vienna and agreed on a plan.\n\n"
            f"{heading}\n\nFrom 2-5 July, Budapest: training course for prosecutors on financial investigations.\n")
    passages = split_passages(parse_document("bulletin.txt", text, kind="text", sha256="x"))
    last = passages[-1]
    assert (last.section == heading_case(heading)) is is_section


def test_a_lead_in_ending_in_a_colon_stays_with_its_list() -> None:
    # one long block without blank lines (a web page): it is cut near the target size at sentence ends, but never
    # between "... the following conditions:" and the list it opens
    prose = " ".join(f"Sentence {i} tells the reader something about the scheme and how it works." for i in range(11))
    text = (f"Residence for victims\n{prose}\nTo receive the permit, you must meet the following conditions:\n"
            + "\n".join(f"- Condition {i}: you take part in the proceedings and keep away from the suspects." for i in
                        range(14)) + "\n")
    document = parse_document("permit-page.txt", text, kind="text", sha256="0")
    passages = split_passages(document)
    assert len(passages) > 1
    opening = next(p for p in passages if "the following conditions:" in p.text)
    assert "- Condition 0:" in opening.text


def test_a_pdfs_running_header_and_page_numbers_are_not_prose() -> None:
    header = "Network report 2021 | Victim protection"
    text = (f"{header}\nThe ministry told us that a victim who cooperates may receive a\n\nPage 1 of 2\n\f\n"
            f"{header}\ntemporary residence permit for six months.\nShelters are full.\nPage 2 of 2\n")
    document = parse_document("report.pdf", text, kind="pdf", sha256="0")
    noise = {text[a:b] for a, b in document.noise}
    assert noise == {header, "Page 1 of 2", "Page 2 of 2"}
    (passage,) = [p for p in split_passages(document) if "may receive" in p.text]
    assert "temporary residence permit for six months." in passage.text  # the sentence runs on across the break
