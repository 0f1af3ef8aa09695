"""Staff workflow in the Wagtail admin: review queue, transitions, contracts, notifications, exports."""

import io
import zipfile

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from apps.mailing.emails import resend
from apps.mailing.models import EmailLog
from apps.sponsors.models import Contract, FeatureKind, SponsorAsset, Sponsorship, SponsorshipBenefit
from tests.mailing.test_mailing import BROKEN_SMTP
from tests.sponsors.factories import BenefitFactory, ContactFactory, pdf_upload, sponsorship_with_benefits

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(program):
    return sponsorship_with_benefits([program.logo, program.passes, program.booth], package=program.gold)


@pytest.fixture
def staff(client, sponsorship_team):
    client.force_login(sponsorship_team)
    return client


def url(name, *args):
    return reverse(f"sponsors_admin:{name}", args=args)


APPROVAL = {"start_date": "2026-01-01", "end_date": "2026-12-31", "sponsorship_fee": "58000"}


def test_dashboard_counts_and_queue(staff, applied):
    html = staff.get("/admin/").content.decode()
    assert "1 application waits for review." in html
    assert "1 sponsorship misses required assets." in html
    queue = staff.get(reverse("wagtailsnippets_sponsors_sponsorship:list") + "?status=applied")
    assert applied.sponsor.name in queue.content.decode()


@pytest.mark.parametrize(("query", "shown"), [
    ("status=approved", False), ("status=applied", True), ("needs_assets=true", True), ("needs_assets=false", False),
    ("year=2020", False), ("q=Acme", True),
])  # fmt: skip
def test_sponsorship_filters(staff, applied, query, shown):
    response = staff.get(reverse("wagtailsnippets_sponsors_sponsorship:list") + f"?{query}")
    assert response.status_code == 200
    assert (str(applied) in response.content.decode()) is shown


def test_review_page(staff, applied):
    html = staff.get(url("review", applied.pk)).content.decode()
    assert "Approve and draft the contract" in html and "Booth banner" in html and "missing" in html


@pytest.mark.parametrize("extra", [0, 40])
def test_review_page_query_budget(staff, program, django_assert_max_num_queries, extra):
    benefits = [program.logo, program.passes, program.booth]
    for n in range(extra):
        benefit = BenefitFactory(name=f"Extra {n}", packages=[program.gold])
        benefit.features.create(kind=FeatureKind.REQUIRED_TEXT, internal_name=f"text-{n}", label=f"Text {n}",
                                related_to="sponsorship")  # fmt: skip
        benefits.append(benefit)
    sponsorship = sponsorship_with_benefits(benefits, package=program.gold)
    staff.get(url("review", sponsorship.pk))
    with django_assert_max_num_queries(30):
        assert staff.get(url("review", sponsorship.pk)).status_code == 200
    with django_assert_max_num_queries(30):
        assert staff.get(reverse("wagtailsnippets_sponsors_sponsorship:edit", args=[sponsorship.pk])).status_code == 200


def test_approve(staff, applied):
    response = staff.post(url("approve", applied.pk), {**APPROVAL, "renewal": "on"})
    assert response.status_code == 302
    applied.refresh_from_db()
    assert applied.status == "approved" and applied.sponsorship_fee == 58000 and applied.renewal
    assert applied.contract.status == Contract.Status.DRAFT


def test_approve_twice_is_refused_with_a_message(staff, applied):
    staff.post(url("approve", applied.pk), APPROVAL)
    response = staff.post(url("approve", applied.pk), {**APPROVAL, "sponsorship_fee": "1"})
    assert response.status_code == 400
    assert "A sponsorship that is approved cannot be approved." in response.content.decode()
    assert Sponsorship.objects.get(pk=applied.pk).sponsorship_fee == 58000


