import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = "/nominations/statement-preview/"


def test_preview_renders_and_sanitises(client, nominator):
    client.force_login(nominator)
    response = client.post(URL, {"statement": "**Bold** <script>alert(1)</script><img src=x onerror=alert(2)>"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html and "onerror" not in html


def test_preview_needs_post_and_csrf(nominator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(nominator)
    assert client.get(URL).status_code == 405
    assert client.post(URL, {"statement": "x"}).status_code == 403


def test_preview_refuses_a_statement_over_the_limit(client, nominator):
    client.force_login(nominator)
    response = client.post(URL, {"statement": "x" * 100_000})
    assert response.status_code == 400 and "at most" in response.json()["error"]


@override_settings(NOMINATIONS_PREVIEWS_PER_MINUTE=3)
def test_preview_is_rate_limited(client, nominator):
    client.force_login(nominator)
    statuses = [client.post(URL, {"statement": "x"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


@override_settings(NOMINATIONS_PREVIEWS_PER_MINUTE=3, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_anonymous_previews_behind_the_proxy_are_counted_per_client(client, db):
    def preview_from(address):
        return client.post(URL, {"statement": "x"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address).status_code

    assert [preview_from("203.0.113.7") for _ in range(4)] == [200, 200, 200, 429]
    assert preview_from("198.51.100.23") == 200


def test_preview_url_name():
    assert reverse("nominations:statement_preview") == URL
