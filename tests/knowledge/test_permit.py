"""Permit facts: residence permits, reflection periods and relief from removal, stated — not asked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from knowledge.cleaning import parse_document, split_passages
from knowledge.extract.permit import (
    _ARTICLE,
    _ARTICLE_WORDS,
    _BACK_REF,
    _BACK_REF_NOUNS,
    _CONDITION,
    _CONDITION_WORDS,
    _COST_WORD,
    _COST_WORDS,
    _DURATION_WORDS,
    _DURATIONS,
    _INSTRUMENT,
    _INSTRUMENT_WORDS,
    _REQUIREMENTS_HEADING,
    _REQUIREMENTS_WORDS,
    _TOPIC_WORDS,
    _TOPICS,
    _folded,
    permit_facts,
    permit_summary,
)
from knowledge.models import Passage
from knowledge.text import fold

CORPUS = Path(__file__).resolve().parents[2] / "knowledge" / "corpus"


def _passage(text: str) -> Passage:
    return Passage(doc="sample.txt", ordinal=2, start=0, end=len(text), text=text, masked=text,
                   title="Sample", doc_date="2010-02-19")


def _fields(text: str) -> dict[str, Any]:
    (fact,) = permit_facts(_passage(text))
    return dict(fact.fields)


PROVISIONS = [
    ("Since the Council of Europe's Convention to Fight Trafficking in Persons entered into force in 2008, "
     "victims have a 30-day reflection period to consider whether they wish to cooperate.",
     {"topic": "reflection period", "duration": "30 days",
      "legal_basis": "Council of Europe's Convention to Fight Trafficking in Persons"}),
    ("Under article R316-1 of the code of entry and stay of foreigners and asylum seekers (CESEDA), victims may "
     "receive a temporary residence permit for a minimum of six months if they file a complaint.",
     {"topic": "temporary residence permit", "duration": "minimum six months",
      "legal_basis": "article R316-1 of the code of entry and stay of foreigners and asylum seekers (CESEDA)",
      "conditions": "if they file a complaint"}),
    ("The temporary residence permits were typically valid for one year and are renewable every six month, "
     "provided that the conditions for its issuance continue to be met.",
     {"topic": "temporary residence permit", "duration": "one year, renewable every six months",
      "conditions": "provided that the conditions for its issuance continue to be met"}),
    ("The residency permit granted to victims costs 300 euros ($411) and 55 euros ($79) to renew it.",
     {"topic": "residence permit", "cost": {"amount": 300, "currency": "EUR"},
      "renewal_cost": {"amount": 55, "currency": "EUR"}}),
    ("In the event of a final conviction of defendants, a permanent resident card may be issued to victims.",
     {"topic": "permanent residence", "conditions": "In the event of a final conviction of defendants"}),
    ("The law also permits trafficking victims to remain in the country for the duration of the trial "
     "if they agree to testify.",
     {"topic": "stay during the trial", "conditions": "if they agree to testify"}),
    ("Victims are allowed to stay long-term if they aid in the conviction of their perpetrator.",
     {"topic": "long-term stay", "conditions": "if they aid in the conviction of their perpetrator"}),
    ("Member states reiterated the need to guarantee victims a period of reflection.",
     {"topic": "reflection period"}),
    ("The Home Office grants a recovery and reflection period of at least 45 days.",
     {"topic": "reflection period", "duration": "minimum 45 days"}),
    ("Victims may be granted discretionary leave to remain for up to 30 months.",
     {"topic": "residence permit", "duration": "up to 30 months"}),
    ("Victims who cooperate with law enforcement may receive a T visa valid for four years.",
     {"topic": "visa", "duration": "four years", "conditions": "who cooperate with law enforcement"}),
    ("Foreign victims will not be deported unless they refuse to cooperate with prosecutors.",
     {"topic": "relief from deportation", "conditions": "unless they refuse to cooperate with prosecutors"}),
    ("Identified victims are protected from removal while the investigation is ongoing.",
     {"topic": "relief from deportation"}),
    ("Trafficking victims may apply for asylum under the 1951 Refugee Convention.",
     {"topic": "asylum", "legal_basis": "1951 Refugee Convention"}),
    ("Victims holding a recovery permit are entitled to work during their stay.",
     {"topic": "right to work"}),
    ("The residence card, which costs EUR 120, is issued by the prefect under Law No. 2016-444.",
     {"topic": "residence permit", "cost": {"amount": 120, "currency": "EUR"}, "legal_basis": "Law No. 2016-444"}),
    ("Victims may apply for a one-year temporary residence permit; the fee is 1,000 rubles ($30).",
     {"topic": "temporary residence permit", "duration": "one year", "cost": {"amount": 1000, "currency": "RUB"}}),
    ("The residence permit fee is CHF 150 for adults.",
     {"topic": "residence permit", "cost": {"amount": 150, "currency": "CHF"}}),
    ("Victims are not eligible for asylum.", {"topic": "asylum", "negated": True}),
    ("Two victims were granted humanitarian protection.", {"topic": "asylum"}),
    ("The French government does not report the number of residence\ncards given each year.",
     {"topic": "residence permit"}),
    ("The government provided foreign victims with legal alternatives to their removal to countries where they "
     "faced hardship.", {"topic": "relief from deportation"}),
    ("Foreign victims were eligible for temporary residency on humanitarian grounds.",
     {"topic": "temporary residence permit"}),
    ("Two victims were granted refugee status in 2009.", {"topic": "asylum"}),
    ("Victims may remain in Belgium pending the outcome of the investigation.", {"topic": "stay during the trial"}),
    ("The court allowed three victims to remain in the country legally.", {"topic": "right to stay"}),
    ("Federal authorities granted Continued Presence to 12 victims.", {"topic": "continued presence"}),
    ("The recovery period lasts 45 days and may be extended.", {"topic": "reflection period", "duration": "45 days"}),
    # UK, German and EU wording for the same provisions
    ("Victims may be granted discretionary leave for up to 18 months.",
     {"topic": "residence permit", "duration": "up to 18 months"}),
    ("An application for further leave on other grounds costs £400.",
     {"topic": "residence permit", "cost": {"amount": 400, "currency": "GBP"}}),
    ("Trafficked persons are not subject to removal while their case is examined.",
     {"topic": "relief from deportation"}),
    ("The deportation of a witness may be temporarily suspended by the regional office.",
     {"topic": "relief from deportation"}),
    ("The authority must set a time limit for departure of at least two months.",
     {"topic": "reflection period", "duration": "minimum two months"}),
    ("After five years, holders may obtain long-term resident status.", {"topic": "long-term residence"}),
    ("The reflection and stabilisation period lasts 60 days.", {"topic": "reflection period", "duration": "60 days"}),
    ("In 2012 the reflection period was raised from at least a month to a minimum of two months.",
     {"topic": "reflection period", "duration": "minimum two months"}),
    ("The ministry issued 14 special-protection permits in 2011.", {"topic": "residence permit"}),
    # durations: the renewal and a bracketed former duration are not the duration; a delay is none
    ("Victims receive a residence card for one year (previously six months), renewable for one year.",
     {"topic": "residence permit", "duration": "one year, renewable for one year"}),
    ("The humanitarian residence permit is valid for two years and may be renewed in one-year increments.",
     {"topic": "residence permit", "duration": "two years, renewable every one year"}),
    ("A residence permit for victims is issued for one year and is not renewable.",
     {"topic": "residence permit", "duration": "one year, not renewable"}),
    ("Residence permits are normally issued four weeks after the interview.", {"topic": "residence permit"}),
    ("Victims receive a reflection period of 30 days and then a residence permit, which is renewable.",
     {"topic": "reflection period", "duration": "30 days"}),
    ("The reflection permit cannot be renewed, but it allows the holder to work.",
     {"topic": "residence permit", "duration": "not renewable"}),
    ("Article 9 of the Aliens Act (Law No. 45 of 3 March 2002) provides for a residence permit for victims.",
     {"topic": "residence permit",
      "legal_basis": "Article 9 of the Aliens Act (Law No. 45 of 3 March 2002)"}),
    ("After three years with a permit under section 7(2), a victim may obtain permanent residence under "
     "section 9(1) of the Aliens Act.",
     {"topic": "permanent residence", "legal_basis": "section 9(1) of the Aliens Act"}),
    ("Victims have a recovery period of 40 days before they decide whether to testify.",
     {"topic": "reflection period", "duration": "40 days"}),
    # legal bases are kept whole
    ("A special protection permit is issued to victims under Article 12 bis of the Foreigners Act.",
     {"topic": "residence permit", "legal_basis": "Article 12 bis of the Foreigners Act"}),
    ("Victims receive a temporary residence permit under section 31(2b) of the Immigration Act if they testify.",
     {"topic": "temporary residence permit", "legal_basis": "section 31(2b) of the Immigration Act",
      "conditions": "if they testify"}),
    ("The reflection period is granted under Article 9, paragraph 3, of the Aliens Act.",
     {"topic": "reflection period", "legal_basis": "Article 9, paragraph 3, of the Aliens Act"}),
    ("Under Directive 2011/36/EU, Member States must inform victims of the possibility of obtaining a residence "
     "permit.", {"topic": "residence permit", "legal_basis": "Directive 2011/36/EU"}),
    # a "not" that denies the topic is kept visible; one that denies the telling of it is not
    ("The humanitarian permit is not renewable and does not lead to a permanent residence permit.",
     {"topic": "permanent residence", "duration": "not renewable", "negated": True}),
    ("A student visa is not a residence title and does not allow family reunification.",
     {"topic": "residence permit", "negated": True}),
    ("The ministry does not publish the number of residence permits issued to victims.",
     {"topic": "residence permit"}),
    ("Victims without papers are granted a period of recovery of 45 days.",
     {"topic": "reflection period", "duration": "45 days"}),
    ("The prefecture issues a carte de séjour to victims who file a complaint.",
     {"topic": "residence permit", "conditions": "who file a complaint"}),
    ("Witnesses whose asylum claim failed may receive a Duldung, a tolerated stay.",
     {"topic": "relief from deportation"}),
    ("Where no residence permit is issued, the removal of a witness may be suspended.",
     {"topic": "relief from deportation"}),
    ("Partners agreed that no victim should be returned while her asylum claim is pending.",
     {"topic": "relief from deportation"}),
    # residence granted without the word "permit"; a period "to decide whether to cooperate" is a reflection period
    ("Trafficked persons who testify against their exploiters may obtain temporary residence for twelve months.",
     {"topic": "temporary residence permit", "duration": "twelve months",
      "conditions": "who testify against their exploiters"}),
    ("Identified victims are allowed a period of 45 days to decide whether to cooperate with the police.",
     {"topic": "reflection period", "duration": "45 days"}),
    ("Victims get thirty days to consider whether to testify, and may not be expelled during that time.",
     {"topic": "reflection period"}),
    # "for the purpose of protection" names the permit; it states no purpose
    ("A victim who assists the investigation may apply for a residence permit for the purpose of protection.",
     {"topic": "residence permit", "conditions": "who assists the investigation"}),
    # what the sentence grants, not the period it follows
    ("Victims who remain in the country after the recovery period may be granted a residence permit under "
     "Article 12 of the Aliens Act.",
     {"topic": "residence permit", "legal_basis": "Article 12 of the Aliens Act"}),
    # a period that opens the sentence is what it is about
    ("During the reflection period the victim may not be removed from the country.",
     {"topic": "reflection period"}),
    # a rule on those who did not receive a permit is still a provision; a statistic is a fact
    ("Victims who have not received a residence permit may still stay in the shelter.",
     {"topic": "residence permit", "negated": True}),
    ("The ministry issued 12 residence permits to victims in 2020, compared with 9 in 2019.",
     {"topic": "residence permit"}),
    # a legal basis runs on through "No." and keeps its number and bracketed name
    ("Article 21 of Law No. 45/2009 (the Foreigners Act) provides a reflection period of 60 days.",
     {"topic": "reflection period", "duration": "60 days",
      "legal_basis": "Article 21 of Law No. 45/2009 (the Foreigners Act)"}),
    ("Victims receive a residence permit valid for one year under Article 12 of Law 3386/2005 (the Immigration "
     "Code).",
     {"topic": "residence permit", "duration": "one year",
      "legal_basis": "Article 12 of Law 3386/2005 (the Immigration Code)"}),
    ("The country transposed Directive 2004/81/EC, and victims may be granted a residence permit of six months.",
     {"topic": "residence permit", "duration": "six months", "legal_basis": "Directive 2004/81/EC"}),
    ("Victims receive a residence permit under Law 678/2001.",
     {"topic": "residence permit", "legal_basis": "Law 678/2001"}),
    # a range is a duration; a range of years that dates a statistic is not
    ("The Aliens Act provides a reflection period of between 30 and 90 days.",
     {"topic": "reflection period", "duration": "30 to 90 days", "legal_basis": "Aliens Act"}),
    ("Victims receive a residence permit for between six and twelve months.",
     {"topic": "residence permit", "duration": "six to twelve months"}),
    ("Between 2015 and 2018, victims received 40 residence permits.", {"topic": "residence permit"}),
    # a minimum said "more than"; an age is no duration
    ("Where a child under the age of 18 years is identified, a reflection period of more than 60 days may be granted.",
     {"topic": "reflection period", "duration": "more than 60 days"}),
    ("Minors aged 16 years old or more receive a residence permit.", {"topic": "residence permit"}),
    # a "not" in the condition does not deny what the sentence grants
    ("If a victim does not hold a residence permit, she may apply for one.",
     {"topic": "residence permit", "conditions": "If a victim does not hold a residence permit"}),
    ("A residence permit is issued for no more than 90 days.",
     {"topic": "residence permit", "duration": "up to 90 days"}),
]


@pytest.mark.parametrize(("text", "expected"), PROVISIONS)
def test_provisions_and_their_fields(text: str, expected: dict[str, Any]) -> None:
    assert _fields(text) == expected


@pytest.mark.parametrize("text", [
    "Does the government assist foreign trafficking victims by providing temporary to permanent residency status, "
    "or other relief from deportation?",
    "If a victim is a material witness, is the victim permitted to leave the country pending trial proceedings?",
    "Please explain whether victims receive residence permits.",
    "The government does not provide longer-term shelter or housing benefits to victims.",
    "Victims receive a stipend of 100 euros ($137) a month.",
    "The ambassador's residence hosted a reception for NGO leaders.",
    "Asylum seekers are housed in reception centres run by the state.",
    "The nominee has been vetted to ensure there are no visa ineligibilities.",
    "Officers must obtain a permit before searching the premises.",
    "Victims may stay in NGO shelters during the investigation.",
    "Children remain in foster care long-term.",
    "The victims were allowed to stay in shelters run by the association.",
    "The tourist visa regime was tightened for nationals of several countries.",
    "The resolution calls for the humanitarian protection of civilians in armed conflict.",
    "Everyone has the right to work and to education.",
    "The 2016 report highlighted the forced removal of organs along the route.",
    # headings, titles and breadcrumbs name a topic but state nothing
    "Reflection period",
    "Article 7 – Residence permit for victims of trafficking",
    "Country profile: Temporary residence permits",
    "LONGER RECOVERY PERIOD ---------------------",
    "Home > Victim support > Residence status and reflection delay",
    # purposes, advice and mere mentions are no provisions
    "The purpose of the reflection period is to let victims recover.",
    "The recovery period is intended to give victims time to decide.",
    "National laws should include a reflection period for every victim.",
    "The NGO asked the ministry to extend the reflection period.",
    "GRETA urged the authorities to ensure that the recovery period is granted systematically.",
    "The rapporteur recommended granting residence permits regardless of cooperation.",
    "A reflection period gives victims a chance to recover from their ordeal.",
    "The application form for this residence permit is called Form RP-2.",
    "Women with temporary residence permits took part in the survey.",
    "Victims in temporary residence centres receive counselling.",
    # findings that no permit was given, comparisons, and a period that only dates something else
    "Ministry officials could not recall a case in which a residence permit had been granted to a victim.",
    "The prosecutor told us no foreign victim obtained such a permit last year.",
    "Member states transposed the directive, but national rules vary in the length of the reflection period.",
    "The foundation received EUR 300,000 to run safe houses that accommodate victims during the reflection period.",
    "The purpose of the residence permit for victims is to secure their testimony.",
    # "permit" alone is a residence permit only when said of victims or with "the"
    "The contractor must obtain the building permit before the works start.",
    "Residence Permit Unit, Ministry of the Interior",
    "Relief from deportation",
    "Officers help rescue more victims\nRequesting Continued Presence\nFederal officers file the form with the "
    "agency on the victim's behalf.",
    "Table 2: Residence permits issued to victims under section 12(3) of the Aliens Act, 2018–2021 Year Permits",
    "Protection from removal and expulsion",
])
def test_other_sentences_make_no_permit_facts(text: str) -> None:
    assert permit_facts(_passage(text)) == []


@pytest.mark.parametrize("text", [text for text, _ in PROVISIONS])
def test_excerpt_is_the_verbatim_sentence(text: str) -> None:
    (fact,) = permit_facts(_passage(text))
    assert fact.excerpt == fold(text)  # each table entry is one sentence


def test_one_fact_per_sentence_and_the_excerpt_is_that_sentence() -> None:
    text = ("-- D. Victims may receive a temporary residence permit. The permit is renewable. "
            "Does the government grant permanent residency? Victims may also stay long-term.")
    facts = permit_facts(_passage(text))
    assert [f.excerpt for f in facts] == ["Victims may receive a temporary residence permit.",
                                          "The permit is renewable.", "Victims may also stay long-term."]
    assert [f.fields["topic"] for f in facts] == ["temporary residence permit", "temporary residence permit",
                                                  "long-term stay"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Victims receive a residence card valid for one year. The card costs 225 euros.",
     [("residence permit", None), ("residence permit", {"amount": 225, "currency": "EUR"})]),
    ("Victims receive a residence card. Shelters are run by NGOs. The card costs 225 euros.",
     [("residence permit", None)]),
    ("The card costs 225 euros. Victims receive a residence card.", [("residence permit", None)]),
])
def test_a_following_sentence_on_the_same_permit(text: str, expected: list[tuple[str, Any]]) -> None:
    facts = permit_facts(_passage(text))
    assert [(f.fields["topic"], f.fields.get("cost")) for f in facts] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a leading phrase before "the permit"
    ("Victims may receive a residence permit. Since 2012, the permit may also be issued to children.",
     [("residence permit", "Victims may receive a residence permit."),
      ("residence permit", "Since 2012, the permit may also be issued to children.")]),
    # "the period" after a reflection period, even when a removal was named after it
    ("Victims receive a reflection period of 60 days, during which no removal order is enforced. "
     "The ministry told us that the period is often extended.",
     [("reflection period", "Victims receive a reflection period of 60 days, during which no removal order is "
                            "enforced."),
      ("reflection period", "The ministry told us that the period is often extended.")]),
    # a question in between (Q&A cables) does not break the thread
    ("Victims may apply for a humanitarian residence permit. What happens next? A victim who testifies may "
     "receive a further permit for one year.",
     [("residence permit", "Victims may apply for a humanitarian residence permit."),
      ("residence permit", "A victim who testifies may receive a further permit for one year.")]),
    # a cable's wrapped lines are no headings
    ("Victims receive a residence card.  The \ncard may not be renewed.  There is no fee \nfor the card.",
     [("residence permit", "Victims receive a residence card."),
      ("residence permit", "The card may not be renewed."), ("residence permit", "There is no fee for the card.")]),
    ("Victims receive a residence card. No fee is charged for any of these cards.",
     [("residence permit", "Victims receive a residence card."),
      ("residence permit", "No fee is charged for any of these cards.")]),
    # "the permit" with nothing before it in the passage is a residence permit
    ("-- C. Since 2010, the permit may also be granted to minors.",
     [("residence permit", "Since 2010, the permit may also be granted to minors.")]),
    # an abbreviation the text defines names its topic from then on
    ("Victims may apply for Continued Presence (CP) through the police. CP is granted for two years.",
     [("continued presence", "Victims may apply for Continued Presence (CP) through the police."),
      ("continued presence", "CP is granted for two years.")]),
    # "the period" refers to a reflection period only; "the fee" to what was named just before
    ("Victims receive a residence permit. The period was marked by reforms.",
     [("residence permit", "Victims receive a residence permit.")]),
    ("Shelters charge no fee to victims.", []),
    # qualifying for nothing named is qualifying for the topic just named; "qualify for X" names its own object
    ("Victims who testify receive a temporary residence permit. Those whose case is closed may still qualify if "
     "they face threats at home.",
     [("temporary residence permit", "Victims who testify receive a temporary residence permit."),
      ("temporary residence permit", "Those whose case is closed may still qualify if they face threats at home.")]),
    ("Victims who testify receive a temporary residence permit. Victims also qualify for free legal aid.",
     [("temporary residence permit", "Victims who testify receive a temporary residence permit.")]),
    ("Victims receive counselling. Those whose case is closed may still qualify if they face threats at home.", []),
])
def test_back_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.fields["topic"], f.excerpt) for f in permit_facts(_passage(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a second topic with its own duration is a second provision, quoted with the same sentence
    ("Victims receive a recovery period of 45 days and, if they testify, a residence permit for one year.",
     [("reflection period", "45 days"), ("residence permit", "one year")]),
    ("Victims may stay for a one-month reflection period, after which a six-month residence permit can be issued.",
     [("reflection period", "one month"), ("residence permit", "six months")]),
    # the second topic's duration comes after the first topic, even when the first's own is nearer it
    ("Ruritania grants a 60-day reflection period and temporary residence on humanitarian grounds for up to two years.",
     [("reflection period", "60 days"), ("temporary residence permit", "up to two years")]),
    # markdown's emphasis around a duration or its number
    ("The Aliens Act allows a *three-month* reflection period, and a temporary residence permit for humanitarian "
     "reasons of one year can be renewed.",
     [("reflection period", "three months"), ("temporary residence permit", "one year, renewable")]),
    ("Victims receive a reflection period of **60 days**, and a residence permit for __up to one year__.",
     [("reflection period", "60 days"), ("residence permit", "up to one year")]),
    # not without a duration of its own, not the same topic twice, not one phrase read as two topics
    ("Victims receive a reflection period of 45 days, after which they may apply for a residence permit.",
     [("reflection period", "45 days")]),
    ("Country A grants a 60-day reflection period, and country B a period of at least 30 days, after which a "
     "long-term residence permit may be issued.", [("reflection period", "60 days")]),
    ("Refugees receive a three-year residence permit; others obtain a one-year residence permit.",
     [("residence permit", "three years")]),
])
def test_a_second_provision_in_the_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    facts = permit_facts(_passage(text))
    assert [(f.fields["topic"], f.fields.get("duration")) for f in facts] == expected
    assert {f.excerpt for f in facts} == {fold(text)}


@pytest.mark.parametrize(("text", "expected"), [
    # a heading's article (and the act named above it) is the legal basis of the provisions below it
    ("Regional Convention on the Protection of Victims of Trafficking\n\nArticle 8 – Reflection period\n\n"
     "Each State shall grant victims a reflection period of at least 60 days.",
     [("reflection period", "Article 8 of the Regional Convention on the Protection of Victims of Trafficking")]),
    ("Article 8 – Reflection period\n\nEach State shall grant victims a reflection period of at least 60 days.",
     [("reflection period", "Article 8")]),
    # not to another topic's provision, and not over the sentence's own legal basis
    ("Article 8 – Reflection period\n\nEach State shall issue a residence permit to victims who testify.",
     [("residence permit", None)]),
    ("Article 8 – Reflection period\n\nUnder section 4 of the Aliens Act, victims receive a reflection period.",
     [("reflection period", "section 4 of the Aliens Act")]),
])
def test_legal_basis_from_a_heading(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(f.fields["topic"], f.fields.get("legal_basis")) for f in permit_facts(_passage(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the sentence right after a question on a permit answers it, whatever its wording
    ("How many residence permits were issued last year?  Twelve, all to women from Moldova.",
     [("residence permit", "Twelve, all to women from Moldova.")]),
    ("How many permits have been granted?  Four since 2015.", [("residence permit", "Four since 2015.")]),
    # only the sentence right after it, and only a question on a permit
    ("Is a reflection period granted?  Yes.  Shelters are run by NGOs.", [("reflection period", "Yes.")]),
    ("What happens next?  The shelter closes in May.", []),
])
def test_answers_to_questions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.fields["topic"], f.excerpt) for f in permit_facts(_passage(text))] == expected


@pytest.mark.parametrize(("text", "negated"), [
    ("Victims receive a residence card. There is no fee for the card.", [None, None]),
    ("Victims receive a residence card. It is renewable but does not lead to permanent residence.", [None, True]),
])
def test_negation_of_a_fee_is_not_of_the_permit(text: str, negated: list[bool | None]) -> None:
    assert [f.fields.get("negated") for f in permit_facts(_passage(text))] == negated


@pytest.mark.parametrize(("text", "excerpt"), [
    ("Legal framework\nUnder article L425-1, victims receive a residence card.",
     "Under article L425-1, victims receive a residence card."),
    ("-- D. Victims may receive a temporary residence permit.", "Victims may receive a temporary residence permit."),
    ("Victims of trafficking in\nFrance receive a residence permit.",
     "Victims of trafficking in France receive a residence permit."),
    ("Shelters exist. Victims of trafficking\nOften receive a residence permit.",
     "Victims of trafficking Often receive a residence permit."),
    # a numbered heading line of a PDF; a sentence cut at an abbreviation's point inside a bracket is joined again
    ("3. Residence of foreign victims\nSection 9 of the Aliens Act gives a victim a residence permit for one year.",
     "Section 9 of the Aliens Act gives a victim a residence permit for one year."),
    ("The Aliens Regulations (S.I. 45)\nprovide for a temporary residence permit of six months for victims.",
     "The Aliens Regulations (S.I. 45) provide for a temporary residence permit of six months for victims."),
])
def test_excerpt_leaves_out_a_heading_line_only(text: str, excerpt: str) -> None:
    (fact,) = permit_facts(_passage(text))
    assert fact.excerpt == excerpt


def test_offsets_point_at_the_excerpt_in_the_document() -> None:
    text = "Intro sentence here. Victims have a 30-day reflection\n   period under the law."
    passage = Passage(doc="d.txt", ordinal=0, start=100, end=100 + len(text), text=text, masked=text,
                      title="D", doc_date=None)
    (fact,) = permit_facts(passage)
    document = "x" * 100 + text
    assert fold(document[fact.start:fact.end]) == fact.excerpt == (
        "Victims have a 30-day reflection period under the law.")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_every_excerpt_is_verbatim(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = parse_document(path.name, text, kind="text", sha256="0")
    folded = fold(text)
    for passage in split_passages(doc):
        for fact in permit_facts(passage):
            assert fact.excerpt in folded
            assert fold(text[fact.start:fact.end]) == fact.excerpt
            assert len(fact.excerpt) <= 600
            assert not fact.excerpt.endswith("?")


@pytest.mark.parametrize(("fields", "summary"), [
    ({"topic": "reflection period", "duration": "30 days", "legal_basis": "Council of Europe Convention"},
     "Reflection period: 30 days (Council of Europe Convention)"),
    ({"topic": "residence permit", "duration": "one year", "cost": {"amount": 300, "currency": "EUR"}},
     "Residence permit: one year, EUR 300"),
    ({"topic": "residence permit", "cost": {"amount": 300, "currency": "EUR"},
      "renewal_cost": {"amount": 55, "currency": "EUR"}}, "Residence permit: EUR 300, renewal EUR 55"),
    ({"topic": "long-term stay", "conditions": "if they aid in the conviction"},
     "Long-term stay — if they aid in the conviction"),
    ({"topic": "permanent residence"}, "Permanent residence"),
    ({"topic": "permanent residence", "negated": True}, "Not: permanent residence"),
])
def test_permit_summary(fields: dict[str, Any], summary: str) -> None:
    assert permit_summary(fields) == summary


def test_the_duration_nearest_the_topic_is_the_topics() -> None:
    text = ("Victims are granted a reflection period of at least 30 days under the Aliens Law, and may then "
            "obtain a five-year residence permit if they cooperate with the police. The permit is free of charge.")
    facts = permit_facts(_passage(text))
    assert facts[0].fields["topic"] == "reflection period"
    assert facts[0].fields["duration"] == "minimum 30 days"
    assert facts[-1].excerpt == "The permit is free of charge."
    assert facts[-1].fields["topic"] == "residence permit"


@pytest.mark.parametrize(("text", "topic"), [
    # Case-insensitive patterns match "İ" and "ı" to i, "ſ" to s and the Kelvin sign to k: so does the word test
    # that decides which patterns run.
    ("VICTIMS MAY RECEIVE A RESİDENCE PERMİT VALID FOR ONE YEAR.", "residence permit"),
    ("Victims may be granted a temporary resıdence permit.", "temporary residence permit"),
    ("Victims may ſtay in the country for the duration of the trial.", "stay during the trial"),
    ("Victims holding a recovery permit are entitled to wor\u212a during their stay.", "right to work"),
    ("THE MINISTRY GRANTS A REFLECTION PERIOD OF 90 DAYS.", "reflection period"),
])
def test_topics_whatever_the_case(text: str, topic: str) -> None:
    (fact,) = permit_facts(_passage(text))
    assert fact.fields["topic"] == topic
    assert fact.excerpt == fold(text)


def test_case_folding_of_the_word_test_matches_the_patterns() -> None:
    # The word test folds with str.lower() after a small table; it relies on these two facts of Unicode and `re`.
    others = "".join(map(chr, range(0x80, 0x110000)))
    assert sorted(re.findall("[a-z]", others, re.IGNORECASE)) == sorted("İıſ\u212a")
    assert [c for c in others if len(c.lower()) != 1] == ["İ"]


@pytest.mark.parametrize("text", [text for text, _ in PROVISIONS] + [
    "Victims may remain in the country legally until the end of the criminal case against their traffickers.",
    "Foreign victims may obtain subsidiary protection status, or apply for asylum.",
    "Victims are permitted to take up employment, and hold a titre de séjour.",
    "The law provides for non-refoulement and a stay of removal; victims will never be repatriated.",
    "A TEMPORARY STAY ON HUMANITARIAN GROUNDS, an extended time-limit for departure, a stay of 30 days so that she "
    "may recover and decide whether to cooperate.",
])
def test_every_topic_match_holds_the_topics_words(text: str) -> None:
    # Topic patterns run only on sentences that hold a word of each of the topic's groups: a pattern that can
    # match without them would lose facts without a sound.
    for topic, pattern in _TOPICS:
        for m in pattern.finditer(text):
            for group in _TOPIC_WORDS[topic]:
                assert any(word in _folded(m.group(0)) for word in group), (topic, m.group(0), group)


@pytest.mark.parametrize("text", [
    "The permit costs 120 euros.", "Such permits were issued to 31 victims.", "A further permit for six months.",
    "The period may be extended.", "No fee is charged for these cards.", "Such leave is granted.",
    "THE SPECIAL-PROTECTION PERMITS ARE FREE.", "Its title is renewable.", "The T visa lasts four years.",
])
def test_every_back_reference_holds_a_noun(text: str) -> None:
    # The back-reference pattern runs only on sentences that hold one of these nouns.
    matches = list(_BACK_REF.finditer(text))
    assert matches
    for m in matches:
        assert any(noun in _folded(m.group(0)) for noun in _BACK_REF_NOUNS), m.group(0)


@pytest.mark.parametrize("text", [
    "A reflection period of at least 30 days is granted.", "Victims receive a permit for a minimum of six months.",
    "The stay is for a period of not less than 90 days.", "The permit is issued for up to one year.",
    "The visa lasts for a maximum period of four years.", "Stay is granted for no more than six months.",
    "The card is valid for a period of typically two years.", "A three-month temporary residence permit.",
    "The permit, shortened to one year, lasts 12 months.", "A PERMIT VALID FOR ONE YEAR, FOR AT LEAST 30 DAYS.",
    "The period lasts BETWEEN 30 AND 90 DAYS.", "A stay longer than six months. A period GREATER THAN 60 DAYS.",
    "A *two-month* reflection period, valid for **six months**, for __at least 30 days__, of *up to one year*.",
])
def test_every_duration_match_holds_its_words(text: str) -> None:
    # Duration patterns run only on sentences that hold a unit and one of the pattern's own words.
    matched = False
    for (_, pattern), words in zip(_DURATIONS, _DURATION_WORDS, strict=True):
        for m in pattern.finditer(text):
            matched = True
            assert any(unit in _folded(m.group(0)) for unit in ("day", "week", "month", "year")), m.group(0)
            assert not words or any(word in _folded(m.group(0)) for word in words), m.group(0)
    assert matched


@pytest.mark.parametrize(("pattern", "words", "text"), [
    (_ARTICLE, _ARTICLE_WORDS, "Under article 13 of the Act, and Articles 5 and 6, Art. 8-3, Section 25(4a), "
                               "§ 59 bis."),
    (_INSTRUMENT, _INSTRUMENT_WORDS, "The 2005 Council of Europe Convention on Action against Trafficking, the "
                                     "Residence Act, Directive 2004/81/EC, Law No. 4251/2014, the Aliens Code, "
                                     "the Trafficking Victims Protection Act, Decree 12/2007 and the Statute."),
    (_COST_WORD, _COST_WORDS, "Victims pay no FEES; the card costs 60 euros, is charged, paid, payable, at a price."),
    (_CONDITION, _CONDITION_WORDS, "If they testify. Only if they cooperate. Provided that they agree. On condition "
                                   "that they stay. As long as the case runs; so long as. In the event of a trial. "
                                   "Subject to review. Unless they leave. In exchange for testimony. Once granted. "
                                   "Victims who cooperate. PROVIDED THEY AGREE."),
    (_REQUIREMENTS_HEADING, _REQUIREMENTS_WORDS, "Requirements\nConditions for the permit\nELIGIBILITY CRITERIA\n"
                                                 "Who can apply\nWho is eligible for it\nGeneral requirements"),
])
def test_every_field_match_holds_its_words(pattern: re.Pattern[str], words: tuple[str, ...], text: str) -> None:
    # These field patterns run only on sentences that hold one of their words (as written, or folded when the
    # pattern ignores case).
    matches = list(pattern.finditer(text))
    assert len(matches) >= 3
    for m in matches:
        found = m.group(0) if not pattern.flags & re.IGNORECASE else _folded(m.group(0))
        assert any(word in found for word in words), m.group(0)


# Residence documents named by their own terms, "permission" for permit, a quoted period's name, and a duration
# given in brackets right after the document's name.
OWN_TERMS = [
    ("A declaration of arrival (three months) is issued to victims who file a complaint.",
     {"topic": "residence document", "duration": "three months", "conditions": "who file a complaint"}),
    ("The foreigners office issues an attestation of immatriculation valid for six months to each victim.",
     {"topic": "residence document", "duration": "six months"}),
    ("Victims who testify receive a certificate of registration for one year, renewable every six months.",
     {"topic": "residence document", "duration": "one year, renewable every six months",
      "conditions": "who testify"}),
    ("A victim who cooperates with the police may be given a 12-month renewable residence permission.",
     {"topic": "residence permit", "duration": "12 months, renewable", "conditions": "who cooperates with the police"}),
    ("Under the Aliens Ordinance, a special protection status is granted to victims who break off contact with "
     "the offenders.", {"topic": "victim protection status", "legal_basis": "Aliens Ordinance"}),
    ("To be recognised in the \u2018victim protection status\u2019, a person has to accept counselling.",
     {"topic": "victim protection status"}),
    ("In order to obtain a temporary residence permit, the applicant has to meet four requirements:",
     {"topic": "temporary residence permit"}),
    ("The immigration service can grant a 30-day 'Recovery and Reflection' period to suspected victims.",
     {"topic": "reflection period", "duration": "30 days"}),
    ("Victims receive an order to leave the country (30 days), which serves as a reflection period.",
     {"topic": "reflection period"}),
    # the document's own bracketed duration, not a deadline said later in the sentence
    ("A residence card (six months) is issued if, within the period of 45 days, the person files a complaint.",
     {"topic": "residence permit", "duration": "six months",
      "conditions": "if, within the period of 45 days, the person files a complaint"}),
    # the article that grants is the legal basis, not one the sentence merely cites for something else
    ("The reflection period provided for in Article 13 of the Convention must be granted to every presumed victim.",
     {"topic": "reflection period", "legal_basis": "Article 13 of the Convention"}),
    ("Laid down in Article 10 of the Aliens Act, the reflection period must be granted on reasonable grounds.",
     {"topic": "reflection period", "legal_basis": "Article 10 of the Aliens Act"}),
    ("Under the rules set out in Article 4 of the Decree, victims shall receive a residence card.",
     {"topic": "residence permit", "legal_basis": "Article 4 of the Decree"}),
    # an article given after its act, in brackets or after a comma, is the act's
    ("Under the Foreigners Act of 2008 (Article 44), victims receive a reflection period of 60 days.",
     {"topic": "reflection period", "duration": "60 days", "legal_basis": "Article 44 of the Foreigners Act of 2008"}),
    ("Victims may be granted a residence permit under the Aliens Act, Section 12.",
     {"topic": "residence permit", "legal_basis": "Section 12 of the Aliens Act"}),
    ("Pursuant to the Residence Act (Section 7), a victim may obtain a temporary residence permit.",
     {"topic": "temporary residence permit", "legal_basis": "Section 7 of the Residence Act"}),
]


@pytest.mark.parametrize(("text", "expected"), OWN_TERMS)
def test_residence_documents_named_by_their_own_terms(text: str, expected: dict[str, Any]) -> None:
    assert _fields(text) == expected
    (fact,) = permit_facts(_passage(text))
    assert fact.excerpt == fold(text)


@pytest.mark.parametrize("text", [
    # a permit or period that only describes who is meant, in a report of what was done
    "A shelter in the capital assisted women who had received a reflection period with language classes.",
    "The NGO trained 40 migrants who had been granted residence permits in 2018 as interpreters.",
    # the permit as a trafficker's or employer's means of control
    "An exploiter may keep a worker under control by threatening him with the loss of his residence permit.",
    "Traffickers often hold the victims' residence cards and passports.",
    # what happens in unnamed countries is no provision of any
    "The rapporteur noted that in some countries the reflection period is still not provided for in national law, "
    "contrary to Article 13 of the Convention.",
    # a period that only dates support other than stay
    "Pending the decision and during the 45-day \"reflection\" period (if granted), victims are given accommodation.",
    # a parliamentary question asks, in the third person
    "Deputy Smith asked the Minister for Justice the number of victims granted a reflection period of more than 60 "
    "days; and if he will make a statement on the matter.",
    "To ask the Secretary of State how many residence permits were issued to victims in 2019.",
    # applying for kinds of status, nothing granted
    "Victims who are afraid to return home can apply for asylum or residence permits.",
    # registration of an organisation is not a person's residence document
    "The NGO's certificate of registration was renewed in 2010.",
    "The ministry revoked the certificate of registration of a recruitment agency.",
    "The government issued certificates of registration to 20 new NGOs.",
])
def test_passing_mentions_make_no_permit_facts(text: str) -> None:
    assert permit_facts(_passage(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a holder clause does not hide what the sentence grants, and a rule on holders is still a provision
    ("Victims who had received a reflection period were granted residence permits for one year.",
     [("residence permit", "one year")]),
    ("Victims who have received a reflection period may apply for a residence permit.",
     [("residence permit", None)]),
    ("Victims who have received a reflection period are entitled to shelter and medical care.",
     [("reflection period", None)]),
    # an employer who applies for a permit does not hold it over anyone; one kind of status applied for is a rule
    ("Employers may apply for a work permit on behalf of a victim.", [("right to work", None)]),
    ("Victims may apply for residence permits.", [("residence permit", None)]),
    # a period referred back to keeps its topic when the sentence cites another article
    ("Article 10 – Reflection period\n\nEach State shall grant victims a reflection period of at least 30 days. "
     "During this period, victims shall be entitled to the assistance set out in Article 9.",
     [("reflection period", "minimum 30 days"), ("reflection period", None)]),
])
def test_what_a_sentence_grants_beside_a_passing_mention(text: str,
                                                        expected: list[tuple[str, str | None]]) -> None:
    assert [(f.fields["topic"], f.fields.get("duration")) for f in permit_facts(_passage(text))] == expected


def test_the_order_to_leave_is_no_leave_to_remain() -> None:
    text = "Victims receive a residence permit. Requests to prolong the order to leave go to the Aliens Office."
    assert [f.excerpt for f in permit_facts(_passage(text))] == ["Victims receive a residence permit."]


def test_a_cited_article_is_not_the_legal_basis() -> None:
    text = ("Article 10 – Reflection period\n\nEach State shall grant victims a reflection period of at least 30 days. "
            "During this period, victims shall be entitled to the assistance set out in Article 9.")
    assert [f.fields.get("legal_basis") for f in permit_facts(_passage(text))] == ["Article 10", "Article 10"]


def _titled(text: str, title: str) -> Passage:
    return Passage(doc="sample.txt", ordinal=0, start=0, end=len(text), text=text, masked=text, title=title,
                   doc_date=None)


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a list of requirements under a heading is one provision on the permit the heading above (or the title) names
    ("Sample", "Temporary residence permit\nConditions\n- You must have left the exploiters.\n"
     "- You must cooperate with the police.\n- You must hold a valid passport.\nFees\nThe application is free.",
     [("temporary residence permit", "Conditions - You must have left the exploiters. - You must cooperate with "
       "the police. - You must hold a valid passport.",
       "You must have left the exploiters; You must cooperate with the police; You must hold a valid passport")]),
    ("Residence permit for victims", "Requirements\n• The prosecutor must confirm that an investigation is open.\n"
     "• You must have broken off contact with the suspects.\n\nOther rights\nYou may work.",
     [("residence permit", "Requirements • The prosecutor must confirm that an investigation is open. • You must "
       "have broken off contact with the suspects.",
       "The prosecutor must confirm that an investigation is open; You must have broken off contact with the "
       "suspects")]),
    ("Sample", "Who can apply for a reflection period\n1. Adults identified by the police.\n2. Children in care.",
     [("reflection period", "Who can apply for a reflection period 1. Adults identified by the police. 2. Children "
       "in care.", "Adults identified by the police; Children in care")]),
    # no permit named above the list, or no list under the heading: nothing
    ("Shelters", "Requirements\n- You must be over 18.\n- You must accept counselling.", []),
    ("Residence permit", "Requirements\nSee the form below\nThe office reviews each file.", []),
    # a web page's list items come out as lines of their own, without bullets; a bullet's wrapped lines run on
    ("Sample", "Limited residence permit\n\nYou may apply if the police need you here.\n\nRequirements\n\n"
     "The police must confirm the investigation.\n\nYou must prove your identity.\n\nFees\n\nThere is no fee.",
     [("residence permit", "Requirements The police must confirm the investigation. You must prove your identity.",
       "The police must confirm the investigation; You must prove your identity")]),
    ("Sample", "Reflection period\nConditions\n- The police must have reasonable grounds\n  to believe you are a "
     "victim.\n- You must be in the country.\nAfter the period\nYou may apply for a permit.",
     [("reflection period", "Conditions - The police must have reasonable grounds to believe you are a victim. - You "
       "must be in the country.", "The police must have reasonable grounds to believe you are a victim; You must be "
       "in the country")]),
])
def test_a_list_of_requirements_under_a_permit_heading(title: str, text: str,
                                                       expected: list[tuple[str, str, str]]) -> None:
    facts = permit_facts(_titled(text, title))
    assert [(f.fields["topic"], f.excerpt, f.fields["conditions"]) for f in facts] == expected


@pytest.mark.parametrize("text", [text for text, _ in OWN_TERMS] + [
    "Holders of a certificate of matriculation or an attestation of registration may work.",
])
def test_every_topic_match_of_own_terms_holds_the_topics_words(text: str) -> None:
    test_every_topic_match_holds_the_topics_words(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a provision that ends in a colon over a list: the list is its conditions, quoted with it
    ("Victims may obtain a residence permit for one year if the following conditions are met:\n"
     "- They have left the exploitative environment.\n- They cooperate with the prosecutor.\nOther rules apply.",
     [("Victims may obtain a residence permit for one year if the following conditions are met: - They have left the "
       "exploitative environment. - They cooperate with the prosecutor.",
       "They have left the exploitative environment; They cooperate with the prosecutor")]),
    ("Each State shall issue a renewable residence permit in either of these cases:\n\n"
     "a) the victim's stay is necessary owing to her situation;\n\nb) the victim helps the investigation.",
     [("Each State shall issue a renewable residence permit in either of these cases: a) the victim's stay is "
       "necessary owing to her situation; b) the victim helps the investigation.",
       "the victim's stay is necessary owing to her situation; the victim helps the investigation")]),
    ("A temporary residence permit is granted when these conditions are met:\n\nThe victim cooperates with the "
     "police.\n\nThe victim has cut off contact with the suspects.\n\nRenewal",
     [("A temporary residence permit is granted when these conditions are met: The victim cooperates with the "
       "police. The victim has cut off contact with the suspects.",
       "The victim cooperates with the police; The victim has cut off contact with the suspects")]),
    # a condition the sentence states itself stays; no list adds nothing
    ("Victims who testify receive a residence permit, on condition that they meet these rules:\n- No contact.",
     [("Victims who testify receive a residence permit, on condition that they meet these rules: - No contact.",
       "who testify")]),
    ("Victims receive a residence permit if:\nThe police confirm the case.",
     [("Victims receive a residence permit if: The police confirm the case.", "if: The police confirm the case")]),
])
def test_a_provision_over_a_list(text: str, expected: list[tuple[str, str]]) -> None:
    facts = permit_facts(_passage(text))
    assert [(f.excerpt, f.fields["conditions"]) for f in facts] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # relief from removal said as an exemption from an adjective's kind of expulsion; the act's verb ends its name
    ("Section 12 of the Foreigners Act allows a victim who reports the exploiters to be exempted from administrative "
     "expulsion.",
     {"topic": "relief from deportation", "legal_basis": "Section 12 of the Foreigners Act",
      "conditions": "who reports the exploiters"}),
    ("Section 8 of the Aliens Act grants a temporary residence permit to victims who testify.",
     {"topic": "temporary residence permit", "legal_basis": "Section 8 of the Aliens Act",
      "conditions": "who testify"}),
    # a bracketed word inside the topic's name
    ("After eight years of lawful stay a victim may apply for permanent (long-term) residence.",
     {"topic": "permanent residence"}),
    ("A victim may later be granted long-term (EU) residence.", {"topic": "long-term residence"}),
    # a stay named for its purpose, "for recovery and reflection", in quotes
    ("A victim identified by the police receives a two-month stay 'for recovery and reflection', during which no "
     "expulsion order may be enforced.",
     {"topic": "reflection period", "duration": "two months"}),
    # other names: Germany's settlement permit, a "reflection time", "will not be returned"
    ("Victims may obtain a settlement permit after five years of residence.", {"topic": "permanent residence"}),
    ("Victims have a 30-day reflection time.", {"topic": "reflection period", "duration": "30 days"}),
    ("A victim will not be forcibly returned while the investigation lasts.", {"topic": "relief from deportation"}),
    # "once" that ends the sentence is how often, not a condition
    ("Victims may be granted a work permit for up to two years, renewable once.",
     {"topic": "right to work", "duration": "up to two years, renewable"}),
    # a who-clause ends before the main verb, "then" too
    ("A victim who files a complaint then receives a residence permit for six months.",
     {"topic": "residence permit", "duration": "six months", "conditions": "who files a complaint"}),
    # a temporary stay on humanitarian grounds is a temporary residence permit
    ("A victim who agrees to testify may then be given a temporary stay on humanitarian grounds for up to six months.",
     {"topic": "temporary residence permit", "duration": "up to six months", "conditions": "who agrees to testify"}),
    # a reflection period named as a time-limit for departure, or by its purpose after "so that"
    ("Under Section 12(3) of the Foreigners Act, a presumed victim gets an extended time-limit for departure of 60 "
     "days.",
     {"topic": "reflection period", "duration": "60 days", "legal_basis": "Section 12(3) of the Foreigners Act"}),
    ("Victims are allowed to stay for 45 days so that they can recover and decide whether to cooperate with the "
     "prosecutor.",
     {"topic": "reflection period", "duration": "45 days"}),
    # "No." numbers an act and denies nothing; a short bracket inside an act's bracketed name
    ("Article 12 of the Law on Aliens (No. 22/2009) provides a recovery period of 60 days.",
     {"topic": "reflection period", "duration": "60 days",
      "legal_basis": "Article 12 of the Law on Aliens (No. 22/2009)"}),
    ("Under Section 8 of the Act on Foreign Nationals (Law 45(II)/2010), a victim receives a reflection period of 30 "
     "days.",
     {"topic": "reflection period", "duration": "30 days",
      "legal_basis": "Section 8 of the Act on Foreign Nationals (Law 45(II)/2010)"}),
    # "Coll." inside an act's name does not end it
    ("Under Section 21 of Act No. 112/2008 Coll. on the Stay of Aliens, a victim is granted tolerated stay for 60 "
     "days.",
     {"topic": "relief from deportation", "duration": "60 days",
      "legal_basis": "Section 21 of Act No. 112/2008 Coll. on the Stay of Aliens"}),
    # a period named by what it is for: "to recover and reflect", "for recovery and reflection"
    ("The Foreigners Act gives presumed victims a period of 45 days to recover and reflect before they decide.",
     {"topic": "reflection period", "duration": "45 days", "legal_basis": "Foreigners Act"}),
    ("Article 9 requires the police to give a victim a period of at least 30 calendar days to recover and reflect.",
     {"topic": "reflection period", "duration": "minimum 30 calendar days", "legal_basis": "Article 9"}),
    ("The General Law on Trafficking (2012), Article 77, gives victims a period of 30 days to recover and reflect.",
     {"topic": "reflection period", "duration": "30 days",
      "legal_basis": "Article 77 of the General Law on Trafficking (2012)"}),
    ("The card may be issued for an initial stay of up to 60 days for recovery and reflection.",
     {"topic": "reflection period", "duration": "up to 60 days"}),
    # a stay until the case ends; a period "during which they may remain"
    ("A worker recognised as a victim may remain in Ruritania until her case is closed.",
     {"topic": "stay during the trial"}),
    ("• A “reflection period” of 120-days, during which victims may remain in the country;",
     {"topic": "reflection period", "duration": "120 days"}),
    # an authorisation for residence; the US "T" status named without its visa
    ("Authorisation for residence is given to victims who help the police.",
     {"topic": "residence permit", "conditions": "who help the police"}),
    ("T nonimmigrant status lets a victim stay for up to 4 years.", {"topic": "visa", "duration": "up to 4 years"}),
    ("In 2001 Congress created “T” nonimmigrant status by passing the Victims Protection Act.",
     {"topic": "visa", "legal_basis": "Victims Protection Act"}),
    # a certificate confirming the presumption that one is a victim, on which one stays; a visa "subject to" checks
    ("A presumed victim staying irregularly is issued a certificate confirming this presumption under Article 170 of "
     "the Act on Foreigners.",
     {"topic": "residence document", "legal_basis": "Article 170 of the Act on Foreigners"}),
    ("The subclass 900 visa is a permanent visa for victims who helped the police. This visa is subject to health "
     "checks.",
     {"topic": "permanent residence", "conditions": "subject to health checks"}),
])
def test_provisions_in_other_words(text: str, expected: dict[str, Any]) -> None:
    assert _fields(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "It" as the subject of what is done with the permit just named
    ("The permit is valid for one year. It may be requested by the victim's lawyer or by a shelter.",
     [("residence permit", "The permit is valid for one year."),
      ("residence permit", "It may be requested by the victim's lawyer or by a shelter.")]),
    ("Victims receive a reflection period of 60 days. It can also be extended by the prosecutor.",
     [("reflection period", "Victims receive a reflection period of 60 days."),
      ("reflection period", "It can also be extended by the prosecutor.")]),
    # but not "It" of anything else, nor what the permit is (a detail of the provision before)
    ("Victims receive a residence permit. It is estimated that 200 victims were granted one.",
     [("residence permit", "Victims receive a residence permit.")]),
    ("The permit is valid for one year. It is not renewable.",
     [("residence permit", "The permit is valid for one year.")]),
    ("It may be requested by the victim's lawyer.", []),
    # an instrument's title wrapped over lines names no topic of its own; the grant after it does
    ("Under the Decree on the\nConditions for Granting Temporary Residence to Victims\nof Trafficking (2006), a victim "
     "receives a 60-day reflection period.",
     [("reflection period", "Under the Decree on the Conditions for Granting Temporary Residence to Victims of "
                            "Trafficking (2006), a victim receives a 60-day reflection period.")]),
    # a run-in heading glued to the heading above it is a heading, though it ends in a full stop
    ("2. What the rules provide\nReflection period.", []),
    ("2. What the rules provide\nReflection period. Victims receive 45 days to decide whether to cooperate.",
     [("reflection period", "Victims receive 45 days to decide whether to cooperate.")]),
    # what comes after (or before) a period is another topic's, even when the time opens the sentence; what comes
    # during it is the period's
    ("After the reflection period a victim may receive a residence permit for one year.",
     [("residence permit", "After the reflection period a victim may receive a residence permit for one year.")]),
    ("During the reflection period no victim may be removed, and a residence permit may follow.",
     [("reflection period", "During the reflection period no victim may be removed, and a residence permit may "
                            "follow.")]),
    # "none had been granted" denies that topic: the sentence is about the other
    ("Caseworkers said few victims received discretionary leave, and none had been granted indefinite leave to "
     "remain.",
     [("residence permit", "Caseworkers said few victims received discretionary leave, and none had been granted "
                           "indefinite leave to remain.")]),
])
def test_it_run_in_headings_and_wrapped_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.fields["topic"], f.excerpt) for f in permit_facts(_passage(text))] == expected


@pytest.mark.parametrize("text", [
    # findings on practice: no one took the permit up, no one knows of one
    "Officials said 12 victims were granted residence permits in 2015, but could not say how many had applied.",
    "Only 5 residence permits were issued to victims in 2016, and the ministry was unable to explain why.",
    "None of the 14 victims identified last year applied for the residence permit.",
    "Not a single victim held a residence permit on humanitarian grounds in 2019.",
    "Many victims have not returned to their families.",
    # an absent provision
    "The country does not currently provide a reflection period.",
    "There is no statutory reflection period in the Penal Code.",
    "Norway has no reflection period for victims of labour exploitation.",
    "Thai law does not provide for a reflection period.",
    "The Aliens Act makes no provision for a reflection period.",
    "A reflection period is not provided for in national law.",
    "A residence permit for victims of labour exploitation does not exist yet.",
    "There are no data on how many residence permits were issued to victims.",
    # proposals, campaigns, and drafts not adopted
    "The Ombudsperson has proposed a reflection period of 60 days for all presumed victims.",
    "The rapporteur proposes that the residence permit be granted for two years.",
    "NGOs have called for a residence permit of two years for every victim; the ministry has not agreed.",
    "Unions lobbied for a temporary residence permit for exploited workers.",
    "A draft amendment would extend the recovery period to 45 days; it has not yet been adopted.",
    "The minister said the government would consider a residence permit for victims, but no bill has been tabled.",
    # a plan in the topic's own clause
    "The ministry plans to introduce a 90-day reflection period.",
    "The government is considering a residence permit for victims of labour exploitation.",
    "The new law is expected to give victims a temporary residence permit of one year.",
    # a draft not yet sent on
    "The ministry prepared an amendment that would lengthen the reflection period to 90 days, but it has not been "
    "submitted to Parliament.",
    # a bill rejected or shelved, an amendment not adopted
    "The new bill would give victims a residence permit of one year, but Parliament rejected it in March.",
    "A draft law would have granted victims a reflection period of 60 days; the draft was shelved in 2015.",
    "The amendment extending the reflection period to 90 days has not been adopted.",
    # never granted, in practice
    "Ruritania has never granted a residence permit to a victim of labour exploitation.",
    # how few permits were given, in practice; none asked for one
    "Only three residence permits had been issued to victims since 2012, and none last year.",
    "In 2019 only one temporary residence permit was granted under Article 9.",
    "A study by the ombudsman found that only 4 of the 12 regions had granted any reflection period at all; the "
    "ombudsman said fees should be waived.",
    "Of the twelve victims identified in 2020, none asked for tolerated stay.",
    # a permit that only says who the people are (held now, or entered on)
    "The number of migrants arriving on seasonal work permits has fallen by a third since 2015.",
    "Refugees who hold a humanitarian residence permit are seldom screened for signs of trafficking.",
    "Officials said that refugees who hold a residence permit are rarely referred for help, as of May 2021.",
    "In 2020, 45 of the 120 victims in shelters held a residence permit; most were from Nigeria.",
    # none given, in the past
    "In 2021 the immigration office granted no residence permit under Section 9; three applications were pending.",
])
def test_findings_absences_and_proposals_make_no_permit_facts(text: str) -> None:
    assert permit_facts(_passage(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a denied fee is no absent permit, nor a grant that is not automatic
    ("A residence permit is not granted automatically.", [("residence permit", None)]),
    ("There is no fee for the residence permit.", [("residence permit", None)]),
    # a proposal that names its legal basis is the law's ("Article 13 calls for"), one adopted is law
    ("Article 13 of the Convention calls for a recovery period of at least 30 days.",
     [("reflection period", "minimum 30 days")]),
    ("The government's proposal, adopted in 2012, gives victims a reflection period of 90 days.",
     [("reflection period", "90 days")]),
    # a bill that would give a permit, with nothing saying it failed, is kept as the text gives it
    ("Under a bill now before parliament, victims would receive a residence permit for one year.",
     [("residence permit", "one year")]),
    # a draft's article is no legal basis
    ("The draft Aliens Act would grant victims a residence permit (draft Article 9).", [("residence permit", None)]),
    # a plan of a victim's, or one beside what is granted, does not make a plan of the grant
    ("A victim who plans to testify may receive a residence permit.", [("residence permit", None)]),
    ("The ministry has extended the reflection period to six months and plans to do more.",
     [("reflection period", "six months")]),
    # a rule said with "none" is a provision
    ("None of the victims may be expelled during the reflection period of 30 days.",
     [("reflection period", "30 days")]),
    # a count of the victims who got one is a statistic; "only one" with a rule is a rule; holders' rights are kept
    ("But in 2019 only three victims actually received the residence permit.", [("residence permit", None)]),
    ("Only one residence permit may be granted to each victim.", [("residence permit", None)]),
    # a permit that "would be withdrawn" is a rule, not a bill that was (and renewed contact renews no permit)
    ("The residence permit would be withdrawn if the victim renewed contact with the traffickers.",
     [("residence permit", None)]),
    ("Victims who hold a residence permit are entitled to social assistance.", [("residence permit", None)]),
])
def test_what_stays_beside_findings_and_proposals(text: str, expected: list[tuple[str, str | None]]) -> None:
    facts = permit_facts(_passage(text))
    assert [(f.fields["topic"], f.fields.get("duration") or f.fields.get("legal_basis")) for f in facts] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the permit" and "the fee" are a document's: past a reflection period named since, the permit named before
    ("Victims receive a temporary residence permit for six months. Before that, they have a reflection period of 30 "
     "days. The fee for the permit is waived.",
     ["temporary residence permit", "reflection period", "temporary residence permit"]),
    ("Victims receive a reflection period of 30 days. The period may be extended.",
     ["reflection period", "reflection period"]),
    # with no document named before, the permit after a period is still the period's (it may be one)
    ("Victims receive a reflection period of 30 days. The permit may not be renewed.",
     ["reflection period", "reflection period"]),
])
def test_a_permit_referred_back_to_is_a_document(text: str, expected: list[str]) -> None:
    assert [f.fields["topic"] for f in permit_facts(_passage(text))] == expected
