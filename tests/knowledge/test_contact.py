"""Contact facts: contact blocks and sentences with emails, phones, faxes, addresses and handles; mere names ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.cleaning import parse_document, split_passages
from knowledge.extract._reach import find_details
from knowledge.extract.contact import contact_facts, contact_summary
from knowledge.loading import read_text
from knowledge.models import Passage
from knowledge.text import fold

CORPUS = Path(__file__).resolve().parents[2] / "knowledge" / "corpus"


def _passage(text: str) -> Passage:
    return Passage(doc="sample.txt", ordinal=5, start=0, end=len(text), text=text, masked=text,
                   title="Sample", doc_date="2018-06-01")


def _contacts(text: str) -> list[dict[str, object]]:
    return [dict(f.fields) for f in contact_facts(_passage(text))]


def _subset(got: dict[str, object], expected: dict[str, object]) -> None:
    for key, value in expected.items():
        assert got.get(key) == value, (key, got)


SENTENCES = [
    ("¶4. (U) Embassy Madrid's TIP officer is Mark Ellison, reachable at EllisonMR@state.gov.",
     {"name": "Mark Ellison", "org": "Embassy Madrid", "email": "EllisonMR@state.gov"}),
    # names in any Latin script
    ("For the regional programme, contact Ms. Jelena Petrović at jelena.petrovic@example.rs or +381 11 3344 556.",
     {"name": "Ms. Jelena Petrović", "email": "jelena.petrovic@example.rs", "phone": "+381 11 3344 556"}),
    ("Mr. Łukasz Żółkiewski, the ministry's focal point, can be reached at l.zolkiewski@example.pl.",
     {"name": "Mr. Łukasz Żółkiewski", "email": "l.zolkiewski@example.pl"}),
    ("Questions may be sent to Dr. Øyvind Ødegaard (oyvind@example.no, tel. +47 22 24 36 00).",
     {"name": "Dr. Øyvind Ødegaard", "email": "oyvind@example.no", "phone": "+47 22 24 36 00"}),
    # cables: the post's point of contact
    ("The point of contact at Embassy Paris for TIP related issues is \nAnny Vu, who can be contacted via email at "
     "VuAT3@state.gov, \nor telephone  (33)1-4312-2614 (IVG 8-498-2614), and fax \n (33)1-4312-2663. ",
     {"name": "Anny Vu", "org": "Embassy Paris", "email": "VuAT3@state.gov", "phone": "(33)1-4312-2614",
      "fax": "(33)1-4312-2663", "title": "point of contact at Embassy Paris for TIP related issues"}),
    ("Post's TIP officer is Political Officer John Matthews; he can be reached at MatthewsJR@state.gov or "
     "+39 06 4674 2205.", {"name": "John Matthews", "email": "MatthewsJR@state.gov", "phone": "+39 06 4674 2205"}),
    ("POST POINT OF CONTACT IS POLITICAL SPECIALIST MARIA KOVACS, TEL. +36 1 475 4400, FAX +36 1 475 4248.",
     {"phone": "+36 1 475 4400", "fax": "+36 1 475 4248"}),
    ("For further information, please contact Dr. Elena Petrova at the Ministry of Interior "
     "(e.petrova@mvr.bg, tel. +359 2 982 5000).",
     {"name": "Dr. Elena Petrova", "org": "Ministry of Interior", "email": "e.petrova@mvr.bg",
      "phone": "+359 2 982 5000"}),
    ("Questions may be addressed to the Anti-Trafficking Unit of the Ministry of Justice at "
     "trafficking@justice.gov.xx or by phone on +44 20 7946 0958.",
     {"org": "Anti-Trafficking Unit of the Ministry of Justice", "email": "trafficking@justice.gov.xx",
      "phone": "+44 20 7946 0958"}),
    ("The national hotline run by the Association ALC can be called on 0 825 009 907, tel: 04 93 82 42 00.",
     {"org": "Association ALC", "phone": "04 93 82 42 00"}),
    ("Follow the Embassy of France in Austria on Twitter @FranceAutriche for updates.",
     {"org": "Embassy of France in Austria", "handle": "@FranceAutriche"}),
    ("The office of the National Rapporteur is located at 12 rue de Rivoli, 75001 Paris, and can be reached "
     "at rapporteur@example.fr.", {"address": "12 rue de Rivoli, 75001 Paris", "email": "rapporteur@example.fr"}),
    ("For media enquiries, contact the Press Office on +44 (0)20 7008 1500 or press.office@fco.gov.uk.",
     {"org": "Press Office", "phone": "+44 (0)20 7008 1500", "email": "press.office@fco.gov.uk"}),
    ("9. (U) Embassy point of contact is Poloff Mark Hale, tel: 40-21-200-3300, e-mail: halemd@state.gov.",
     {"name": "Mark Hale", "phone": "40-21-200-3300", "email": "halemd@state.gov"}),
    ("Dr Ivana Novak, Director, Centre for Migration Studies, Zagreb (ivana.novak@cms.hr)",
     {"name": "Dr Ivana Novak", "org": "Centre for Migration Studies", "email": "ivana.novak@cms.hr"}),
    ("The NGO La Strada operates a helpline (+380 800 500 335) and can also be reached at info@la-strada.org.ua.",
     {"org": "NGO La Strada", "name": None, "phone": "+380 800 500 335", "email": "info@la-strada.org.ua"}),
    ("Embassy POC: PolOff Jane Doe, DoeJ@state.gov, 33-1-4312-2000.",
     {"name": "Jane Doe", "email": "DoeJ@state.gov", "phone": "33-1-4312-2000"}),
    ("Readers can write to the editor, Ms. Lena Fischer, at lena.fischer [at] ngo-news [dot] org.",
     {"name": "Ms. Lena Fischer", "email": "lena.fischer@ngo-news.org"}),
    ("For additional information please contact:\nJane Smith, Regional Coordinator, jsmith@iom.int, "
     "Tel: +43 1 581 22 22", {"name": "Jane Smith", "title": "Regional Coordinator", "email": "jsmith@iom.int",
                              "phone": "+43 1 581 22 22"}),
    ("Contact person: Maria Schmidt, Federal Criminal Police Office (BKA), phone +49 611 55-0, "
     "e-mail maria.schmidt@bka.bund.de", {"name": "Maria Schmidt", "org": "Federal Criminal Police Office",
                                          "phone": "+49 611 55-0", "email": "maria.schmidt@bka.bund.de"}),
    ("Speaking at the event, Ambassador Smith (@USAmbRomania) thanked the organisers.",
     {"name": "Ambassador Smith", "handle": "@USAmbRomania"}),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_contacts_in_sentences(text: str, expected: dict[str, object]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], expected)
    assert contacts[0].get("name") or contacts[0].get("org")


def test_one_person_a_line_quotes_each_line() -> None:
    text = ("Ivan Petrov – ivan.petrov@mvd.ru – +7 495 667 0000\n"
            "Olga Ivanova – olga.ivanova@mvd.ru – +7 495 667 0001\n")
    facts = contact_facts(_passage(text))
    assert [(f.fields["name"], f.fields["phone"], f.excerpt) for f in facts] == [
        ("Ivan Petrov", "+7 495 667 0000", "Ivan Petrov – ivan.petrov@mvd.ru – +7 495 667 0000"),
        ("Olga Ivanova", "+7 495 667 0001", "Olga Ivanova – olga.ivanova@mvd.ru – +7 495 667 0001"),
    ]


def test_two_people_in_a_wrapped_sentence() -> None:
    text = ("Post contacts are Political Officer Jane\nDoe (DoeJ@state.gov) and Economic Officer\n"
            "Mark Ross (RossM@state.gov).")
    assert [c["name"] for c in _contacts(text)] == ["Jane Doe", "Mark Ross"]


def test_lines_before_a_contact_heading_are_not_the_contact() -> None:
    text = "Upcoming events\n15-19 October, Vienna: COP\nContact\nMs Jane Doe\njane@x.org\n"
    contacts = _contacts(text)
    assert contacts == [{"name": "Ms Jane Doe", "email": "jane@x.org"}]


def test_two_people_in_one_sentence_are_two_contacts() -> None:
    text = ("Contacts are Ms. Anna Berg (anna.berg@gov.se, +46 8 405 10 00) and Mr. Lars Holm "
            "(lars.holm@gov.se, +46 8 405 20 00).")
    contacts = _contacts(text)
    assert [(c["name"], c["email"], c["phone"]) for c in contacts] == [
        ("Ms. Anna Berg", "anna.berg@gov.se", "+46 8 405 10 00"),
        ("Mr. Lars Holm", "lars.holm@gov.se", "+46 8 405 20 00"),
    ]


NEWSLETTER_BLOCK = """cooperation and cooperation between civil society
and the Caritas Albania project concerning exploited
minors.
 Contact
Ms. Caroline Charpentier
Regional expert on “Fight against the trafficking of human beings and related crime”
caroline-marie.charpentier@diplomatie.gouv.fr
@caro_charpTEH
Permanent representation of France to the UN and international
organisations in Vienna
Schwarzenbergplatz 16, 1010, Vienna (Austria)
@FranceONUVienne
Permanent representation of France to the OSCE
Schwarzenbergplatz 16, 1010, Vienna (Austria)
@RP_France_OSCE
"""

LABELLED_BLOCK = """Press contacts

