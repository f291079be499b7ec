"""Writes docs/mexico-migrant-victims-report-2020.pdf (run with a scratch venv holding fpdf2, not factbot's)."""

from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent

PAGES = [
    (
        "1. Introduction and funding",
        [
            "This report reviews the protection offered in 2019 to foreign victims of trafficking in Mexico, most of "
            "them Central American women and children who entered through the southern border states of Chiapas and "
            "Tabasco. It was prepared by the Coalicion Regional contra el Trafico de Mujeres y Ninas (CATWLAC) with "
            "the support of the IOM office in Mexico City.",
            "The Executive Commission for Attention to Victims (CEAV) assigned MXN 38.5 million (USD 2 million) "
            "in 2019 to the Assistance, Aid and Comprehensive Reparation Fund for victims of trafficking. "
            "Of this amount, only "
            "MXN 9.2 million had been paid out to victims by December.",
            "The United States Department of State (J/TIP) awarded USD 750,000 to IOM Mexico for a two-year project "
            "on shelter standards in Chiapas. The Government of Canada contributed CAD 400,000 to UNODC for "
            "training of prosecutors in Tapachula, and the Spanish Agency for International Development "
            "Cooperation (AECID) gave "
            "the Casa del Migrante in Tijuana EUR 120,000 a year for 2019 and 2020.",
            "Shelters say their running costs are about MXN 250,000 per month each; the federal government covers "
            "less than a third of that.",
        ],
    ),
    (
        "2. Immigration status of foreign victims",
        [
            "Article 52, section V of the Migration Law (Ley de Migracion) provides that a foreigner who is identified "
            "as a victim of a crime in Mexico may obtain the status of visitor for humanitarian reasons, which allows "
            "him or her to stay in the country and to work for one year, renewable for further one-year periods.",
            "The General Law to Prevent, Punish and Eradicate Trafficking in Persons (2012), Article 77, requires the "
            "authorities to grant foreign victims a period of at least 30 calendar days to recover and reflect before "
            "deciding whether to take part in the criminal proceedings, and forbids their repatriation during that "
            "period.",
            "The humanitarian visitor card is issued free of charge to victims. After four years of regular stay, the "
            "holder may apply for permanent residence under Article 54 of the Migration Law.",
            "In practice, the National Migration Institute (INM) issued 61 humanitarian visitor cards to trafficking "
            "victims in 2019, against 88 in 2018. Civil society organisations have proposed that the card be extended "
            "automatically for the duration of the trial; Congress has not acted on the proposal.",
        ],
    ),
    (
        "3. Activities and calendar",
        [
            "From 27 to 29 January 2020 the Coalition held a workshop for shelter staff in Tapachula, Chiapas.",
            "IOM and the INM presented the protocol for the identification of victims among migrants on 30 July 2019, "
            "the World Day against Trafficking in Persons, in Mexico City.",
            "The regional conference of the Coalition, originally planned for 22-23 April 2020 in Guatemala City, was "
            "postponed because of the pandemic. A new date has not been fixed.",
            "A national forum on labour trafficking in agriculture will be held in Culiacan, Sinaloa, in October 2020.",
        ],
    ),
    (
        "4. Contacts",
        [
            "CATWLAC regional office: Teresa Ulloa Ziaurriz, Regional Director, Avenida Cuauhtemoc 1236, Colonia Santa "
            "Cruz Atoyac, 03310 Mexico City. Tel. +52 55 5601 4477, e-mail direccion@catwlac.org.",
            "IOM Mexico, Counter-Trafficking Unit: Luis Fernando Ortega, Programme Officer, lortega@iom.int, "
            "+52 55 5536 3922.",
            "National anti-trafficking hotline (Linea Nacional contra la Trata de Personas): "
            "800 5533 000, open 24 hours.",
        ],
    ),
]


class Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, "CATWLAC - Foreign victims of trafficking in Mexico - Report 2020", align="C")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def main() -> None:
    pdf = Report()
    pdf.alias_nb_pages()
    pdf.set_title("Foreign victims of trafficking in Mexico: protection and funding, 2020")
    for n, (title, paras) in enumerate(PAGES):
        pdf.add_page()
        if n == 0:
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 8, "Foreign victims of trafficking in Mexico: protection and funding, 2020")
            pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, title)
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        for para in paras:
            pdf.multi_cell(0, 6, para)
            pdf.ln(3)
    pdf.output(str(HERE / "docs" / "mexico-migrant-victims-report-2020.pdf"))


if __name__ == "__main__":
    main()
