"""Malformed, huge and odd input to the downloads API: a clear 400 (or 404) and nothing changed."""

import json

import pytest

from apps.downloads.models import OS, ReleaseFile, ReleasePage
from tests.downloads.test_api_write import file_payload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/downloads/release/?name=%00",
        "/api/v1/downloads/release_file/?slug=%00",
        "/api/v1/downloads/os/?slug=a%00b",
        "/api/v2/downloads/release/?name=Python%003",
        "/api/v1/downloads/release/?offset=100000000000000000000",
        "/api/v1/downloads/release/?limit=%C2%B2",  # "²": str.isdigit() says yes
        "/api/v1/downloads/release/?limit=-1",
        "/api/v1/downloads/release/?release_date__year=0",
        "/api/v1/downloads/release/?release_date__year=-1",
        "/api/v1/downloads/release/?release_date__year=99999999999",
        "/api/v1/downloads/release/?version=99999999999999999999999",
        "/api/v1/downloads/release/?release_date=0000-00-00",
        "/api/v1/downloads/release_file/?release=99999999999999999999999",
        "/api/v1/downloads/release_file/?os=%C2%B9",
        "/api/v2/downloads/release/?slug=" + "x" * 1001,
    ],
)
def test_bad_query_values_are_a_clear_400(client, release, url):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert "json" in response["Content-Type"] or b"NUL" in response.content


@pytest.mark.parametrize("version", [1, 2])
def test_out_of_range_ids_are_404(client, release, version):
    assert client.get(f"/api/v{version}/downloads/release/99999999999999999999/").status_code == 404


def write(client, url, data, auth, method="post"):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json", HTTP_AUTHORIZATION=auth)


@pytest.mark.parametrize(
    "payload",
    [
        {"name": "Python 3.14.9\u0000"},
        {"name": "Python 3." + "9" * 10240},
        {"name": "Python 3.14.9", "slug": "s" * 1000},
        {"name": "Python 3.14.9", "version": 10**30},
        {"name": "Python 3.14.9", "release_notes_url": "https://x/\u0000"},
    ],
)
def test_bad_release_writes_are_400_and_create_nothing(client, downloads_index, api_key, payload):
    before = ReleasePage.objects.count()
    response = write(client, "/api/v1/downloads/release/", payload, api_key)
    assert response.status_code == 400, response.content
    assert "error_message" in response.json()
    assert ReleasePage.objects.count() == before


@pytest.mark.parametrize(
    "extra",
    [
        {"name": "a\u0000b"},
        {"slug": "x" * 1000},
        {"filesize": 10**30},
        {"filesize": -1},
        {"description": "d" * 5000},
        {"release": "/api/v1/downloads/release/99999999999999999999/"},
    ],
)
def test_bad_file_writes_are_400_and_create_nothing(client, release, api_token, extra):
    before = ReleaseFile.objects.count()
    response = write(client, "/api/v2/downloads/release_file/", file_payload(release.pk, **extra), api_token)
    assert response.status_code == 400, response.content
    assert ReleaseFile.objects.count() == before


def test_nul_in_an_os_name_is_refused(client, api_token):
    response = write(client, "/api/v2/downloads/os/", {"name": "a\u0000b", "slug": "ab"}, api_token)
    assert response.status_code == 400
    assert not OS.objects.filter(slug="ab").exists()
