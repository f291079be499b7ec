"""Generate docs/nigeria-germany-victims-report-2022.pdf (needs fpdf2 in a scratch venv, not a factbot dependency).

python3 -m venv /tmp/pdfvenv && /tmp/pdfvenv/bin/pip install fpdf2
/tmp/pdfvenv/bin/python bench/heldout3/make_pdf.py
"""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent / "docs" / "nigeria-germany-victims-report-2022.pdf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

TITLE = "From Benin City to Berlin: Protection of Nigerian Victims of Trafficking in Germany"
SUBTITLE = "Annual monitoring report 2022 - Federal Coalition against Trafficking in Women (FCTW), with IOM Nigeria"

SECTIONS = [
    (
        "Summary",
        [
            "Nigerian women and girls remain the largest group of non-EU victims identified by "
            "specialised counselling centres in Germany. In 2022 our member centres supported 412 "
            "Nigerian nationals, most of whom had arrived through Italy or Spain and many of whom were "
            "already in asylum proceedings. This report describes the protection that German law offers"
            " them, how it is applied, who funds the support, and what happened during the year.",
        ],
    ),
    (
        "1. What the law provides",
        [
            "Reflection period. Under Section 59(7) of the Residence Act, the foreigners authority sets"
            " a period of at least three months for a presumed victim to decide whether to testify, "
            "during which the person may not be deported. The period is granted once the authority has "
            "concrete indications that the person is a victim.",
            "Residence permit for victims who testify. A victim who is willing to give evidence in "
            "criminal proceedings, and who has broken off contact with the suspects, is to be granted a"
            " temporary residence permit under Section 25(4a) of the Residence Act. The permit is "
            "issued for one year and extended by two years at a time if the proceedings continue; since"
            " 2015 it can also be extended after the proceedings end on humanitarian or personal "
            "grounds.",
            "Labour exploitation. Section 25(4b) of the Residence Act allows a temporary residence "
            "permit for victims of labour exploitation who testify against their employer, for the "
            "length of the proceedings.",
            "Settlement. After five years with a residence permit on these grounds a victim may obtain "
            "a settlement permit (permanent residence) under Section 26(4) of the Residence Act, if he "
            "or she can support himself or herself. The fee for a Section 25(4a) permit is EUR 100, but"
            " many foreigners authorities waive it for victims.",
            "How it works in practice. Only 34 permits under Section 25(4a) were issued to Nigerian "
            "nationals in 2022, and our centres know of no case in which a Section 25(4b) permit went "
            "to a Nigerian victim. Most Nigerian victims instead rely on asylum: the Federal Office for"
            " Migration and Refugees recognised 118 of them as refugees. The Coalition proposes a "
            "permit that does not depend on testimony, as in Italy; the coalition agreement of 2021 "
            "mentions it but no bill has been tabled.",
        ],
    ),
    (
        "2. Funding",
        [
            "The Federal Ministry for Family Affairs, Senior Citizens, Women and Youth (BMFSFJ) funds "
            "the Coalition's federal office with \u20ac1.15 million a year. The Land of North Rhine-"
            "Westphalia pays its eight specialised counselling centres a combined \u20ac2.9 million a year, "
            "the largest regional contribution in Germany.",
            "The EU Asylum, Migration and Integration Fund (AMIF) granted EUR 640,000 for 2021-2023 to "
            "a joint project of the Coalition and IOM Nigeria on safe return and reintegration. The US "
            "Department of State gave US$ 900,000 to IOM Nigeria for the same purpose in Edo State.",
            "In Nigeria, the National Agency for the Prohibition of Trafficking in Persons (NAPTIP) "
            "received NGN 45 million (about EUR 98,000) from the Federal Government for its Lagos "
            "shelter in 2022. Returnees in the reintegration programme receive a start-up grant worth "
            "EUR 1,500 in kind.",
            "Our counselling centres estimate that they would need about EUR 4 million a year more to "
            "meet demand; this gap is not funded.",
        ],
    ),
    (
        "3. Events of the year",
        [
            "On 25 and 26 January 2022 the Coalition held its annual conference in Berlin, with "
            "speakers from NAPTIP and the Italian Numero Verde.",
            "Between 14 and 16 March 2022 a NAPTIP delegation led by its Director-General visited "
            "Berlin and Cologne to meet police, prosecutors and counselling centres.",
            "On 30 July 2022, the World Day against Trafficking in Persons, member centres organised "
            "street actions in twelve cities.",
            "In October 2022 IOM Nigeria and the Coalition opened a joint referral desk in Benin City.",
            "A follow-up workshop with prosecutors from Edo State is planned for 21 November in Frankfurt am Main.",
            "Applications for the 2023 small-projects fund must reach the federal office by 15 December 2022.",
        ],
    ),
    (
        "4. Contacts",
        [
            "Federal Coalition against Trafficking in Women (FCTW), Federal Office, Kurfuerstenstrasse "
            "120, 10785 Berlin, Germany. Tel. +49 30 2639 1176, fax +49 30 2639 1186, info@fctw-"
            "germany.de",
            "Dr. Ngozi Okafor, Senior Adviser for West Africa, FCTW: n.okafor@fctw-germany.de, mobile "
            "+49 151 2345 6789",
            "NAPTIP Lagos Zonal Command, 2 Ikorodu Road, Lagos. Hotline +234 703 000 0203",
            "IOM Nigeria, Abuja: iomnigeria@iom.int, +234 9 290 6421. On X: @IOMNigeria",
        ],
    ),
]


class Report(FPDF):
    def header(self) -> None:
        self.set_font("dv", "", 8)
        self.cell(0, 6, "FCTW \u00b7 Nigerian victims in Germany \u00b7 Monitoring report 2022", align="R")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("dv", "", 8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def main() -> None:
    pdf = Report(format="A4")
    pdf.add_font("dv", "", FONT)
    pdf.add_font("dv", "B", BOLD)
    pdf.set_title(TITLE)
    pdf.set_author("Federal Coalition against Trafficking in Women")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    pdf.set_font("dv", "B", 15)
    pdf.multi_cell(0, 8, TITLE)
    pdf.ln(2)
    pdf.set_font("dv", "", 10)
    pdf.multi_cell(0, 6, SUBTITLE)
    pdf.ln(6)
    for i, (head, paras) in enumerate(SECTIONS):
        if i == 3:
            pdf.add_page()
        pdf.set_font("dv", "B", 12)
        pdf.multi_cell(0, 7, head)
        pdf.ln(1)
        pdf.set_font("dv", "", 11)
        for p in paras:
            pdf.multi_cell(0, 6.2, p)
            pdf.ln(3)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