def test_approve_with_bad_dates(staff, applied):
    response = staff.post(url("approve", applied.pk), {"start_date": "2026-12-31", "end_date": "2026-01-01"})
    assert response.status_code == 400 and "end date must be after" in response.content.decode()
    assert Sponsorship.objects.get(pk=applied.pk).status == "applied"


def test_reject_emails_the_contacts(staff, applied):
    assert staff.post(url("reject", applied.pk)).status_code == 302
    assert Sponsorship.objects.get(pk=applied.pk).status == "rejected"
    assert [m.subject for m in mail.outbox] == ["Your PSF sponsorship application"]


def test_rollback_lock_unlock(staff, applied):
    staff.post(url("approve", applied.pk), APPROVAL)
    assert staff.post(url("rollback", applied.pk)).status_code == 302
    applied.refresh_from_db()
    assert applied.status == "applied" and not applied.locked and not Contract.objects.exists()
    staff.post(url("lock", applied.pk))
    assert Sponsorship.objects.get(pk=applied.pk).locked
    assert staff.post(url("lock", applied.pk)).status_code == 400
    staff.post(url("unlock", applied.pk))
    assert not Sponsorship.objects.get(pk=applied.pk).locked


def test_contract_send_execute(staff, applied):
    staff.post(url("approve", applied.pk), APPROVAL)
    contract = Contract.objects.get()
    response = staff.post(url("contract_update", contract.pk), {
        "sponsor_info": "Acme Inc, Portland", "sponsor_contact": "Ada", "benefits_list": "- Logo\n- Booth",
        "legal_clauses": ""})  # fmt: skip
    assert response.status_code == 302 and Contract.objects.get().benefits_list == "- Logo\n- Booth"
    assert staff.post(url("contract_send", contract.pk)).status_code == 302
    contract.refresh_from_db()
    assert contract.status == Contract.Status.AWAITING_SIGNATURE
    assert contract.document.name.endswith(".pdf") and contract.document_docx.name.endswith(".docx")
    sent = next(m for m in mail.outbox if m.subject.startswith("Contract sent for signature"))
    assert sent.to == ["sponsors@python.org"]
    assert sent.attachments[0][0].endswith(".pdf") and sent.attachments[0][1].startswith(b"%PDF-")
    # Editing a sent contract is refused.
    assert staff.post(url("contract_update", contract.pk), {"sponsor_info": "x"}).status_code == 400
    bad = staff.post(url("contract_execute", contract.pk), {"signed_document": io.BytesIO(b"not a pdf")})
    assert bad.status_code == 400 and Contract.objects.get().status == Contract.Status.AWAITING_SIGNATURE
    response = staff.post(url("contract_execute", contract.pk), {"signed_document": pdf_upload()})
    assert response.status_code == 302
    applied.refresh_from_db()
    assert applied.status == "finalized" and applied.locked
    assert staff.post(url("contract_nullify", contract.pk)).status_code == 400


def test_contract_sent_while_the_mail_server_is_down_is_logged_for_resend(staff, applied):
    staff.post(url("approve", applied.pk), APPROVAL)
    contract = Contract.objects.get()
    with override_settings(MAILERS=BROKEN_SMTP):
        assert staff.post(url("contract_send", contract.pk)).status_code == 302
    contract.refresh_from_db()
    assert contract.status == Contract.Status.AWAITING_SIGNATURE
    log = EmailLog.objects.get(template_key="sponsors-contract-sent-to-psf")
    assert log.status == "failed" and log.attachments[0]["path"] == contract.document.name
    resend(log)
    sent = next(m for m in mail.outbox if m.subject.startswith("Contract sent for signature"))
    assert sent.attachments[0][1].startswith(b"%PDF-")


def test_contract_send_from_wrong_state(staff, applied):
    staff.post(url("approve", applied.pk), APPROVAL)
    contract = Contract.objects.get()
    staff.post(url("contract_nullify", contract.pk))
    response = staff.post(url("contract_send", contract.pk))
    assert response.status_code == 400 and "nullified cannot be sent" in response.content.decode()
    assert staff.post(url("contract_redraft", contract.pk)).status_code == 302
    assert Contract.objects.get().status == Contract.Status.DRAFT


