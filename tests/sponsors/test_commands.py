"""Periodic work: asset-due reminders and conference vouchers (the conference API mocked at the HTTP boundary)."""

import io
import json
import urllib.error
from datetime import date, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from apps.mailing.models import EmailLog
from apps.sponsors.models import BenefitFeature, FeatureKind, SponsorAsset
from tests.sponsors.factories import sponsorship_with_benefits

pytestmark = pytest.mark.django_db
VOUCHER_SETTINGS = {"SPONSORS_VOUCHER_API_URL": "https://conference.example.com/api/vouchers/",
                    "SPONSORS_VOUCHER_API_KEY": "secret-key"}  # fmt: skip


@pytest.fixture
def approved(program):
    sponsorship = sponsorship_with_benefits([program.passes, program.booth], package=program.gold)
    sponsorship.approve(date(2026, 1, 1), date(2026, 12, 31))
    soon = timezone.localdate() + timedelta(days=3)
    BenefitFeature.objects.filter(sponsor_benefit__sponsorship=sponsorship, due_date__isnull=False).update(
        due_date=soon
    )
    return sponsorship


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_reminders_dry_run_sends_nothing(approved):
    output = run("send_asset_reminders", "--dry-run")
    assert "would remind contact" in output and "Booth banner" in output and "1 sponsorship would remind" in output
    assert not mail.outbox and not BenefitFeature.objects.filter(reminder_sent_on__isnull=False).exists()


def test_reminders_once_and_only_for_missing_assets(approved):
    SponsorAsset.objects.create(sponsor=approved.sponsor, sponsorship=approved, internal_name="job-fair",
                                kind=FeatureKind.REQUIRED_RESPONSE, response="no")  # fmt: skip
    assert "1 sponsorship reminded" in run("send_asset_reminders")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Booth banner" in body and "Booth description" in body and "Job fair?" not in body
    assert "0 sponsorships reminded" in run("send_asset_reminders")
    assert len(mail.outbox) == 1


def test_reminders_skip_far_away_due_dates(approved):
    assert "0 sponsorships reminded" in run("send_asset_reminders", "--days", "1")


def test_reminders_through_the_queue(approved, rq_queue):
    run("send_asset_reminders")
    assert rq_queue.count("mail") == 1
    rq_queue.run_worker()
    assert EmailLog.objects.filter(template_key="sponsors-asset-reminder", status="sent").count() == 1


def fake_response(payload):
    response = mock.MagicMock()
    response.__enter__.return_value.read.return_value = json.dumps(payload).encode()
    return response


@override_settings(**VOUCHER_SETTINGS)
def test_vouchers_created_once(approved):
    with mock.patch("urllib.request.urlopen", return_value=fake_response({"code": "SPNS-4-XYZ"})) as urlopen:
        assert "1 voucher created" in run("create_conference_vouchers")
        assert "0 vouchers created" in run("create_conference_vouchers")
    request = urlopen.call_args.args[0]
    assert request.full_url == VOUCHER_SETTINGS["SPONSORS_VOUCHER_API_URL"]
    assert request.get_header("Authorization") == "Bearer secret-key"
    assert json.loads(request.data) == {"voucher_type": "SPNS_COMP_", "quantity": 4,
                                        "sponsor_name": approved.sponsor.name, "sponsor_id": approved.pk}  # fmt: skip
    assert SponsorAsset.objects.get(internal_name="full_conference_passes_code").text == "SPNS-4-XYZ"


@override_settings(**VOUCHER_SETTINGS)
def test_vouchers_dry_run_and_failures(approved):
    with mock.patch("urllib.request.urlopen") as urlopen:
        assert "would create 4 × full_conference_passes_code" in run("create_conference_vouchers", "--dry-run")
        urlopen.assert_not_called()
    error = urllib.error.HTTPError("https://conference.example.com/", 500, "boom", {}, io.BytesIO(b""))
    with mock.patch("urllib.request.urlopen", side_effect=error):
        assert "0 vouchers created, 1 failed" in run("create_conference_vouchers")
    assert not SponsorAsset.objects.exists()


def test_vouchers_need_the_settings(approved):
    with mock.patch("urllib.request.urlopen") as urlopen:
        assert "1 failed" in run("create_conference_vouchers")
        urlopen.assert_not_called()


def test_clone_year_command(program):
    assert "6 benefits copied" in run("clone_sponsorship_year", str(program.year), str(program.year + 1))
    assert "0 packages and 0 benefits copied" in run("clone_sponsorship_year", str(program.year),
                                                     str(program.year + 1))  # fmt: skip
