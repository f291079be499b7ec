"""Contact facts: people and offices with the ways to reach them (email, phone, fax, address, handle)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from knowledge.extract._letters import LOWER, UPPER
from knowledge.extract._reach import Detail, find_details, is_detail_line
from knowledge.models import Fact, Passage
from knowledge.quoting import quote_fact
from knowledge.text import MAX_EXCERPT, fold, sentence_spans, trim_span

__all__ = ["contact_facts", "contact_summary"]

BLOCK_LINE_CHARS = 110
HEADER_LINES = 4
# How far before a hotline's word its body may be named ("The BK operates a 24-hour hotline"), and how far before
# a number the word makes the hotline what the number reaches ("co-funds the national hotline (800 290 290)").
SERVICE_BODY_CHARS = 40
SERVICE_NEAR_CHARS = 40
SERVICE_NAME_CHARS = 60

_HONORIFIC = (r"(?:Mr|Mrs|Ms|Mme|Mlle|M|Dr|Prof|Mag|Professor|Ambassador|Amb|Judge|Minister|Consul|Senator|Sen|"
              r"Commissioner|Inspector|Colonel|Col|Captain|Capt|General|Gen|Sir|Dame|Father|Sister|Rev)\.?")
_U, _L = UPPER, LOWER
_NAME_WORD = (rf"(?:[{_U}]['’][{_U}][{_L}]+|[{_U}][{_L}'’]+(?:-[{_U}][{_L}'’]+)?|[{_U}]\.|"  # "O'Brien", "Anne-Marie"
              rf"[{_U}][{_U}'’-]{{1,}}(?![{_L}]))")
_PARTICLE = r"(?:de|del|della|van|von|der|da|di|du|le|la|al|el|bin|ben)"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a name may wrap onto the next line of a cable
_RUN = re.compile(rf"(?:\b{_HONORIFIC}{_GAP})?\b{_NAME_WORD}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_NAME_WORD})*")
_HONORED = re.compile(rf"\b{_HONORIFIC}[ \t]+{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,3}}")
_ORG_WORDS = (r"Embassy|Consulate|Ministry|Office|Mission|Delegation|Representation|Department|Directorate|Agency|"
              r"Unit|Division|Section|Secretariat|Commission|Council|Committee|Association|Foundation|Institute|"
              r"Centre|Center|Service|Services|Police|Gendarmerie|Bureau|Programme|Program|Organi[sz]ation|NGO|Fund|"
              r"Network|Coalition|University|Court|Prosecutor|Headquarters|Desk|Branch|Chamber|Authority|"
              r"Inspectorate|Brigade|Observatory|Trust|Alliance|Society|Federation|Union|Hotline|Helpline|Shelter|Command|"
              r"Consulate-General|Chancery|Press|Media|Team|Group|Task Force|Project|Platform|International|Institut|"
              r"Helpdesk|Initiative|Comité|Ministère|Ambassade|Fundación|Fundação|Fondation|Fondazione|Stiftung|Asociación|"
              r"Associação|Associazione|Verein|Restaurant|Hotel|Company|Inc|Ltd|LLC|GmbH|Corporation|Hospital|Clinic")
_ORG_WORD = re.compile(rf"\b(?:{_ORG_WORDS})\b", re.IGNORECASE)
_CAP = rf"(?:[{_U}][\w’'&./-]*|[{_U}]{{2,}})"


# "(IOM)" after a name: its acronym
_ITS_ACRONYM = rf"(?:[ \t]+\([{_U}]{{2,}}\))?"


def _caps(joins: str, *, gap: str = r"[ \t]+") -> str:
    """Up to seven capitalised words, joined by the lower-case words `joins` allows: "Ministry of the Interior"."""
    return rf"{_CAP}(?:{gap}(?:(?:{joins}){gap})*{_CAP}){{0,6}}"


_LEAD_JOIN = r"(?:of|for|the|and|de|du|des)"
# "Committee on Migration", not "the Embassy on Twitter" nor "the Ministry on Monday".
_NOT_AFTER_ON = (r"(?![ \t]+(?:Twitter|X|Facebook|Instagram|LinkedIn|TikTok|YouTube|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
                 r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)")
_JOIN = rf"(?:of|for|to|the|and|against|in|on{_NOT_AFTER_ON}|de|du|des)"
# After the office's word, a cable may wrap the name at a joining word: "Council for\nRefugee Support".
_ORG = re.compile(rf"\b(?:{_CAP}[ \t]+(?:{_LEAD_JOIN}[ \t]+)*){{0,6}}(?:{_ORG_WORDS})\b"
                  rf"(?:[ \t]+(?:{_JOIN}[ \t]+)*{_CAP}|(?:{_GAP}{_JOIN})+{_GAP}{_CAP}){{0,6}}")
_ROLE = re.compile(r"\b(?:expert|officer|director|head|counsel(?:l)?or|coordinator|co-ordinator|advis[eo]r|attach[ée]|"
                   r"secretary|manager|chief|spokes(?:person|man|woman)|minister|ambassador|consul|representative|"
                   r"assistant|specialist|analyst|chair(?:man|woman|person)?|president|point of contact|focal point|"
                   r"liaison|deputy|lawyer|prosecutor|inspector|researcher|journalist|editor|founder|poloff|econoff|conoff|"
                   r"polcouns|refcoord|charg[ée]e? de mission|conseill[eè]re?|directeur|directrice|chef|responsable|"
                   r"adjointe?|magistrate?|juge)\b", re.IGNORECASE)
_HEADING = re.compile(r"^\W*(?:contacts?|press contacts?|media contacts?|for (?:more|further) information|"
                      r"further information|more information|to reach us|how to reach us|contact us|"
                      r"points? of contact|follow us(?: on \w+)?|stay (?:connected|in touch)|find us(?: on \w+)?|"
                      r"social media|subscribe|newsletter|get in touch|write to us|useful contacts|address(?:es)?|"
                      r"e-?mail|phone|telephone|tel)\W*$|"
                      # "For press information, please contact:", "Press Release by Hope Gibbs"
                      r"^[^:\n]{0,60}\b(?:contact|enquiries|inquiries|information)\b[^:\n]{0,20}:\s*$|"
                      r"^\W*(?:press|news|media) release\b|^\W*for immediate release\b", re.IGNORECASE)
# Capitalised words that begin a sentence or label a detail, not a person's name.
_NOT_NAMES = frozenset(
    "contact contacts for please call email e-mail write reach the in at tel phone fax dear this that embassy "
    "ministry office follow twitter mobile address on by from with and or to a an his her their our its "
    "mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun "
    "jul aug sep sept oct nov dec january february march april june july august september october november "
    "december is of was are be line hotline helpline phoneline freephone number".split())
# Words that begin a sentence before an office's name: "Follow the Embassy ...", "Please contact the Unit ...".
_LEAD_WORDS = frozenset("follow contact contacts please call email e-mail write reach the dear at for and to "
                        "questions".split())
# "Centre for Migration Studies": capitalised words after "for" or "of" go on an office's name.
_IN_ORG_NAME = re.compile(r"\b[A-Z][\w.’'-]*\s+(?:of|for|on|against|and|to|de|du|des)(?:\s+the)?\s+$")  # may wrap
_OF_THE_BEFORE = re.compile(r"\b(?:of|for)\s+the\s+$")
OF_THE_CHARS = len(" for the ") + 1
_POSSESSIVE = re.compile(r"['’]s\b")
# "ul. Miodowa 10", "str. Lipova 5": a street's abbreviated word does not end a sentence either.
_LABEL_DOT = re.compile(r"\b(?:tel|tél|ph|fax|mob|cell|no|nr|e-mail|email|ext|ul|str|p\.o)\.$", re.IGNORECASE)
_LABEL_DOT_CHARS = len("e-mail.") + 1
_FUNCTION_WORDS = frozenset("at or and by on in for to with from who which that can could is was will has have "
                            "via as of the a an".split())
_SOCIAL = re.compile(r"\b(?:twitter|x|instagram|facebook|linkedin|tiktok|follow(?:ed)?|handle|account|tweets?)\b",
                     re.IGNORECASE)
_REACHABLE = re.compile(r"\b(?:contact(?:ed)?|reach(?:ed)?|e-?mail|write|call|phone|tel(?:ephone)?|tél|fax|"
                        r"address|located|based|follow|twitter)\b", re.IGNORECASE)
# Patterns of the helpers below, compiled once rather than looked up in re's cache on every call.
_ABBREVIATION_END = re.compile(rf"\b{_HONORIFIC}$|\b[A-Z]\.$")
_ONE_WORD = re.compile(r"[A-Z][\w&.-]+")
_IN_PARENTHESES = re.compile(r"\s*\(\s*([^()]{3,60})\)")
_PARTICLE_WORD = re.compile(_PARTICLE)
_POSSESSIVE_END = re.compile(r"['’]s$")
_NAME_OR_PARTICLE = re.compile(rf"{_NAME_WORD}|{_PARTICLE}")
_CONTACT_TITLE = re.compile(r"\b(?:the\s+)?(?P<title>(?:point of contact|focal point|contact person)"
                            r"(?:\s+(?:at|in|of|for)\s+[^,]{2,60}?)?)\s+(?:is|was|remains)\b", re.IGNORECASE)
_ROLE_TITLE = re.compile(rf",\s+(?:the\s+)?(?P<title>[^,\n—–|·]{{0,60}}?(?i:{_ROLE.pattern})[^,\n—–|·]{{0,40}}?)"
                         r"(?:,|[ \t]+[—–|·])")
# A header line in parts: "Sarajevo office — Emir Hodžić, Programme Officer".
_DASH = re.compile(r"[ \t]+[—–|][ \t]+")
# "…, and INL Program Manager Dragan Jovanović, tel. …": what lies between two people's details in one sentence.
_NEXT_PERSON = re.compile(r"\band\b|;")
# A sentence broken after a middle initial: "Political Officer Jennifer A.\nKowalski".
# It ends the sentence, so only its last characters are searched (\b-free, so a cut name word is no harm).
_HONORIFIC_END = re.compile(rf"\b{_HONORIFIC}$")  # "Network secretariat · Mag." / "Katharina Weiss": one sentence
_MIDDLE_INITIAL_END = re.compile(rf"[{_U}][{_L}]+[ \t]+[{_U}]\.\s*$")
_INITIAL_END_CHARS = 40
# Words before a name that end a title rather than belong to it: "contacts are Political Officer Jane Doe".
_NOT_TITLE_WORDS = frozenset("is are was were be and or the a an to at by our their its his her whose contact contacts "
                             "poc include includes including".split())
# "an e-mail address, hotline@x.org, @handle": a handle that follows an email in a list reaches the same contact.
_EMAIL_BEFORE = re.compile(r"@[\w-]+(?:\.[\w-]+)+[ \t]*[,;·|/—–-]?[ \t]*$")
# A hotline, tip line or freephone number: a service reached by telephone, named for what it is rather than who runs it.
_SERVICE = re.compile(r"\b(?:hot ?line|help ?line|tip ?line|phone ?line|free ?phone(?: number)?|SOS line|"
                      r"24[- ]?h(?:our)? line|toll-free (?:number|line))\b", re.IGNORECASE)
_NAMED_SERVICE = re.compile(rf"(?:(?:{_CAP}|\([{_U}]{{2,}}\))[ \t]+(?:(?:of|for|on|the|and|against)[ \t]+)*){{1,9}}"
                            rf"(?:Hot ?line|Help ?line|Tip Line|Phone ?line|Free ?phone)\b(?:[ \t]+\([{_U}]{{2,}}\))?")
# A hotline's word, the last before a detail.
_HOTLINE_WORD = r"\b(?:hot ?line|help ?line|tip ?line|phone ?line)\b"
_SERVICE_BEFORE = re.compile(rf"{_HOTLINE_WORD}(?!.*{_HOTLINE_WORD})", re.IGNORECASE | re.DOTALL)
_NAME_THEN_ADDRESS = re.compile(rf"\s*(?P<org>{_CAP}(?:[ \t]+(?:{_CAP}|of|for|the|and|against|de)){{0,5}})[ \t]*,\s*")
# "24-hour line for victims (APRAMP):": a service's word and what it is for, then a colon.
_SERVICE_FOR_LINE = re.compile(_SERVICE.pattern + r"[ \t]+(?:for|against|on)[ \t]+[^\n:]{2,60}:[ \t]*$", re.IGNORECASE)
# Cables' words for an embassy's officers, written before the name: "Emboff Jane Doe", "Poloff John Roe".
_CABLE_OFFICERS = frozenset("emboff poloff econoff conoff polecon pol/econoff refcoord consoff".split())
# A function's name alone: "Project Officer", "Programme Manager", not an office ("Office of the Director").
_FUNCTION_ONLY = re.compile(r"(?:[A-Z][\w/-]*[ \t]+){0,3}(?:Officer|Manager|Director|Coordinator|Co-ordinator|"
                            r"Assistant|Adviser|Advisor|Specialist|Analyst|Associate)")
_NAME_RUNS_ON = re.compile(rf"[ \t]+(?:for|of|against)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
                           r"(?=[ \t]+[a-z(]|,)")
# "1547 - Hotline for victims": a list line's short number, then the hotline's word.
_SERVICE_AFTER_NUMBER = re.compile(rf"[\d \t]*[–—-][ \t]*(?P<what>(?:[A-Z][\w'’-]*[ \t]+){{0,4}}{_HOTLINE_WORD}"
                                   r"(?:[ \t]+(?:for|against|on|of)[ \t]+[^\n;.,:()]{2,80})?)",
                                   re.IGNORECASE)
# (short lower-case words join its capitalised ones in any language: "Linea Nacional contra la Trata de Personas")
_SERVICE_NAME = re.compile(rf"[ \t]*\((?P<called>{_CAP}(?:[ \t]+(?:[a-z]{{1,6}}[ \t]+){{0,3}}{_CAP}){{0,5}})(?=[),])")
# After a body's name, its hotline: "La Strada hotline", "Hungarian Baptist Aid – 24h hotline" (lower-case words first).
_RUNS_SERVICE_AFTER = re.compile(rf"[ \t]*(?:[–—:-][ \t]*)?(?:[a-z0-9][\w/-]*[ \t]+){{0,2}}(?:{_SERVICE.pattern})",
                                 re.IGNORECASE)
# What a hotline is for, between its word and its number: "Hotline for victims of trafficking: 0 800 ...".
_SERVICE_QUALIFIER = re.compile(r"[ \t]+(?P<what>(?:for|against|on)[ \t]+[^:\n(),.;\d]{2,40}?)"
                                r"(?=[ \t]*[:(–—]|[ \t]+(?:is|at|on)\b)")
# "run by the Red Cross": the name that follows is a body's.
_RUN_BY_END = re.compile(r"\b(?:run|operated|managed)[ \t]+by[ \t]+(?:the[ \t]+)?$")
RUN_BY_CHARS = 25
# "Rosa also runs an SOS line for women at ...": a sentence whose subject runs the service its details reach.
_RUNS_SUBJECT = re.compile(rf"\s*(?:The[ \t]+)?(?P<who>{_CAP}(?:\s+(?:(?:of|for|against|and|the)\s+)*{_CAP}){{0,5}})"
                           r"\s+(?:also\s+)?(?:runs|operates|manages)\s+(?:a|an|the|its)\s")
_ACRONYM = re.compile(rf"(?<![(\w])[{_U}]{{2,}}\b(?!\))")
_INITIAL = re.compile(rf"[{_U}]\.")
# "IOM Slovakia", "UNHCR Geneva": an acronym before capitalised words names an office's branch, not a person (a surname
# in capitals is longer: "DUPONT Jean").
_ACRONYM_FIRST = re.compile(rf"[{_U}]{{2,5}}[ \t]+[{_U}][{_L}]")
# Such a branch just before the details ("IOM Turkiye: ...", "IOM Thailand on Twitter: @...") is their office.
_ACRONYM_OFFICE = re.compile(rf"(?<!\w)(?P<org>[{_U}]{{2,5}}(?:[ \t]+[{_U}][{_L}][\w'’-]*){{1,2}})\b[^\n]{{0,20}}$")
# "Specialist advice for victims (FIZ Makasi)": a header line whose bracket at its end names the office.
_BRACKETED_OFFICE_END = re.compile(rf"(?P<title>[^()]+?)[ \t]*\((?P<org>[{_U}]{{2,5}}[ \t]+[{_U}][^()]*)\)")
_LINE_LABEL = re.compile(r"[ \t]*[A-Z][^:\n]{0,30}:[ \t]*")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")  # the next word may wrap onto the next line of a cable
# "Contact for comments: Dr. Maarten de Vries, Bureau ...": the label before whom a block reaches.
_CONTACT_LABEL = re.compile(r"^[^:\n]{0,30}\b(?i:contacts?|enquiries|inquiries|questions|information)\b[^:\n]{0,20}:"
                            r"[ \t]*(?=\S)")
# A street address under an office's name: street and number, postcode and town, perhaps the country.
_STREET_LINE = re.compile(rf"[ \t]*(?:[\w.’'-]+[ \t]+){{1,4}}\d{{1,5}}[a-zA-Z]?(?:/\d{{1,4}})?,[ \t]*(?:[A-Z]{{1,2}}-)?"
                          rf"\d{{2,5}}(?:[- ]\d{{2,3}})?[ \t]+[{_U}][\w’' -]{{1,30}}?(?:[ \t]+\d{{1,2}})?"
                          rf"(?:,[ \t]*[{_U}][\w’' -]{{1,30}})?[ \t]*")
# A line that goes on with a sentence from the line above: a lower-case word, or a bracket's end ("4117) and").
_CONTINUED = re.compile(r"[ \t]*(?:[a-z]|\d{1,6}\)|\))")
_LAST_JOINED_WORD = re.compile(rf"\s+{_JOIN}\s+(?:the\s+)?{_CAP}$")
# "Payoke (Antwerp): +32 3 ...", "National coordinator for trafficking: Mgr. Jan Novak, jan@x.cz": a line opened by
# a label, perhaps with its town in brackets, names the office or the person's function.
# A list's number may come first ("2. Sürya: ..."), a dash may stand for the colon ("Guardianship Service – 078 ..."),
# and a bar between a table's cells ("Payoke | Antwerp | 03 ...").
_OPENING_LABEL = re.compile(rf"[ \t*•-]*(?:\d{{1,2}}[.)][ \t]+)?(?P<label>[{_U}][^:\n()|]{{1,80}}?)[ \t]*"
                            r"(?:\([^()\n]{2,40}\)[ \t]*)?(?:\*\*)?(?::|[ \t]+[–—|·•-])[ \t]*")  # "**Name (City)** ·"
# A header line in a form of fields: "Name: Jane Doe", "Organisation: La Strada", "Position: Legal adviser".
# A block's head line of an office's name, then its address in parts: a number in one, a town or country last.
_OFFICE_THEN_ADDRESS = re.compile(rf"[ \t]*(?P<org>{_CAP}(?:[ \t]+(?:{_CAP}|&|of|for|the|and|against|in|on|de))*),"
                                  rf"[ \t]*(?P<address>[^\n]*?\d[^\n]*,[ \t]*[{_U}][\w'’-]+(?:[ \t]+[{_U}][\w'’-]+)?)"
                                  r"[ \t]*")
_FUNCTION_LINE = re.compile(rf"[ \t]*[{_U}][^:\n]{{0,50}}\b(?i:{_ROLE.pattern})[^:\n]{{0,20}}:[ \t]*")
_CARE_OF = re.compile(r"[ \t]*c/o[ \t]", re.IGNORECASE)
_TOWN_AFTER_NAME = re.compile(r"[ \t]*\([^()\n]{2,30}\)[ \t,]*$")
_REMARK_IN_LABEL = re.compile(r"\(([^()\n]{2,40})\)")
_FIELD = re.compile(r"(?P<field>(?i:name|full name|organi[sz]ation|institution|agency|title|position|function|role))"
                    r"[ \t]*:[ \t]*")
_FIELDS = {"name": "name", "full name": "name", "title": "title", "position": "title", "function": "title",
           "role": "title"}
_PLACE_CELLS = re.compile(rf"(?:[{_U}][\w'’.-]*(?:[ \t]+[{_U}][\w'’.-]*){{0,2}}[ \t]*\|[ \t]*)+")
_LABEL_JOINS = frozenset("of for to the and in on against de du des la le".split())
# Labels that tell what a line is, not whom it reaches.
_NOT_LABELS = frozenset("note notes nb source sources summary comment comments update reminder warning important "
                        "registration applications deadline info information general enquiries inquiries venue "
                        "location place where when date time english french dutch german spanish italian "
                        "portuguese russian ukrainian romanian polish arabic chinese turkish albanian".split())
# What may stand between a line's opening label and its first detail: that detail's label ("Sürya: Tel. 04 ..."),
# after a street address with postcode and town ("Payoke: Leguit 4 2000 Antwerp Tel. 03 ...").
_LABEL_THEN_DETAIL = re.compile(r"(?P<address>[^\n]*?)[ \t,·]*(?:\b(?i:tel|tél|telephone|phone|ph|mobile|gsm|e-?mail|"
                                r"fax|t|m|e)\b\.?[ \t]*:?)?[ \t]*")
_LINE_ADDRESS = re.compile(rf"[{_U}][\w'’.-]*(?:[ \t]+[\w'’.-]+){{0,4}}?,?[ \t]+\d{{1,5}}[a-z]?(?:/\d{{1,4}})?,?[ \t]+"
                           rf"(?:[A-Z]{{1,2}}-)?\d{{4,5}}[ \t]+[{_U}][\w'’-]+(?:[ \t-]+[{_U}][\w'’-]+)?")
# "please contact the Assistance system for victims of human trafficking": whom the text tells the reader to contact.
# "Call CoMensha on +31 ...", "e-mail Payoke at ...": with another verb than "contact", the details follow the office.
_CONTACT_THE = re.compile(rf"\b(?P<verb>(?i:contact(?:ing)?|call(?:ing)?|phone|ring|e-?mail(?:ing)?|write[ \t]+to|"
                          rf"reach(?:ing)?))[ \t]+(?:(?i:the)[ \t]+)?(?=[{_U}])")
_CONTACT_THE_CHARS = 300  # how far before a sentence that speaks as "us" the office it speaks for may be named
# What may stand between the office and its details after a verb other than "contact": "on", "by phone at", "(".
_OBJECT_TO_DETAILS = re.compile(r"[ \t,]*(?:(?:at|on|via|by|using)[ \t]+)?(?:(?:the[ \t]+)?(?:phone|telephone|e-?mail|"
                                r"number|hot ?line|help ?line)[ \t]*:?[ \t]*)?(?:(?:at|on)[ \t]+)?\(?[ \t]*",
                                re.IGNORECASE)
# "Tel: 888-3737-888 — 24 hours a day": a line opened by a detail's label reaches the office named to call just above.
_LABEL_OPENS_LINE = re.compile(r"[ \t•*-]*(?i:tel|tél|telephone|phone|mobile|hot ?line|help ?line|e-?mail|fax)\b\.?"
                               r"[ \t]*:")
_WORD_AT = re.compile(r"\S+")
_CONTACT_STOPS = frozenset("using via by at on through if when whenever who which that with or to directly "
                           "immediately now today as about regarding before after during within from online first "
                           "us".split())
_OBJECT_JOINS = frozenset("of for and against in the de du des".split())
_CONTACT_OBJECT_WORDS = 10
# "You can call us at ...", "email us", "our hotline": a sentence that speaks for an office.
_ADDRESS_IS_OFFICE = re.compile(r"\baddress(?:\s+is|:)\s+(?P<org>" + _caps("of|for|the|and", gap=r"\s+") + r"),\s*$")
_INVITES = re.compile(r"\b(?:can|may|should|please)\s+(?:write\s+to|call|e-?mail|follow)\b|"
                      r"^\s*(?:Write\s+to|Call|Follow)\b")
_SPEAKS_AS_US = re.compile(r"\b(?:us|we|our)\b", re.IGNORECASE)
# "Solwodi can be reached at ...": the sentence's subject is what its details reach.
_REACHED_SUBJECT = re.compile(rf"(?:The[ \t]+)?(?P<who>{_caps('of|for|against|and|the')}{_ITS_ACRONYM}),?[ \t]+"
                              r"(?:can|may|could)[ \t]+(?:also[ \t]+)?be[ \t]+(?:reached|contacted|called|e-?mailed)\b")
# "The police anti-trafficking office can be reached at ...": a subject in lower case, an office's word last.
_REACHED_UNNAMED = re.compile(r"The\s+(?P<what>(?:[a-z][\w-]*\s+){0,4}(?:office|unit|centre|center|service|desk|"
                              r"department|secretariat|team|hot ?line|help ?line|shelter|coordinator))\s+"
                              r"(?:can|may|could)\s+(?:also\s+)?be\s+(?:reached|contacted|called|e-?mailed)\b")
# "The office of the National Rapporteur is located at ...": a subject in lower case, then whose office it is.
_OFFICE_OF_SUBJECT = re.compile(r"The\s+(?P<what>(?:office|unit|secretariat|bureau|desk)\s+of\s+the\s+"
                                + _caps("of|for|on|against|and|the|in", gap=r"\s+") + ")")
_PHONE_LABEL = re.compile(r"\b(?:tel|tél|telephone|phone|mobile|gsm|fax|e-?mail)\b", re.IGNORECASE)
_NOTHING_AFTER = re.compile(r"[ \t]*$")  # nothing after a line's last detail
# "Payoke (tel. 03 ...)", "Contact: Payoke, tel. 03 ...": a name written just before the details, perhaps with their
# label; and, between two details, the next such name ("..., Sürya (tel. 04 ...)") that starts another contact.
_NOT_A_LABEL = (r"(?!(?i:tel|tél|fax|phone|telephone|e-?mail|mobile|gsm|web(?:site)?|twitter|hot ?line|help ?line|"
                r"ext)\b)")
_DETAIL_LABEL = r"(?i:tel|tél|telephone|phone|mobile|e-?mail|fax)\b\.?[ \t]*:?"
# A bracket or colon, with or without the detail's label, or a comma or dash with it; not a town: "in Brussels, +32".
_DETAIL_LEAD = (rf"(?:[ \t]*[(:][ \t]*(?:{_DETAIL_LABEL})?|[ \t]*[,–—-]?[ \t]*{_DETAIL_LABEL})[ \t]*"
                r"(?:(?i:at|on)[ \t]+)?")
_NAMED_BEFORE = re.compile(rf"(?:^|(?<=[\s(:,;]))(?:the[ \t]+)?"
                           rf"(?P<who>{_NOT_A_LABEL}{_CAP}(?:[ \t]+(?:(?:of|for|against|and|the)[ \t]+)*{_NOT_A_LABEL}"
                           rf"{_CAP}){{0,6}}){_DETAIL_LEAD}$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|within|across|outside)[ \t]+$", re.IGNORECASE)
_NEXT_NAMED = re.compile(rf"(?:[,;]|\b(?:or|and)\b)[ \t]*(?:the[ \t]+)?{_NOT_A_LABEL}{_CAP}(?:[ \t]+{_CAP}){{0,5}}"
                         rf"[ \t]*[(:–—-][ \t]*(?:{_DETAIL_LABEL})?[ \t]*$")
# "La Strada Ukraine runs the national hotline.": an office that is a sentence's subject, for a later "call us".
_SUBJECT_OFFICE = re.compile(rf"(?:The[ \t]+)?(?P<who>{_caps('of|for|against|and|the|in')}{_ITS_ACRONYM})"
                             r"[ \t]+(?:is|are|runs|operates|provides|offers|helps|assists|supports|works|has|was|"
                             r"publishes|coordinates|manages|represents)\b")
# A detail's label and its number or email, opening a sentence or after an address: "Tel. +49 ...", "Hotline +234".
_LABEL_THEN_NUMBER = re.compile(r"(?i:tel|tél|telephone|phone|fax|hot ?line|help ?line|mobile)\b\.?[ \t]*:?[ \t]*"
                                r"[+(\d]|(?i:e-?mail)\b\.?[ \t]*:?[ \t]*[\w.+-]+@")
# What may follow an address to its sentence's end: more of the place (", 2, Ireland."), the full stop.
# the rest of a town's name may wrap onto the next line, with a particle first ("Las Palmas\nde Gran Canaria")
_PLACE_TAIL = re.compile(r"(?:\s*,?[ \t]*(?:[A-Z][\w'’-]*|\d{1,6}|"
                         r"(?:de|del|la|las|los|le|di|da|do|y)(?=[ \t]+(?:[A-Z]|la\b|las\b|los\b))))*[ \t]*\.?")
_NUMBER_AFTER_ADDRESS = re.compile(r"[ \t]*[.,;·|–—-]?\s*" + _LABEL_THEN_NUMBER.pattern)
_SOCIAL_OPENS = re.compile(r"(?:(?i:on)[ \t]+)?(?i:twitter|x|facebook|instagram|linkedin)[ \t]*:|(?i:follow)\b")
# A line that opens with an office's name in parts before its address, maybe wrapped: "DATIP, Division of Victim
# Protection, " / "NAPTIP Lagos Zonal Command, ".
_OFFICE_PART = rf"{_CAP}(?:[ \t]+(?:{_CAP}|\([{_U}][\w'’ -]{{1,30}}\)|of|for|the|and|against|in|on|de|du|des)){{0,8}}"
_OFFICE_PARTS = re.compile(rf"(?:^|(?<=\n))[ \t]*(?:{_CAP}:[ \t]*)?"  # "Contact: Safe Haven (Riga), ..."
                           rf"(?P<org>{_OFFICE_PART}(?:,[ \t]*\n?[ \t]*{_OFFICE_PART}){{0,3}}),[ \t]*\n?[ \t]*$")
OFFICE_LINE_CHARS = 160
# "For press enquiries write to ...": a sentence that opens with what its details are for, and names no one.
# "Press enquiries: press@...", "Media inquiries should be sent to ...": the same without "For", one word first.
_PURPOSE = re.compile(r"\W*(?:\([A-Z]{1,3}\)[ \t]*)?(?:For[ \t]+(?P<what>(?:[\w-]+[ \t]+){1,3}?(?:enquiries|inquiries|"
                      r"questions))|(?P<label>[A-Z][\w-]*[ \t]+(?:enquiries|inquiries)))\b")
_PRONOUNS = frozenset("it he she they this that we you i these those there which who".split())
_NOT_OFFICE_FIRST = _NOT_NAMES | _PRONOUNS | _NOT_LABELS  # words that begin no office's name
# "Helpdesk Caritas": a line of capitalised words alone in its paragraph, above a paragraph of bare details.
_NAME_ALONE = re.compile(rf"[ \t]*{_CAP}(?:[ \t]+(?:{_CAP}|of|for|the|and|against|in|on|de|du|des|la|le)){{0,6}}[ \t]*")
# "German NGO Network ... (KOK) can refer to a relevant counselling centre:": a lead-in that names the office.
_LEAD_IN = re.compile(r"(?P<who>[A-Z].*?)[ \t]+(?:can|may|will|could|should|offers?|provides?|runs?|operates?|"
                      r"refers?|helps?)\b[^:]*:")


@dataclass(slots=True)
class _Contact:
    """A contact being assembled: who, and the details that reach them.

    Mutable on purpose, unlike the public data: a block is read line by line into it.
    """

    name: str | None = None
    org: str | None = None
    title: str | None = None
    details: list[Detail] = field(default_factory=list)
    start: int = -1
    end: int = -1

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "org": self.org, "title": self.title}
        for kind in ("email", "phone", "fax", "address", "handle", "web"):
            values = list(dict.fromkeys(d.value for d in self.details if d.kind == kind))
            out[kind] = " / ".join(values) if values else None
        return out

    def reachable(self) -> bool:
        return bool((self.name or self.org) and any(d.kind != "web" for d in self.details))


def contact_facts(passage: Passage) -> list[Fact]:
    """One fact per person or office the passage gives a way to reach: contact blocks, then sentences."""
    text = passage.masked
    details = find_details(text)
    if not any(d.kind != "web" for d in details):
        return []
    contacts = _blocks(text, details)
    used = {id(d) for c in contacts for d in c.details}
    # a block's head line read as its address holds the address detail found there
    spans = [(d.start, d.end) for c in contacts for d in c.details if d.kind == "address"]
    contacts += _sentences(text, [d for d in details if id(d) not in used and
                                  not any(x <= d.start and d.end <= y for x, y in spans)])
    facts = []
    for contact in sorted(contacts, key=lambda c: c.start):
        if not contact.reachable():
            continue
        _tidy(contact)
        first = min(d.start for d in contact.details)
        quote = (contact.start, contact.end) if len(fold(text[contact.start:contact.end])) <= MAX_EXCERPT else None
        facts.append(quote_fact(passage, "contact", contact.fields(), first, contact.details[-1].end, quote=quote))
    return facts


def _tidy(contact: _Contact) -> None:
    """Fields read in the wrong place: a cable's officer word before a name ("Emboff Jane Doe") is a title; a
    function's name read as the office ("Mr. Jan Novak, Project Officer") is a title; a title that runs on to the
    person's name after a colon ("anti-trafficking coordinator: Ms. Jane Doe") ends at the colon."""
    if contact.name:
        first, _, rest = contact.name.partition(" ")
        if first.lower() in _CABLE_OFFICERS and rest:
            contact.name, contact.title = rest, contact.title or first
    if contact.name and contact.org and _FUNCTION_ONLY.fullmatch(contact.org):
        contact.title, contact.org = contact.title or contact.org, None
    if contact.name and contact.title and ":" in contact.title and contact.name in contact.title:
        contact.title = contact.title.partition(":")[0].strip() or None


