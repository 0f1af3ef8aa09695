"""Contract documents: the agreement as PDF (WeasyPrint, from an HTML template) and DOCX (python-docx).

Both are built from the same ``contract_sections`` so the two files always say the same thing.
"""

import io
import re

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify

PSF_NAME = "Python Software Foundation"
PSF_ADDRESS = "9450 SW Gemini Dr. ECM# 90772, Beaverton, OR 97008, USA"
PDF_MIMETYPE = "application/pdf"
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def markdown_items(text):
    """The items of a Markdown bullet list (one per "- " line; other lines continue the item)."""
    items = []
    for line in text.splitlines():
        stripped = line.strip()
        if re.match(r"^[-*] ", stripped):
            items.append(stripped[2:].strip())
        elif stripped and items:
            items[-1] += " " + stripped
        elif stripped:
            items.append(stripped)
    return items


def when(day):
    return date_format(day, "j F Y") if day else "to be agreed"


def contract_sections(contract):
    sponsorship = contract.sponsorship
    fee = sponsorship.sponsorship_fee
    title = "Sponsorship Renewal Agreement" if sponsorship.renewal else "Sponsorship Agreement"
    level = sponsorship.level_name or "custom"
    return {
        "title": title,
        "sponsor_name": sponsorship.sponsor.name,
        "intro": (
            f"This agreement is made between the {PSF_NAME} (the “PSF”), {PSF_ADDRESS}, and "
            f"{contract.sponsor_info} (the “Sponsor”)."
        ),
        "terms": [
            ("Term", f"From {when(sponsorship.start_date)} to {when(sponsorship.end_date)}."),
            ("Sponsorship level", f"{level} ({sponsorship.year})."),
            (
                "Sponsorship fee",
                f"US${fee:,} payable within 30 days of the invoice."
                if fee is not None
                else "As agreed in writing with the PSF.",
            ),
            ("Sponsor contact", contract.sponsor_contact or "The Sponsor's primary contact."),
        ],
        "benefits": markdown_items(contract.benefits_list),
        "clauses": markdown_items(contract.legal_clauses),
        "renewal": sponsorship.renewal,
        "revision": contract.revision,
        "generated": date_format(timezone.localdate(), "j F Y"),
    }


def contract_pdf(contract):
    import weasyprint

    html = render_to_string("sponsors/contract.html", {"contract": contract, **contract_sections(contract)})
    return weasyprint.HTML(string=html).write_pdf()


def contract_docx(contract):
    from docx import Document
    from docx.shared import Pt

    sections = contract_sections(contract)
    document = Document()
    document.styles["Normal"].font.name = "Helvetica"
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(sections["title"], level=0)
    document.add_paragraph(sections["intro"])
    document.add_heading("Terms", level=1)
    for label, text in sections["terms"]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)
    document.add_heading("Benefits", level=1)
    document.add_paragraph("The PSF will provide the Sponsor with the following benefits:")
    for item in sections["benefits"]:
        document.add_paragraph(item, style="List Bullet")
    if sections["clauses"]:
        document.add_heading("Legal clauses", level=1)
        for item in sections["clauses"]:
            document.add_paragraph(item, style="List Number")
    document.add_heading("Signatures", level=1)
    table = document.add_table(rows=4, cols=2)
    for column, party in enumerate((PSF_NAME, sections["sponsor_name"])):
        table.cell(0, column).text = party
        table.cell(1, column).text = "Signature: ______________________"
        table.cell(2, column).text = "Name and title: _________________"
        table.cell(3, column).text = "Date: ___________________________"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_stem(contract):
    return f"contract-{slugify(contract.sponsorship.sponsor.name)}-{contract.sponsorship.year}"


def render_documents(contract, final=False):
    """{"document": PDF, "document_docx": DOCX} as files ready for ``Contract.send``."""
    stem = file_stem(contract) + ("" if final else "-draft")
    return {
        "document": ContentFile(contract_pdf(contract), name=f"{stem}.pdf"),
        "document_docx": ContentFile(contract_docx(contract), name=f"{stem}.docx"),
    }
