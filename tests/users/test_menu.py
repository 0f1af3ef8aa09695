import pytest
from django.test import override_settings
from wagtail import hooks

from apps.users.menu import AccountMenuItem

pytestmark = pytest.mark.django_db


def test_anonymous_menu_offers_sign_in_and_is_never_cached(client, home_page):
    response = client.get("/users/menu/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/accounts/login/"' in html and 'href="/accounts/signup/"' in html
    assert "no-store" in response["Cache-Control"]
    assert "<h1" not in html


def test_signed_in_menu_lists_account_links_that_resolve(client, home_page, member_user):
    client.force_login(member_user)
    response = client.get("/users/menu/")
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    for href in ("/users/me/", "/users/edit/", "/accounts/password/change/", "/users/membership/"):
        assert f'href="{href}"' in html
    assert 'action="/accounts/logout/"' in html
    # Links of apps whose URLs do not exist are left out rather than broken.
    assert "nominations:mine" not in html and "None" not in html


def test_apps_add_menu_items_with_a_hook(client, home_page, member_user):
    client.force_login(member_user)
    with hooks.register_temporarily(
        "register_site_account_menu_item", lambda: AccountMenuItem("Site search", "search", 5)
    ):
        html = client.get("/users/menu/").content.decode()
    assert 'href="/search/">Site search' in html


def test_anonymous_homepage_stays_cacheable_with_menu_placeholder(client, home_page, member_user):
    response = client.get("/")
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert 'data-src="/users/menu/"' in response.content.decode()
    client.force_login(member_user)
    assert "private" in client.get("/")["Cache-Control"]


def test_menu_is_cheap(client, home_page, member_user, django_assert_max_num_queries):
    client.force_login(member_user)
    with django_assert_max_num_queries(4):
        client.get("/users/menu/")


@override_settings(REQUIRE_STAFF_MFA=False)
def test_staff_menu_links_to_admin(client, home_page, editor):
    client.force_login(editor)
    assert 'href="/admin/"' in client.get("/users/menu/").content.decode()