Jean Dupont, Press Officer
Ministry for Europe and Foreign Affairs
Tel: +33 1 43 17 53 53 | Fax: +33 1 43 17 52 03
E-mail: jean.dupont@diplomatie.gouv.fr

La Strada International
P.O. Box 15865
1001 NJ Amsterdam
The Netherlands
T: +31 20 688 1414
info@lastradainternational.org
"""

US_BLOCK = """For more information:
Office to Monitor and Combat Trafficking in Persons
U.S. Department of State
2201 C Street NW
Washington, DC 20520
Phone: (202) 312-9639
tipreport@state.gov
"""


LETTERHEAD_BLOCK = """Secretariat of the Group of Experts on Action against Trafficking in Human Beings (GRETA)
Council of Europe
F-67075 Strasbourg Cedex
France
Tel: +33 (0)3 88 41 20 00
trafficking@coe.int
"""

FRENCH_BLOCK = """CONTACTS
DUPONT Jean
Chargé de mission
Tél. : +33 (0)1 53 69 30 00
jean.dupont@interieur.gouv.fr
"""

ROMANIAN_BLOCK = """Contacts

Anti-Trafficking Coordination Office
Ministry of Interior
Bulevardul Unirii 12, Sector 3
030167 Bucharest, Romania
Tel.: +40 21 264 8000
Email: anti-trafficking@mai.gov.ro

