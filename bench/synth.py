"""A synthetic corpus of cable-sized documents for benchmarks, deterministic from a seed.

Documents are assembled from templates and word lists in the style of diplomatic cables
(header block, routing lines, page markers, ¶ paragraphs, `-- A.` answers, underlined headings)
and newsletters (key figures, calendar lines, a contact block). Each carries funding amounts in
many formats, contacts, permit provisions and dated events, so every extractor has work to do.

    python bench/synth.py OUTDIR [--n 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

__all__ = [
    "DEFAULT_N",
    "DEFAULT_SEED",
    "GENERATOR_VERSION",
    "generate_corpus",
    "synthetic_document",
]

DEFAULT_N = 2000
DEFAULT_SEED = 1
GENERATOR_VERSION = 1
MIN_BYTES = 5_000
MAX_BYTES = 30_000
NEWSLETTER_SHARE = 0.2
CABLE_WIDTH = 62
NEWSLETTER_WIDTH = 92
PAGE_LINES = 58

# (cable city, country, TAGS country code, currency, currency word, plural word, USD per unit)
_POSTS = (
    ("PARIS", "France", "FR", "EUR", "euro", "euros", 1.37),
    ("BERLIN", "Germany", "GM", "EUR", "euro", "euros", 1.37),
    ("ROME", "Italy", "IT", "EUR", "euro", "euros", 1.37),
    ("MADRID", "Spain", "SP", "EUR", "euro", "euros", 1.37),
    ("VIENNA", "Austria", "AU", "EUR", "euro", "euros", 1.37),
    ("ATHENS", "Greece", "GR", "EUR", "euro", "euros", 1.37),
    ("LISBON", "Portugal", "PO", "EUR", "euro", "euros", 1.37),
    ("BRUSSELS", "Belgium", "BE", "EUR", "euro", "euros", 1.37),
    ("THE HAGUE", "the Netherlands", "NL", "EUR", "euro", "euros", 1.37),
    ("DUBLIN", "Ireland", "EI", "EUR", "euro", "euros", 1.37),
    ("LJUBLJANA", "Slovenia", "SI", "EUR", "euro", "euros", 1.37),
    ("PRISTINA", "Kosovo", "KV", "EUR", "euro", "euros", 1.37),
    ("LONDON", "the United Kingdom", "UK", "GBP", "pound", "pounds", 1.55),
    ("BERN", "Switzerland", "SZ", "CHF", "Swiss franc", "Swiss francs", 0.95),
    ("BUCHAREST", "Romania", "RO", "RON", "leu", "lei", 0.31),
    ("SOFIA", "Bulgaria", "BU", "BGN", "lev", "leva", 0.70),
    ("WARSAW", "Poland", "PL", "PLN", "zloty", "zlotys", 0.33),
    ("PRAGUE", "the Czech Republic", "EZ", "CZK", "koruna", "korunas", 0.054),
    ("STOCKHOLM", "Sweden", "SW", "SEK", "krona", "kronor", 0.14),
    ("KYIV", "Ukraine", "UP", "UAH", "hryvnia", "hryvnias", 0.12),
    ("ANKARA", "Turkey", "TU", "TRY", "lira", "lira", 0.66),
    ("CHISINAU", "Moldova", "MD", "EUR", "euro", "euros", 1.37),
    ("TIRANA", "Albania", "AL", "EUR", "euro", "euros", 1.37),
    ("SARAJEVO", "Bosnia and Herzegovina", "BK", "EUR", "euro", "euros", 1.37),
    ("SKOPJE", "Macedonia", "MK", "EUR", "euro", "euros", 1.37),
    ("BELGRADE", "Serbia", "SR", "EUR", "euro", "euros", 1.37),
    ("BUDAPEST", "Hungary", "HU", "EUR", "euro", "euros", 1.37),
    ("ZAGREB", "Croatia", "HR", "EUR", "euro", "euros", 1.37),
)
_CALLING_CODES = {"France": "33", "Germany": "49", "Italy": "39", "Spain": "34", "Austria": "43", "Greece": "30",
                  "Portugal": "351", "Belgium": "32", "the Netherlands": "31", "Ireland": "353", "Slovenia": "386",
                  "Kosovo": "383", "the United Kingdom": "44", "Switzerland": "41", "Romania": "40",
                  "Bulgaria": "359", "Poland": "48", "the Czech Republic": "420", "Sweden": "46", "Ukraine": "380",
                  "Turkey": "90", "Moldova": "373", "Albania": "355", "Bosnia and Herzegovina": "387",
                  "Macedonia": "389", "Serbia": "381", "Hungary": "36", "Croatia": "385"}
_CITIES = ("Vienna", "Brussels", "Geneva", "Strasbourg", "Warsaw", "Bucharest", "Sofia", "Belgrade", "Tirana",
           "Sarajevo", "Skopje", "Chisinau", "Kyiv", "Lisbon", "Madrid", "Rome", "Athens", "Berlin", "Prague",
           "Budapest", "Zagreb", "Ljubljana", "Riga", "Vilnius", "Tallinn", "Helsinki", "Oslo", "Copenhagen",
           "Stockholm", "The Hague", "Luxembourg", "Valletta", "Nicosia", "Ankara", "Tbilisi", "Yerevan")
_FIRST = ("Anne", "Marie", "Jean", "Pierre", "Claire", "Sophie", "Thomas", "Lukas", "Elena", "Ioana", "Mihai",
          "Petar", "Ana", "Jovana", "Marco", "Giulia", "Carlos", "Lucia", "Pieter", "Sanne", "Siobhan", "Liam",
          "Katarzyna", "Piotr", "Jana", "Tomas", "Ingrid", "Olena", "Andriy", "Ayse", "Mehmet", "Dragan", "Mirela",
          "Florian", "Hanna", "Nikolai", "Beatriz", "Joao", "Eleni", "Dimitris", "Agnes", "Laszlo", "Ivana", "Rui")
_LAST = ("Martin", "Bernard", "Dubois", "Lefevre", "Moreau", "Schneider", "Fischer", "Weber", "Popescu", "Ionescu",
         "Petrov", "Dimitrova", "Jovanovic", "Rossi", "Bianchi", "Garcia", "Fernandez", "de Vries", "Jansen",
         "O'Brien", "Murphy", "Kowalski", "Nowak", "Novak", "Svoboda", "Lindqvist", "Berg", "Shevchenko",
         "Kovalenko", "Yilmaz", "Demir", "Hoxha", "Kovac", "Horvat", "Nagy", "Szabo", "Papadopoulos",
         "Georgiou", "Silva", "Costa", "Marchetti", "Vasquez", "Brennan", "Hartmann", "Krause", "Vu")
_NGO_WORDS = (("Committee", "Against", "Modern Slavery"), ("Association", "for", "Victims of Exploitation"),
              ("Foundation", "for", "Women at Risk"), ("Network", "against", "Child Trafficking"),
              ("Centre", "for", "Migrant Rights"), ("Coalition", "against", "Forced Labour"),
              ("Alliance", "for", "Safe Migration"), ("Council", "for", "Refugee Support"),
              ("Union", "for", "Street Children"), ("Initiative", "against", "Sexual Exploitation"),
              ("Shelter", "for", "Young Women"), ("Office", "for", "Legal Aid"))
_NGO_PREFIXES = ("National", "Regional", "Catholic", "Protestant", "Independent", "Northern", "Southern", "Civic",
                 "Free", "United", "Open", "Humanitarian")
_MINISTRIES = ("Ministry of Interior", "Ministry of Justice", "Ministry of Foreign Affairs", "Ministry of Labor",
               "Ministry of Social Affairs", "Ministry of Health", "Ministry of Education", "Ministry of Finance",
               "Ministry of Defense", "Ministry of Family Affairs")
_INTERNATIONAL = (("International Organization for Migration", "IOM"), ("Council of Europe", "CoE"),
                  ("Organization for Security and Cooperation in Europe", "OSCE"),
                  ("United Nations Office on Drugs and Crime", "UNODC"), ("International Labor Organization", "ILO"),
                  ("United Nations Children's Fund", "UNICEF"), ("European Commission", "EC"),
                  ("International Centre for Migration Policy Development", "ICMPD"))
_FUNDS = ("voluntary trust fund for victims of trafficking", "regional anti-trafficking programme",
          "national hotline for victims", "shelter network for unaccompanied minors", "reintegration programme",
          "labour inspection campaign", "victim compensation fund", "awareness campaign in schools",
          "training programme for border police", "emergency accommodation scheme")
_ROLES = ("Regional expert on the fight against trafficking in human beings", "Political officer",
          "Head of the anti-trafficking unit", "Programme coordinator", "Press attaché", "Legal adviser",
          "Deputy head of mission", "Liaison magistrate", "Migration attaché")
_CONVENTIONS = ("the Council of Europe's Convention on Action against Trafficking in Human Beings",
                "the EU Directive on preventing and combating trafficking in human beings",
                "the Palermo Protocol", "the new Law on Foreigners", "the Aliens Act")
_CODES = (("code of entry and stay of foreigners and asylum seekers", "CESEDA", "R316-1"),
          ("Residence Act", "AufenthG", "25"), ("Law on Foreigners", "LOF", "59"),
          ("Immigration Act", "IA", "18"), ("Aliens Law", "AL", "39"), ("Law on Asylum and Migration", "LAM", "61"))
_QUESTIONS = (
    "Does the government provide victims with access to legal, medical and psychological services?",
    "Are foreign victims given the same access to care as domestic victims?",
    "Please estimate the amount the government spent (in U.S. dollar equivalent) on specialized facilities.",
    "Does the government provide funding to NGOs or international organizations for victim services?",
    "Does the government assist foreign victims, for example by providing temporary or permanent residency "
    "status, or other relief from deportation?",
    "Does the government encourage victims to assist in the investigation and prosecution of trafficking?",
    "Is there a mechanism for coordination between agencies on trafficking-related matters?",
    "Does the government have a national plan of action to address trafficking in persons?",
    "What measures has the government taken during the reporting period to reduce the demand for "
    "commercial sex acts?",
    "Which international organizations or NGOs work with trafficking victims, and what services do they provide?",
    "Did the government conduct anti-trafficking information or education campaigns during the reporting period?",
    "Does the government provide specialized training for officials in identifying trafficking victims?",
    "Are victims detained, fined or prosecuted for violations of other laws?",
    "Does the country have victim care facilities that are accessible to trafficking victims?",
)
_SECTIONS = ("PROTECTION AND ASSISTANCE TO VICTIMS", "PREVENTION", "PARTNERSHIPS", "PROSECUTION",
             "INVESTIGATION OF TRAFFICKING CASES", "INTERNATIONAL COOPERATION", "FUNDING OF VICTIM SERVICES",
             "RESIDENCE PERMITS FOR VICTIMS", "NATIONAL COORDINATION", "AWARENESS CAMPAIGNS", "LABOR TRAFFICKING")
_NEWSLETTER_SECTIONS = ("KEY FIGURES", "PERSPECTIVES ON COOPERATION", "THREE QUESTIONS TO THE DIRECTOR",
                        "FOCUS ON THE REGIONAL SEMINAR", "SUPPORT TO VICTIMS", "TECHNICAL ASSISTANCE",
                        "WORKING GROUPS", "PARTNERSHIPS WITH CIVIL SOCIETY")
_ACTIVITIES = ("training for labour inspectors", "a hotline for victims of forced labour",
               "identification guidelines for social workers", "a campaign against child sex tourism",
               "joint investigation teams with neighbouring countries", "shelters for male victims",
               "interpretation services for foreign victims", "legal counselling in detention centres",
               "outreach to seasonal agricultural workers", "a referral mechanism for unaccompanied minors")
_VERBS = ("expand", "fund", "strengthen", "evaluate", "launch", "support", "review", "coordinate")
_TOPICS = ("forced begging", "labour exploitation in agriculture", "online recruitment of minors",
           "sexual exploitation", "domestic servitude", "forced criminality", "organ removal", "sham marriages")
_EVENT_KINDS = ("Ministerial Conference", "regional seminar", "expert meeting", "round table", "working group",
                "training session", "international conference", "annual forum", "joint operation",
                "awareness day", "bilateral consultation", "steering committee")
_HEADLINES = ("INPUT FOR THE TRAFFICKING IN PERSONS REPORT", "ANTI-TRAFFICKING EFFORTS IN", "TIP REPORT SUBMISSION FOR",
              "VICTIM PROTECTION AND PREVENTION IN", "LABOR TRAFFICKING TRENDS IN")


_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def synthetic_document(index: int, seed: int = DEFAULT_SEED) -> tuple[str, str]:
    """(file name, text) of the `index`-th synthetic document for `seed`; the same every time."""
    rng = random.Random(f"factbot-synth:{GENERATOR_VERSION}:{seed}:{index}")
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    if rng.random() < NEWSLETTER_SHARE:
        return _Newsletter(rng, index).render(target)
    return _Cable(rng, index).render(target)


def generate_corpus(out_dir: Path, n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write `n` synthetic documents into `out_dir` (created if needed); their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = synthetic_document(i, seed)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="number of documents (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    args = parser.parse_args(argv)
    paths = generate_corpus(args.out_dir, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB in {args.out_dir}")
    return 0


class _Facts:
    """Sentences that state facts, drawn from one document's random state and country."""

    def __init__(self, rng: random.Random, post: tuple[str, str, str, str, str, str, float], year: int) -> None:
        self.rng = rng
        self.city, self.country, self.code, self.iso, self.unit, self.units, self.rate = post
        self.year = year

    # -- vocabulary --------------------------------------------------------------------------
    def person(self) -> str:
        return f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"

    def ngo(self) -> tuple[str, str]:
        head, link, tail = self.rng.choice(_NGO_WORDS)
        prefix = self.rng.choice(_NGO_PREFIXES)
        name = f"{prefix} {head} {link} {tail}"
        acronym = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
        return name, acronym

    def organisation(self) -> str:
        roll = self.rng.random()
        if roll < 0.4:
            name, acronym = self.ngo()
            return f"the {name} ({acronym})"
        if roll < 0.7:
            return f"the {self.rng.choice(_MINISTRIES)}"
        name, acronym = self.rng.choice(_INTERNATIONAL)
        return f"the {name} ({acronym})"

    def day(self, year: int | None = None) -> date:
        return date(year or self.year, self.rng.randint(1, 12), self.rng.randint(1, 28))

    # -- amounts -----------------------------------------------------------------------------
    def amount(self, low: int = 2, high: int = 7) -> str:
        """An amount in one of many formats: '€1,830,000', '46,000 euros ($63,020)', 'two million euros'."""
        rng = self.rng
        value = _round_amount(rng, low, high)
        usd = int(round(value * self.rate))
        style = rng.randrange(9)
        if style == 0 and self.iso == "EUR":
            return f"€{value:,}"
        if style == 1:
            return f"${usd:,}"
        if style == 2 and value >= 1_000_000 and value % 1_000_000 == 0 and value <= 10_000_000:
            millions = _NUMBER_WORDS[value // 1_000_000 - 1]
            return f"{millions} million {self.units} (${usd / 1e6:.2f} million)"
        if style == 3 and value >= 1_000_000:
            return f"{value / 1e6:g} million {self.units}"
        if style == 4:
            return f"{self.iso} {value:,}"
        if style == 5 and self.iso == "GBP":
            return f"£{value:,}"
        if style == 6:
            return f"US${usd:,}"
        return f"{value:,} {self.units} (${usd:,})"

    def funding_sentence(self) -> str:
        rng = self.rng
        org = self.organisation()
        year = self.year - rng.randint(0, 2)
        templates: tuple[Callable[[], str], ...] = (
            lambda: f"However, contacts at {org} reveal that they received {self.amount()} in {year}, "
                    f"representing roughly {rng.randint(5, 60)} percent of their annual budget.",
            lambda: f"{_cap(org)} contacts reported that they provide victims with a stipend of "
                    f"{self.amount(2, 3)} a month.",
            lambda: f"The government allocated {self.amount(4, 7)} to {org} in {year} for the "
                    f"{rng.choice(_FUNDS)}.",
            lambda: f"{_cap(self.country)}'s voluntary contribution to {org} reached {self.amount(4, 7)} in {year}.",
            lambda: f"{_cap(org)} receives {self.amount(3, 6)} per year from the {rng.choice(_MINISTRIES)} "
                    f"to run its {rng.choice(_FUNDS)}.",
            lambda: f"On {_long_date(self.day(year))}, {rng.choice(('the Minister', 'the Secretary of State'))} "
                    f"{self.person()} announced the creation of a {rng.choice(_FUNDS)}, committing "
                    f"{self.amount(6, 7)} to the cause.",
            lambda: f"Since {year - rng.randint(1, 6)}, {self.country} has contributed {self.amount(4, 6)} to "
                    f"{org}.",
        )
        return rng.choice(templates)()

    # -- contacts ----------------------------------------------------------------------------
    def phone(self) -> str:
        rng = self.rng
        cc = _CALLING_CODES.get(self.country, "1")
        style = rng.randrange(4)
        if style == 0:
            return f"({cc}){rng.randint(1, 9)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        if style == 1:
            return f"+{cc} {rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if style == 2:
            return f"+{cc} ({rng.randint(1, 9)}) {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        return f"00{cc} {rng.randint(10, 99)} {rng.randint(100000, 999999)}"

    def email(self, name: str, domain: str) -> str:
        first, _, last = name.partition(" ")
        local = self.rng.choice((f"{first}.{last}", f"{last}{first[:1]}", f"{first[:1]}{last}"))
        return f"{local.replace(' ', '').replace(chr(39), '').lower()}@{domain}"

    def address(self) -> str:
        rng = self.rng
        street = rng.choice(("rue de la Paix", "Schwarzenbergplatz", "Avenue Louise", "Via Veneto", "Calle Serrano",
                             "Strada Tudor Arghezi", "Bulevardi Deshmoret", "Ulica Nowy Swiat", "Main Street"))
        return f"{street} {rng.randint(1, 120)}, {rng.randint(1000, 9999)}, {self.city.title()} ({self.country})"

    def contact_sentence(self) -> str:
        rng = self.rng
        name = self.person()
        if rng.random() < 0.5:
            return (f"The point of contact at Embassy {self.city.title()} for TIP related issues is {name}, who can "
                    f"be contacted via email at {self.email(name, 'state.gov')}, or telephone {self.phone()} "
                    f"(IVG 8-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}), and fax {self.phone()}.")
        ngo, acronym = self.ngo()
        return (f"{name}, director of the {ngo} ({acronym}), can be reached at {self.phone()} or "
                f"{self.email(name, acronym.lower() + '.org')}.")

    def contact_block(self) -> list[str]:
        name = self.person()
        ngo, acronym = self.ngo()
        handle = "@" + name.split()[0][:4].lower() + "_" + name.split()[-1][:5].lower().replace("'", "")
        return ["Contact", f"{self.rng.choice(('Ms.', 'Mr.', 'Dr.'))} {name}", self.rng.choice(_ROLES),
                self.email(name, "diplomatie.gouv.fr"), handle, f"Permanent representation to the {ngo}",
                self.address(), f"@{acronym}_{self.code}", f"Tel.: {self.phone()}"]

    # -- permits -----------------------------------------------------------------------------
    def permit_sentence(self) -> str:
        rng = self.rng
        code, acronym, article = rng.choice(_CODES)
        months = rng.choice(("six months", "three months", "one year", "twelve months"))
        fee, renewal = _round_amount(rng, 2, 3), _round_amount(rng, 1, 2)
        templates: tuple[Callable[[], str], ...] = (
            lambda: f"Since {rng.choice(_CONVENTIONS)} entered into force in {self.year - rng.randint(1, 4)} in "
                    f"{self.country}, victims have a {rng.choice((30, 45, 60, 90))}-day reflection period after "
                    f"receiving medical and psychological assistance to consider whether they wish to cooperate "
                    f"with authorities.",
            lambda: f"Under article {article} of the {code} ({acronym}), victims of trafficking may receive a "
                    f"temporary residence permit for a minimum of {months} if they file a complaint against the "
                    f"perpetrators or testify in criminal proceedings.",
            lambda: f"The residency permit granted to victims that is valid for one year costs "
                    f"{fee} {self.units} (${int(fee * self.rate)}) and {renewal} {self.units} "
                    f"(${int(renewal * self.rate)}) to renew it every six months.",
            lambda: "In the event of a final conviction of defendants, a permanent resident card may be issued to "
                    "foreign national victims.",
            lambda: "The law also permits trafficking victims to remain in the country for the duration of the "
                    "trial if they agree to testify against their perpetrators.",
            lambda: f"Foreign victims are granted a recovery and reflection period of {rng.randint(30, 90)} days "
                    f"under {rng.choice(_CONVENTIONS)}.",
            lambda: "Victims who cooperate with the police are protected from deportation while the investigation "
                    "is under way.",
        )
        return rng.choice(templates)()

    # -- events ------------------------------------------------------------------------------
    def event_sentence(self) -> str:
        rng = self.rng
        start = self.day(self.year - rng.randint(0, 1))
        end = start + timedelta(days=rng.randint(1, 3))
        city, kind = rng.choice(_CITIES), rng.choice(_EVENT_KINDS)
        who = f"{rng.choice(('Secretary of State', 'Minister', 'Ambassador', 'Director'))} {self.person()}"
        same_month = end.month == start.month
        templates: tuple[Callable[[], str], ...] = (
            lambda: f"On {_long_date(start)}, {who} announced a new {kind} on {rng.choice(_TOPICS)}.",
            lambda: f"On {_MONTHS[start.month - 1]} {start.day}-{end.day}, {start.year}, {who} participated at "
                    f"the {kind} devoted to {rng.choice(_TOPICS)} in {city}." if same_month else
                    f"{who} participated at the {kind} in {city} on {_long_date(start)}.",
            lambda: f"The joint sting operation against the network was carried out on {_long_date(start)}.",
            lambda: f"{self.country.removeprefix('the ')} and its partners held talks on {rng.choice(_TOPICS)} "
                    f"in {city} on {_MONTHS[start.month - 1]} {start.day}-{end.day}, which concluded with new "
                    f"joint initiatives." if same_month else
                    f"A {kind} on {rng.choice(_TOPICS)} was held in {city} on {_long_date(end)}.",
            lambda: f"From {start.day}-{end.day} {_MONTHS[start.month - 1]} {start.year}, {city} hosted the "
                    f"{kind} on {rng.choice(_TOPICS)}." if same_month else
                    f"The {kind} took place in {city} on {start.day} {_MONTHS[start.month - 1]} {start.year}.",
            lambda: f"The government also sponsored a nationwide conference at the Supreme Court on "
                    f"{_long_date(start)}, that brought together judges and NGOs.",
        )
        return rng.choice(templates)()

    def calendar_line(self) -> str:
        rng = self.rng
        start = self.day()
        end = start + timedelta(days=rng.randint(1, 4))
        place = rng.choice(_CITIES + tuple(p[1].removeprefix("the ") for p in _POSTS))
        what = f"{rng.choice(_EVENT_KINDS)} on {rng.choice(_TOPICS)}"
        if end.month == start.month:
            when = f"{start.day}-{end.day} {_MONTHS[start.month - 1]}"
        else:
            when = f"{start.day} {_MONTHS[start.month - 1]} - {end.day} {_MONTHS[end.month - 1]}"
        return f" {when}, {place}: {what} with {self.organisation()}."

    # -- filler ------------------------------------------------------------------------------
    def filler_sentence(self) -> str:
        rng = self.rng
        org, other = self.organisation(), self.organisation()
        n = rng.randint(12, 900)
        templates: tuple[Callable[[], str], ...] = (
            lambda: f"{_cap(org)} reported that it had set up {rng.choice(_ACTIVITIES)} during the reporting "
                    f"period.",
            lambda: f"The government continued to {rng.choice(_VERBS)} {rng.choice(_ACTIVITIES)} in close "
                    f"cooperation with {other}.",
            lambda: f"According to {org}, {n} victims were identified, compared with {n + rng.randint(-10, 40)} "
                    f"the previous year.",
            lambda: f"Contacts at {org} noted that most victims are foreign nationals who may not speak the "
                    f"language when they first call the hotline.",
            lambda: f"There were no reports of {rng.choice(_TOPICS)} involving nationals of {self.country} "
                    f"during the reporting period.",
            lambda: f"Law enforcement officials received training on {rng.choice(_TOPICS)} through {org} and "
                    f"{other}.",
            lambda: f"NGOs expressed frustration that {rng.choice(_ACTIVITIES)} remains underfunded, and "
                    f"{org} called for a national action plan.",
            lambda: f"The {rng.choice(_MINISTRIES)} did not provide specific numbers on {rng.choice(_TOPICS)}.",
        )
        return rng.choice(templates)()

    def answer(self) -> str:
        """Two to six sentences, some of which state facts."""
        kinds = (self.filler_sentence, self.funding_sentence, self.permit_sentence, self.event_sentence,
                 self.contact_sentence)
        # About one sentence in five states a fact, as in the sample cables (roughly one fact per KB).
        weights = (16, 1.5, 1, 2, 0.4)
        count = self.rng.randint(2, 6)
        return " ".join(self.rng.choices(kinds, weights)[0]() for _ in range(count))


class _Cable:
    """A cable: header block, routing lines, SUBJECT, sections of ¶ paragraphs with questions and answers."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.post = rng.choice(_POSTS)
        self.sent = date(rng.randint(2004, 2012), rng.randint(1, 12), rng.randint(1, 28))
        self.facts = _Facts(rng, self.post, self.sent.year - 1)
        self.number = rng.randint(10, 2999) * 10 + index % 10
        city = self.post[0]
        self.cable_id = f"{self.sent.year % 100:02d}{city.replace(' ', '')}{self.number}"

    def render(self, target: int) -> tuple[str, str]:
        body = self._body(target)
        pages = max(1, -(-len(body) // PAGE_LINES))
        lines = self._header(pages) + self._page_marker(1, pages)
        for page, chunk in enumerate(_chunks(body, PAGE_LINES), start=1):
            if page > 1:
                lines += self._page_marker(page, pages)
            lines += chunk
        lines += [" ", self.facts.person().split()[-1].upper()]
        return f"{self.cable_id}.txt", "\n".join(lines) + "\n"

    def _header(self, pages: int) -> list[str]:
        rng, city, country = self.rng, self.post[0], self.post[1]
        subject = f"{country.removeprefix('the ').upper()}: {rng.choice(_HEADLINES)} {self.sent.year}"
        stamp = f"{self.sent.day:02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}Z"
        routing = f"RUEH{rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}{rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"
        return [
            self.cable_id, subject,
            f"{_WEEKDAYS[self.sent.weekday()]} {self.sent.strftime('%b')} {self.sent.day:02d} 00:00:00 +0100 "
            f"{self.sent.year}",
            rng.choice(("UNCLASSIFIED", "UNCLASSIFIED", "CONFIDENTIAL")), f"Embassy {city.title()}",
            f"VZCZCXRO{rng.randint(1000, 9999)}", "OO RUEHIK",
            f"DE {routing} #{self.number % 10000:04d}/01 {rng.randint(1000000, 3659999)}", "ZNR UUUUU ZZH",
            f"O {stamp} {self.sent.strftime('%b').upper()} {self.sent.year % 100:02d} ZDK",
            f"FM AMEMBASSY {city}", f"TO RUEHC/SECSTATE WASHDC IMMEDIATE {rng.randint(1000, 9999)}",
            "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY",
            f"RUEAWJA/DEPARTMENT OF JUSTICE WASHDC PRIORITYUNCLAS SECTION 01 OF {pages:02d} {city} "
            f"{self.number:06d} ",
            " ", "SIPDIS ", " ",
            f"DEPARTMENT FOR G/TIP ({self.facts.person().upper()}), EUR/PGI, INL, DRL, PRM ", " ",
            "E.O. 12958: N/A ", "TAGS: KTIP KCRM PHUM KWMN SMIG KFRD ASEC PREF ELAB", f",KMCA, {self.post[2]} ",
            f"SUBJECT: {subject} ", f"REPORT (PART {rng.randint(1, 3)} OF 3) ", " ",
            f"REF: STATE {rng.randint(1000, 99999)} ", " ",
        ]

    def _page_marker(self, page: int, pages: int) -> list[str]:
        return [" ", f"{self.post[0]} {self.number:08d}  {page:03d}.{self.rng.randint(1, 9)} OF {pages:03d} ", " ", " "]

    def _body(self, target: int) -> list[str]:
        rng, lines, size = self.rng, [], 1000
        paragraph = rng.randint(1, 8)
        sections = rng.sample(_SECTIONS, len(_SECTIONS))
        while size < max(target, MIN_BYTES + 500):
            heading = sections[(paragraph - 1) % len(sections)]
            block = [f"{heading} ", "-" * (len(heading) + 1) + " "]
            block += _wrap(f"¶{paragraph}. ({rng.choice(('SBU', 'U', 'C'))}) Responses are keyed to reporting "
                           f"questions specified in paragraph {paragraph + 22} of reftel.", CABLE_WIDTH)
            count = rng.randint(2, 6)
            for letter, question in zip("ABCDEFGH"[:count], rng.sample(_QUESTIONS, count), strict=True):
                block += [" "] + _wrap(question, CABLE_WIDTH)
                block += _wrap(f"-- {letter}. {self.facts.answer()}", CABLE_WIDTH)
            if rng.random() < 0.25:
                block += [" "] + _wrap(f"¶{paragraph + 1}. (U) {self.facts.contact_sentence()}", CABLE_WIDTH)
                paragraph += 1
            block.append(" ")
            grown = size + sum(len(line) + 1 for line in block)
            if grown > MAX_BYTES - 1000 and size > MIN_BYTES:
                break  # room for page markers and the signature
            lines += block
            size = grown
            paragraph += 1
        return lines


class _Newsletter:
    """A newsletter: title, key figures, prose sections, a calendar and a contact block; PDF-like layout."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.post = rng.choice(_POSTS)
        self.year = rng.randint(2012, 2020)
        self.facts = _Facts(rng, self.post, self.year)

    def render(self, target: int) -> tuple[str, str]:
        rng, country = self.rng, self.post[1].removeprefix("the ")
        lines = [f"{country}’s commitment in the fight against human trafficking",
                 f"Newsletter no. {rng.randint(1, 40)} – {rng.choice(_MONTHS)} {self.year}", "", "Key figures", ""]
        for _ in range(rng.randint(2, 4)):
            lines += [f"{self.facts.amount(4, 7)} in {self.year}", "", ""]
        size = sum(len(line) + 1 for line in lines)
        while size < target - 1000:
            block = ["", rng.choice(_NEWSLETTER_SECTIONS), ""]
            for _ in range(rng.randint(1, 3)):
                block += _wrap(self.facts.answer(), NEWSLETTER_WIDTH, trailing="") + [""]
            grown = size + sum(len(line) + 1 for line in block)
            if grown > MAX_BYTES - 1500 and size > MIN_BYTES:
                break  # room for the calendar and the contact block
            lines += block
            size = grown
        lines += ["", "Upcoming", ""] + [self.facts.calendar_line() for _ in range(rng.randint(3, 8))]
        lines += [""] + self.facts.contact_block()
        slug = country.lower().replace(" ", "-")
        return f"newsletter-{slug}-{self.year}-{self.index:05d}.txt", "\n".join(lines) + "\n"


def _round_amount(rng: random.Random, low: int, high: int) -> int:
    digits = rng.randint(low, high)
    value = rng.randint(10 ** (digits - 1), 10**digits - 1)
    keep = rng.choice((1, 2, 3, digits))
    step = 10 ** max(0, digits - keep)
    return max(step, value // step * step)


def _long_date(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _wrap(text: str, width: int, *, trailing: str = " ") -> list[str]:
    # Cables wrap at a fixed width with a blank at each line end; quotes must survive that.
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current + trailing)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current + trailing)
    return lines


def _chunks(lines: list[str], size: int) -> list[list[str]]:
    return [lines[i:i + size] for i in range(0, len(lines), size)]


if __name__ == "__main__":
    sys.exit(main())