def contact_summary(fields: Mapping[str, Any]) -> str:
    """'Anny Vu (point of contact, Embassy Paris): VuAT3@state.gov, tel. (33)1-4312-2614'."""
    who = fields.get("name") or fields.get("org") or "contact"
    org = fields.get("org") if fields.get("name") else None
    about = [str(v) for v in (fields.get("title"), org) if v]
    if org and fields.get("title") and str(org) in str(fields["title"]):
        about = [str(fields["title"])]
    if about:
        who += f" ({', '.join(about)})"
    ways = [str(fields["email"])] if fields.get("email") else []
    ways += [f"{label} {fields[key]}" for key, label in (("phone", "tel."), ("fax", "fax"))
             if fields.get(key)]
    ways += [str(fields[key]) for key in ("handle", "address") if fields.get(key)]
    return f"{who}: {', '.join(ways)}" if ways else who


# -- contact blocks: short lines, one for the name or office, one per detail ------------------------------------


def _blocks(text: str, details: list[Detail]) -> list[_Contact]:
    contacts: list[_Contact] = []
    current: _Contact | None = None
    header: list[tuple[int, int]] = []
    # Across blank lines: the block just ended, or a name alone in its paragraph; bare details below go on with it.
    ended: _Contact | None = None
    alone: tuple[int, int] | None = None
    paragraph = 0  # lines in the paragraph so far
    for a, b in _lines(text):
        line = text[a:b]
        if not line.strip():
            if paragraph:
                ended = current
                alone = header[-1] if current is None and paragraph == 1 and _name_alone(text, header) else None
            current, header, paragraph = None, [], 0
            continue
        paragraph += 1
        mine = [d for d in details if d.start < b and d.end > a]
        if len(fold(line)) > BLOCK_LINE_CHARS and not mine:
            current, header, ended, alone = None, [], None, None
            continue
        if mine and is_detail_line(line, mine, a) and (current is not None or not _runs_on(text, header, line)):
            if current is None and paragraph == 1 and is_detail_line(line, mine, a, most_words=0):
                current, header = _across_blank(ended, alone, header)
            ended = alone = None
            if current is None:
                current = _from_header(text, header, a)
                contacts.append(current)
                header = []
            current.details += [d for d in mine if d not in current.details]
            current.end = max(current.end, max(d.end for d in mine), b)
            continue
        current, ended, alone = None, None, None  # a line that is no detail ends the block
        # A line of prose (details inside a sentence, a comma at its end) cannot head a block.
        # "Ministry of Justice, Trg Republike 3, 1000 Ljubljana" under an office's name is where it is, no prose
        where = header and all(d.kind == "address" for d in mine) and _OFFICE_THEN_ADDRESS.fullmatch(text, a, b)
        prose = bool(mine) and not where or _ends_sentence(line) or line.rstrip().endswith(",")
        header = [] if prose else [*header, (a, b)][-HEADER_LINES:]
    return [c for c in contacts if c.name or c.org]


