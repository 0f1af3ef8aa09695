"""Every way into a session goes through allauth; limits count real clients; emails are not enumerable."""

import importlib

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.users.factories import PASSWORD, verified_user

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
    "DATABASE_URL": "sqlite:////tmp/pydotorg-settings-import.sqlite3",
    "ALLOWED_HOSTS": "www.python.org",
}


@pytest.fixture
def production_settings(monkeypatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    import pydotorg.settings.production as production

    return importlib.reload(production)


@pytest.fixture
def rate_limited(production_settings):
    with override_settings(ACCOUNT_RATE_LIMITS=production_settings.ACCOUNT_RATE_LIMITS):
        yield production_settings


def test_wagtail_page_login_goes_to_allauth_sign_in(client, home_page):
    response = client.get("/_util/login/?next=/about/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fabout%2F"


def test_wagtail_page_login_does_not_sign_in_even_with_the_right_password(client, home_page):
    staff = verified_user(username="editor", email="editor@example.com", is_staff=True, password=PASSWORD)
    response = client.post("/_util/login/", {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_wagtail_page_login_refuses_an_offsite_next(client, home_page):
    response = client.get("/_util/login/?next=https://evil.example/")
    assert response["Location"] == "/accounts/login/?next=%2F"


def test_password_protected_page_guesses_are_rate_limited(client, home_page, rate_limited):
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="swordfish"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{home_page.pk}/"
    statuses = [client.post(url, {"password": "wrong", "return_url": "/"}).status_code for _ in range(12)]
    assert statuses[:10] == [200] * 10  # the form again, with its error
    assert statuses[10:] == [429, 429]
    assert "Too many attempts" in client.post(url, {"password": "swordfish", "return_url": "/"}).content.decode()


def test_password_protected_document_guesses_are_rate_limited(client, home_page, rate_limited):
    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="swordfish",
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    statuses = [client.post(url, {"password": "wrong", "return_url": "/"}).status_code for _ in range(12)]
    assert statuses[:10] == [200] * 10
    assert statuses[10:] == [429, 429]
    assert "Too many attempts" in client.post(url, {"password": "swordfish", "return_url": "/"}).content.decode()


def test_wagtail_admin_password_reset_goes_to_allauths_rate_limited_one(client, home_page):
    verified_user(username="editor", email="editor@example.com", is_staff=True)
    response = client.post("/admin/password_reset/", {"email": "editor@example.com"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/password/reset/")
    assert mail.outbox == []
    assert client.get("/admin/password_reset/confirm/MQ/set-password/")["Location"] == "/accounts/password/reset/"


def test_production_trusts_one_proxy_for_client_addresses(production_settings):
    assert production_settings.ALLAUTH_TRUSTED_PROXY_COUNT == 1


def login_from(client, address, login="ghost", password="wrong"):  # noqa: S107 - a wrong guess on purpose
    return client.post(
        "/accounts/login/",
        {"login": login, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR=address,
    )


LOCKED = "Too many failed login attempts. Try again later."


def test_failed_logins_behind_the_proxy_are_counted_per_client(client, home_page, rate_limited):
    user = verified_user(username="brian", email="brian@example.com", password=PASSWORD)
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=rate_limited.ALLAUTH_TRUSTED_PROXY_COUNT):
        # Ten failures a minute from one client address lock out that address only.
        for number in range(10):
            assert LOCKED not in login_from(client, "203.0.113.7", login=f"ghost{number}").content.decode()
        assert LOCKED in login_from(client, "203.0.113.7", login="ghost99").content.decode()
        # Even with the right password, from that address.
        response = login_from(client, "203.0.113.7", login=user.username, password=PASSWORD)
        assert LOCKED in response.content.decode() and "_auth_user_id" not in client.session
        # A client-supplied X-Forwarded-For entry is not believed: the proxy appends the real address.
        assert LOCKED in login_from(client, "198.51.100.1, 203.0.113.7", login="ghost98").content.decode()
        # Another client behind the same proxy still signs in.
        response = login_from(client, "198.51.100.23", login=user.username, password=PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)


def test_signed_in_non_staff_get_a_clear_403_from_the_admin(client, home_page, user):
    client.force_login(user)
    for path in ("/admin/", "/admin/pages/", "/admin/snippets/"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "does not have access to the python.org admin" in response.content.decode()


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, home_page):
    verified_user(username="brian", email="brian@example.com")
    known = client.post("/accounts/password/reset/", {"email": "brian@example.com"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/done/"
    # Only the owner of an address learns (by email) whether it has an account.
    to_brian, to_nobody = mail.outbox
    assert to_brian.to == ["brian@example.com"] and "/accounts/password/reset/key/" in to_brian.body
    assert to_nobody.to == ["nobody@example.com"] and "/accounts/password/reset/key/" not in to_nobody.body


def test_sign_up_answers_the_same_for_a_taken_address(client, home_page):
    verified_user(username="brian", email="brian@example.com")
    data = {"email": "brian@example.com", "password1": "Monty-42-spam!", "password2": "Monty-42-spam!"}
    taken = client.post("/accounts/signup/", {**data, "username": "newbrian"})
    fresh = client.post("/accounts/signup/", {**data, "username": "newcomer", "email": "newcomer@example.com"})
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"] == "/accounts/confirm-email/"
    # The address's owner hears about the attempt; no second account exists for it.
    assert sorted(message.to[0] for message in mail.outbox) == ["brian@example.com", "newcomer@example.com"]
    from apps.users.models import User

    assert not User.objects.filter(username="newbrian").exists()
