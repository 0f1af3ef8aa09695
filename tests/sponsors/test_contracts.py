"""Contract documents: the PDF and DOCX are generated, opened and read back."""

import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from apps.sponsors import contracts
from apps.sponsors.models import LegalClause
from tests.sponsors.factories import sponsorship_with_benefits

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract(program):
    clause = LegalClause.objects.create(internal_name="Marks", clause="The PSF may show the Sponsor's logo.")
    program.logo.legal_clauses.add(clause)
    program.logo.save()
    sponsorship = sponsorship_with_benefits([program.logo, program.passes], package=program.gold)
    return sponsorship.approve(date(2026, 3, 1), date(2027, 2, 28), sponsorship_fee=60000, renewal=True)


def test_pdf_says_what_the_contract_says(contract):
    reader = PdfReader(io.BytesIO(contracts.contract_pdf(contract)))
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in ("Sponsorship Renewal Agreement", contract.sponsorship.sponsor.name, "1 March 2026",
                     "28 February 2027", "US$60,000", "Foundation - Logo on python.org",
                     "PyCon US - Conference passes", "The PSF may show the Sponsor's logo.", "Ada Contact",
                     "Python Software Foundation"):  # fmt: skip
        assert expected in " ".join(text.split()), expected


def test_docx_says_the_same(contract):
    document = Document(io.BytesIO(contracts.contract_docx(contract)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "Sponsorship Renewal Agreement" in text
    assert "Foundation - Logo on python.org" in text and "The PSF may show the Sponsor's logo." in text
    assert "US$60,000 payable within 30 days of the invoice." in text
    assert contract.sponsorship.sponsor.name in cells


def test_preview_views(client, contract, sponsorship_team):
    client.force_login(sponsorship_team)
    pdf = client.get(f"/admin/sponsorships-review/contracts/{contract.pk}/preview.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    docx = client.get(f"/admin/sponsorships-review/contracts/{contract.pk}/preview.docx")
    assert "attachment" in docx["Content-Disposition"]
    assert "Sponsorship" in Document(io.BytesIO(docx.content)).paragraphs[0].text
    assert client.get(f"/admin/sponsorships-review/contracts/{contract.pk}/preview.exe").status_code == 404
