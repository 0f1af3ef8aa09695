"""Sign up, verify, sign in, passwords and email addresses, end to end through the test client."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress, EmailConfirmation
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from apps.mailing.models import EmailLog
from tests.users.factories import PASSWORD, verified_user

pytestmark = pytest.mark.django_db
User = get_user_model()
LINK = re.compile(r"http://testserver(/accounts/\S+/)")
STRONG = "Monty-Python-42-spam"


def signup(client, username="brian", email="brian@example.com", password=STRONG, **extra):
    data = {"username": username, "email": email, "password1": password, "password2": password, **extra}
    return client.post("/accounts/signup/", data)


def link_in(message):
    return LINK.search(message.body).group(1)


def test_signup_sends_verification_email_and_does_not_sign_in(client, home_page):
    response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="brian")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["brian@example.com"]
    assert message.subject == "[Python.org] Please confirm your email address"
    assert "/accounts/confirm-email/" in link_in(message)
    assert EmailLog.objects.filter(template_key="account-email-confirmation-signup", to="brian@example.com").exists()
    assert client.get("/users/menu/").content.decode().count("Sign in") == 1


def test_verification_link_confirms_then_login_by_username_or_email(client, home_page):
    signup(client)
    link = link_in(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "brian@example.com" in page.content.decode()
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(email="brian@example.com").verified

    response = client.post("/accounts/login/", {"login": "brian", "password": STRONG})
    assert response.status_code == 302
    assert client.get("/users/menu/").content.decode().count("Your account") == 1
    client.post("/accounts/logout/")
    assert "Sign in" in client.get("/users/menu/").content.decode()

    response = client.post("/accounts/login/", {"login": "brian@example.com", "password": STRONG})
    assert response.status_code == 302
    assert "Your account" in client.get("/users/menu/").content.decode()


def test_unverified_user_cannot_sign_in_and_gets_a_new_link(client, home_page):
    signup(client)
    mail.outbox.clear()
    response = client.post("/accounts/login/", {"login": "brian", "password": STRONG})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "Sign in" in client.get("/users/menu/").content.decode()


def test_expired_verification_link_is_refused(client, home_page):
    signup(client)
    link = link_in(mail.outbox[0])
    # The link carries its own signed timestamp; a zero-day lifetime makes it already expired.
    with override_settings(ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS=0):
        page = client.get(link)
        assert page.status_code == 200
        assert "This email confirmation link expired or is invalid." in page.content.decode()
        assert client.post(link).status_code == 404
    assert not EmailAddress.objects.get(email="brian@example.com").verified


def test_reused_verification_link_says_so(client, home_page):
    signup(client)
    link = link_in(mail.outbox[0])
    assert client.post(link).status_code == 302
    assert client.post(link).status_code == 404
    page = client.get(link)
    assert "This email confirmation link expired or is invalid." in page.content.decode()


def test_duplicate_username_is_refused_and_a_taken_email_is_not_revealed(client, home_page):
    verified_user(username="brian", email="brian@example.com")

    response = signup(client, username="brian", email="other@example.com")
    assert response.status_code == 200
    assert "A user with that username already exists." in response.content.decode()

    # The page says what it says for any new address; the owner of the address is told by email.
    response = signup(client, username="brian2", email="BRIAN@example.com")
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    assert User.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["brian@example.com"]]


def test_reserved_username_is_refused(client, home_page):
    response = signup(client, username="menu", email="menu@example.com")
    assert "This username is reserved" in response.content.decode()
    assert not User.objects.filter(username="menu").exists()


def test_weak_password_is_refused_and_nothing_is_created(client, home_page):
    response = signup(client, password="password")
    text = response.content.decode()
    assert response.status_code == 200
    assert "This password is too common." in text
    assert not User.objects.filter(username="brian").exists()
    assert not EmailAddress.objects.exists()


def test_honeypot_signup_looks_fine_but_creates_nothing(client, home_page):
    response = signup(client, website="http://spam.example")
    assert response.status_code == 302
    assert not User.objects.exists()
    assert mail.outbox == []


def test_post_without_csrf_token_is_refused(home_page):
    client = Client(enforce_csrf_checks=True)
    response = signup(client)
    assert response.status_code == 403
    assert not User.objects.exists()


def test_signup_email_goes_through_the_mail_queue(client, home_page, rq_queue):
    signup(client)
    assert mail.outbox == []
    assert rq_queue.count("mail") == 1
    rq_queue.run_worker()
    assert [m.to for m in mail.outbox] == [["brian@example.com"]]


def test_password_reset_link_works_once(client, home_page):
    verified_user(username="brian", email="brian@example.com")
    response = client.post("/accounts/password/reset/", {"email": "brian@example.com"})
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.to == ["brian@example.com"]
    assert message.subject == "[Python.org] Reset your password"
    assert "brian" in message.body
    link = link_in(message)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    done = client.post(set_url, {"password1": "A-new-spam-password-9", "password2": "A-new-spam-password-9"})
    assert done.status_code == 302
    assert client.login(username="brian", password="A-new-spam-password-9")
    client.logout()

    reused = client.get(link, follow=True)
    assert "The password reset link was invalid" in reused.content.decode()


def test_password_reset_for_unknown_address_looks_like_any_other(client, home_page):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/done/"
    assert "not assigned to any user account" not in client.get(response["Location"]).content.decode()
    # The address's owner learns there is no account; nobody else does.
    assert [message.to for message in mail.outbox] == [["nobody@example.com"]]


def test_password_change_notifies_by_email(client, home_page):
    user = verified_user(username="brian", email="brian@example.com")
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "Another-spam-pass-77", "password2": "Another-spam-pass-77"},
    )
    assert response.status_code == 302
    assert [m.subject for m in mail.outbox] == ["[Python.org] Your password was changed"]
    assert mail.outbox[0].to == ["brian@example.com"]


def test_adding_an_email_address_sends_a_confirmation(client, home_page):
    user = verified_user(username="brian", email="brian@example.com")
    client.force_login(user)
    # Changing addresses asks for the password again first.
    response = client.post("/accounts/email/", {"email": "brian@work.example", "action_add": ""})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302
    response = client.post("/accounts/email/", {"email": "brian@work.example", "action_add": ""})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=user, email="brian@work.example", verified=False).exists()
    assert mail.outbox[0].to == ["brian@work.example"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_account_pages_render_in_the_site_layout(client, home_page):
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<h1") == 1
        assert 'class="site-header"' in html
        assert 'name="robots" content="noindex"' in html
        assert response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]


def test_reauthentication_page_renders_for_signed_in_user(client, home_page):
    client.force_login(verified_user(username="brian", email="brian@example.com"))
    response = client.get("/accounts/reauthenticate/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@override_settings(ACCOUNT_RATE_LIMITS={"login": "3/m/ip"})
def test_login_rate_limit_answers_429_with_a_message(client, home_page):
    verified_user(username="brian", email="brian@example.com")
    statuses = [client.post("/accounts/login/", {"login": "brian", "password": "wrong"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = client.post("/accounts/login/", {"login": "brian", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "Your account" not in client.get("/users/menu/").content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,2/300s/key"})
def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, home_page):
    verified_user(username="brian", email="brian@example.com")
    for _ in range(2):
        client.post("/accounts/login/", {"login": "brian", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "brian", "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "Your account" not in client.get("/users/menu/").content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_signup_is_rate_limited(client, home_page):
    signup(client, username="a1", email="a1@example.com")
    signup(client, username="a2", email="a2@example.com")
    response = signup(client, username="a3", email="a3@example.com")
    assert response.status_code == 429
    assert not User.objects.filter(username="a3").exists()


def test_unconfirmed_email_confirmation_expiry_cleans_old_rows(home_page):
    user = verified_user(username="old", email="old@example.com")
    address = EmailAddress.objects.create(user=user, email="stale@example.com", verified=False)
    EmailConfirmation.objects.create(
        email_address=address, key="k" * 64, created=timezone.now() - timedelta(days=10),
        sent=timezone.now() - timedelta(days=10),
    )  # fmt: skip
    EmailConfirmation.objects.delete_expired_confirmations()
    assert not EmailConfirmation.objects.exists()


def test_expired_password_reset_link_is_refused(client, home_page):
    verified_user(username="brian", email="brian@example.com")
    client.post("/accounts/password/reset/", {"email": "brian@example.com"})
    link = link_in(mail.outbox[0])
    with override_settings(PASSWORD_RESET_TIMEOUT=-1):
        page = client.get(link, follow=True)
    assert "The password reset link was invalid" in page.content.decode()
    assert client.login(username="brian", password=PASSWORD)


def test_csrf_less_posts_to_account_forms_change_nothing(home_page):
    user = verified_user(username="brian", email="brian@example.com")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post("/users/edit/", {"first_name": "Hacked", "email_privacy": "public"}).status_code == 403
    assert client.post("/users/membership/", {"legal_name": "Hacked"}).status_code == 403
    assert client.post("/users/delete/", {"confirm_username": "brian"}).status_code == 403
    user.refresh_from_db()
    assert user.first_name != "Hacked" and user.is_active


@pytest.mark.parametrize(
    "path",
    ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/3rdparty/", "/users/edit/"],
)
def test_account_management_pages_render_in_the_site_layout(client, home_page, path):
    client.force_login(verified_user(username="brian", email="brian@example.com"))
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'class="account-nav"' in html
