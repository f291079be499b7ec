"""Generate docs/osce-iom-ukraine-flight-risks-2023.pdf (run with a scratch venv holding fpdf2, not factbot's).

python3 -m venv /tmp/h4venv && /tmp/h4venv/bin/pip install fpdf2
/tmp/h4venv/bin/python bench/heldout4/make_pdf.py
"""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent / "docs" / "osce-iom-ukraine-flight-risks-2023.pdf"

BLOCKS: list[tuple[str, str]] = [
    ("title", "Fleeing war, facing exploitation"),
    ("sub", "Trafficking risks for people displaced from Ukraine: country notes on Slovakia and Turkiye"),
    ("sub", "OSCE Office for Democratic Institutions and Human Rights (ODIHR) and IOM - Warsaw and Vienna, June 2023"),
    ("h", "1. Summary"),
    (
        "p",
        "Since 24 February 2022 more than one million people have crossed from Ukraine into Slovakia, and some "
        "145,000 Ukrainians have registered in Turkiye. Most are women and children. This assessment looks at how "
        "the two countries identify and protect those who are trafficked, and at the money behind the response. "
        "Slovak police identified 9 Ukrainian victims in 2022 and the Turkish Presidency of Migration Management "
        "(PMM) identified 12; NGOs believe the real numbers are far higher.",
    ),
    ("h", "2. Methodology"),
    (
        "p",
        "From 24 to 27 October 2022 the research team visited Bratislava, Kosice and the border crossing at "
        "Vysne Nemecke, and held 41 interviews with officials, NGOs and displaced people. A validation workshop "
        "with Turkish officials and NGOs took place in Ankara on 15 December 2022.",
    ),
    ("h", "3. Funding of the response"),
    (
        "p",
        "The assessment itself was funded by the European Commission (DG ECHO) with EUR 340 000. In Slovakia, "
        "the Ministry of Interior's Programme for the Support and Protection of Victims of Trafficking is "
        "implemented by Slovak Catholic Charity and funded with EUR 390,000 per year. IOM Slovakia received "
        "US$ 2.3 million from the US Bureau of Population, Refugees and Migration (PRM) in 2022 for information, "
        "transport and counter-trafficking outreach at the border.",
    ),
    (
        "p",
        "In Turkiye, PMM spends about TRY 9 million (approximately USD 480,000) a year on its two shelters for "
        "victims in Ankara and Kirikkale. The Government of Japan gave US$ 750,000 to IOM Turkiye in 2022 to "
        "train provincial migration staff in the identification of victims. NGOs estimate that a further "
        "USD 1.5 million a year would be needed to provide shelter places in Istanbul and Antalya, where most "
        "Ukrainians live.",
    ),
    ("h", "4. Residence and protection of victims"),
    ("h2", "4.1 Slovakia"),
    (
        "p",
        "Under Section 58 of Act No. 404/2011 Coll. on the Residence of Foreigners, a third-country national "
        "who is presumed to be a victim of trafficking is granted tolerated stay for 90 days so that he or she "
        "can recover and decide whether to cooperate with the police. If the victim cooperates in the criminal "
        "proceedings, tolerated stay is extended for up to 180 days at a time for as long as the proceedings "
        "last. Tolerated stay is granted without a fee.",
    ),
    (
        "p",
        "Ukrainians fleeing the war mostly hold temporary protection, which in Slovakia remains valid until "
        "4 March 2024; it is not a status for victims of trafficking as such. Of the nine Ukrainian victims "
        "identified in 2022, none asked for tolerated stay.",
    ),
    ("h2", "4.2 Turkiye"),
    (
        "p",
        "Article 48 of the Law on Foreigners and International Protection (No. 6458) provides that a residence "
        "permit valid for 30 days is granted to foreigners who are victims, or strongly suspected of being "
        "victims, of trafficking, to allow them to break free from the influence of the perpetrators and to "
        "decide whether to cooperate with the authorities. The permit may be renewed for periods of six months, "
        "not exceeding three years in total, for the victim's safety, health or special circumstances. "
        "No fee is charged for the permit.",
    ),
    (
        "p",
        "Stakeholders told the team that Ukrainians who hold a humanitarian residence permit are rarely "
        "referred to the victim protection system; a draft regulation to refer them automatically was still "
        "under consultation in May 2023.",
    ),
    ("h", "5. Risks observed"),
    (
        "p",
        "Interviewees described offers of free transport and accommodation posted in social media groups, "
        "job advertisements for cleaning and care work that asked for no qualifications, and intermediaries "
        "who met women at railway stations. In Turkiye the main risks reported were informal work in textile "
        "workshops and in tourism, and sham marriages. Men of working age who had left Ukraine before the "
        "general mobilisation were reluctant to contact any authority.",
    ),
    (
        "p",
        "Several officials said that the volume of arrivals in the first months left no time for screening. "
        "Border police in Vysne Nemecke had no interpreters for Roma Ukrainians, and Slovak labour "
        "inspectorates did not yet inspect agencies that place displaced people with employers abroad. "
        "In Turkiye, provincial migration offices had received no instructions on how to screen Ukrainians "
        "who approached them for residence.",
    ),
    (
        "p",
        "Children travelling alone or with adults who were not their parents were the group that worried "
        "child protection agencies most. Neither country kept a single register of such children, and "
        "several were reported missing after leaving reception centres.",
    ),
    ("h", "6. Recommendations"),
    (
        "p",
        "(a) Screen for indicators of trafficking at registration for temporary protection and at "
        "reception centres, with interpreters for Ukrainian, Russian and Romani. (b) Inform displaced "
        "people of the reflection period and of the victim permit in their own language. (c) Fund NGO "
        "shelter places where displaced people actually live rather than near the border. (d) Give "
        "labour inspectors the power to inspect recruitment agencies. (e) The team also recommends that "
        "Turkiye extend the initial permit under Article 48 to 90 days; PMM has not yet responded to this "
        "proposal.",
    ),
    ("h", "7. Events and next steps"),
    (
        "p",
        "In March 2023 IOM Turkiye launched a multilingual hotline for Ukrainian and Russian speakers. The "
        "findings were presented at the OSCE Alliance against Trafficking in Persons conference in Vienna on "
        "13-14 April 2023, and a regional round table for Slovakia, Hungary and Poland will be held in Kosice on "
        "19 September 2023.",
    ),
    ("break", ""),
    ("h", "Annex: Contacts"),
    (
        "p",
        "ODIHR Anti-Trafficking Programme, ul. Miodowa 10, 00-251 Warsaw, Poland. Tel. +48 22 520 06 00, "
        "fax +48 22 520 06 05, e-mail trafficking@odihr.pl",
    ),
    ("p", "IOM Slovakia, Grosslingova 4, 811 09 Bratislava. Tel: +421 2 5263 0023, e-mail iom.sk@iom.int"),
    ("p", "Ms. Elif Yilmaz, Counter-Trafficking Officer, IOM Turkiye: eyilmaz@iom.int, +90 312 454 30 00 ext. 1207"),
    (
        "p",
        "Victims in Turkiye can call the Foreigners Communication Centre YIMER on 157, in six languages, "
        "24 hours a day.",
    ),
]


class Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(
            0,
            6,
            "ODIHR / IOM  |  Trafficking risks for people displaced from Ukraine  |  2023",
            new_x="LMARGIN",
            new_y="NEXT",
            align="C",
        )
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def main() -> None:
    pdf = Report(format="A4")
    pdf.set_margins(28, 22, 28)
    pdf.set_auto_page_break(True, margin=24)
    pdf.add_page()
    for kind, text in BLOCKS:
        if kind == "break":
            pdf.add_page()
        elif kind == "title":
            pdf.set_font("Helvetica", "B", 18)
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "sub":
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind in ("h", "h2"):
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12 if kind == "h" else 11)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Times", "", 12)
            pdf.multi_cell(0, 6.2, text, new_x="LMARGIN", new_y="NEXT", align="J")
            pdf.ln(2.5)
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
