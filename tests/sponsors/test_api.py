"""The sponsor API (logo placements, sponsorship assets): permissions and python.org's JSON shape."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission

from apps.sponsors.models import FeatureKind, SponsorAsset
from apps.users.models import ApiCredential
from tests.conftest import staff_member
from tests.sponsors.factories import pdf_upload, png_upload, sponsorship_with_benefits

pytestmark = pytest.mark.django_db
PLACEMENTS = "/api/v2/sponsors/logo-placement/"
ASSETS = "/api/v2/sponsors/sponsorship-assets/"


@pytest.fixture
def finalized(program):
    sponsorship = sponsorship_with_benefits([program.logo, program.passes], package=program.gold)
    contract = sponsorship.approve(date(2026, 1, 1), date(2099, 12, 31))
    contract.send()
    contract.execute(pdf_upload())
    sponsorship.refresh_from_db()
    return sponsorship


@pytest.fixture
def token(db):
    user = staff_member("pypi-bot", "Sponsorship team")
    credential, _ = ApiCredential.objects.get_or_create(user=user)
    return f"Token {credential.regenerate_token()}"


def test_anonymous_and_bad_token_refused(client, finalized):
    assert client.get(PLACEMENTS).status_code == 401
    assert client.get(PLACEMENTS, HTTP_AUTHORIZATION="Token nope").status_code == 401
    assert client.get(ASSETS + "?internal_name=x").status_code == 401


def test_logged_in_user_without_permission_refused(client, user, finalized):
    client.force_login(user)
    assert client.get(PLACEMENTS).status_code == 403


def test_sponsor_publisher_permission_allows(client, user, finalized):
    user.user_permissions.add(Permission.objects.get(codename="sponsor_publisher"))
    client.force_login(user)
    assert client.get(PLACEMENTS).status_code == 200


def test_logo_placements_shape_and_filters(client, token, finalized):
    response = client.get(PLACEMENTS, HTTP_AUTHORIZATION=token)
    assert response.status_code == 200
    rows = response.json()
    assert {(r["publisher"], r["flight"]) for r in rows} == {
        ("psf", "sponsors"),
        ("psf", "download"),
        ("pypi", "sidebar"),
    }
    row = next(r for r in rows if r["publisher"] == "pypi")
    sponsor = finalized.sponsor
    assert set(row) == {
        "publisher",
        "flight",
        "sponsor",
        "sponsor_id",
        "sponsor_slug",
        "description",
        "logo",
        "white_logo",
        "start_date",
        "end_date",
        "sponsor_url",
        "level_name",
        "level_order",
        "contacts",
    }
    assert row["white_logo"] is None
    primary = sponsor.contacts.get(primary=True)
    assert {"name": primary.name, "email": primary.email, "primary": True, "administrative": primary.administrative,
            "accounting": primary.accounting, "manager": primary.manager} in row["contacts"]  # fmt: skip
    assert row["sponsor"] == sponsor.name and row["sponsor_id"] == str(sponsor.pk) and row["level_name"] == "Gold"
    assert row["description"] == f"{sponsor.name} is a Gold sponsor of the Python Software Foundation."
    assert row["sponsor_url"] == f"http://testserver/psf/sponsors/#{sponsor.slug}"
    assert row["logo"].startswith("http://testserver/media/") and row["start_date"] == "2026-01-01"
    pypi = client.get(PLACEMENTS + "?publisher=pypi", HTTP_AUTHORIZATION=token).json()
    assert [(r["publisher"], r["flight"]) for r in pypi] == [("pypi", "sidebar")]
    assert len(client.get(PLACEMENTS + "?flight=download", HTTP_AUTHORIZATION=token).json()) == 1
    assert client.get(PLACEMENTS + "?year=2020", HTTP_AUTHORIZATION=token).json() == []


def test_bad_filters_are_400(client, token, finalized):
    assert client.get(PLACEMENTS + "?publisher=nasa", HTTP_AUTHORIZATION=token).status_code == 400
    assert client.get(PLACEMENTS + "?year=soon", HTTP_AUTHORIZATION=token).status_code == 400
    assert client.get(ASSETS, HTTP_AUTHORIZATION=token).status_code == 400


def test_sponsorship_assets(client, token, finalized):
    SponsorAsset.objects.create(sponsor=finalized.sponsor, sponsorship=finalized, kind=FeatureKind.PROVIDED_TEXT,
                                internal_name="full_conference_passes_code", text="PSF-2026-ABC")  # fmt: skip
    other = sponsorship_with_benefits([])
    SponsorAsset.objects.create(sponsor=other.sponsor, sponsorship=other, kind=FeatureKind.PROVIDED_TEXT,
                                internal_name="full_conference_passes_code")  # fmt: skip
    rows = client.get(ASSETS + "?internal_name=full_conference_passes_code", HTTP_AUTHORIZATION=token).json()
    assert rows == [{"internal_name": "full_conference_passes_code", "uuid": str(finalized.assets.get().uuid),
                     "value": "PSF-2026-ABC", "content_type": "Text Asset", "sponsor": finalized.sponsor.name,
                     "sponsor_slug": finalized.sponsor.slug}]  # fmt: skip
    with_empty = client.get(ASSETS + "?internal_name=full_conference_passes_code&list_empty=true",
                            HTTP_AUTHORIZATION=token).json()  # fmt: skip
    assert sorted(r["value"] for r in with_empty) == ["", "PSF-2026-ABC"]


def test_white_logo_is_an_absolute_url(client, token, finalized):
    finalized.sponsor.white_logo.save("white.png", png_upload(400, 200))
    rows = client.get(PLACEMENTS + "?publisher=pypi", HTTP_AUTHORIZATION=token).json()
    assert rows[0]["white_logo"].startswith("http://testserver/media/sponsors/logos/")
