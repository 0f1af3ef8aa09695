"""The API as python.org's clients use it: roots, schemas, paging with filters, the pages API, read limits."""

import pytest
from django.core.cache import cache

from tests.factories import ContentSnippetFactory, StandardPageFactory


def test_api_roots_list_their_endpoints(client, db):
    v1 = client.get("/api/v1/").json()
    assert v1["downloads/release"] == {
        "list_endpoint": "/api/v1/downloads/release/",
        "schema": "/api/v1/downloads/release/schema/",
    }
    v2 = client.get("/api/v2/").json()
    assert v2["downloads/release_file"] == "http://testserver/api/v2/downloads/release_file/"
    assert "pages/page" in v1 and "pages/page" in v2


def test_every_schema_a_root_lists_answers(client, db):
    """A client that follows /api/v1/'s ``schema`` links, or /api/v2/'s, reaches each one."""
    for resource in client.get("/api/v1/").json().values():
        response = client.get(resource["schema"])
        assert response.status_code == 200, resource["schema"]
        assert "fields" in response.json()
    assert client.get(client.get("/api/v2/").json()["schema"]).json()["openapi"].startswith("3.")


def test_v1_pages_schema_is_read_only(client, db):
    schema = client.get("/api/v1/pages/page/schema/").json()
    assert schema["allowed_list_http_methods"] == ["get"]
    assert schema["fields"]["is_published"]["type"] == "boolean"
    assert set(schema["filtering"]) == {"title", "keywords", "path", "is_published"}


def test_the_api_page_documents_the_endpoints_and_links_the_schema(client, db):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="/api/v2/schema/"' in html
    for endpoint in ("/api/v1/downloads/release_file/", "/api/v2/downloads/release/", "/api/v2/pages/page/"):
        assert f'href="{endpoint}"' in html
    assert "429" in html and "Retry-After" in html


def test_v1_release_schema_describes_fields_and_filters(client, db):
    schema = client.get("/api/v1/downloads/release/schema/").json()
    assert schema["default_limit"] == 20
    assert schema["fields"]["is_published"]["type"] == "boolean"
    assert schema["fields"]["release_date"]["type"] == "datetime"
    assert "release_date__year" in schema["filtering"]
    assert client.get("/api/v1/downloads/nothing/schema/").status_code == 404


def test_v1_paging_links_keep_the_filters(client, release, make_release):
    for number in range(5):
        make_release(f"3.13.{number}", is_latest=False)
    page = client.get("/api/v1/downloads/release/?version=3&limit=2").json()
    assert page["meta"]["previous"] is None
    assert page["meta"]["next"] == "/api/v1/downloads/release/?version=3&limit=2&offset=2"
    second = client.get(page["meta"]["next"]).json()
    assert second["meta"]["previous"] == "/api/v1/downloads/release/?version=3&limit=2&offset=0"
    assert [row["version"] for row in second["objects"]] == [3, 3]


@pytest.fixture
def content_pages(home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    apps = StandardPageFactory(parent=about, title="Applications", slug="apps", search_description="Uses of Python")
    apps.body = [{"type": "markdown", "value": "Python is used **everywhere**."}]
    apps.save_revision().publish()
    draft = StandardPageFactory(parent=home_page, title="Draft", slug="draft")
    draft.unpublish()
    return about, apps


def test_pages_api_v2_lists_published_pages_in_python_orgs_shape(client, content_pages):
    rows = client.get("/api/v2/pages/page/").json()
    assert [row["path"] for row in rows] == ["about", "about/apps"]
    apps = rows[1]
    assert list(apps) == ["title", "path", "keywords", "description", "content", "is_published", "template_name",
                          "resource_uri"]  # fmt: skip
    assert apps["content"] == "Python is used **everywhere**."
    assert apps["description"] == "Uses of Python"
    assert apps["resource_uri"] == f"http://testserver/api/v2/pages/page/{content_pages[1].pk}/"
    assert client.get("/api/v2/pages/page/?path=about/apps").json()[0]["title"] == "Applications"


def test_pages_api_v1_is_tastypie_shaped_and_refuses_unknown_filters(client, content_pages):
    data = client.get("/api/v1/pages/page/?limit=1").json()
    assert data["meta"] == {
        "limit": 1, "next": "/api/v1/pages/page/?limit=1&offset=1", "offset": 0, "previous": None, "total_count": 2,
    }  # fmt: skip
    assert data["objects"][0]["resource_uri"] == f"/api/v1/pages/page/{content_pages[0].pk}/"
    assert list(data["objects"][0]) == sorted(data["objects"][0])
    assert client.get("/api/v1/pages/page/?colour=blue").status_code == 400
    assert client.get("/api/v1/pages/page/?limit=%C2%B2").status_code == 400
    assert client.get("/api/v2/pages/page/?title=a%00b").status_code == 400
    assert client.get(f"/api/v2/pages/page/{content_pages[1].pk}/").json()["title"] == "Applications"
    assert client.get("/api/v2/pages/page/99999999/").status_code == 404


def test_reads_beyond_the_per_client_limit_get_429_with_retry_after(client, db, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/hour", "user": "5/hour"})
    cache.clear()
    statuses = [client.get("/api/v2/downloads/os/", REMOTE_ADDR="192.0.2.1").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v2/downloads/os/", REMOTE_ADDR="192.0.2.1")
    assert int(limited["Retry-After"]) > 0
    assert client.get("/api/v2/downloads/os/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_legacy_site_urls(client, home_page, release, django_user_model):
    snippet = ContentSnippetFactory(label="download-sidebar")
    response = client.get("/box/download-sidebar/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert snippet.title not in ("",)
    assert client.get("/box/no-such-box/").status_code == 404
    assert client.get("/getit/windows/")["Location"] == "/downloads/windows/"
    assert client.get("/getit/windows/").status_code == 301
    assert client.get("/m/uploads/logo.png").status_code == 301
    assert client.get("/m/../../etc/passwd")["Location"] == "/media/etc/passwd"
    assert client.get("/jobs/types/")["Location"] == "/jobs/type/"
    assert client.get("/authenticated").status_code == 200
    assert client.get(f"/release-edit-button/{release.pk}").content == b""
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    client.force_login(admin)
    assert b"Edit this release" in client.get(f"/release-edit-button/{release.pk}").content