def test_approve_with_signed_contract(staff, applied):
    response = staff.post(url("approve_signed", applied.pk), {**APPROVAL, "signed_contract": pdf_upload()})
    assert response.status_code == 302
    applied.refresh_from_db()
    assert applied.status == "finalized" and applied.contract.status == Contract.Status.EXECUTED


def test_actions_need_the_review_permission(client, editor, applied):
    client.force_login(editor)
    # The Wagtail admin turns PermissionDenied into a redirect to the dashboard with an error message.
    assert client.post(url("approve", applied.pk), APPROVAL)["Location"] == "/admin/"
    assert client.get(url("review", applied.pk))["Location"] == "/admin/"
    assert Sponsorship.objects.get(pk=applied.pk).status == "applied"


def test_actions_are_post_only_and_404_for_unknown(staff, applied):
    assert staff.get(url("approve", applied.pk)).status_code == 405
    assert staff.post(url("approve", 999999), APPROVAL).status_code == 404


def test_notification_preview_and_send(staff, applied):
    ContactFactory(sponsor=applied.sponsor, primary=False, accounting=True, email="money@acme.example.com")
    from apps.mailing.models import EmailTemplate

    template = EmailTemplate.objects.get(key="sponsors-notification-welcome")
    data = {"id": [applied.pk], "template": template.pk, "contact_types": ["accounting"]}
    preview = staff.post(url("notify"), {**data, "action": "preview"})
    assert preview.status_code == 200 and "Welcome to the PSF sponsorship program" in preview.content.decode()
    assert not mail.outbox
    assert staff.post(url("notify"), {**data, "action": "send"}).status_code == 302
    assert [m.to for m in mail.outbox] == [["money@acme.example.com"]]
    assert staff.post(url("notify"), {"template": template.pk, "contact_types": ["primary"]}).status_code == 400