def _across_blank(ended: _Contact | None, alone: tuple[int, int] | None,
                  header: list[tuple[int, int]]) -> tuple[_Contact | None, list[tuple[int, int]]]:
    """Bare details after a blank line go on with the block just ended ("KOK ... 10785 Berlin", a blank line,
    "Tel.: 030 / 263 911 76"), or are headed by an office's name alone in the paragraph before ("Helpdesk Caritas")."""
    if ended is not None:
        return ended, header
    return None, [alone] if alone else header


def _name_alone(text: str, header: list[tuple[int, int]]) -> bool:
    """Whether a paragraph's one line is an office's name that may head the details of the next ("Helpdesk Caritas",
    "NGO Astra"): an office's word or an acronym in it, for a heading in title case ("Opening Hours") is none."""
    if not header:
        return False
    line = text[header[-1][0]:header[-1][1]]
    return _NAME_ALONE.fullmatch(line) is not None and not _HEADING.match(line) and \
        (_names_office(line) or _ACRONYM.search(line) is not None)


def _runs_on(text: str, header: list[tuple[int, int]], line: str) -> bool:
    """Whether a detail's line goes on with a sentence broken off above it: prose, no block.

    "... can be contacted via email at" above, or "at jane@x.org." (a joining word first) on the line itself.
    """
    first = line.split(maxsplit=1)[:1]
    if first and first[0] in _FUNCTION_WORDS:
        return True
    if header and _CONTINUED.match(text, header[0][0], header[0][1]):
        return True  # "4117) and, for USAID programs, Svetlana Lungu": the rest of a sentence, no block's head
    words = text[header[-1][0]:header[-1][1]].split() if header else []
    return bool(words) and words[-1] in _FUNCTION_WORDS


