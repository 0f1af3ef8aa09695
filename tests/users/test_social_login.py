"""GitHub and Google sign-in with the providers' HTTP answers mocked at the requests boundary."""

import json
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
import requests
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.test import override_settings

from tests.users.factories import verified_user

pytestmark = pytest.mark.django_db
User = get_user_model()

PROVIDERS = {
    "github": {"APP": {"client_id": "gh-client", "secret": "gh-secret"}, "SCOPE": ["user:email"]},
    "google": {"APP": {"client_id": "g-client", "secret": "g-secret"}, "SCOPE": ["profile", "email"]},
}
ANSWERS = {
    "github": {
        "https://github.com/login/oauth/access_token": {"access_token": "gh-token", "token_type": "bearer"},
        "https://api.github.com/user": {"id": 4242, "login": "octocat", "name": "Mona Octocat", "email": None},
        "https://api.github.com/user/emails": [{"email": "mona@example.com", "primary": True, "verified": True}],
    },
    "google": {
        "https://oauth2.googleapis.com/token": {"access_token": "g-token", "token_type": "Bearer", "expires_in": 3600},
        "https://www.googleapis.com/oauth2/v2/userinfo": {
            "id": "10987", "email": "mona@example.com", "verified_email": True, "name": "Mona Octocat",
            "given_name": "Mona", "family_name": "Octocat",
        },
    },
}  # fmt: skip
AUTHORIZE = {
    "github": "https://github.com/login/oauth/authorize",
    "google": "https://accounts.google.com/o/oauth2/v2/auth",
}


def fake_provider(provider):
    calls = []

    def request(session, method, url, **kwargs):
        calls.append((method, url))
        response = requests.Response()
        response.status_code = 200 if url in ANSWERS[provider] else 404
        response.headers["content-type"] = "application/json"
        response._content = json.dumps(ANSWERS[provider].get(url, {})).encode()
        response.url = url
        return response

    return calls, mock.patch.object(requests.Session, "request", request)


def sign_in_with(client, provider):
    start = client.post(f"/accounts/{provider}/login/")
    assert start.status_code == 302
    location = urlparse(start["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == AUTHORIZE[provider]
    state = parse_qs(location.query)["state"][0]
    calls, patch = fake_provider(provider)
    with patch:
        response = client.get(f"/accounts/{provider}/login/callback/", {"code": "the-code", "state": state})
    return response, calls


@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS)
@pytest.mark.parametrize("provider", ["github", "google"])
def test_social_sign_in_creates_a_verified_account(client, home_page, provider):
    response, calls = sign_in_with(client, provider)

    assert response.status_code == 302
    assert response["Location"] == "/"
    account = SocialAccount.objects.get(provider=provider)
    assert account.user.email == "mona@example.com"
    assert account.user.emailaddress_set.get().verified
    assert calls[0][0] == "POST"
    assert "Your account" in client.get("/users/menu/").content.decode()


@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS)
def test_social_sign_in_for_a_taken_email_creates_nothing_and_tells_only_the_owner(client, home_page):
    verified_user(username="mona", email="mona@example.com")
    response, _ = sign_in_with(client, "github")
    # The same page as for any new address (emails are not enumerable); the owner is told by email.
    assert response["Location"] == "/accounts/confirm-email/"
    assert not SocialAccount.objects.exists()
    assert User.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["mona@example.com"]]


@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS)
def test_social_callback_with_forged_state_is_refused(client, home_page):
    client.post("/accounts/github/login/")
    calls, patch = fake_provider("github")
    with patch:
        response = client.get("/accounts/github/login/callback/", {"code": "x", "state": "forged"})
    assert response.status_code == 401
    assert "Third-Party Login Failure" in response.content.decode()
    assert calls == [] and not User.objects.exists()