def test_assets_zip_export(staff, applied):
    SponsorAsset.objects.create(sponsor=applied.sponsor, sponsorship=applied, internal_name="booth-blurb",
                                kind=FeatureKind.REQUIRED_TEXT, text="We build rockets.")  # fmt: skip
    SponsorAsset.objects.create(sponsor=applied.sponsor, sponsorship=applied, internal_name="job-fair",
                                kind=FeatureKind.REQUIRED_RESPONSE)  # fmt: skip
    response = staff.get(url("assets_zip") + "?kind=required_text")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist() == [f"{applied.sponsor.slug}/booth-blurb.txt"]
    assert archive.read(archive.namelist()[0]) == b"We build rockets."
    listing = staff.get(reverse("wagtailsnippets_sponsors_sponsorasset:list") + "?has_value=false")
    assert "job-fair" in listing.content.decode() and "booth-blurb" not in listing.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_sponsorship_export(staff, applied, fmt):
    response = staff.get(reverse("wagtailsnippets_sponsors_sponsorship:list") + f"?export={fmt}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        assert applied.sponsor.name in content.decode()
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        assert applied.sponsor.name in [cell.value for cell in sheet["A"]]


def test_clone_year_admin_action(staff, program):
    response = staff.post(url("clone_year"), {"from_year": program.year, "to_year": program.year + 1})
    assert response.status_code == 302
    clone = SponsorshipBenefit.objects.get(year=program.year + 1, name="Expo hall booth")
    assert [c.name for c in clone.conflicts.all()] == ["Startup row table"]
    assert clone.features.count() == 3 and clone.features.get(kind="required_image").due_date.year == program.year + 1
    assert staff.post(url("clone_year"), {"from_year": 2030, "to_year": 2031}).status_code == 400


def test_push_benefit_configuration(staff, applied, program):
    program.booth.name = "Expo hall booth (10×10)"
    program.booth.save()
    assert staff.get(url("push_benefit", program.booth.pk)).status_code == 200
    assert staff.post(url("push_benefit", program.booth.pk)).status_code == 302
    assert applied.benefits.filter(name="Expo hall booth (10×10)").exists()


def test_assets_filtered_by_benefit(staff, applied, program):
    other = sponsorship_with_benefits([program.table])
    other.benefits.get().features.create(kind=FeatureKind.REQUIRED_TEXT, internal_name="booth-blurb",
                                         label="Table text", related_to="sponsorship")  # fmt: skip
    for sponsorship in (applied, other):
        SponsorAsset.objects.create(sponsor=sponsorship.sponsor, sponsorship=sponsorship, internal_name="booth-blurb",
                                    kind=FeatureKind.REQUIRED_TEXT, text=f"Text of {sponsorship.pk}")  # fmt: skip
    listing = staff.get(reverse("wagtailsnippets_sponsors_sponsorasset:list") + f"?benefit={program.booth.pk}")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert str(applied) in html and str(other) not in html
    archive = zipfile.ZipFile(io.BytesIO(staff.get(url("assets_zip") + f"?benefit={program.booth.pk}").content))
    assert archive.namelist() == [f"{applied.sponsor.slug}/booth-blurb.txt"]
    assert staff.get(url("assets_zip") + "?kind=nonsense").status_code == 400


def test_export_selected_assets_as_zip(staff, applied):
    chosen, skipped = (SponsorAsset.objects.create(sponsor=applied.sponsor, sponsorship=applied, internal_name=name,
                                                   kind=FeatureKind.REQUIRED_TEXT, text=name)
                       for name in ("booth-blurb", "other-text"))  # fmt: skip
    listing = staff.get(reverse("wagtailsnippets_sponsors_sponsorasset:list")).content.decode()
    assert "Export as ZIP" in listing and "/admin/bulk/sponsors/sponsorasset/export_zip/" in listing
    response = staff.get(f"/admin/bulk/sponsors/sponsorasset/export_zip/?id={chosen.pk}")
    assert response.status_code == 302
    archive = zipfile.ZipFile(io.BytesIO(staff.get(response["Location"]).content))
    assert archive.namelist() == [f"{applied.sponsor.slug}/booth-blurb.txt"]
    assert staff.get(url("assets_zip") + "?id=1e9").status_code == 400


def test_contract_text_cannot_change_once_sent_even_from_the_contract_list(staff, applied):
    staff.post(url("approve", applied.pk), APPROVAL)
    contract = Contract.objects.get()
    edit = reverse("wagtailsnippets_sponsors_contract:edit", args=[contract.pk])
    data = {"sponsor_info": "Acme Inc, Portland", "sponsor_contact": "Ada", "benefits_list": "- Logo"}
    assert staff.post(edit, data).status_code == 302  # a draft can be edited here
    assert Contract.objects.get().sponsor_info == "Acme Inc, Portland"
    staff.post(url("contract_send", contract.pk))
    for method in (staff.get, staff.post):
        response = method(edit, {**data, "sponsor_info": "Changed after sending"})
        assert response.status_code == 400 and "awaiting signature cannot be edited" in response.content.decode()
    assert Contract.objects.get().sponsor_info == "Acme Inc, Portland"


def test_notify_the_sponsorships_ticked_in_the_listing(staff, applied, program):
    other = sponsorship_with_benefits([program.table])
    listing = staff.get(reverse("wagtailsnippets_sponsors_sponsorship:list")).content.decode()
    assert "/admin/bulk/sponsors/sponsorship/notify/" in listing
    response = staff.get(f"/admin/bulk/sponsors/sponsorship/notify/?id={applied.pk}")
    assert response.status_code == 302
    page = staff.get(response["Location"]).content.decode()
    assert f'value="{applied.pk}" id="notify-{applied.pk}" checked' in page and str(other) not in page
