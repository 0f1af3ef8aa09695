import re

import pytest

from apps.users.models import ApiCredential
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = re.compile(r'data-secret="(api-key|token)">([^<]+)<')


def secrets_in(response):
    return dict(SECRET.findall(response.content.decode()))


@pytest.fixture
def release_manager(db):
    return UserFactory(username="hugo", email="hugo@example.com", is_staff=True)


def test_superuser_creates_credentials_and_sees_them_once(client, home_page, superuser, release_manager):
    client.force_login(superuser)
    response = client.post("/admin/apicredential/new/", {"user": release_manager.pk})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    shown = secrets_in(response)
    username, api_key = shown["api-key"].split(":")
    assert username == "hugo"
    assert ApiCredential.objects.user_for_api_key("hugo", api_key) == release_manager
    assert ApiCredential.objects.user_for_token(shown["token"]) == release_manager

    listing = client.get("/admin/apicredential/").content.decode()
    credential = ApiCredential.objects.get()
    assert credential.api_key_hint in listing and credential.token_hint in listing
    assert api_key not in listing and shown["token"] not in listing
    edit_page = client.get(f"/admin/apicredential/edit/{credential.pk}/").content.decode()
    assert api_key not in edit_page and shown["token"] not in edit_page


def test_regenerating_the_token_invalidates_the_old_one(client, home_page, superuser, release_manager):
    credential = ApiCredential.objects.create(user=release_manager)
    old_key, old_token = credential.regenerate_api_key(), credential.regenerate_token()
    client.force_login(superuser)

    response = client.post(f"/admin/apicredential/edit/{credential.pk}/", {"regenerate": "token"})

    shown = secrets_in(response)
    assert set(shown) == {"token"}
    assert ApiCredential.objects.user_for_token(old_token) is None
    assert ApiCredential.objects.user_for_token(shown["token"]) == release_manager
    assert ApiCredential.objects.user_for_api_key("hugo", old_key) == release_manager


def test_regenerate_rejects_unknown_choice(client, home_page, superuser, release_manager):
    credential = ApiCredential.objects.create(user=release_manager)
    key = credential.regenerate_api_key()
    client.force_login(superuser)
    response = client.post(f"/admin/apicredential/edit/{credential.pk}/", {"regenerate": "everything"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert ApiCredential.objects.user_for_api_key("hugo", key) == release_manager


def test_only_staff_can_be_given_credentials(client, home_page, superuser):
    outsider = UserFactory(username="outsider")
    client.force_login(superuser)
    response = client.post("/admin/apicredential/new/", {"user": outsider.pk})
    assert "Select a valid choice." in response.content.decode()
    assert not ApiCredential.objects.exists()


def test_credentials_admin_is_superuser_only(client, home_page, editor):
    client.force_login(editor)
    response = client.get("/admin/apicredential/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
