import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.test import override_settings

from tests.users.factories import PASSWORD, verified_user

pytestmark = pytest.mark.django_db


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def staff_editor(editor):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    return editor


@override_settings(REQUIRE_STAFF_MFA=True)
def test_staff_without_two_factor_are_sent_to_set_it_up(client, home_page, staff_editor):
    client.force_login(staff_editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # Setting up a device asks for the password again; the reason is shown on the way.
    page = client.get("/accounts/2fa/totp/activate/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    assert "Staff accounts need two-factor authentication" in page.content.decode()


@override_settings(REQUIRE_STAFF_MFA=True)
def test_staff_activate_totp_then_reach_the_admin(client, home_page, staff_editor):
    client.force_login(staff_editor)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]

    response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff_editor, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


@override_settings(REQUIRE_STAFF_MFA=True)
def test_group_members_with_admin_access_need_two_factor_without_the_staff_flag(client, home_page, editor):
    # Wagtail opens its admin to anyone whose group grants "access admin"; the staff flag is not needed.
    editor.is_staff = False
    editor.save()
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/2fa/totp/activate/")


@override_settings(REQUIRE_STAFF_MFA=True)
def test_regular_users_are_not_asked_for_two_factor(client, home_page, member_user):
    client.force_login(member_user)
    assert client.get("/users/edit/").status_code == 200
    # Non-staff never reach the admin either way: a clear refusal, not a detour to two-factor set-up.
    assert client.get("/admin/").status_code == 403


def test_sign_in_with_totp_asks_for_the_code(client, home_page):
    user = verified_user(username="secure", email="secure@example.com")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)

    response = client.post("/accounts/login/", {"login": "secure", "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "Sign in" in client.get("/users/menu/").content.decode()

    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()

    response = client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert "Your account" in client.get("/users/menu/").content.decode()


def test_staff_mfa_is_on_by_default():
    from pydotorg.settings import base

    assert base.REQUIRE_STAFF_MFA is True
    assert "apps.users.middleware.StaffMFARequiredMiddleware" in settings.MIDDLEWARE


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_sign_in_forms_lead_to_the_site_sign_in(client, home_page, path):
    response = client.get(path, {"next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    posted = client.post(path, {"username": "x", "password": "y"})
    assert posted["Location"].startswith("/accounts/login/")
    assert client.get(path, {"next": "https://evil.example/"})["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_anonymous_admin_visit_goes_to_the_site_sign_in(client, home_page):
    assert client.get("/admin/pages/")["Location"].startswith("/accounts/login/?next=")
