"""The sponsorship and contract state machines: every transition, allowed and refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from apps.sponsors.models import (
    BenefitFeature,
    Contract,
    FeatureKind,
    LegalClause,
    SponsorAsset,
    Sponsorship,
    TransitionNotAllowed,
)
from tests.sponsors.factories import (
    BenefitFactory,
    FeatureConfigFactory,
    PackageFactory,
    SponsorshipFactory,
    pdf_upload,
    sponsorship_with_benefits,
)

pytestmark = pytest.mark.django_db
START, END = date(2026, 1, 1), date(2026, 12, 31)
Status = Sponsorship.Status


@pytest.fixture
def applied():
    package = PackageFactory(name="Maintaining", sponsorship_amount=60000)
    clause = LegalClause.objects.create(internal_name="Trademark", clause="The PSF may use the sponsor's marks.")
    benefit = BenefitFactory(name="Logo on python.org", packages=[package])
    benefit.legal_clauses.add(clause)
    benefit.save()  # parental many-to-many: written on save
    FeatureConfigFactory(benefit=benefit, kind=FeatureKind.LOGO_PLACEMENT, publisher="psf", logo_place="sponsors")
    FeatureConfigFactory(benefit=benefit, kind=FeatureKind.TIERED_QUANTITY, package=package, quantity=3,
                         publisher="", logo_place="")  # fmt: skip
    FeatureConfigFactory(benefit=benefit, kind=FeatureKind.TIERED_QUANTITY, package=PackageFactory(), quantity=9,
                         publisher="", logo_place="")  # fmt: skip
    return sponsorship_with_benefits([benefit], package=package)


def approved_sponsorship(sponsorship):
    sponsorship.approve(START, END)
    sponsorship.refresh_from_db()
    return sponsorship


def test_application_snapshots_features_of_its_package(applied):
    features = BenefitFeature.objects.filter(sponsor_benefit__sponsorship=applied)
    assert sorted((f.kind, f.quantity) for f in features) == [("logo_placement", None), ("tiered_quantity", 3)]


def test_approve_creates_a_draft_contract(applied):
    contract = applied.approve(START, END, sponsorship_fee=55000, renewal=True)
    applied.refresh_from_db()
    assert applied.status == Status.APPROVED and applied.locked and applied.approved_on
    assert (applied.start_date, applied.end_date, applied.sponsorship_fee, applied.renewal) == (START, END, 55000, True)
    assert contract.status == Contract.Status.DRAFT
    assert "Logo on python.org" in contract.benefits_list
    assert "The PSF may use the sponsor's marks." in contract.legal_clauses
    assert "Ada Contact" in contract.sponsor_contact


def test_approve_takes_the_package_fee_by_default(applied):
    applied.approve(START, END)
    assert Sponsorship.objects.get(pk=applied.pk).sponsorship_fee == 60000


def test_approve_refuses_end_before_start(applied):
    with pytest.raises(ValidationError):
        applied.approve(END, START)
    assert Sponsorship.objects.get(pk=applied.pk).status == Status.APPLIED


@pytest.mark.parametrize("state", [Status.APPROVED, Status.REJECTED, Status.FINALIZED])
def test_approve_refused_unless_applied(state):
    sponsorship = SponsorshipFactory(status=state)
    with pytest.raises(TransitionNotAllowed, match="cannot be approved"):
        sponsorship.approve(START, END)
    assert not Contract.objects.exists()


def test_reject(applied):
    applied.reject()
    applied.refresh_from_db()
    assert applied.status == Status.REJECTED and applied.rejected_on and applied.locked


@pytest.mark.parametrize("state", [Status.APPROVED, Status.REJECTED, Status.FINALIZED])
def test_reject_refused_unless_applied(state):
    sponsorship = SponsorshipFactory(status=state)
    with pytest.raises(TransitionNotAllowed, match="cannot be rejected"):
        sponsorship.reject()
    assert Sponsorship.objects.get(pk=sponsorship.pk).status == state


def test_rollback_from_approved_removes_the_draft_contract(applied):
    approved_sponsorship(applied).rollback_to_editing()
    applied.refresh_from_db()
    assert applied.status == Status.APPLIED and not applied.locked and applied.approved_on is None
    assert not Contract.objects.exists()


def test_rollback_from_rejected(applied):
    applied.reject()
    applied.rollback_to_editing()
    assert Sponsorship.objects.get(pk=applied.pk).status == Status.APPLIED


def test_rollback_refused_once_the_contract_is_sent(applied):
    sponsorship = approved_sponsorship(applied)
    sponsorship.contract.send()
    with pytest.raises(TransitionNotAllowed, match="nullify it first"):
        sponsorship.rollback_to_editing()
    assert Sponsorship.objects.get(pk=applied.pk).status == Status.APPROVED


def test_rollback_after_the_contract_was_nullified(applied):
    sponsorship = approved_sponsorship(applied)
    sponsorship.contract.send()
    sponsorship.contract.nullify()
    sponsorship.rollback_to_editing()
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.APPLIED and not sponsorship.locked and not Contract.objects.exists()


@pytest.mark.parametrize("state", [Status.APPLIED, Status.FINALIZED])
def test_rollback_refused_from(state):
    sponsorship = SponsorshipFactory(status=state)
    with pytest.raises(TransitionNotAllowed, match="cannot be rolled back"):
        sponsorship.rollback_to_editing()


def test_lock_and_unlock(applied):
    applied.lock()
    assert Sponsorship.objects.get(pk=applied.pk).locked
    with pytest.raises(TransitionNotAllowed, match="already locked"):
        applied.lock()
    applied.unlock()
    assert not Sponsorship.objects.get(pk=applied.pk).locked
    with pytest.raises(TransitionNotAllowed, match="not locked"):
        applied.unlock()


def test_unlock_refused_when_finalized():
    sponsorship = SponsorshipFactory(status=Status.FINALIZED, locked=True)
    with pytest.raises(TransitionNotAllowed, match="stays locked"):
        sponsorship.unlock()


def test_contract_send_execute_finalizes_and_locks(applied):
    sponsorship = approved_sponsorship(applied)
    sponsorship.unlock()
    contract = sponsorship.contract
    contract.send()
    assert contract.status == Contract.Status.AWAITING_SIGNATURE and contract.sent_on and contract.revision == 1
    contract.execute(pdf_upload())
    sponsorship.refresh_from_db()
    contract.refresh_from_db()
    assert contract.status == Contract.Status.EXECUTED and contract.signed_document
    assert sponsorship.status == Status.FINALIZED and sponsorship.locked and sponsorship.finalized_on


def test_send_refused_unless_draft(applied):
    contract = approved_sponsorship(applied).contract
    contract.send()
    with pytest.raises(TransitionNotAllowed, match="awaiting signature cannot be sent"):
        contract.send()


def test_execute_refused_from_draft(applied):
    contract = approved_sponsorship(applied).contract
    with pytest.raises(TransitionNotAllowed, match="draft cannot be executed"):
        contract.execute(pdf_upload())
    assert Sponsorship.objects.get(pk=applied.pk).status == Status.APPROVED


def test_execute_refuses_a_non_pdf(applied):
    contract = approved_sponsorship(applied).contract
    contract.send()
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        contract.execute(SimpleUploadedFile("signed.pdf", b"not a pdf"))
    assert Contract.objects.get(pk=contract.pk).status == Contract.Status.AWAITING_SIGNATURE


def test_nullify_from_draft_and_awaiting_then_redraft(applied):
    contract = approved_sponsorship(applied).contract
    contract.nullify()
    assert Contract.objects.get(pk=contract.pk).status == Contract.Status.NULLIFIED
    redrafted = contract.redraft()
    assert redrafted.pk == contract.pk and redrafted.status == Contract.Status.DRAFT
    redrafted.send()
    redrafted.nullify()
    assert Contract.objects.get(pk=contract.pk).status == Contract.Status.NULLIFIED


def test_nullify_refused_when_executed(applied):
    contract = approved_sponsorship(applied).contract
    contract.send()
    contract.execute(pdf_upload())
    with pytest.raises(TransitionNotAllowed, match="executed cannot be nullified"):
        contract.nullify()


def test_redraft_refused_unless_nullified(applied):
    contract = approved_sponsorship(applied).contract
    with pytest.raises(TransitionNotAllowed, match="cannot be redrafted"):
        contract.redraft()


def test_approve_with_signed_contract_finalizes(applied):
    contract = applied.approve_with_signed_contract(pdf_upload(), START, END)
    applied.refresh_from_db()
    assert contract.status == Contract.Status.EXECUTED
    assert applied.status == Status.FINALIZED and applied.locked


def test_approve_with_signed_contract_refused_unless_applied():
    sponsorship = SponsorshipFactory(status=Status.REJECTED)
    with pytest.raises(TransitionNotAllowed):
        sponsorship.approve_with_signed_contract(pdf_upload(), START, END)
    assert not Contract.objects.exists()


def test_finalize_marks_older_overlapping_sponsorships(applied):
    older = SponsorshipFactory(sponsor=applied.sponsor, status=Status.FINALIZED, start_date=date(2025, 6, 1),
                               end_date=date(2026, 5, 31))  # fmt: skip
    unrelated = SponsorshipFactory(status=Status.FINALIZED, start_date=date(2025, 6, 1), end_date=date(2026, 5, 31))
    contract = approved_sponsorship(applied).contract
    contract.send()
    contract.execute(pdf_upload())
    older.refresh_from_db()
    unrelated.refresh_from_db()
    assert older.overlapped_by_id == applied.pk and older.is_overlapped
    assert unrelated.overlapped_by_id is None
    assert list(Sponsorship.objects.filter(sponsor=applied.sponsor).enabled()) == [applied]


def test_mark_overlapped_refused(applied):
    with pytest.raises(TransitionNotAllowed, match="cannot be marked as overlapped"):
        applied.mark_overlapped(SponsorshipFactory(sponsor=applied.sponsor))
    finalized = SponsorshipFactory(status=Status.FINALIZED)
    with pytest.raises(TransitionNotAllowed, match="same sponsor"):
        finalized.mark_overlapped(applied)


def test_finalize_refused_unless_approved(applied):
    with pytest.raises(TransitionNotAllowed, match="cannot be finalized"):
        applied.finalize()


def test_needing_assets_query():
    benefit = BenefitFactory()
    FeatureConfigFactory(benefit=benefit, kind=FeatureKind.REQUIRED_TEXT, internal_name="blurb", label="Blurb",
                         related_to="sponsorship", publisher="", logo_place="")  # fmt: skip
    waiting = sponsorship_with_benefits([benefit])
    done = sponsorship_with_benefits([benefit])
    SponsorAsset.objects.create(sponsor=done.sponsor, sponsorship=done, internal_name="blurb",
                                kind=FeatureKind.REQUIRED_TEXT, text="We love Python.")  # fmt: skip
    assert list(Sponsorship.objects.needing_assets()) == [waiting]


def test_push_benefit_changes_to_open_sponsorships(applied):
    benefit = applied.benefits.get().sponsorship_benefit
    finalized = sponsorship_with_benefits([benefit], status=Status.FINALIZED, locked=True)
    benefit.name = "Logo on python.org, larger"
    benefit.save()
    FeatureConfigFactory(benefit=benefit, kind=FeatureKind.EMAIL_TARGETABLE, publisher="", logo_place="")
    assert benefit.push_to_sponsorships() == 1
    held = applied.benefits.get()
    assert held.name == "Logo on python.org, larger"
    assert held.features.filter(kind=FeatureKind.EMAIL_TARGETABLE).exists()
    assert finalized.benefits.get().name == "Logo on python.org"


def test_a_text_asset_without_a_length_of_its_own_is_still_bounded():
    from apps.sponsors.forms import TEXT_ASSET_MAX_LENGTH, AssetForm

    feature = FeatureConfigFactory(benefit=BenefitFactory(), kind=FeatureKind.REQUIRED_TEXT, internal_name="blurb",
                                   label="Blurb", related_to="sponsorship", publisher="", logo_place="")  # fmt: skip
    form = AssetForm({"blurb": "x" * 100_000}, features=[feature], assets={})
    assert not form.is_valid()
    assert f"at most {TEXT_ASSET_MAX_LENGTH:,}".replace(",", "") in form.errors["blurb"][0].replace(",", "")
