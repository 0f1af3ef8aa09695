"""The sponsor dashboard: only a sponsor's contacts see its sponsorships; asset uploads are validated."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.sponsors.models import Sponsor, SponsorAsset
from tests.factories import UserFactory
from tests.sponsors.factories import ContactFactory, png_upload, sponsorship_with_benefits

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(program, user):
    sponsorship = sponsorship_with_benefits([program.logo, program.passes, program.booth], package=program.gold)
    ContactFactory(sponsor=sponsorship.sponsor, user=user, primary=False, administrative=True)
    return sponsorship


def test_list_and_detail(client, user, mine, home_page):
    client.force_login(user)
    assert mine.sponsor.name in client.get("/users/sponsorships/").content.decode()
    html = client.get(f"/users/sponsorships/{mine.pk}/").content.decode()
    for text in ("Logo on python.org", "Conference passes (4)", "Booth banner", "Conference voucher", "not yet"):
        assert text in html


def test_other_sponsors_sponsorship_is_404(client, mine, home_page):
    stranger = UserFactory(username="stranger")
    ContactFactory(user=stranger)  # a contact of another sponsor
    client.force_login(stranger)
    for suffix in ("", "sponsor/", "assets/"):
        assert client.get(f"/users/sponsorships/{mine.pk}/{suffix}").status_code == 404
    assert client.post(f"/users/sponsorships/{mine.pk}/assets/", {"booth-blurb": "hi"}).status_code == 404
    assert mine.sponsor.name not in client.get("/users/sponsorships/").content.decode()
    assert not SponsorAsset.objects.exists()


def test_anonymous_is_sent_to_login(client, mine, home_page):
    assert client.get(f"/users/sponsorships/{mine.pk}/")["Location"].startswith("/accounts/login/")


def test_upload_valid_assets(client, user, mine, home_page):
    client.force_login(user)
    response = client.post(f"/users/sponsorships/{mine.pk}/assets/", {
        "booth-banner": png_upload(800, 400), "booth-blurb": "Come see our robots.", "job-fair": "yes"})  # fmt: skip
    assert response.status_code == 302
    values = {a.internal_name: a for a in SponsorAsset.objects.filter(sponsorship=mine)}
    assert values["booth-blurb"].text == "Come see our robots." and values["job-fair"].response == "yes"
    assert values["booth-banner"].file.name.endswith(".png")


@pytest.mark.parametrize(("data", "message"), [
    ({"booth-banner": png_upload(100, 100)}, "at least 300 px wide"),
    ({"booth-banner": png_upload(3000, 400)}, "at most 2000 px wide"),
    ({"booth-banner": SimpleUploadedFile("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>')},
     "Upload a PNG, JPEG, WebP or GIF image"),
    ({"booth-banner": png_upload(20000, 10000, fmt="PNG", mode="1")}, "too many pixels"),  # 24 kB, 200 Mpx
    ({"booth-blurb": "x" * 201}, "at most 200 characters"),
    ({"job-fair": "maybe"}, "Select a valid choice"),
])  # fmt: skip
def test_invalid_assets_refused(client, user, mine, home_page, data, message):
    client.force_login(user)
    response = client.post(f"/users/sponsorships/{mine.pk}/assets/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not SponsorAsset.objects.exists()


def test_edit_sponsor_information(client, user, mine, home_page):
    client.force_login(user)
    form = client.get(f"/users/sponsorships/{mine.pk}/sponsor/").context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("web_logo", "white_logo", "print_logo")
    }
    contacts = list(mine.sponsor.contacts.all())
    data.update(
        {
            "description": "Now with more Python.",
            "contacts-TOTAL_FORMS": len(contacts),
            "contacts-INITIAL_FORMS": len(contacts),
            "contacts-MIN_NUM_FORMS": 1,
            "contacts-MAX_NUM_FORMS": 1000,
        }
    )
    for i, contact in enumerate(contacts):
        data.update({f"contacts-{i}-id": contact.pk, f"contacts-{i}-name": contact.name,
                     f"contacts-{i}-email": contact.email, f"contacts-{i}-phone": contact.phone,
                     f"contacts-{i}-primary": "on" if contact.primary else ""})  # fmt: skip
    response = client.post(f"/users/sponsorships/{mine.pk}/sponsor/", data)
    assert response.status_code == 302
    assert Sponsor.objects.get(pk=mine.sponsor.pk).description == "Now with more Python."