Ms Ana Popescu
Programme Officer
ana.popescu@example.org
+40 722 123 456
"""


@pytest.mark.parametrize(("text", "expected"), [
    (LETTERHEAD_BLOCK, [
        {"org": "Secretariat of the Group of Experts on Action against Trafficking in Human Beings (GRETA), "
                "Council of Europe", "address": "F-67075 Strasbourg Cedex France", "phone": "+33 (0)3 88 41 20 00",
         "email": "trafficking@coe.int"},
    ]),
    (FRENCH_BLOCK, [
        {"name": "DUPONT Jean", "title": "Chargé de mission", "phone": "+33 (0)1 53 69 30 00",
         "email": "jean.dupont@interieur.gouv.fr"},
    ]),
    (ROMANIAN_BLOCK, [
        {"org": "Anti-Trafficking Coordination Office, Ministry of Interior",
         "address": "Bulevardul Unirii 12, Sector 3 030167 Bucharest, Romania", "phone": "+40 21 264 8000",
         "email": "anti-trafficking@mai.gov.ro"},
        {"name": "Ms Ana Popescu", "title": "Programme Officer", "email": "ana.popescu@example.org",
         "phone": "+40 722 123 456"},
    ]),
    (NEWSLETTER_BLOCK, [
        {"name": "Ms. Caroline Charpentier", "email": "caroline-marie.charpentier@diplomatie.gouv.fr",
         "handle": "@caro_charpTEH",
         "title": "Regional expert on “Fight against the trafficking of human beings and related crime”"},
        {"org": "Permanent representation of France to the UN and international organisations in Vienna",
         "address": "Schwarzenbergplatz 16, 1010, Vienna (Austria)", "handle": "@FranceONUVienne"},
        {"org": "Permanent representation of France to the OSCE",
         "address": "Schwarzenbergplatz 16, 1010, Vienna (Austria)", "handle": "@RP_France_OSCE"},
    ]),
    (LABELLED_BLOCK, [
        {"name": "Jean Dupont", "title": "Press Officer", "org": "Ministry for Europe and Foreign Affairs",
         "phone": "+33 1 43 17 53 53", "fax": "+33 1 43 17 52 03", "email": "jean.dupont@diplomatie.gouv.fr"},
        {"org": "La Strada International", "address": "P.O. Box 15865 1001 NJ Amsterdam The Netherlands",
         "phone": "+31 20 688 1414", "email": "info@lastradainternational.org"},
    ]),
    (US_BLOCK, [
        {"org": "Office to Monitor and Combat Trafficking in Persons, U.S. Department of State",
         "address": "2201 C Street NW Washington, DC 20520",
         "phone": "(202) 312-9639", "email": "tipreport@state.gov"},
    ]),
])
def test_contact_blocks(text: str, expected: list[dict[str, object]]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == len(expected)
    for got, want in zip(contacts, expected, strict=True):
        _subset(got, want)


def test_a_block_is_quoted_whole_without_its_heading() -> None:
    fact = contact_facts(_passage(NEWSLETTER_BLOCK))[0]
    assert fact.excerpt == ("Ms. Caroline Charpentier Regional expert on “Fight against the trafficking of human "
                            "beings and related crime” caroline-marie.charpentier@diplomatie.gouv.fr @caro_charpTEH")


NO_CONTACTS = [
    "Ambassador Jean-Louis Falconi underlined the importance of financial investigations.",
    "The mission against human trafficking in south east Europe is led by Ms Caroline Charpentier.",
    "Mr Davor Raus, head of the Croatian police unit, presented the results of the operation.",
    "The shelter received 46,000 euros ($63,020) in 2009, 20 percent of its budget.",
    "Fri Feb 19 00:00:00 +0100 2010 UNCLASSIFIED Embassy Paris",
    "Between 2015-2017, 3 street children were found in 12 cities; 120 victims were assisted in 2009.",
    "Article 225-4-1 of the Penal Code, amended by Law 2003-239 of 18 March 2003, punishes trafficking.",
    "In 2019 the #MeToo debate reached the courts; the @ sign appears in 10 tweets.",
    "The hotline (tel. 0800 100 200) received 3,450 calls in 2011.",
    "The workshop, held at the Vienna International Centre, Wagramer Strasse 5, 1220 Vienna, gathered 120 people.",
    "Twitter: @UNODC | Facebook: facebook.com/UNODC | www.unodc.org",
    "Police opened case 2010-123-456 after the contact with the victim on 12-05-2010.",
    "Photo: © UNODC/John Doe\n2010 Annual Report\nThe workshop gathered 40 judges.",
    "Follow us\n@FranceONUVienne\n",
    "www.example.org | info@example.org | +33 1 43 12 26 14",
]


@pytest.mark.parametrize("text", NO_CONTACTS)
def test_mere_mentions_are_not_contacts(text: str) -> None:
    assert _contacts(text) == []


@pytest.mark.parametrize(("fields", "summary"), [
    ({"name": "Anny Vu", "org": "Embassy Paris", "email": "VuAT3@state.gov", "phone": "(33)1-4312-2614",
      "fax": "(33)1-4312-2663"},
     "Anny Vu (Embassy Paris): VuAT3@state.gov, tel. (33)1-4312-2614, fax (33)1-4312-2663"),
    ({"name": "Anny Vu", "org": "Embassy Paris", "title": "point of contact at Embassy Paris for TIP related issues",
      "email": "VuAT3@state.gov"},
     "Anny Vu (point of contact at Embassy Paris for TIP related issues): VuAT3@state.gov"),
    ({"org": "Permanent representation of France to the OSCE", "handle": "@RP_France_OSCE",
      "address": "Schwarzenbergplatz 16, 1010, Vienna (Austria)"},
     "Permanent representation of France to the OSCE: @RP_France_OSCE, Schwarzenbergplatz 16, 1010, Vienna (Austria)"),
])
def test_summary(fields: dict[str, object], summary: str) -> None:
    assert contact_summary(fields) == summary


@pytest.mark.parametrize("text", [row[0] for row in SENTENCES] + [NEWSLETTER_BLOCK, LABELLED_BLOCK, US_BLOCK,
                                                                   ROMANIAN_BLOCK, LETTERHEAD_BLOCK, FRENCH_BLOCK])
def test_excerpts_are_verbatim_and_short(text: str) -> None:
    for fact in contact_facts(_passage(text)):
        assert fact.excerpt in fold(text) and len(fact.excerpt) <= 600


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_every_excerpt_in_the_corpus_is_verbatim(path: Path) -> None:
    text, kind, sha, _ = read_text(path)
    document = parse_document(path.name, text, kind=kind, sha256=sha)
    for passage in split_passages(document):
        for fact in contact_facts(passage):
            assert fact.excerpt in fold(passage.text)
            assert fold(text[fact.start:fact.end]) == fact.excerpt


# Hotlines, tip lines and freephone numbers: the service's name, the body that runs it, or what the sentence calls it.
SERVICES = [
    ("The Regional Anti-Trafficking Helpline (RATH) serves five countries. The Helpline number is 0800 44 55 66.",
     {"org": "Regional Anti-Trafficking Helpline (RATH)", "phone": "0800 44 55 66", "name": None}),
    ("Tips may be passed to the Border Police Tip Line. The Tip Line can be reached from abroad by calling "
     "1-202-555-0143.", {"org": "Border Police Tip Line", "phone": "1-202-555-0143"}),
    ("The freephone number 0808 800 5010 is open to anyone who suspects forced labour on a farm.",
     {"org": "freephone number", "phone": "0808 800 5010"}),
    ("The NCA operates a 24-hour hotline for reports of exploitation, +44 20 7238 8000, and an e-mail address, "
     "tips@nca.example.gov.", {"org": "NCA", "phone": "+44 20 7238 8000", "email": "tips@nca.example.gov"}),
    ("The ministry also finances the national anti-trafficking helpline (116 006 116) with 200,000 euros a year.",
     {"org": "national anti-trafficking helpline", "phone": "116 006 116"}),
    ("- U.S. Department of Labor at 1-866-487-9243 during office hours, or write to the regional office.",
     {"org": "U.S. Department of Labor", "phone": "1-866-487-9243"}),
]


@pytest.mark.parametrize(("text", "expected"), SERVICES)
def test_hotlines_reach_their_service(text: str, expected: dict[str, object]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], expected)


# Names, titles and offices read from the words around the person.
PEOPLE = [
    ("Questions may be sent to the Directorate's national coordinator, Ms. Vesna Kolar, at "
     "vesna.kolar@mnz.example.si.", {"name": "Ms. Vesna Kolar", "title": "national coordinator"}),
    ("Embassy POC on labor issues: Ana R. Dias, Political/Economic Section, +351 21 727 3300, DiasAR@state.gov.",
     {"name": "Ana R. Dias", "org": "Political/Economic Section", "phone": "+351 21 727 3300"}),
    ("The Embassy's point of contact for TIP issues is economic officer Paul J. Reyes, tel. (30) 210-720-2400.",
     {"name": "Paul J. Reyes", "title": "economic officer, point of contact for TIP issues"}),
    ("Post's TIP officer is Poloff Sean O'Neill, tel. +353 1 630 6200.", {"name": "Sean O'Neill"}),
    ("-- A. Mihai Dobre, director of the Open Shelter for Women, can be reached at +40 21 310 4050.",
     {"name": "Mihai Dobre", "org": "Open Shelter for Women"}),
    ("Press enquiries: Marta Novak, marta.novak@example.hr, @marta_novak_ngo",
     {"name": "Marta Novak", "email": "marta.novak@example.hr", "handle": "@marta_novak_ngo"}),
    ("The Council on Labour Migration can be reached at info@clm.example.eu.",
     {"org": "Council on Labour Migration"}),
    ("Follow the Ministry of Labour on Twitter @MinLabourXX for updates.",
     {"org": "Ministry of Labour", "handle": "@MinLabourXX"}),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_names_titles_and_offices(text: str, expected: dict[str, object]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], expected)


def test_two_people_in_one_wrapped_cable_sentence() -> None:
    text = ("¶9. (U) Post's TIP contacts are Consular Officer Mark T.\nHenley, tel. (30) 210-720-2490, e-mail "
            "HenleyMT@state.gov,\nand Economic Assistant Petros Alexiou, tel. (30)\n210-720-2301.")
    contacts = _contacts(text)
    assert [(c.get("name"), c.get("title"), c.get("phone"), c.get("email"), c.get("org")) for c in contacts] == [
        ("Mark T. Henley", "Consular Officer", "(30) 210-720-2490", "HenleyMT@state.gov", None),
        ("Petros Alexiou", "Economic Assistant", "(30) 210-720-2301", None, None),
    ]


SERVICE_AND_LEAD_IN_BLOCKS = [
    ("Contacts\n\nSkopje office — Elena Trajkovska, Legal Officer\nBulevar Partizanski Odredi 15, 1000 Skopje\n"
     "+389 2 3100 200 · elena.trajkovska@example.mk\n",
     [{"name": "Elena Trajkovska", "org": "Skopje office", "title": "Legal Officer",
       "address": "Bulevar Partizanski Odredi 15, 1000 Skopje", "phone": "+389 2 3100 200"}]),
    ("For media inquiries, please contact:\nDana Whitfield\nCommunications Director\n214-555-0188\n",
     [{"name": "Dana Whitfield", "org": None, "title": "Communications Director", "phone": "214-555-0188"}]),
    ("Press Release by Carla Mendes\nCasa Verde Restaurant\n412 King Street, Alexandria VA 22314\n"
     "Phone: 703 555-0110\n",
     [{"name": None, "org": "Casa Verde Restaurant", "phone": "703 555-0110"}]),
    ("Dr. Jonas Weber, Institute for Migration Research\nHauptstrasse 12, 10115 Berlin, Germany\n"
     "Tel. +49 30 555 1200\njonas.weber@imr.example.de\n",
     [{"name": "Dr. Jonas Weber", "org": "Institute for Migration Research", "title": None,
       "address": "Hauptstrasse 12, 10115 Berlin, Germany"}]),
    ("Contact\n\nPolicy Unit, Council on Labour Migration\n"
     "Dr. Hanna Berg, Senior Analyst — hanna.berg@clm-policy.eu — +46 8 555 120 00\n"
     "Mr. Tomas Lind, Analyst — tomas.lind@clm-policy.eu — +46 8 555 120 01\nFollow us: @CLM_Policy\n",
     [{"name": "Dr. Hanna Berg", "title": "Senior Analyst", "org": "Council on Labour Migration", "handle": None},
      {"name": "Mr. Tomas Lind", "title": "Analyst", "phone": "+46 8 555 120 01", "handle": None},
      {"name": None, "org": "Council on Labour Migration", "handle": "@CLM_Policy"}]),
]


@pytest.mark.parametrize(("text", "expected"), SERVICE_AND_LEAD_IN_BLOCKS)
def test_blocks_with_parts_lead_ins_and_office_lines(text: str, expected: list[dict[str, object]]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == len(expected), contacts
    for got, want in zip(contacts, expected, strict=True):
        _subset(got, want)


def test_an_office_line_after_a_list_of_people_is_not_quoted_with_them() -> None:
    text = SERVICE_AND_LEAD_IN_BLOCKS[-1][0]
    excerpts = [f.excerpt for f in contact_facts(_passage(text))]
    assert excerpts[1] == "Mr. Tomas Lind, Analyst — tomas.lind@clm-policy.eu — +46 8 555 120 01"
    assert excerpts[2] == "Follow us: @CLM_Policy"


@pytest.mark.parametrize("text", [
    "The hotline received 3,450 calls in 2011, up from 2,900 the year before.",
    "The court registered the case as 1-201-555-0123 in 2010.",
    "A helpline (tel. 0800 100 200) was discussed at the meeting.",
    "Resolution 1325, 2000 Women and Peace, was cited by the speakers.",
])
def test_numbers_without_a_service_or_body_are_not_contacts(text: str) -> None:
    assert _contacts(text) == []


def test_a_sentence_wrapped_before_its_email_is_prose_not_a_block() -> None:
    text = ("¶6. (U) The point of contact at Embassy Lisbon for TIP related\nissues is Joana Reis, who can be "
            "contacted via email at\nreisj@state.gov, or telephone (351)2-1727-3300 (IVG\n8-555-3300), and fax "
            "(351)2-1727-9109.")
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], {"name": "Joana Reis", "org": "Embassy Lisbon", "email": "reisj@state.gov",
                          "phone": "(351)2-1727-3300", "fax": "(351)2-1727-9109"})


def test_a_hotline_named_in_an_earlier_sentence_is_quoted_from_its_name() -> None:
    text = "The Regional Anti-Trafficking Helpline (RATH) serves five countries. The Helpline number is 0800 44 55 66."
    fact = contact_facts(_passage(text))[0]
    assert fact.excerpt == text


# Cables wrap lines anywhere: an office's name, a qualifier after it, a paragraph's letter before a name.
WRAPPED = [
    ("¶7. (U) Ana Horvat, director of the Open Coalition \nagainst Forced Labour (OCFL), can be reached at "
     "ahorvat@ocfl.example.org.",
     {"name": "Ana Horvat", "org": "Open Coalition against Forced Labour"}),
    ("The point of contact at Embassy Valletta for TIP \nrelated issues is Tom Grech, who can be contacted via "
     "email \nat grecht@state.gov.", {"name": "Tom Grech", "org": "Embassy Valletta"}),
    ("-- C. Lena Borg, director of the Northern Initiative against Sexual Exploitation (NISE), can be reached "
     "at lborg@nise.example.org.", {"name": "Lena Borg", "org": "Northern Initiative against Sexual Exploitation"}),
    ("Mr. Piet de Wit, director of the Union for\nStreet Children, can be reached at p.dewit@usc.example.nl.",
     {"name": "Mr. Piet de Wit", "org": "Union for Street Children"}),
]


@pytest.mark.parametrize(("text", "expected"), WRAPPED)
def test_wrapped_names_and_offices(text: str, expected: dict[str, object]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], expected)


def test_a_remark_in_brackets_after_a_detail_keeps_the_block_whole() -> None:
    text = ("Contact us\nAstra Centre\nP.O. Box 18, 11000 Belgrade\nHelpline: +381 11 785 0000 (free from any phone)\n"
            "Email: sos@astra.example.rs\n")
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], {"org": "Astra Centre", "phone": "+381 11 785 0000", "email": "sos@astra.example.rs"})


@pytest.mark.parametrize(("text", "expected"), [
    ("The Labour Inspectorate's hotline, 0800 40 40 40, takes anonymous reports.",
     {"phone": "0800 40 40 40", "org": "Labour Inspectorate"}),
])
def test_a_hotline_number_after_a_comma(text: str, expected: dict[str, object]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == 1
    _subset(contacts[0], expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an office's name opens the line, its town in brackets, the details after the colon
    ("Partner shelters\n\nSolwodi (Koblenz): +49 261 33 999, info@solwodi.example.de\n",
     [{"org": "Solwodi", "phone": "+49 261 33 999", "email": "info@solwodi.example.de"}]),
    ("- ASTRA: +381 11 785 0000, astra@astra.example.rs",
     [{"org": "ASTRA", "email": "astra@astra.example.rs"}]),
    # a function opens the line, the person's name after the colon
    ("National Coordinator against trafficking in persons: Dr. Ilse Maier, ilse.maier@bmi.example.at",
     [{"name": "Dr. Ilse Maier", "title": "National Coordinator against trafficking in persons",
       "email": "ilse.maier@bmi.example.at"}]),
    # labels that tell what a line is, not whom it reaches
    ("Note: +43 1 531 26 0 answers only on weekdays.", []),
    ("Tel: +43 1 531 26 0", []),
])
def test_a_line_opened_by_a_label(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)


@pytest.mark.parametrize(("text", "expected"), [
    # a cable's sentence wrapped after "ext.": the next line goes on with it and heads no block
    ("¶7. (U) Post's contacts are Political Officer Jana Novak (NovakJ@state.gov, tel. 420-2-5702-2000 ext.\n"
     "2311) and, for refugee issues, Petr Dvorak\n(dvorakp@state.gov, 420-2-5702-2450).\n",
     [{"name": "Jana Novak", "title": "Political Officer", "email": "NovakJ@state.gov"},
      {"name": "Petr Dvorak", "email": "dvorakp@state.gov", "org": None}]),
    # a label before the person in a block's first line is neither name nor office
    ("Questions about the study: Dr. Eva Lindqvist, Office of the Swedish National\n"
     "Rapporteur, tel. +46 8 401 90 00, eva.lindqvist@example.se\n",
     [{"name": "Dr. Eva Lindqvist", "org": "Office of the Swedish National", "email": "eva.lindqvist@example.se"}]),
])
def test_wrapped_sentences_and_labelled_block_heads(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)


@pytest.mark.parametrize(("text", "expected"), [
    # a street address under the office's name is its address, not part of its name or a title
    ("Secretariat of the Baltic Network\n  Strelnieku iela 4, LV-1010 Riga, Latvia\n  info@network.example.lv\n",
     {"org": "Secretariat of the Baltic Network", "address": "Strelnieku iela 4, LV-1010 Riga, Latvia",
      "email": "info@network.example.lv"}),
    ("Office of the National Coordinator\nul. Wiejska 12, 00-902 Warszawa\nTel.: +48 22 694 00 00\n",
     {"org": "Office of the National Coordinator", "address": "ul. Wiejska 12, 00-902 Warszawa"}),
    # a line of words under the name is no address
    ("Office of the National Coordinator\nunit for victim support\nTel.: +48 22 694 00 00\n",
     {"org": "Office of the National Coordinator unit for victim support", "address": None}),
])
def test_a_street_line_in_a_block_is_the_address(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the words before "hotline" name the body that runs it, not a person
    ("The Astra Sofia hotline number for victims is +359 2 981 00 00.",
     {"name": None, "org": "Astra Sofia hotline", "phone": "+359 2 981 00 00"}),
    ("Victims can call Maria Ionescu at +40 21 311 00 00 or the national hotline.",
     {"name": "Maria Ionescu", "phone": "+40 21 311 00 00"}),
])
def test_a_name_before_hotline_is_the_service(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a remark in brackets between a phone's label and its colon; markdown emphasis around the name
    ("**Olena Marchenko**, legal adviser\nHelpline (free within Moldova): 0 800 77 777 · olena@example.md\n",
     {"name": "Olena Marchenko", "phone": "0 800 77 777", "email": "olena@example.md"}),
    ("Maria Ionescu, project officer\nTel. (office hours): 021 311 00 00\n",
     {"name": "Maria Ionescu", "phone": "021 311 00 00"}),
])
def test_bracketed_remarks_after_labels_and_emphasised_names(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize(("text", "phone"), [
    # a cable wraps the number after its country and area codes
    ("(U) Post's TIP officer is Anna Berg; telephone (46)(8) \n783-5300, e-mail BergA@state.gov.", "(46)(8) 783-5300"),
    ("(U) Post's TIP officer is Anna Berg; tel. (46)\n8-783-5300, e-mail BergA@state.gov.", "(46) 8-783-5300"),
])
def test_a_number_wrapped_after_its_codes(text: str, phone: str) -> None:
    (got,) = _contacts(text)
    assert got["phone"] == phone


@pytest.mark.parametrize(("text", "org"), [
    # a section's label above a person is not the person's office
    ("Editorial team\nPiotr Nowak, editor\nTel. +48 22 555 01 01\n", None),
    # an office's name above a person is
    ("Press office\nPiotr Nowak, spokesperson\nTel. +48 22 555 01 01\n", "Press office"),
    ("Office of the Plenipotentiary\nPiotr Nowak, adviser\nTel. +48 22 555 01 01\n", "Office of the Plenipotentiary"),
])
def test_a_lower_case_label_above_a_person_is_no_office(text: str, org: str | None) -> None:
    (got,) = _contacts(text)
    assert (got["name"], got.get("org")) == ("Piotr Nowak", org)


# Directory lines: a proper name (one word will do) opens the line, then a colon or a dash, then perhaps a street
# address and a phone label; a list's number may come first. The name is the office, never the street.
DIRECTORY_LINES = [
    ("Specialised shelters:\n\n  1. Mirabal: Rue de la Station, 12 5000 Namur Tel. 081 22 33 44.\n"
     "  2. Vesta: Brugstede 7 3500 Hasselt Tel. 011 22 33 44\n  3. Lumen: Tel. 0488 12 34 56\n",
     [{"org": "Mirabal", "name": None, "address": "Rue de la Station, 12 5000 Namur", "phone": "081 22 33 44"},
      {"org": "Vesta", "name": None, "address": "Brugstede 7 3500 Hasselt", "phone": "011 22 33 44"},
      {"org": "Lumen", "name": None, "phone": "0488 12 34 56"}]),
    ("Ariadna: Avenue Louise 54 1050 Brussels Tel. 02 555 12 12.",
     [{"org": "Ariadna", "name": None, "address": "Avenue Louise 54 1050 Brussels", "phone": "02 555 12 12"}]),
    ("Kinder-Haven: Phone: 03 288 77 66", [{"org": "Kinder-Haven", "phone": "03 288 77 66"}]),
    # a national number after a dash that ends the line
    ("Reporting Point for Minors – 078 12 34 56\n\nOpen every day, 24 hours a day\n",
     [{"org": "Reporting Point for Minors", "phone": "078 12 34 56"}]),
    ("Victim Support Line - 0800 30 30 30", [{"org": "Victim Support Line", "phone": "0800 30 30 30"}]),
]


@pytest.mark.parametrize(("text", "expected"), DIRECTORY_LINES)
def test_directory_lines(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)


# Blocks broken by blank lines: a name alone in its paragraph above a paragraph of bare details; bare details below a
# blank line that go on with the office's block above; a lead-in sentence ending in a colon that names the office.
SPLIT_BLOCKS = [
    ("Youth Helpdesk\n\n+32 470 11 22 33\n\nMonday: 10h-12h\n",
     [{"org": "Youth Helpdesk", "phone": "+32 470 11 22 33"}]),
    ("Network of Counselling Centres e.V.\nLindenstraße 5\n10969 Berlin\n\nTel.: 030 / 123 456 78\n"
     "E-Mail: info@ncc.example.de\n",
     [{"org": "Network of Counselling Centres e.V.", "address": "Lindenstraße 5 10969 Berlin",
       "phone": "030 / 123 456 78", "email": "info@ncc.example.de"}]),
    ("The Nordic Shelter Alliance (NSA) can refer you to a shelter near you:\nE-mail: info@nsa.example.org\n"
     "Phone: (+46) 8 123 456 78\n",
     [{"org": "Nordic Shelter Alliance (NSA)", "email": "info@nsa.example.org", "phone": "(+46) 8 123 456 78"}]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_BLOCKS)
def test_blocks_split_by_blank_lines_or_led_in(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)


def test_details_below_a_blank_line_do_not_join_a_contact_that_names_another() -> None:
    text = "Astra Centre\nTel. +381 11 785 0000\n\nSolwodi: Tel. +49 261 33 999\n"
    assert [(c["org"], c["phone"]) for c in _contacts(text)] == [
        ("Astra Centre", "+381 11 785 0000"), ("Solwodi", "+49 261 33 999")]


# Prose that tells the reader how to reach an office: the office is the one the text says to contact, or the
# subject that "can be reached"; "call us" speaks for the office named just before.
PROSE_OFFICES = [
    ("If you have been exploited, please contact the Help scheme for exploited workers.\n"
     "You can call us at +372 614 7300 (24 h)\nor email us at help@scheme.example.ee\nWe will help you.",
     {"org": "Help scheme for exploited workers", "phone": "+372 614 7300", "email": "help@scheme.example.ee"}),
    ("How to contact the CNRM?\n\nPlease call +40 21 555 1234, contact the CNRM using the web form, or write to us.",
     {"org": "CNRM", "phone": "+40 21 555 1234"}),
    ("Solwodi can be reached at +49 261 33 999 or info@solwodi.example.de.",
     {"org": "Solwodi", "name": None, "phone": "+49 261 33 999", "email": "info@solwodi.example.de"}),
    ("ASTRA can be contacted on +381 11 785 0000 at any hour.", {"org": "ASTRA", "phone": "+381 11 785 0000"}),
    ("Sentinel can be reached at 088 20 80 000 on weekdays.", {"org": "Sentinel", "phone": "088 20 80 000"}),
    # "call X on", "e-mail X at", "Contact X at": the office is the verb's object, the details right after it
    ("Call Fairwork on +31 (0)20 760 10 90 or send an e-mail to info@fairwork.example.nl.",
     {"org": "Fairwork", "phone": "+31 (0)20 760 10 90", "email": "info@fairwork.example.nl"}),
    ("Contact CoMensha at +31 (0)33 448 11 86.", {"org": "CoMensha", "phone": "+31 (0)33 448 11 86"}),
    ("E-mail Solwodi at info@solwodi.example.de.", {"org": "Solwodi", "email": "info@solwodi.example.de"}),
    # a line opened by a detail's label under a sentence that says whom to call
    ("If you suspect exploitation, call the Modern Slavery Helpline!\n\nIt is open to everyone.\n\n"
     "Tel: 08000 121 700 — day and night\n", {"org": "Modern Slavery Helpline", "phone": "08000 121 700"}),
]


@pytest.mark.parametrize(("text", "expected"), PROSE_OFFICES)
def test_prose_names_the_office_to_contact(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


def test_call_us_is_quoted_from_the_office_s_name() -> None:
    text = PROSE_OFFICES[0][0]
    (fact,) = contact_facts(_passage(text))
    assert fact.excerpt.startswith("If you have been exploited, please contact the Help scheme")
    assert fact.excerpt.endswith("help@scheme.example.ee")


@pytest.mark.parametrize(("text", "phone"), [
    # an extension goes with its number; slashed last digits are alternatives, not more digits
    ("Point of contact is Maria Lopez; tel: +34 91 587 22 00, ext. 2315.", "+34 91 587 22 00, ext. 2315"),
    ("Post's TIP officer is Anna Berg, tel. +46 8 783 5300 extension 12.", "+46 8 783 5300 extension 12"),
    ("For further information please contact Mr. Pavel Ivanov, Programme Officer, tel. (+7727) 250 1234/35/36, "
     "email: ivanov@example.org", "(+7727) 250 1234"),
])
def test_extensions_and_alternative_endings(text: str, phone: str) -> None:
    (got,) = _contacts(text)
    assert got["phone"] == phone


@pytest.mark.parametrize("text", [
    # no office named: "us" with nothing to stand for, a lower-case body
    "You can call us at +32 2 555 00 00 or email us at info@example.be.",
    "Please contact us if you have questions about the 2018 report (+32 2 555 00 00).",
    # a verb's object far from the number is not what the number reaches
    "Many victims reach Belgium via Italy; the helpline +32 2 555 12 12 is free.",
    # a dash before a number that is no telephone: a count, a date, a range
    "Victims identified – 1 234 567",
    "Deadline – 01.05.2018",
    "Shelters funded – 2015-2019",
    "The hotline – 0800 12 345 – received 2,300 calls in 2019.",
    # a label line whose number is a sum or a reference, not a telephone
    "Payoke: 120 victims assisted in 2018, 45 of them minors.",
])
def test_prose_and_dashes_without_a_contact(text: str) -> None:
    assert _contacts(text) == []


# An office's name just before its details: in brackets after it, after a colon or a comma with the details' label;
# a list of such offices in one sentence gives one contact each. A town before the details is no office.
NAMED_BEFORE = [
    ("Victims can turn to Mirabal (tel. 081 22 33 44), Vesta (tel. 011 22 33 44) or ASBL-Lumen (tel. 02 555 66 77).",
     [{"org": "Mirabal", "phone": "081 22 33 44"}, {"org": "Vesta", "phone": "011 22 33 44"},
      {"org": "ASBL-Lumen", "phone": "02 555 66 77"}]),
    ("Contact: Kinder-Haven, tel. 03 288 77 66", [{"org": "Kinder-Haven", "phone": "03 288 77 66"}]),
    ("Lumen:\nTel. 0488 12 34 56\n", [{"org": "Lumen", "phone": "0488 12 34 56"}]),
    ("Kinder-Haven: 03 288 77 66", [{"org": "Kinder-Haven", "phone": "03 288 77 66"}]),
    ("National hotline – 0 800 500 335", [{"org": "National hotline", "phone": "0 800 500 335"}]),
    ("Halte Nord runs a shelter for women in Oslo.\nCall us on +47 22 11 33 44 or write to post@hn.example.no.",
     [{"org": "Halte Nord", "phone": "+47 22 11 33 44", "email": "post@hn.example.no"}]),
    ("The shelter in Liège, +32 4 555 12 12, was full in 2019.", []),
    ("The shelter in Liège (+32 4 555 12 12) was full in 2019.", []),
    ("Reference: 0123 456 789", []),
    ("Note: 03 288 77 66 answers only on weekdays.", []),
    ("Victims may call 0800 123 456 free of charge.", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_BEFORE)
def test_an_office_named_just_before_its_details(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)


@pytest.mark.parametrize(("text", "found"), [
    # a national number after "call" or "dial"; after a dash or colon that ends a line; with its extension
    ("Victims may call 0800 123 456 free of charge.", [("phone", "0800 123 456")]),
    ("Dial 020 760 1090 to report exploitation.", [("phone", "020 760 1090")]),
    ("The shelter can be reached at 081 22 33 44 around the clock.", [("phone", "081 22 33 44")]),
    ("The programme reached 1 234 567 people in 2019.", []),
    # a cable wraps a number anywhere; a line after a whole number does not go on with it
    ("director of the Open Gate (OG), can be reached at 0045 33 \n918273 or mail@og.example.dk.",
     [("phone", "0045 33 918273"), ("email", "mail@og.example.dk")]),
    ("can be reached at +45 (3) \n39 18 27 or by post.", [("phone", "+45 (3) 39 18 27")]),
    ("or telephone +45 \n33 91 82 73 (IVG 8-555-2273).", [("phone", "+45 33 91 82 73")]),
    ("Tel: +45 33 91 82 73\n2019 was a year of reform.", [("phone", "+45 33 91 82 73")]),
    ("Shelter Wallonia – 081 22 33 44", [("phone", "081 22 33 44")]),
    ("tel. +41 58 462 00 00 (ext. 310)", [("phone", "+41 58 462 00 00 (ext. 310)")]),
    # not telephone numbers: a count, a span of years, a reference, a date, "0" that starts no grouped number
    ("The helpline received 3,450 calls in 2011.", []),
    ("Budget line – 2015-2019", []),
    ("Case no.: 0123 456 789", []),
    ("Deadline: 01.05.2018", []),
    ("Annex 2 – 01 02 2019", []),
    ("Victims identified – 0", []),
])
def test_numbers_found_in_text(text: str, found: list[tuple[str, str]]) -> None:
    assert [(d.kind, d.value) for d in find_details(text)] == found


@pytest.mark.parametrize(("text", "expected"), [
    # one office a line, no blank lines between: each line its own contact
    ("Mirabal: 081 22 33 44, info@mirabal.example.be\nVesta: 011 22 33 44, info@vesta.example.be\n"
     "Lumen (Namur): +32 81 55 66 77\n",
     [{"org": "Mirabal", "phone": "081 22 33 44", "email": "info@mirabal.example.be"},
      {"org": "Vesta", "phone": "011 22 33 44", "email": "info@vesta.example.be"},
      {"org": "Lumen", "phone": "+32 81 55 66 77"}]),
    # a table's rows: name, town, number, e-mail
    ("Mirabal | Namur | 081 22 33 44 | info@mirabal.example.be\n"
     "Vesta | Hasselt | 011 22 33 44 | info@vesta.example.be\n",
     [{"org": "Mirabal", "phone": "081 22 33 44", "email": "info@mirabal.example.be"},
      {"org": "Vesta", "phone": "011 22 33 44", "email": "info@vesta.example.be"}]),
    # a form of fields
    ("Contact details:\nName: Ana Horvat\nOrganisation: Open Gate\nPosition: Legal adviser\nPhone: +385 1 555 0101\n"
     "Email: ana@opengate.example.hr\n",
     [{"name": "Ana Horvat", "org": "Open Gate", "title": "Legal adviser", "phone": "+385 1 555 0101"}]),
    # a name before the brackets, a web address first inside them
    ("Victims can get help from Sentinel (www.sentinel.example.nl, tel. 088 20 80 000).",
     [{"org": "Sentinel", "phone": "088 20 80 000"}]),
])
def test_directories_tables_and_forms(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)



@pytest.mark.parametrize("text", [
    # a heading in title case alone above a number, a language's line: no office's name
    "Opening Hours\n\n+32 2 555 12 12\n",
    "English: +32 2 555 12 12\nFrench: +32 2 555 12 13\n",
])
def test_headings_and_languages_are_no_offices(text: str) -> None:
    assert _contacts(text) == []


# Lines that name an office or a service and no person: parts between "·" separators (markdown newsletters), an office
# and its address before "Tel." in a report, a service's short number, a sentence that says what its details are for.
ORGANISATION_LINES = [
    ("Frauenhaus Süd (Graz) · Mariahilfer Straße 88/2, 8020 Graz · tel. +43 316 555 120 · fax +43 316 555 121 · "
     "office@fhs.example.at\n",
     [{"org": "Frauenhaus Süd", "name": None, "address": "Mariahilfer Straße 88/2, 8020 Graz",
       "phone": "+43 316 555 120", "fax": "+43 316 555 121", "email": "office@fhs.example.at"}]),
    # markdown emphasis masked to spaces, the line wrapped before its last detail
    ("  Frauenhaus Süd (Graz)   · Mariahilfer Straße 88/2, 8020 Graz · tel. +43 316 555 120 ·\n"
     "office@fhs.example.at\n",
     [{"org": "Frauenhaus Süd", "name": None, "phone": "+43 316 555 120", "email": "office@fhs.example.at"}]),
    # an office first, then a person with a title
    ("Skopje Office · Mag. Ana Kovač, programme officer · ana.kovac@example.hr · +385 1 555 0199\n",
     [{"name": "Mag. Ana Kovač", "org": "Skopje Office", "title": "programme officer",
       "email": "ana.kovac@example.hr"}]),
    # a body and its hotline before the separator
    ("Casa Alba – 24h helpline · +40 21 555 0000 (free)\n",
     [{"name": None, "org": "Casa Alba", "title": "24h helpline", "phone": "+40 21 555 0000"}]),
    # a report's contact list: office, address, then "Tel." or "Hotline" in the next sentence; a number wrapped
    ("Contacts\nCentre for Safe Migration (CSM), Head Office,\nLindenallee 45, 20259 Hamburg, Germany. Tel. "
     "+49 40 555 0100, fax\n+49 40 555 0101, info@csm.example.de\nSafe Return Unit Accra, 12 Liberation Road, Accra. "
     "Hotline +233 302 555\n0199\n",
     [{"org": "Centre for Safe Migration (CSM), Head Office", "name": None,
       "address": "Lindenallee 45, 20259 Hamburg, Germany", "phone": "+49 40 555 0100", "fax": "+49 40 555 0101",
       "email": "info@csm.example.de"},
      {"org": "Safe Return Unit Accra", "name": None, "address": "12 Liberation Road, Accra",
       "phone": "+233 302 555 0199"}]),
    # a district in the address is no person's name
    ("Anti-Trafficking Division, Ministry of Labour, 45 Harbour Road, Old Town, Valletta 1010 · tel. +356 2122 0000\n",
     [{"org": "Anti-Trafficking Division, Ministry of Labour", "name": None,
       "address": "45 Harbour Road, Old Town, Valletta 1010", "phone": "+356 2122 0000"}]),
    # a handle after the details, in the next sentence on the same line
    ("Safe Return Unit, Accra: sru@example.gh, +233 302 555 0100. On X: @SafeReturnGH\n",
     [{"email": "sru@example.gh", "phone": "+233 302 555 0100", "handle": "@SafeReturnGH"}]),
    # what the details are for, when no one is named
    ("For media enquiries write to media@rights.example.org or follow\n@RightsExample.\n",
     [{"org": "media enquiries", "email": "media@rights.example.org", "handle": "@RightsExample"}]),
    # a national number after a service's name and a remark
    ("Victim Support Helpline (24/7): 0808 168 9111\n", [{"org": "Victim Support Helpline", "phone": "0808 168 9111"}]),
    # short numbers: only right after a hotline's word; a name in brackets after it is the service's
    ("National helpline 1414 (Safe Haven Centre, 24 hours, Thai, English)\n",
     [{"org": "National helpline (Safe Haven Centre)", "name": None, "phone": "1414"}]),
    ("Ana Lekaj (Director): ana@example.al\nNational Victim Helpline: 116 123 (free, 24 hours)\n",
     [{"name": "Ana Lekaj", "org": None, "email": "ana@example.al"},
      {"org": "National Victim Helpline", "phone": "116 123"}]),
    ("The national anti-trafficking helpline (Linea Amica) is toll-free at 800 123 123.",
     [{"org": "national anti-trafficking helpline (Linea Amica)", "name": None, "phone": "800 123 123"}]),
]


@pytest.mark.parametrize(("text", "expected"), ORGANISATION_LINES)
def test_organisation_and_service_lines(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for fields, wanted in zip(got, expected, strict=True):
        _subset(fields, wanted)


@pytest.mark.parametrize(("text", "excerpt"), [
    (ORGANISATION_LINES[4][0], "Centre for Safe Migration (CSM), Head Office, Lindenallee 45, 20259 Hamburg, Germany. "
                               "Tel. +49 40 555 0100, fax +49 40 555 0101, info@csm.example.de"),
    (ORGANISATION_LINES[0][0], fold(ORGANISATION_LINES[0][0])),
])
def test_an_office_line_is_quoted_from_its_name(text: str, excerpt: str) -> None:
    assert contact_facts(_passage(text))[0].excerpt == excerpt


@pytest.mark.parametrize(("text", "expected"), [
    # a person's role, then the office as the line's last part
    ("Dr. Kwame Mensah, Senior Adviser for Europe, CSM:\nk.mensah@csm.example.de, mobile +49 151 555 0000\n",
     {"name": "Dr. Kwame Mensah", "title": "Senior Adviser for Europe", "org": "CSM"}),
    # the floor before the street and a British postcode: one contact, the whole address
    ("Programme lead:\n  Dr Ruth Okoye, Research Fellow\n  Tel: +44 (0)131 555 0101\n  Email: r.okoye@example.ac.uk\n"
     "  Address: 2nd Floor, 40 Queen Street, Edinburgh EH2 3NH\n",
     {"name": "Dr Ruth Okoye", "title": "Research Fellow", "address": "2nd Floor, 40 Queen Street, Edinburgh EH2 3NH"}),
])
def test_field_parts_of_person_blocks(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an office's name, then its address in parts on the same line, above its details
    ("Open Doors & Hearts, Rruga \"Ismail Qemali\", Pall. 7, Ap. 2, Durrës, Albania\nTel: +355 52 555 100   "
     "E-mail: info@odh.example.al\n",
     {"org": "Open Doors & Hearts", "address": "Rruga \"Ismail Qemali\", Pall. 7, Ap. 2, Durrës, Albania",
      "phone": "+355 52 555 100"}),
    # a function's label just above the person's line goes with the title on it
    ("Network coordinator:\n  Dr Lena Varga, Senior Researcher\n  Tel: +36 1 555 0102\n"
     "  Email: lena.varga@example.hu\n",
     {"name": "Dr Lena Varga", "title": "Senior Researcher, Network coordinator", "phone": "+36 1 555 0102"}),
    # an office's line with a numbered unit is no address
    ("Ministry of Interior, Directorate 3, Belgrade\nTel: +381 11 555 0303\n",
     {"org": "Ministry of Interior, Directorate 3, Belgrade", "address": None}),
])
def test_office_and_function_lines_above_details(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize(("text", "found"), [
    ("National hotline 1300 (free)", [("phone", "1300")]),
    ("Helpline: 116 000.", [("phone", "116 000")]),
    ("the tip line is 555.", [("phone", "555")]),
    # a whole number's last group wrapped alone onto the next line, before a mark or the line's end
    ("tel. +381 11 3098 213, fax +381 11 3098\n214.", [("phone", "+381 11 3098 213"), ("fax", "+381 11 3098 214")]),
    ("Hotline +233 302 555\n0199\nNext office", [("phone", "+233 302 555 0199")]),
    # not wrapped: a count or a year on the next line
    ("Tel. +49 30 1234 5678\n120 shelters opened.", [("phone", "+49 30 1234 5678")]),
    ("Tel. +49 30 1234 567\n2019.", [("phone", "+49 30 1234 567")]),
    # short numbers that are no telephone's: no hotline's word just before, a count, a year
    ("The hotline took 1300 calls in 2017.", []),
    ("The helpline 1300 calls were all answered.", []),
    ("The helpline 2019 report is out.", []),
    ("Helpline staff answered 4500 calls.", []),
    ("Deadline 1300 hours.", []),
    ("Hotline: 1,300 calls a month", []),
])
def test_short_and_wrapped_numbers(text: str, found: list[tuple[str, str]]) -> None:
    assert [(d.kind, d.value) for d in find_details(text)] == found


@pytest.mark.parametrize("text", [
    "The national helpline 1300 calls were answered within a minute.",
    "For press enquiries about the 2019 report, see the annex.",
    "Helpline volunteers were trained in 2019; 1300 took part.",
])
def test_organisation_rules_find_nothing_here(text: str) -> None:
    assert _contacts(text) == []


# More ways to write an office's line: other separators, a district after the town, streets named in other languages,
# a "Contact:" label and a town in brackets, a label saying what the details are for, a short number before its word.
MORE_ORGANISATION_LINES = [
    ("Safe House Foundation • Hauptstraße 5, 1010 Wien • Tel. +43 1 555 0000 • office@shf.example.at\n",
     {"org": "Safe House Foundation", "address": "Hauptstraße 5, 1010 Wien", "phone": "+43 1 555 0000"}),
    ("Women's Refuge Network, Head Office, 14 Castle Street, Dublin 2, Ireland. Phone: +353 1 555 0101; e-mail: "
     "info@wrn.example.ie\n",
     {"org": "Women's Refuge Network, Head Office", "address": "14 Castle Street, Dublin 2, Ireland",
      "phone": "+353 1 555 0101", "email": "info@wrn.example.ie"}),
    ("Contact: Safe Haven (Riga), Brīvības iela 5, LV-1010 Riga, tel. +371 6 555 1234\n",
     {"org": "Safe Haven (Riga)", "name": None, "address": "Brīvības iela 5, LV-1010 Riga",
      "phone": "+371 6 555 1234"}),
    ("Shelter Network, Rruga Dritan Hoxha 5, Tirana. Tel: +355 4 555 1234\n",
     {"org": "Shelter Network", "address": "Rruga Dritan Hoxha 5, Tirana", "phone": "+355 4 555 1234"}),
    ("Press enquiries: press@safehouse.example.org\n",
     {"org": "Press enquiries", "email": "press@safehouse.example.org"}),
    ("Media inquiries should be sent to media@safehouse.example.org.",
     {"org": "Media inquiries", "email": "media@safehouse.example.org"}),
    ("The Mirabel Centre runs the 1300 hotline, open 24 hours.", {"org": "Mirabel Centre", "phone": "1300"}),
    # what a hotline is for, then its national number and a remark in brackets
    ("Helpline for exploited workers: 0 800 400 123 (free of charge)\n",
     {"org": "Helpline for exploited workers", "phone": "0 800 400 123"}),
    # a national number in brackets a few words after the hotline's word
    ("The Border Police hotline for labour exploitation (0800 321 321) is free.",
     {"org": "Border Police", "phone": "0800 321 321"}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_ORGANISATION_LINES)
def test_more_organisation_lines(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize("text", [
    # a count or a year before the word is no short number
    "Some 1,300 hotline calls were logged in 2019.",
    "The 2019 helpline report counted 4500 calls.",
    # an office and its address with no detail after them is no contact
    "Women's Refuge Network, Head Office, 14 Castle Street, Dublin 2, Ireland. It opened in 2004.",
    # brackets after a hotline's word that hold no telephone number
    "The helpline for minors (2015-2019) was run by volunteers.",
    "A helpline (tel. 0800 100 200) was discussed at the meeting.",
])
def test_more_organisation_rules_find_nothing(text: str) -> None:
    assert _contacts(text) == []


# Offices and services that name no person: a PDF's office lines with a street abbreviation and Polish or Slovak
# postcodes, a hotline's national number a few words after its word, the body that runs a service, an office
# written in lower case as a sentence's subject, "call <office> on <short number>", an acronym's branch.
NO_PERSON_LINES = [
    ("Annex: Addresses\nCaritas Migrant Desk, ul. Lipowa 14, 31-512 Krakow, Poland. Tel. +48 12 555 01 01, e-mail "
     "desk@caritas.example.pl\n",
     [{"org": "Caritas Migrant Desk", "name": None, "address": "ul. Lipowa 14, 31-512 Krakow, Poland",
       "phone": "+48 12 555 01 01", "email": "desk@caritas.example.pl"}]),
    ("Safe Harbour Foundation, Hlavna 21, 040 01 Kosice. Tel: +421 55 555 1234, e-mail\ninfo@harbour.example.sk\n",
     [{"org": "Safe Harbour Foundation", "address": "Hlavna 21, 040 01 Kosice", "phone": "+421 55 555 1234",
       "email": "info@harbour.example.sk"}]),
    ("The confidential hotline for migrant workers, operated by the Lighthouse Trust, is 0800 55 12; it took "
     "calls daily.", [{"org": "Lighthouse Trust", "name": None, "phone": "0800 55 12"}]),
    ("The Haven also runs a crisis hotline for men at +44 20 5550 1188.",
     [{"org": "Haven", "name": None, "phone": "+44 20 5550 1188"}]),
    ("Mira Centre also runs an SOS line for girls at +386 1 555 2020.",
     [{"org": "Mira Centre", "name": None, "phone": "+386 1 555 2020"}]),
    ("Iskra also operates an SOS line for girls at +386 1 555 2020.",
     [{"org": "Iskra", "title": "SOS line for girls", "phone": "+386 1 555 2020"}]),
    ("The regional anti-trafficking unit can be reached at +30 210 555 0100 or by e-mail at unit@example.gr.",
     [{"org": "regional anti-trafficking unit", "phone": "+30 210 555 0100", "email": "unit@example.gr"}]),
    ("Dr. Jonas Berg, Senior Officer, UNHCR Vilnius: jberg@example.org, +370 5 555\n1234 ext. 12\n"
     "Migrants in Lithuania can call the Migration Advice Centre on 118, at any hour.\n",
     [{"name": "Dr. Jonas Berg", "org": "UNHCR Vilnius", "email": "jberg@example.org"},
      {"org": "Migration Advice Centre", "phone": "118"}]),
    ("UNHCR Tallinn on Twitter: @UNHCRTallinn\n", [{"org": "UNHCR Tallinn", "name": None, "handle": "@UNHCRTallinn"}]),
    ("Legal aid for migrants (ASGI Torino)\n  Tel. +39 011 555 0202\n  torino@asgi.example.it\n",
     [{"org": "ASGI Torino", "name": None, "title": "Legal aid for migrants", "phone": "+39 011 555 0202"}]),
]


@pytest.mark.parametrize(("text", "expected"), NO_PERSON_LINES)
def test_offices_and_services_without_a_person(text: str, expected: list[dict[str, object]]) -> None:
    got = _contacts(text)
    assert len(got) == len(expected), got
    for one, want in zip(got, expected, strict=True):
        _subset(one, want)


@pytest.mark.parametrize("text", [
    # "call ... on" with a count, a year or a longer bare number
    "Volunteers call the Ministry on 1500 occasions a year.",
    "The board will call the Council on 2019 results.",
    "We call the Centre on 157 points of its plan.",
    # a national number far from any hotline's word, or a count after "is"
    "The helpline was set up in 2004. Its budget is 0800 77 99 short of the target.",
    "The hotline for victims is 24 hours a day.",
    # "run by" a person-less body with no number is no contact
    "The shelter, run by the Red Cross, opened in 2007.",
    # a lower-case office subject without any detail
    "The police anti-trafficking office can be reached through the embassy.",
])
def test_office_rules_find_nothing_here(text: str) -> None:
    assert _contacts(text) == []


# Field errors in blocks and sentences: a title wrapped onto the next line goes on with the title, not the name;
# a "c/o" line under an office's name is its address; under an office already named, "Ministry, street, town" is
# where it is; a run of capitals after "of the" names an office, not a person.
FIELD_CASES = [
    ("Referral desk, Ministry of Labour\n  Contact: Ms. Petra Lind, head of the Labour Inspection\n"
     "  and Migrant Workers Protection Unit (LIMP)\n  petra.lind@example.se, +46 8 555 1212\n",
     {"name": "Ms. Petra Lind", "title": "head of the Labour Inspection and Migrant Workers Protection Unit (LIMP)"}),
    ("**Harbour Shelter Network**\nc/o Casa Aurora · 5 Triq il-Kbira · Mosta MST 1010 · Malta\n"
     "Tel. +356 2155 0000 · office@harbour.example.mt\n",
     {"org": "Harbour Shelter Network", "address": "c/o Casa Aurora · 5 Triq il-Kbira · Mosta MST 1010 · Malta"}),
    ("National Referral Office for Victims of Trafficking\nMinistry of Justice, Trg Republike 3, 1000 Ljubljana, "
     "Slovenia\nTel.: +386 1 555 4000 · E-mail: nro@example.si\n",
     {"org": "National Referral Office for Victims of Trafficking",
      "address": "Ministry of Justice, Trg Republike 3, 1000 Ljubljana, Slovenia"}),
    ("Contact: Dr. Jana Horak, head of the Victim Support and Protection Unit (VSPU) jana.horak@example.cz, "
     "+420 2 5555 1234", {"name": "Dr. Jana Horak", "org": "Victim Support and Protection Unit"}),
]


@pytest.mark.parametrize(("text", "expected"), FIELD_CASES)
def test_field_errors_of_office_lines(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


# More offices that name no person: a markdown name in bold with its town in brackets before a separator, a sentence
# that invites the reader to write or follow after one whose subject is an office, an office named before its
# postal address (wrapped after a comma) in the sentence that gives a helpline.
MORE_NO_PERSON = [
    ("**Žena Hrvatska (Split)** · Ulica Kralja Zvonimira 8, 21000 Split · tel. +385 21 555 010 · zena@example.hr",
     {"org": "Žena Hrvatska", "name": None, "address": "Ulica Kralja Zvonimira 8, 21000 Split"}),
    ("The Shelter Network publishes a monthly bulletin. Journalists can write to press@shelter.example.org or follow "
     "@ShelterNet.", {"org": "Shelter Network", "email": "press@shelter.example.org", "handle": "@ShelterNet"}),
    ("The Tampere shelter's 24-hour helpline is +358 3 555 0101; its postal address is Tampere Shelter, Hallituskatu 5,"
     "\nFI-33200 Tampere, Finland.",
     {"org": "Tampere Shelter", "title": "24-hour helpline", "phone": "+358 3 555 0101",
      "address": "Hallituskatu 5, FI-33200 Tampere, Finland"}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_NO_PERSON)
def test_more_offices_without_a_person(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize("text", [
    # an invitation with no office named before it, nor any detail
    "Journalists can write to the editors or follow the debate online.",
    # a street and a number wrapped after a comma, then prose: no postcode, no address
    "The shelter at Hallituskatu 5,\n2019 saw 40 residents.",
])
def test_invitations_and_wrapped_addresses_find_nothing(text: str) -> None:
    assert _contacts(text) == []


# A function's label before a person in bold with their town in brackets; a district's letter after the town.
@pytest.mark.parametrize(("text", "expected"), [
    ("**Shelter coordination:** Ana Horvat (Zadar), ana.horvat@example.hr, +385 23 555 010",
     {"name": "Ana Horvat", "title": "Shelter coordination"}),
    ("**Outreach coordinator:** Luka Babić (Osijek), luka@example.hr, +385 31 555 020",
     {"name": "Luka Babić", "title": "Outreach coordinator"}),
    ("Nordic Shelter Network\nVesterbrogade 12, 1620 København V\nPhone +45 33 55 10 10 · info@nsh.example.dk\n",
     {"org": "Nordic Shelter Network", "address": "Vesterbrogade 12, 1620 København V"}),
])
def test_function_labels_and_district_letters(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize(("text", "found"), [
    # a one-letter label after a town is no district: "Tel"/"T" starts the next detail
    ("Vesterbrogade 12, 1620 København T +45 33 55 10 10", "Vesterbrogade 12, 1620 København"),
    ("Vesterbrogade 12, 1620 København F +45 33 55 10 11", "Vesterbrogade 12, 1620 København"),
])
def test_a_district_letter_only_at_an_address_end(text: str, found: str) -> None:
    assert [d.value for d in find_details(text) if d.kind == "address"] == [found]


# Hotlines named by their word alone, or in a list of one service a line with its short number first.
BARE_HOTLINES = [
    ("Volunteers at the Hotline for labour migrants – 0 800 55501, answered their 20 000th call last spring.",
     [{"org": "Hotline for labour migrants", "phone": "0 800 55501"}]),
    ("The Helpline 0 800 60600 is free of charge within the country.",
     [{"org": "Helpline", "phone": "0 800 60600"}]),
    ("In case of doubt, reach out to us:\n1580 - Hotline for migrant workers;\n"
     "733 - Regional Helpline for Victims of Exploitation;\n",
     [{"org": "Hotline for migrant workers", "phone": "1580"},
      {"org": "Regional Helpline for Victims of Exploitation", "phone": "733"}]),
    ("The Hotline answers from 9.00 till 21.00 on weekdays.\n\nFrom abroad dial +372 611 40 40\n",
     [{"org": "Hotline", "phone": "+372 611 40 40"}]),
]


@pytest.mark.parametrize(("text", "expected"), BARE_HOTLINES)
def test_bare_hotlines_and_service_lists(text: str, expected: list[dict[str, object]]) -> None:
    contacts = _contacts(text)
    assert len(contacts) == len(expected)
    for got, want in zip(contacts, expected, strict=True):
        _subset(got, want)


@pytest.mark.parametrize("text", [
    # a year or a count before a dash, a dashed number without a hotline's word
    "2019 - Hotline for migrant workers opened in the capital;",
    "1580 - Employment office for migrant workers;",
    "The hotline took 1580 - 1600 calls a month.",
])
def test_list_lines_without_a_hotline_number_find_nothing(text: str) -> None:
    assert _contacts(text) == []


# An office's line whose town wraps onto the next line, a Spanish "C/" street, then a round-the-clock line of its own.
def test_wrapped_town_and_a_round_the_clock_line() -> None:
    text = ("Contacts\nAsociación Puerta Abierta Sevilla: C/ San Fernando 14, 41004 Sevilla\nde la Frontera. "
            "Tel. +34 954 11 22 33; info@puertaabierta.example.es\n24-hour line for survivors (ASPA): 611 222 333")
    first, second = _contacts(text)
    _subset(first, {"org": "Asociación Puerta Abierta Sevilla", "name": None, "phone": "+34 954 11 22 33",
                    "email": "info@puertaabierta.example.es", "address": "C/ San Fernando 14, 41004 Sevilla"})
    _subset(second, {"org": "24-hour line for survivors", "phone": "611 222 333"})


@pytest.mark.parametrize(("text", "expected"), [
    # "P.O." ends no sentence: the office opens the sentence, its box and its hotline follow
    ("Shakti Samuha, P.O. Box 4321, Kathmandu, Nepal; hotline 1660-01-22222.",
     {"org": "Shakti Samuha", "name": None, "phone": "1660-01-22222", "address": "P.O. Box 4321, Kathmandu, Nepal"}),
])
def test_office_then_post_box_in_a_sentence(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


@pytest.mark.parametrize("text", [
    # a round-the-clock line without a colon before its number, or a count after it
    "The 24-hour line for victims took 609 589 calls in 2020.",
    "A 24h line answered 1 200 000 calls over the decade.",
])
def test_round_the_clock_lines_without_a_number_find_nothing(text: str) -> None:
    assert _contacts(text) == []


# A hotline's name in brackets longer than a remark, in a language of its own, before the colon and its number.
def test_a_long_bracketed_hotline_name_names_the_service() -> None:
    (got,) = _contacts("Federal anti-trafficking helpline (Linha Federal contra o Tráfico de Pessoas): 800 7410 222, "
                       "open every day.")
    assert got.get("name") is None and got["phone"] == "800 7410 222"
    assert "Linha Federal contra" in str(got["org"])


# Fields read in the wrong place: a cable's officer word, a function read as the office, a title running on to the name.
@pytest.mark.parametrize(("text", "expected"), [
    ("Contacts: Poloff Miriam K. Adeyemi-Stone, tel. 234-9-461-4000, AdeyemiStoneMK@state.gov.",
     {"name": "Miriam K. Adeyemi-Stone", "title": "Poloff"}),
    ("UNODC Vienna, Human Trafficking Section: Pedro Alvarez Ruiz, Project Officer, p.alvarez@unodc.example.org, "
     "+43 1 26060 4321.",
     {"name": "Pedro Alvarez Ruiz", "org": "UNODC Vienna, Human Trafficking Section", "title": "Project Officer"}),
    ("ZOA field office: Hanna Virtanen, Field Director, hanna.virtanen@zoa.example.fi, +358 9 555 0134.",
     {"name": "Hanna Virtanen", "org": "ZOA field office", "title": "Field Director"}),
    ("Ministry of the Interior, victim identification coordinator: Ms. Ilse Vermeulen, ilse.vermeulen@example.be, "
     "tel. +32 2 555 01 02.",
     {"name": "Ms. Ilse Vermeulen", "title": "victim identification coordinator"}),
])
def test_officer_words_functions_and_titles_are_tidied(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)


# An extension wrapped onto the next line of a cable; an area code inside a country code's brackets.
@pytest.mark.parametrize(("text", "field", "value"), [
    ("Contacts: Poloff Jane R. Whitfield, tel. 95-1-536-509\next. 4120, WhitfieldJR@state.gov.", "phone",
     "95-1-536-509 ext. 4120"),
    ("  Ms. Lusine Grigoryan, Project Officer\n  Phone: (+374 10) 54 32 10 | E-mail: lgrigoryan@example.am\n",
     "phone", "(+374 10) 54 32 10"),
])
def test_wrapped_extensions_and_bracketed_area_codes(text: str, field: str, value: str) -> None:
    (got,) = _contacts(text)
    assert got[field] == value


@pytest.mark.parametrize(("text", "expected"), [
    # a name that runs on with "for" and capitalised words is an office's
    ("Sawa Centre for Legal Aid can be reached at info@sawa.example.org or +961 1 555 010.",
     {"org": "Sawa Centre for Legal Aid", "name": None}),
    ("Amal Home for Aid can be reached at info@amal.example.jo or +962 6 555 0101.",
     {"org": "Amal Home for Aid", "name": None}),
    # an extension inside the brackets that hold the person's details keeps no closing bracket
    ("The point of contact is Poloff Ruth K. Amsel (AmselRK@state.gov; tel. +962-6-590-6000\next. 2299).",
     {"name": "Ruth K. Amsel", "phone": "+962-6-590-6000 ext. 2299"}),
])
def test_names_that_run_on_and_bracketed_extensions(text: str, expected: dict[str, object]) -> None:
    (got,) = _contacts(text)
    _subset(got, expected)