def _lines(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith((".", "!", "?", ";")) and not _ABBREVIATION_END.search(stripped)


def _address_line(text: str, line: tuple[int, int], contact: _Contact, office: re.Match[str] | None, *,
                  previous: bool) -> bool:
    """Whether a line of a block's head, below its first, is the address: a street ("ul. Miodowa 10, 00-251
    Warsaw"), "c/o ...", or, under the office's own name, the building it is in and its street."""
    a, b = line
    if previous and (_STREET_LINE.fullmatch(text, a, b) or _CARE_OF.match(text, a, b)):
        return True
    return bool(office and contact.org and contact.name is None and not _ORG_WORD.search(office.group("address")))


def _from_header(text: str, header: list[tuple[int, int]], detail_start: int) -> _Contact:
    """Who a block's details reach, read from the lines above them: name, role, office."""
    header = _own_lines(text, header)
    contact = _Contact(start=trim_span(text, header[0][0] if header else detail_start, len(text))[0])
    previous: str | None = None
    for a, b in header:
        office = _OFFICE_THEN_ADDRESS.fullmatch(text, a, b)
        if _address_line(text, (a, b), contact, office, previous=previous is not None):
            contact.details.insert(0, Detail("address", fold(text[a:b]).strip(), *trim_span(text, a, b)))
            continue
        if office and contact.org is None and not _ORG_WORD.search(office.group("address")) and \
                _header_person(office.group("org")) is None:  # "Different & Equal, Rruga ..., Pall. 20, Tiranë"
            contact.org = fold(office.group("org"))
            contact.details.insert(0, Detail("address", fold(office.group("address")), *office.span("address")))
            previous = "org"
            continue
        # "**Nadia Kovalenko**, La Strada Ukraine": markdown's emphasis is no part of a name
        written = _CONTACT_LABEL.sub("", fold(text[a:b].replace("**", "")).strip(), count=1)
        lead_in = _LEAD_IN.fullmatch(written)
        if lead_in and _ORG.search(lead_in.group("who")):
            written = _without_lead(lead_in.group("who"))  # "... (KOK) can refer to a relevant counselling centre:"
        written = written.removesuffix(":").rstrip()  # "Payoke:" over its details
        if contact.title is None and _FUNCTION_LINE.fullmatch(text, a, b) and _ROLE.fullmatch(written.split()[-1]):
            contact.title, previous = written, "title"  # "Network coordinator:" above the person: a function
            continue
        field = _FIELD.match(written)
        if field:  # "Organisation: La Strada", "Name: Jane Doe": the line says what it gives
            key = _FIELDS.get(field.group("field").lower(), "org")
            if getattr(contact, key) is None and written[field.end():].strip():
                setattr(contact, key, written[field.end():].strip())
                previous = key
            continue
        for line in _DASH.split(written):
            if previous and line[:1].islower():
                setattr(contact, previous, f"{getattr(contact, previous)} {line}")  # a wrapped line goes on
                continue
            previous = _read_header_line(contact, line)
    return contact


def _own_lines(text: str, header: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines above a block's details that name its person or office, not those of what came before.

    Lines after a "Contact" heading only; before a person's name, only lines that name an office.
    """
    headings = [i for i, (a, b) in enumerate(header) if _HEADING.match(text[a:b])]
    if headings:
        header = header[headings[-1] + 1:]
    names = [i for i, (a, b) in enumerate(header) if _is_name_line(fold(text[a:b]))]
    if names:
        # "Partnership coordinator:" just above "Dr Aisha Bello, Policy Officer": the person's function
        return [(a, b) for i, (a, b) in enumerate(header) if i >= names[0] or _names_office(text[a:b]) or
                i == names[0] - 1 and _FUNCTION_LINE.fullmatch(text, a, b)]
    offices = [i for i, (a, b) in enumerate(header) if _ORG_WORD.search(text[a:b])]
    return header[offices[0]:] if offices else header[-1:]


def _names_office(line: str) -> bool:
    """ "Embassy of France", "EMBASSY PARIS": not "Editorial team", a section's label in lower case."""
    return any(m.group()[0].isupper() for m in _ORG_WORD.finditer(line))


def _is_name_line(line: str) -> bool:
    return _header_person(line.partition(", ")[0]) is not None


def _header_person(head: str) -> str | None:
    """The person a header line's first part names ("Dr. Katrin Vogt, ..."); none in an office's name."""
    return _person(head) if len(head.split()) <= 5 and not _ORG_WORD.search(head) else None


def _read_header_line(contact: _Contact, line: str) -> str | None:
    head, _, tail = line.partition(", ")
    person = _header_person(head)
    if person and contact.name is None:
        contact.name = person
        # What the line ends with is what a wrapped line after it goes on with ("head of the Human Trafficking" /
        # "and Migrant Smuggling Coordination Unit"): the name, or the title or office after it.
        last_field = "name"
        if tail and contact.title and _ROLE.search(tail) and not _ORG_WORD.search(tail):
            contact.title = f"{tail}, {contact.title}"  # "Policy Officer" after "Partnership coordinator:" above
        elif tail and _ORG_WORD.search(tail) and not _ROLE.search(tail) and contact.org is None:
            contact.org, last_field = tail, "org"  # "Dr. Katrin Vogt, Research Centre of the Federal Office for ..."
        elif tail:
            role, _, last = tail.rpartition(", ")
            if role and contact.org is None and _ROLE.search(role) and not _ROLE.search(last) and \
                    (_ORG_WORD.search(last) or _ACRONYM.fullmatch(last)):
                contact.org, tail, last_field = last, role, "org"  # "Dr. Ngozi Okafor, Senior Adviser ..., FCTW"
            elif contact.title is None:
                last_field = "title"
            contact.title = contact.title or tail
        return last_field
    bracketed = _BRACKETED_OFFICE_END.fullmatch(line) if line.endswith(")") else None
    if bracketed and contact.name is None and contact.org is None:
        contact.org, contact.title = bracketed.group("org"), contact.title or bracketed.group("title")
        return "org"
    if _ROLE.search(line) and (contact.name or not _ORG_WORD.search(line)) and contact.title is None:
        contact.title = line
        return "title"
    if contact.org and contact.name is None and _ORG_WORD.search(line):
        contact.org = f"{contact.org}, {line}"  # "Office to Monitor ...", "U.S. Department of State"
        return "org"
    if contact.org is None and (_ORG_WORD.search(line) or _ONE_WORD.fullmatch(line) or
                                contact.name is None):
        contact.org = line
        return "org"
    if contact.title is None:
        contact.title = line
        return "title"
    return None


# -- contacts in sentences: "... is Anny Vu, who can be contacted via email at ..." -----------------------------


def _sentences(text: str, details: list[Detail]) -> list[_Contact]:
    contacts: list[_Contact] = []
    spans: list[tuple[int, int]] = []
    for a, b in _prose_spans(text):
        if spans and _goes_on(text, spans[-1], a, b, details):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    for a, b in spans:
        inside = [d for d in details if a <= d.start and d.end <= b and _counts_in_prose(text, a, d)]
        if inside:
            contacts += _sentence_contacts(text, a, b, inside)
    return contacts


def _prose_spans(text: str) -> list[tuple[int, int]]:
    """Sentences, where "tel." or "No." before a number does not end one."""
    spans: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if spans and _broken_off(text, *spans[-1]):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _broken_off(text: str, a: int, b: int) -> bool:
    """Whether a sentence ends only seemingly: at a label's dot ("tel.") or a middle initial ("Jennifer A.")."""
    # Either ends the sentence, so it lies in its last few characters ("e-mail." is the longest label; "$" may come
    # before a last newline); searching only there finds the same, and \b still sees the character before.
    return bool(_LABEL_DOT.search(text, max(a, b - _LABEL_DOT_CHARS), b)
                or _MIDDLE_INITIAL_END.search(text, max(a, b - _INITIAL_END_CHARS), b)
                or text[b - 1:b] == "." and _HONORIFIC_END.search(text, max(a, b - _LABEL_DOT_CHARS), b))


def _goes_on(text: str, previous: tuple[int, int], a: int, b: int, details: list[Detail]) -> bool:
    """Whether a sentence goes on with the contact of the one before: its details after an office's address ("...,
    10785 Berlin, Germany. Tel. +49 ..."), or its handle after the details on the same line ("... +234 9 290 6421. On
    X: @IOMNigeria")."""
    if _LABEL_THEN_NUMBER.match(text, a):
        return any(d.kind == "address" and previous[0] <= d.start and d.end <= previous[1] and
                   _PLACE_TAIL.fullmatch(text, d.end, previous[1]) is not None for d in details)
    if _SOCIAL_OPENS.match(text, a) and "\n" not in text[previous[1]:a]:
        return any(d.kind == "handle" and a <= d.start < b for d in details) and \
            any(d.kind != "address" and previous[0] <= d.start < previous[1] for d in details)
    return False


def _counts_in_prose(text: str, a: int, detail: Detail) -> bool:
    if detail.kind == "handle":  # a handle in prose reaches someone when it is said to: "on Twitter @x", "(@x)"
        return bool(_SOCIAL.search(text[max(a, detail.start - 30):detail.start])) or \
            text[detail.start - 1:detail.start] == "(" or \
            bool(_EMAIL_BEFORE.search(text[max(a, detail.start - 80):detail.start]))
    if detail.kind == "address":
        return bool(_REACHABLE.search(text[max(a, detail.start - 60):detail.start])) or _after_label(text, detail) \
            or _NUMBER_AFTER_ADDRESS.match(text, _after_place(text, detail.end)) is not None
    return True


def _after_place(text: str, at: int) -> int:
    """Where the rest of an address's town ends, if it wrapped onto the next line ("Las Palmas\nde Gran Canaria.")."""
    m = _PLACE_TAIL.match(text, at) if text[at:at + 1].isspace() else None
    return m.end() if m else at


def _after_label(text: str, detail: Detail) -> bool:
    """ "PAG-ASA: Rue des Alexiens, 16 1000 Brussels Tel. 02 ...": an address after a line's opening label, with a
    labelled number after it on the line (without one, "Venue: ..." and the like tell where something is)."""
    line_start = text.rfind("\n", 0, detail.start) + 1
    line_end = text.find("\n", detail.end)
    return _OPENING_LABEL.fullmatch(text, line_start, detail.start) is not None and \
        _PHONE_LABEL.search(text, detail.end, len(text) if line_end < 0 else line_end) is not None


def _sentence_contacts(text: str, a: int, b: int, details: list[Detail]) -> list[_Contact]:
    groups = _groups(text, a, details)
    contacts = []
    first_office = _office_line(text, a, groups[0][0]) if groups[0][0].kind == "address" else None
    first_start = first_office[1] if first_office else max(a, text.rfind("\n", 0, groups[0][0].start) + 1)
    context_start = a
    for i, group in enumerate(groups):
        before = text[context_start:group[0].start]
        wrapped = _wrapped(text, group, b)  # prose broken into lines, not one person a line
        name = None
        if len(groups) > 1 and not wrapped and "\n" in before:
            line = before[before.rfind("\n") + 1:]
            name = _last_person(line)
            before = line if name else before  # one person a line: the name is on the details' line
        # What follows the details up to the next person's: an office named after them ("..., at the Ministry").
        after = text[group[-1].end:groups[i + 1][0].start if i + 1 < len(groups) else b]
        if len(groups) > 1 and not wrapped:
            after = after.partition("\n")[0]  # one contact a line: the next line names the next contact
        contact = _Contact(details=group, start=a, end=_quote_end(text, group[-1].end, b))
        contact.name = name or _last_person(before) or _person_after(text, group[0].end, b)
        called = _service_called(text, a, group)
        runner = contact.name if contact.name and _runs_service(before, contact.name) else None
        if runner is None and contact.name is None and any(v in before for v in ("runs", "operates", "manages")):
            runner = _runner(text[a:group[0].start])
        if contact.name and (runner or called and contact.name in called):
            contact.name = None
        # In a list of one contact a line, the words before the first contact's line lead in; later ones are theirs.
        lead = text[a:group[0].start] if i == 0 or wrapped else text[a:first_start]
        office = _read_org_and_title(contact, text, a, (lead, before, after), group)
        _read_what_is_missing(contact, text, (a, b), before, group, (runner, called))
        if len(groups) > 1 and not wrapped:  # a list of people, one a line: each quotes its own line
            contact.start, contact.end = _own_line(text, a, b, group, named=contact.name is not None)
        elif i and _calls_another(text[context_start:group[0].start]):  # wrapped, after a contact's line: from its line
            contact.start = text.rfind("\n", context_start, group[0].start) + 1
        if office:  # from the office's name to its last detail's line end
            line_end = text.find("\n", group[-1].end, b)
            contact.start, contact.end = office[1], b if line_end < 0 else trim_span(text, office[1], line_end)[1]
        contacts.append(contact)
        context_start = group[-1].end
    return contacts


def _read_what_is_missing(contact: _Contact, text: str, span: tuple[int, int], before: str, group: list[Detail],
                          service: tuple[str | None, str | None]) -> None:
    """The office or person the words around the details have not given yet, from the other ways such texts name
    them: the service, prose, "Name, address", the office a name runs on into, a bare service line, a label."""
    (a, b), (runner, called) = span, service
    if contact.name is None and (contact.org is None or _SERVICE.search(before, len(before) - SERVICE_NEAR_CHARS)):
        _read_service(contact, text, a, b, runner, called)
    if contact.name is None and contact.org is None:
        _read_unnamed(contact, text, a, b, before, group)
    if contact.org is None and group[0].kind == "address":
        _read_name_then_address(contact, text, a, group[0].start)
    if contact.name and contact.org is None:
        _read_name_runs_on(contact, text, a, group[0].start)
    if contact.name is None and contact.org is None and group[0].kind == "phone":
        _read_bare_service(contact, text, a, group[0].start)
    if contact.name is None:
        _read_address_office(contact, text, a, group)
    elif contact.org is None or _FUNCTION_ONLY.fullmatch(contact.org):
        _read_label_office(contact, text, a, group[0].start)


def _read_address_office(contact: _Contact, text: str, a: int, group: list[Detail]) -> None:
    """ "... helpline is +358 ...; its postal address is Joutseno Reception Centre, Kuusimaentie 33, ...": the office
    named just before the address is the one the details reach; what the sentence called them is the title."""
    for d in group:
        m = _ADDRESS_IS_OFFICE.search(text, max(a, d.start - OFFICE_LINE_CHARS), d.start) \
            if d.kind == "address" else None
        if m and _ORG_WORD.search(m.group("org")):
            called = _POSSESSIVE.split(contact.org)[-1].strip() if contact.org else None
            contact.title = contact.title or (called if called and _SERVICE.search(called) else None)
            contact.org = fold(m.group("org"))
            return


def _read_org_and_title(contact: _Contact, text: str, a: int, around: tuple[str, str, str],
                        group: list[Detail]) -> tuple[str, int] | None:
    """The contact's office and title from the words around its details (the lead-in, the words just before, the
    words after); returns the office line the details close, if they do."""
    lead, before, after = around
    org = _last_org(before) or _last_org(lead) or (_last_org(after) if _last_person(after) is None else None)
    branch = _ACRONYM_OFFICE.search(before) if org is None else None
    org = fold(branch.group("org")) if branch else org
    contact.org = None if contact.name and org and contact.name.split()[-1] in org.split() else org
    office = _office_line(text, a, group[0]) if group[0].kind == "address" else None
    if office:  # "DATIP, Division of Victim Protection, 1034 Krung Kasem Road, ... · tel. ..."
        contact.name, contact.org = None, office[0]
    contact.title = None if office else _title(before, contact.name)
    if contact.title is None and (contact.name or contact.org is None):
        _read_opening_label(contact, text, group[0].start)
    elif contact.name and contact.org is None:
        _read_opening_office(contact, text, group[0].start)
    return office


def _read_service(contact: _Contact, text: str, a: int, b: int, runner: str | None, called: str | None) -> None:
    """The service the details belong to: "it co-funds the national hotline (800 290 290)"."""
    service, named_at = _service(text, a, b)
    if service and runner and runner not in service:  # "Hungarian Baptist Aid – 24h hotline"
        contact.org, contact.title = runner, service if _SERVICE.search(service) else None
    elif service:
        contact.org, contact.start = service, named_at  # the quote names the service
        if called and called not in service:
            contact.org = f"{service} ({called})"  # "the national hotline (Numero Verde)"


def _read_label_office(contact: _Contact, text: str, a: int, at: int) -> None:
    """ "IOM Mexico, Counter-Trafficking Unit: Luis Ortega, Programme Officer, ...", "CATWLAC regional office: Teresa
    Ulloa, ...": the office a line names before a colon and its person's name."""
    line_start = max(a, text.rfind("\n", 0, at) + 1)
    colon = text.find(":", line_start, at)
    if colon < 0 or contact.name is None or not text[colon + 1:at].lstrip().startswith(contact.name):
        return
    label = fold(text[line_start:colon]).strip(" *•-")
    words = label.split()
    if 0 < len(words) <= 8 and words[0][:1].isupper() and words[0].lower() not in _NOT_OFFICE_FIRST and \
            (_ORG_WORD.search(label) or _ACRONYM.search(label)) and not _FUNCTION_ONLY.fullmatch(label) and \
            label != contact.title and not _CONTACT_LABEL.match(label + ":"):  # "Media enquiries: Jane Doe"
        if contact.org:  # "Programme Officer", read as the office: the title
            contact.title = contact.title or contact.org
        contact.org = label


def _read_name_runs_on(contact: _Contact, text: str, a: int, at: int) -> None:
    """ "Tamkeen Fields for Aid can be reached at ...": a "name" that runs on with "for"/"of"/"against" and capitalised
    words is an office's name."""
    at_name = fold(text[a:at]).rfind(contact.name or "")
    if at_name < 0 or _HONORED.match(contact.name or ""):
        return
    m = _NAME_RUNS_ON.match(fold(text[a:at]), at_name + len(contact.name or ""))
    if m:
        contact.name, contact.org = None, f"{contact.name}{m.group()}"


def _read_name_then_address(contact: _Contact, text: str, a: int, at: int) -> None:
    """ "Maiti Nepal, P.O. Box 9599, Kathmandu; hotline ...": a sentence that opens with a name and a comma before its
    address names the office the address and the numbers after it reach."""
    m = _NAME_THEN_ADDRESS.fullmatch(text, a, at)
    if m is None or m.group("org").split()[0].lower() in _NOT_OFFICE_FIRST:
        return
    if contact.name is None or contact.name == fold(m.group("org")) and not _HONORED.match(contact.name):
        contact.name, contact.org = None, fold(m.group("org"))  # a person's name has its honorific before an address


def _read_bare_service(contact: _Contact, text: str, a: int, at: int) -> None:
    """ "The Hotline 0 800 77777 is free", "1547 - Hotline for victims;", "From abroad +373 ..." after "The Hotline
    operates daily": a number the passage gives for a hotline it names by its word alone (capitalised, as a name)
    reaches that hotline; so does a list line's short number before a hotline's name."""
    start = max(0, at - _CONTACT_THE_CHARS)  # the passage may name it a few sentences before
    if "line" not in text[start:at + SERVICE_BODY_CHARS].lower():
        return
    after = _SERVICE_AFTER_NUMBER.match(text, at)
    if after:
        contact.org = fold(after.group("what")).strip()
        return
    m = _SERVICE_BEFORE.search(text, start, at)
    if m and m.group()[0].isupper():  # "the Hotline", a name; "the hotline (tel. ...) received" only mentions one
        contact.org = fold(m.group())


def _read_unnamed(contact: _Contact, text: str, a: int, b: int, before: str, group: list[Detail]) -> None:
    """Details that name nobody: the office the prose speaks of, else what they are for."""
    _read_prose_office(contact, text, a, b, before)
    if contact.name is None and contact.org is None:
        purpose = _PURPOSE.match(text, a, group[0].start)  # "For press enquiries write to press@..."
        contact.org = fold(purpose.group("what") or purpose.group("label")) if purpose else None


def _read_opening_label(contact: _Contact, text: str, first: int) -> None:
    """The label a detail line opens with: the office when the details follow it, the function before a name."""
    # The line's start, even before the sentence's: "Mgr." may have ended a sentence there.
    line_start = text.rfind("\n", 0, first) + 1
    m = _OPENING_LABEL.match(text, line_start, first)
    if m is None:
        return
    label = fold(m.group("label"))
    words = label.split()
    if words[0].lower() in _NOT_LABELS or _REACHABLE.search(label) or _SERVICE.search(label):
        return  # "Tel:", "Contact:", "Note:" label a detail or a remark
    # "**Legal working group:** Arta Krasniqi (Pristina), ...": bold marks and the person's town in brackets go
    rest = _TOWN_AFTER_NAME.sub("", fold(text[m.end():first].replace("**", "")).strip(" \t,"))
    # a function in a colon's label: a role's word, or words in sentence case ("Legal working group:")
    function = _ROLE.search(label) or ":" in m.group() and len(words) > 1 and all(w.islower() for w in words[1:])
    if contact.name and function and rest.rstrip(" ,").endswith(contact.name):
        contact.title = label  # "National coordinator for trafficking in human beings: Mgr. Petra Dvořáková, ..."
        contact.start = min(contact.start, trim_span(text, m.start(), m.end())[0])
        return
    remark = _REMARK_IN_LABEL.search(m.group())
    if contact.name and remark and _ROLE.search(remark.group(1)) and contact.name in label:
        contact.title = fold(remark.group(1))  # "Mirela Koçi (Executive Director): mkoci@..."
        return
    office = _office_label(text, m, first)
    if office is None:
        return
    address, at = office
    # "Sürya: Rue Rouveroy 2 ...": a street, no person; "Reporting Point for Minors – 078 ...": an office's name.
    # "Frauenhaus Süd (Graz) · ...": a town in brackets after the name makes it an office's.
    if contact.name is None or contact.name in fold(address) or \
            contact.name in label and (_LABEL_JOINS.intersection(words) or remark):
        contact.name, contact.org = None, label  # "Payoke (Antwerp): +32 3 201 16 90, admin@payoke.be"
    if address:  # "Payoke: Leguit 4 2000 Antwerp Tel. 03 201 16 90"
        contact.details.insert(0, Detail("address", fold(address), at, at + len(address)))


def _read_opening_office(contact: _Contact, text: str, first: int) -> None:
    """The office that opens a person's line before a separator: "Network secretariat · Mag. Katharina Weiss, ..."."""
    line_start = text.rfind("\n", 0, first) + 1
    m = _OPENING_LABEL.match(text, line_start, first)
    if m is None or contact.name is None or contact.name not in fold(text[m.end():first]):
        return
    label = fold(m.group("label"))
    if _names_office(label) and not _REACHABLE.search(label) and _person(label) is None:
        contact.org = label
        contact.start = min(contact.start, trim_span(text, m.start(), m.end())[0])


def _office_label(text: str, m: re.Match[str], first: int) -> tuple[str, int] | None:
    """Whether a line's opening label names an office whose details follow: capitalised words, then perhaps a street
    address or town cells of a table ("Payoke | Antwerp | 03 ..."), and the first detail's label. The address, if any,
    and where it starts."""
    label = fold(m.group("label"))
    words = label.split()
    if len(words) > 6 or words[0].lower() in _NOT_OFFICE_FIRST or _REACHABLE.search(label) or \
            _ROLE.search(label) or not all(w[:1].isupper() or w in _LABEL_JOINS for w in words):
        return None
    between = _LABEL_THEN_DETAIL.fullmatch(text, m.end(), first)
    if between is None:
        return None
    address = between.group("address")
    if not address.strip() or _PLACE_CELLS.fullmatch(address):
        return "", first
    return (address, between.start("address")) if _LINE_ADDRESS.fullmatch(address) else None


def _opens_with_office(text: str, first: int) -> bool:
    """Whether the line of a detail opens with an office's label ("Sürya: 04 ...", "Vesta – 011 ...")."""
    line_start = text.rfind("\n", 0, first) + 1
    m = _OPENING_LABEL.match(text, line_start, first)
    if m is None:
        return False
    if _SERVICE.search(m.group("label")):  # "National Anti-Trafficking Hotline: 116 006", not a bare "Hotline:"
        return _NAMED_SERVICE.fullmatch(fold(m.group("label"))) is not None
    return _office_label(text, m, first) is not None


def _quote_end(text: str, last: int, b: int) -> int:
    """Where a sentence's quote ends: at the end of its last detail's line when a new line starts a new sentence
    there though no mark ends the line ("... or email us at help@x.fi" / "We will help you ...")."""
    line_end = text.find("\n", last, b)
    if line_end < 0 or _NOTHING_AFTER.match(text, last, line_end) is None:
        return b
    next_line = text[line_end:b].lstrip()
    return line_end if next_line[:1].isupper() else b


def _read_prose_office(contact: _Contact, text: str, a: int, b: int, before: str) -> None:
    """The office a sentence's details reach when no person or office's word names it: the name just before them
    ("Payoke (tel. 03 ...)"), the sentence's subject ("Solwodi can be reached at ..."), the office it says to contact,
    or, when it speaks as "us", the office named to contact or the subject of a sentence just before."""
    named_before = _NAMED_BEFORE.search(before)
    if named_before and named_before.group("who").split()[0].lower() not in _NOT_OFFICE_FIRST \
            and not _PLACE_BEFORE.search(before, 0, named_before.start()):
        contact.org = named_before.group("who")
        return
    sentence = text[a:b]
    subject = _REACHED_SUBJECT.match(sentence.lstrip())
    if subject and subject.group("who").split()[0].lower() not in _PRONOUNS:
        contact.org = subject.group("who")
        return
    unnamed = _REACHED_UNNAMED.match(sentence.lstrip()) if "be " in sentence else None
    unnamed = unnamed or _OFFICE_OF_SUBJECT.match(sentence.lstrip())
    if unnamed:
        contact.org = fold(unnamed.group("what"))
        return
    first = contact.details[0].start
    named = _contact_object(text, a, b, first)
    # "Journalists can write to press@... or follow @...": a sentence that invites the reader speaks for an office too
    speaks_as_us = _SPEAKS_AS_US.search(sentence) is not None or _INVITES.search(sentence) is not None
    if named is None and (speaks_as_us or _LABEL_OPENS_LINE.match(text, text.rfind("\n", 0, first) + 1, first)):
        named = _contact_object(text, max(0, a - _CONTACT_THE_CHARS), a, None) or \
            (_subject_before(text, a) if speaks_as_us else None)
        if named:  # the quote starts with the sentence that names the office
            contact.start = next((x for x, y in reversed(_prose_spans(text)) if x <= named[1] < y), contact.start)
    if named:
        contact.org = named[0]


def _subject_before(text: str, a: int) -> tuple[str, int] | None:
    """The office that is the subject of the nearest sentence before `a` that has one, not far before."""
    for x, y in reversed(_prose_spans(text)):
        if y > a:
            continue
        if x < a - _CONTACT_THE_CHARS:
            return None
        start = x + len(text[x:y]) - len(text[x:y].lstrip())
        m = _SUBJECT_OFFICE.match(text, start, y)
        if m and m.group("who").split()[0].lower() not in _NOT_OFFICE_FIRST:
            return m.group("who"), x
    return None


def _contact_object(text: str, a: int, b: int, near: int | None) -> tuple[str, int] | None:
    """The last office that text[a:b] says to contact ("contact the IND using ...", "please contact the Assistance
    system for victims of human trafficking.", "Call CoMensha on ..."), and where it says so: capitalised first, up
    to a mark or a word that ends the object. Given `near` (where the details start), a verb other than "contact"
    counts only with the details just after its object."""
    found = None
    for m in _CONTACT_THE.finditer(text, a, b):
        words: list[str] = []
        end = m.end()
        line_end = text.find("\n", m.end(), b)
        for w in _WORD_AT.finditer(text, m.end(), b if line_end < 0 else line_end):
            word = w.group()
            bare = word.rstrip(".,;:?!)")
            if bare.lower() in _CONTACT_STOPS or not bare or len(words) == _CONTACT_OBJECT_WORDS:
                break
            words.append(bare)
            end = w.start() + len(bare)
            if bare != word:
                break
        while words and words[-1].lower() in _OBJECT_JOINS:
            end = text.rfind(words.pop(), m.end(), end)
        if near is not None and not m.group("verb").lower().startswith("contact") and \
                not (end <= near and _OBJECT_TO_DETAILS.fullmatch(text, end, near)):
            continue
        if words and words[0].lower() not in _NOT_NAMES and words[0].lower() not in _PRONOUNS:
            found = (" ".join(words), m.start())
    return found


def _service_called(text: str, a: int, group: list[Detail]) -> str | None:
    """The name in brackets after a hotline's word or its number: "the national hotline (Numero Verde) is ...",
    "National hotline 1300 (Prachabodi Center, 24 hours)"; capitalised words up to the bracket's end or a comma."""
    # the name in brackets may be long: "hotline (Linea Nacional contra la Trata de Personas): 800 ..."
    m = _SERVICE_BEFORE.search(text, max(a, group[0].start - SERVICE_NEAR_CHARS - SERVICE_NAME_CHARS), group[0].start)
    if m is None:
        return None
    called = _SERVICE_NAME.match(text, m.end()) or _SERVICE_NAME.match(text, group[0].end)
    return fold(called.group("called")) if called else None


def _runs_service(before: str, name: str) -> bool:
    """ "The La Strada hotline number is ...": the name is the body that runs a hotline, not a person; so is a name
    after "run by" ("the national hotline, run by the Red Cross, is ...")."""
    folded = fold(before)
    at = folded.rfind(name)
    return at >= 0 and (_RUNS_SERVICE_AFTER.match(folded, at + len(name)) is not None or
                        _RUN_BY_END.search(folded, max(0, at - RUN_BY_CHARS), at) is not None)


def _runner(sentence: str) -> str | None:
    """The body a sentence says runs a service: its subject ("Rosa also runs an SOS line ...")."""
    m = _RUNS_SUBJECT.match(sentence)
    return fold(m.group("who")) if m and m.group("who").split()[0].lower() not in _NOT_OFFICE_FIRST else None


def _wrapped(text: str, group: list[Detail], b: int) -> bool:
    """Whether the line of a group's details goes on, in the same sentence, on the next line ("ext.\n4117) and")."""
    line_end = text.find("\n", group[-1].end, b)
    return line_end >= 0 and _CONTINUED.match(text, line_end + 1, b) is not None


def _groups(text: str, a: int, details: list[Detail]) -> list[list[Detail]]:
    """The details of a sentence, one group per person they reach."""
    groups: list[list[Detail]] = []
    for d in details:
        if not groups or _reaches_another(text, a, groups[-1], d):
            groups.append([d])
        else:
            groups[-1].append(d)
    return groups


def _office_line(text: str, a: int, address: Detail) -> tuple[str, int] | None:
    """The office a line opens with before its address: capitalised parts between commas, the first an office's
    ("Federal Coalition against Trafficking in Women (FCTW), Federal Office," / "Kurfuerstenstrasse 120, ..."), and
    where it starts. Not a person's line ("Dr. Jane Doe, 12 Main Street"): no part is a person's name."""
    m = _OFFICE_PARTS.search(text, max(a, address.start - OFFICE_LINE_CHARS), address.start)
    if m is None:
        return None
    parts = [fold(p) for p in m.group("org").split(",")]
    # the first part an office's: its word, an acronym, or a town in brackets after it ("Safe Haven (Riga)")
    if not (_ORG_WORD.search(parts[0]) or _ACRONYM.search(parts[0]) or parts[0].endswith(")")) or \
            any(_header_person(p) for p in parts):
        return None
    return ", ".join(parts), m.start("org")


def _reaches_another(text: str, a: int, group: list[Detail], detail: Detail) -> bool:
    if detail.kind == "email" and any(x.kind == "email" for x in group):
        return True
    between = text[group[-1].end:detail.start]
    if _NEXT_PERSON.search(between) and _last_person(between):
        return True  # "..., e-mail X, and INL Program Manager Dragan Jovanović, tel. Y"
    if _NEXT_NAMED.search(between):
        return True  # "Payoke (tel. 03 201 16 90), Sürya (tel. 04 232 40 303) or ..."
    if "\n" in between and (_opens_with_office(text, detail.start) or
                             detail.kind == "address" and _office_line(text, a, detail) is not None):
        return True  # "Payoke: 03 201 16 90, admin@payoke.be" / "Sürya: 04 232 40 303": one office a line
    if "\n" in between and not between[between.rfind("\n") + 1:].strip(" \t*•") and _SERVICE.search(between):
        return True  # "1547 - Hotline for victims;" / "527 - National Hotline ...": one service a line, number first
    if "\n" in between and _SERVICE_FOR_LINE.search(between, between.rfind("\n")):
        return True  # "...; info@ngo.org" / "24-hour line for victims (APRAMP): 609 ...": a line for another service
    if _calls_another(between):
        return True  # a line after a contact's that says to call another: "Victims can call the Centre on 157"
    # One person a line, then a labelled line of the office's own ("Follow us: @handle"): it reaches the office.
    line_start = max(a, text.rfind("\n", 0, group[0].start) + 1)
    return "\n" in between and _LINE_LABEL.fullmatch(between[between.rfind("\n") + 1:]) is not None and \
        _last_person(text[line_start:group[0].start]) is not None


def _calls_another(between: str) -> bool:
    """Whether the text between two details ends with a new line that says to call someone: "...\nVictims can call the
    Centre on ..."."""
    last_line = between[between.rfind("\n") + 1:] if "\n" in between else ""
    return last_line[:1].isupper() and _CONTACT_THE.search(last_line) is not None


def _own_line(text: str, a: int, b: int, group: list[Detail], *, named: bool) -> tuple[int, int]:
    line_start = max(a, text.rfind("\n", 0, group[0].start) + 1)
    line_end = text.find("\n", group[-1].end)
    line_end = b if line_end < 0 or line_end > b else line_end
    # A number wrapped onto the next line ("+90 312" / "454 30 00") keeps the contact on its own line.
    wrapped = [text[x.start:x.end] for x in group if "\n" in text[x.start:x.end]]
    if text.count("\n", line_start, line_end) > sum(w.count("\n") for w in wrapped) or \
            wrapped and text[line_start:line_start + 1].islower() or \
            named and not _last_person(text[line_start:group[0].start]):
        return a, b
    return line_start, trim_span(text, line_start, line_end)[1]


def _last_person(written: str) -> str | None:
    # Only the last run that names a person counts: read the runs from the end and stop at the first.
    for m in reversed(list(_RUN.finditer(written))):
        if _OF_THE_BEFORE.search(written, max(0, m.start() - OF_THE_CHARS), m.start()):
            continue  # "head of the Victim Support and Protection Unit": an office's name, no person
        if not _IN_ORG_NAME.search(written, 0, m.start()):
            person = _person(m.group())
            if person:
                return person
    return None


def _person_after(text: str, at: int, b: int) -> str | None:
    m = _IN_PARENTHESES.match(text[at:b])
    return _person(m.group(1)) if m else None


def _person(written: str) -> str | None:
    """The person's name a run of capitalised words ends with: "Political Officer John Matthews" -> "John Matthews"."""
    written = fold(written).strip(" ,")
    honored = _HONORED.fullmatch(written)
    if honored and all(_name_word(w) for w in written.split()[1:]):
        return written
    words = written.split()
    name: list[str] = []
    for word in reversed(words):
        if _ORG_WORD.fullmatch(word.rstrip(".,")):
            return None  # "the NGO La Strada": an office's name
        if not _name_word(word) or len(name) == 4 or name and word.endswith(","):
            break  # "24 hours, Thai, English": a list, no name
        name.insert(0, word)
    if name and _ACRONYM_FIRST.match(" ".join(name)):
        return None
    # "-- B. Mihai Kowalski": a paragraph's letter, not an initial; a first initial stands for the first name.
    while name and (_PARTICLE_WORD.fullmatch(name[0]) or name[0].rstrip(".").lower() in _NOT_NAMES or
                    _INITIAL.fullmatch(name[0]) and len(name) >= 3 and not _INITIAL.fullmatch(name[1])):
        name = name[1:]
    return " ".join(name) if len(name) >= 2 else None


def _name_word(word: str) -> bool:
    if _INITIAL.fullmatch(word):
        return True  # "Jennifer A. Kowalski": an initial, though "a" is a word that is no name
    bare = word.rstrip(".,")
    return not (bare.lower() in _NOT_NAMES or _ROLE.fullmatch(bare) or _ORG_WORD.fullmatch(bare)
                or _POSSESSIVE_END.search(bare) or not _NAME_OR_PARTICLE.fullmatch(word.rstrip(",")))


def _last_org(written: str) -> str | None:
    # Only the last office's name counts: read the matches from the end and stop at the first that is one.
    for m in reversed(list(_ORG.finditer(written))):
        # "Embassy Madrid's TIP officer": the office is "Embassy Madrid"; what follows 's is the role
        org = _POSSESSIVE.split(_without_lead(fold(_whole_words(written, m))))[0]
        if len(org.split()) >= 2 or org.isupper():
            return org
    return None


def _title(written: str, name: str | None) -> str | None:
    m = _CONTACT_TITLE.search(written)
    contact_title = fold(m.group("title")) if m else None
    role = _role_before(written, name) if name else None
    if role or contact_title:
        return ", ".join(t for t in (role, contact_title) if t)
    m = _ROLE_TITLE.search(written)
    return fold(m.group("title")) if m else None


def _role_before(written: str, name: str) -> str | None:
    """The role just before a name: "are Political Officer Jane Doe" -> "Political Officer"."""
    folded = fold(written)
    at = folded.rfind(name)
    if at < 0:
        return None
    role: list[str] = []
    for word in reversed(folded[:at].rstrip().removesuffix(",").split()):
        if len(role) == 4 or word.lower() in _NOT_TITLE_WORDS or not word[-1:].isalnum() or \
                _POSSESSIVE_END.search(word):
            break
        role.insert(0, word)
    return " ".join(role) if role and _ROLE.fullmatch(role[-1]) else None


def _service(text: str, a: int, b: int) -> tuple[str | None, int]:
    """The hotline a sentence's number reaches (its name, the body that runs it, or what the sentence calls it),
    and where the quote should start: at its name when an earlier sentence of the passage gives it."""
    m = _SERVICE.search(text, a, b)
    if m is None:
        return None, a
    if m.group()[0].isupper():  # "The Hotline number is ...": the service named before in the passage
        # Sought apart before and in the sentence, so that no name runs on over its end ("... Tip Line. The Tip Line").
        found = [*_NAMED_SERVICE.finditer(text, 0, a), *_NAMED_SERVICE.finditer(text, a, m.end())]
        named = [(_without_lead(fold(n.group())), n.start()) for n in found]
        named = [(n, at) for n, at in named if len(n.split()) > len(m.group().split())]
        if named:
            return named[-1][0], min(a, named[-1][1])
    near = text[max(a, m.start() - SERVICE_BODY_CHARS):m.start()]
    body = _last_org(near) or next((x.group() for x in reversed(list(_ACRONYM.finditer(near)))), None)
    if body:
        return body, a  # "The BK operates a 24-hour hotline": the body that runs it
    words = [fold(m.group())]
    for word in reversed(text[a:m.start()].split()[-3:]):
        if word.lower() in _NOT_TITLE_WORDS or word.lower() in _FUNCTION_WORDS or not word[-1:].isalnum() or \
                "@" in word:  # "...; info@ngo.org\n24-hour line": the last detail of the line before
            break
        words.insert(0, word)
    qualifier = _SERVICE_QUALIFIER.match(text, m.end(), b) if len(words) == 1 else None
    if qualifier:  # "Hotline for victims of trafficking: 0 800 ..."
        words.append(fold(qualifier.group("what")))
    phrase = " ".join(words)
    return (phrase if len(phrase.split()) >= 2 else None), a


def _whole_words(written: str, m: re.Match[str]) -> str:
    """The office's name without a last capitalised word that qualifies what follows: "for TIP related issues"."""
    org = m.group()
    after = _NEXT_LOWER_WORD.match(written[m.end():])
    if after and after.group(1) not in _FUNCTION_WORDS:
        cut = _LAST_JOINED_WORD.search(org)
        if cut and _ORG_WORD.search(org[:cut.start()]):
            return org[:cut.start()]
    return org


def _without_lead(org: str) -> str:
    words = org.split()
    while len(words) > 1 and words[0].lower() in _LEAD_WORDS:
        words = words[1:]
    return " ".join(words)
