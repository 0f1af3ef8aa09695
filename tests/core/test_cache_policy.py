from django.test import override_settings

from tests.factories import StandardPageFactory


def test_anonymous_page_views_are_public_with_surrogate_keys(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="about", title="About")
    response = client.get("/about/")
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=600" in cache_control
    keys = response["Surrogate-Key"].split()
    assert {"site", "pages", f"page-{page.pk}"} <= set(keys)
    assert not response.cookies


def test_logged_in_views_are_never_cached(client, home_page, user):
    StandardPageFactory(parent=home_page, slug="about", title="About")
    client.force_login(user)
    response = client.get("/about/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_admin_and_health_are_never_cached(client, superuser, home_page):
    client.force_login(superuser)
    assert "no-store" in client.get("/admin/")["Cache-Control"]
    client.logout()
    assert "no-cache" in client.get("/_health")["Cache-Control"]


def test_posts_are_private(client, home_page):
    response = client.post("/search/", {"q": "x"})
    assert response.status_code == 405
    assert "private" in response["Cache-Control"]


@override_settings(CACHE_S_MAXAGE=42)
def test_the_cdn_lifetime_comes_from_settings(client, home_page):
    assert "s-maxage=42" in client.get("/")["Cache-Control"]


def test_public_pages_need_no_csp_nonce_and_the_admin_has_no_csp(client, home_page, superuser):
    """A shared cache serves one rendering to everyone: public pages carry no nonce to share."""
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "nonce" not in policy
    assert "nonce=" not in response.content.decode()
    assert "<script>" not in response.content.decode()  # scripts come from files ('self')
    client.force_login(superuser)
    assert "Content-Security-Policy" not in client.get("/admin/")


def test_a_response_that_used_the_nonce_is_never_shared(rf, home_page):
    from django.http import HttpResponse
    from django.utils.csp import LazyNonce

    from apps.core.cache import apply_cache_policy

    request = rf.get("/")
    request._csp_nonce = LazyNonce()
    str(request._csp_nonce)  # a template wrote it into the page
    response = apply_cache_policy(request, HttpResponse("<script nonce>"))
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "Surrogate-Key" not in response
