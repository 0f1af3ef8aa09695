"""The demo loader: the real 2022 configuration, the current year cloned, three sponsors in three states."""

from io import StringIO

import pytest
from django.utils import timezone

from apps.sponsors import demo
from apps.sponsors.models import (
    BenefitFeatureConfiguration,
    Contract,
    SponsorAsset,
    Sponsorship,
    SponsorshipBenefit,
    SponsorshipPackage,
    SponsorshipSettings,
)

pytestmark = pytest.mark.django_db


def test_demo_loads_the_real_configuration_and_is_idempotent(data_dir, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load(data_dir, StringIO())
    year = timezone.localdate().year
    assert SponsorshipPackage.objects.filter(year=2022).count() == 11
    assert SponsorshipBenefit.objects.filter(year=2022).count() == 47
    assert BenefitFeatureConfiguration.objects.filter(benefit__year=2022).count() == 78
    assert SponsorshipBenefit.objects.filter(year=year).count() == 47
    assert SponsorshipPackage.objects.get(year=2022, slug="visionary").sponsorship_amount == 150000
    assert SponsorshipSettings.load().current_year == year
    states = dict(Sponsorship.objects.values_list("sponsor__name", "status"))
    assert states == {"Tessellate Analytics": "applied", "Harbourline Cloud": "approved",
                      "Quillfeather Labs": "finalized"}  # fmt: skip
    assert Contract.objects.get(sponsorship__sponsor__name="Harbourline Cloud").status == "draft"
    finalized = Sponsorship.objects.get(status="finalized")
    assert finalized.contract.status == "executed" and finalized.contract.signed_document
    assert SponsorAsset.objects.filter(sponsorship=finalized).exists()
    demo.load(data_dir, StringIO())
    assert SponsorshipBenefit.objects.count() == 94 and Sponsorship.objects.count() == 3
