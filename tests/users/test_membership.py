import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.users.models import Membership, MembershipSettings
from tests.users.factories import MembershipFactory

pytestmark = pytest.mark.django_db

JOIN = {
    "legal_name": "Guido van Rossum",
    "preferred_name": "Guido",
    "email_address": "guido@example.com",
    "city": "Belmont",
    "region": "CA",
    "country": "USA",
    "postal_code": "94002",
    "psf_code_of_conduct": "on",
    "psf_announcements": "on",
}


def test_join_as_basic_member_sends_welcome(client, home_page, member_user):
    client.force_login(member_user)
    form = client.get("/users/membership/")
    assert form.status_code == 200
    assert "Become a PSF Basic member" in form.content.decode()

    response = client.post("/users/membership/", JOIN)

    assert response.status_code == 302
    membership = Membership.objects.get(user=member_user)
    assert membership.membership_type == Membership.Type.BASIC
    assert membership.psf_announcements and not membership.votes
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["guido@example.com"]
    assert message.subject == "Welcome to the Python Software Foundation"
    assert "http://testserver/users/membership/" in message.body
    detail = client.get("/users/membership/").content.decode()
    assert "Basic member" in detail and "Guido van Rossum" in detail


def test_join_without_code_of_conduct_is_refused(client, home_page, member_user):
    client.force_login(member_user)
    response = client.post("/users/membership/", {**JOIN, "psf_code_of_conduct": ""})
    assert response.status_code == 400
    assert "Members must agree to the PSF Code of Conduct." in response.content.decode()
    assert not Membership.objects.exists()
    assert mail.outbox == []


def test_join_with_bad_email_is_refused(client, home_page, member_user):
    client.force_login(member_user)
    response = client.post("/users/membership/", {**JOIN, "email_address": "not-an-email"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Membership.objects.exists()


def test_a_member_cannot_join_twice(client, home_page, member_user):
    MembershipFactory(user=member_user, legal_name="First")
    client.force_login(member_user)
    client.post("/users/membership/", {**JOIN, "legal_name": "Second"})
    assert Membership.objects.get().legal_name == "First"


def test_edit_membership(client, home_page, member_user):
    MembershipFactory(user=member_user)
    client.force_login(member_user)
    response = client.post("/users/membership/edit/", {**JOIN, "city": "Amsterdam"})
    assert response.status_code == 302
    assert Membership.objects.get().city == "Amsterdam"


def test_cancel_membership(client, home_page, member_user):
    MembershipFactory(user=member_user, email_address="guido@psf.example")
    client.force_login(member_user)
    assert "Cancel your PSF membership" in client.get("/users/membership/cancel/").content.decode()
    response = client.post("/users/membership/cancel/")
    assert response.status_code == 302
    assert not Membership.objects.exists()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["guido@psf.example"], "Your PSF membership has been cancelled")
    ]


def test_edit_and_cancel_without_membership_redirect_to_join(client, home_page, member_user):
    client.force_login(member_user)
    for path in ("/users/membership/edit/", "/users/membership/cancel/", "/users/membership/affirm/"):
        assert client.get(path)["Location"] == "/users/membership/"
    assert client.post("/users/membership/cancel/")["Location"] == "/users/membership/"


def test_membership_pages_require_login(client, home_page):
    for path in ("/users/membership/", "/users/membership/edit/", "/users/membership/cancel/"):
        assert client.get(path)["Location"].startswith("/accounts/login/")


def test_needs_vote_affirmation():
    now = timezone.now()
    assert not Membership(votes=False).needs_vote_affirmation
    assert Membership(votes=True).needs_vote_affirmation
    assert not Membership(votes=True, last_vote_affirmation=now - timedelta(days=30)).needs_vote_affirmation
    assert Membership(votes=True, last_vote_affirmation=now - timedelta(days=400)).needs_vote_affirmation


def test_needing_vote_affirmation_queryset(db):
    stale = MembershipFactory(
        membership_type="fellow", votes=True, last_vote_affirmation=timezone.now() - timedelta(days=400)
    )
    MembershipFactory(membership_type="fellow", votes=True, last_vote_affirmation=timezone.now())
    MembershipFactory(membership_type="basic")
    assert list(Membership.objects.needing_vote_affirmation()) == [stale]


def test_voting_member_affirms_each_year(client, home_page, member_user):
    membership = MembershipFactory(
        user=member_user, membership_type="contributing", votes=True,
        last_vote_affirmation=timezone.now() - timedelta(days=400),
    )  # fmt: skip
    client.force_login(member_user)
    assert "Please affirm your intention to vote" in client.get("/users/membership/").content.decode()

    response = client.post("/users/membership/affirm/", {"choice": "affirm"})

    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.needs_vote_affirmation
    assert "Please affirm your intention to vote" not in client.get("/users/membership/").content.decode()


def test_voting_member_may_withdraw(client, home_page, member_user):
    membership = MembershipFactory(user=member_user, membership_type="supporting", votes=True)
    client.force_login(member_user)
    client.post("/users/membership/affirm/", {"choice": "withdraw"})
    membership.refresh_from_db()
    assert not membership.votes and not membership.needs_vote_affirmation


def test_affirmation_bad_input_and_basic_members(client, home_page, member_user):
    membership = MembershipFactory(user=member_user, membership_type="fellow", votes=True)
    client.force_login(member_user)
    response = client.post("/users/membership/affirm/", {"choice": "maybe"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    membership.membership_type = "basic"
    membership.save()
    response = client.post("/users/membership/affirm/", {"choice": "affirm"})
    assert response.status_code == 403
    assert "Basic members do not vote" in response.content.decode()


def test_landing_page_can_be_switched_off_from_settings(client, home_page, django_assert_max_num_queries):
    response = client.get("/membership/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    assert "public" in response["Cache-Control"]
    assert 'href="/users/membership/"' in response.content.decode()

    settings_row = MembershipSettings.load()
    settings_row.landing_intro = "<p>Join the PSF today.</p>"
    settings_row.save()
    assert "Join the PSF today." in client.get("/membership/").content.decode()

    settings_row.landing_page_enabled = False
    settings_row.save()
    assert client.get("/membership/").status_code == 404

    with django_assert_max_num_queries(6):
        client.get("/membership/")


def test_staff_filter_and_export_members(client, home_page, superuser):
    MembershipFactory(preferred_name="Ada", membership_type="fellow", votes=True, country="UK")
    MembershipFactory(preferred_name="Bob", membership_type="basic", country="USA")
    client.force_login(superuser)

    listing = client.get("/admin/membership/?membership_type=fellow")
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Ada" in html and "Bob" not in html

    export = client.get("/admin/membership/?export=csv&membership_type=fellow")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][:3] == ["Legal name", "Preferred name", "Email address"]
    assert [row[1] for row in rows[1:]] == ["Ada"]


def test_members_admin_is_closed_to_other_staff(client, home_page, editor):
    client.force_login(editor)
    response = client.get("/admin/membership/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
