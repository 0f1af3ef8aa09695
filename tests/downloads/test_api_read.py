"""Anonymous and staff reads of the downloads API, in python.org's formats."""

import pytest

from tests.downloads.factories import ReleaseFileFactory

pytestmark = pytest.mark.django_db


def test_v1_release_list_envelope_and_fields(client, release):
    response = client.get("/api/v1/downloads/release/")

    assert response.status_code == 200
    data = response.json()
    assert data["meta"] == {"limit": 20, "next": None, "offset": 0, "previous": None, "total_count": 1}
    assert data["objects"] == [
        {
            "is_latest": True,
            "is_published": True,
            "name": "Python 3.14.1",
            "pre_release": False,
            "release_date": "2025-12-02T14:32:00",
            "release_notes_url": "https://docs.python.org/release/3.14.1/whatsnew/changelog.html",
            "release_page": None,
            "resource_uri": f"/api/v1/downloads/release/{release.pk}/",
            "show_on_download_page": True,
            "slug": "python-3141",
            "version": 3,
        }
    ]


def test_v2_release_list_is_a_bare_array_with_absolute_uris(client, release):
    response = client.get("/api/v2/downloads/release/")

    assert response.status_code == 200
    assert response.json() == [
        {
            "name": "Python 3.14.1",
            "slug": "python-3141",
            "version": 3,
            "is_published": True,
            "is_latest": True,
            "release_date": "2025-12-02T14:32:00Z",
            "pre_release": False,
            "release_page": None,
            "release_notes_url": "https://docs.python.org/release/3.14.1/whatsnew/changelog.html",
            "show_on_download_page": True,
            "resource_uri": f"http://testserver/api/v2/downloads/release/{release.pk}/",
        }
    ]


def test_v2_release_without_trailing_slash(client, release):
    response = client.get("/api/v2/downloads/release")
    assert response.status_code == 200
    assert [r["name"] for r in response.json()] == ["Python 3.14.1"]


def test_os_lists_and_stable_primary_keys(client, downloads_index):
    v1 = client.get("/api/v1/downloads/os/").json()["objects"]
    v2 = client.get("/api/v2/downloads/os/").json()
    expected = [(1, "windows"), (2, "macos"), (3, "source"), (4, "android"), (5, "ios")]
    assert [(int(o["resource_uri"].split("/")[-2]), o["slug"]) for o in v1] == expected
    assert v2[2] == {
        "name": "Source code",
        "slug": "source",
        "resource_uri": "http://testserver/api/v2/downloads/os/3/",
    }
    assert client.get("/api/v1/downloads/os/?slug=windows").json()["objects"][0]["resource_uri"] == (
        "/api/v1/downloads/os/1/"
    )


def test_release_file_fields(client, release):
    file = release.files.get(os__slug="source")
    v2 = client.get(f"/api/v2/downloads/release_file/{file.pk}/").json()
    assert v2 == {
        "name": "XZ compressed source tarball",
        "slug": file.slug,
        "os": "http://testserver/api/v2/downloads/os/3/",
        "release": f"http://testserver/api/v2/downloads/release/{release.pk}/",
        "description": "",
        "is_source": True,
        "url": "https://www.python.org/ftp/python/3.14.1/Python-3.14.1.tar.xz",
        "gpg_signature_file": "",
        "md5_sum": "",
        "sha256_sum": "a" * 64,
        "filesize": 22000000,
        "download_button": True,
        "resource_uri": f"http://testserver/api/v2/downloads/release_file/{file.pk}/",
        "sigstore_signature_file": "",
        "sigstore_cert_file": "",
        "sigstore_bundle_file": "https://www.python.org/ftp/python/3.14.1/Python-3.14.1.tar.xz.sigstore",
        "sbom_spdx2_file": "",
    }
    v1 = client.get(f"/api/v1/downloads/release_file/{file.pk}/").json()
    assert v1["os"] == "/api/v1/downloads/os/3/"
    assert v1["release"] == f"/api/v1/downloads/release/{release.pk}/"
    assert list(v1) == sorted(v1)


def test_v2_unfiltered_files_point_at_their_release_uri(client, release, make_release):
    other = make_release("3.13.9")
    ReleaseFileFactory.create_batch(2, release=other)
    releases = {r["resource_uri"]: r for r in client.get("/api/v2/downloads/release/").json()}
    files = client.get("/api/v2/downloads/release_file/").json()
    assert len(files) == 5
    assert all(file["release"] in releases for file in files)


def test_name_filter_reads_plus_as_space(client, release, make_release):
    make_release("3.14.0")
    response = client.get("/api/v1/downloads/release/?name=Python+3.14.1")
    objects = response.json()["objects"]
    assert [o["name"] for o in objects] == ["Python 3.14.1"]
    assert client.get("/api/v2/downloads/release/?name=Python%203.14.1").json()[0]["slug"] == "python-3141"


@pytest.mark.parametrize("version", [1, 2])
def test_filters(client, release, make_release, version):
    make_release("3.15.0a1", pre_release=True)
    make_release("2.7.18")

    def names(query):
        data = client.get(f"/api/v{version}/downloads/release/?{query}").json()
        return sorted(o["name"] for o in (data["objects"] if version == 1 else data))

    assert names("pre_release=true") == ["Python 3.15.0a1"]
    assert names("version=2") == ["Python 2.7.18"]
    assert names("slug=python-3141") == ["Python 3.14.1"]
    assert names("is_published=true&pre_release=false") == ["Python 2.7.18", "Python 3.14.1"]
    assert names("unknown=1&format=json") == ["Python 2.7.18", "Python 3.14.1", "Python 3.15.0a1"]


def test_release_file_filters(client, release, make_release):
    other = make_release("3.13.9")
    ReleaseFileFactory(release=other)
    assert len(client.get(f"/api/v2/downloads/release_file/?release={release.pk}").json()) == 3
    assert len(client.get("/api/v2/downloads/release_file/?os=1").json()) == 1
    v1 = client.get("/api/v1/downloads/release_file/?release__slug=python-3139").json()
    assert v1["meta"]["total_count"] == 1
    assert client.get("/api/v1/downloads/release_file/?os__slug=macos").json()["meta"]["total_count"] == 1


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/downloads/release/?is_published=maybe",
        "/api/v2/downloads/release_file/?release=abc",
        "/api/v2/downloads/release/?release_date=yesterday",
        "/api/v1/downloads/release/?version=three",
        "/api/v1/downloads/release/?limit=-1",
    ],
)
def test_invalid_filter_values_are_400(client, release, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]


def test_v1_pagination(client, make_release):
    for micro in range(25):
        make_release(f"3.11.{micro}")
    first = client.get("/api/v1/downloads/release/").json()
    assert len(first["objects"]) == 20
    assert first["meta"]["next"] == "/api/v1/downloads/release/?limit=20&offset=20"
    second = client.get(first["meta"]["next"]).json()
    assert len(second["objects"]) == 5 and second["meta"]["previous"] == "/api/v1/downloads/release/?limit=20&offset=0"
    assert len(client.get("/api/v1/downloads/release/?limit=0").json()["objects"]) == 25


def test_anonymous_never_sees_unpublished_releases(client, release, make_release, api_token, api_key):
    draft = make_release("3.15.0a1")
    draft.unpublish()
    ReleaseFileFactory(release=draft)

    assert [r["name"] for r in client.get("/api/v2/downloads/release/").json()] == ["Python 3.14.1"]
    assert client.get(f"/api/v2/downloads/release/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/downloads/release/{draft.pk}/").status_code == 404
    assert len(client.get("/api/v2/downloads/release_file/").json()) == 3
    assert client.get("/api/v1/downloads/release/?is_published=false").json()["objects"] == []

    staff = client.get("/api/v2/downloads/release/?is_published=false", HTTP_AUTHORIZATION=api_token)
    assert [r["name"] for r in staff.json()] == ["Python 3.15.0a1"]
    assert "private" in staff["Cache-Control"]
    staff_v1 = client.get(f"/api/v1/downloads/release/{draft.pk}/", HTTP_AUTHORIZATION=api_key)
    assert staff_v1.json()["is_published"] is False


def test_anonymous_reads_are_cacheable_and_tagged(client, release):
    response = client.get("/api/v2/downloads/release/")
    assert "s-maxage" in response["Cache-Control"]
    assert "downloads" in response["Surrogate-Key"].split()


def test_reads_are_not_throttled(client, release):
    for _ in range(120):
        assert client.get("/api/v2/downloads/release/?is_published=true").status_code == 200


def test_v2_release_list_query_count_is_bounded(client, make_release, django_assert_max_num_queries):
    for micro in range(30):
        ReleaseFileFactory.create_batch(2, release=make_release(f"3.10.{micro}"))
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v2/downloads/release/").json()) == 30
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v2/downloads/release_file/").json()) == 60


def test_anonymous_reads_come_from_the_cache_until_a_write(client, release, api_token, django_assert_num_queries):
    assert len(client.get("/api/v2/downloads/release_file/").json()) == 3
    with django_assert_num_queries(0):
        assert len(client.get("/api/v2/downloads/release_file/").json()) == 3

    file = release.files.get(os__slug="source")
    response = client.delete(f"/api/v2/downloads/release_file/{file.pk}/", HTTP_AUTHORIZATION=api_token)
    assert response.status_code == 204

    assert len(client.get("/api/v2/downloads/release_file/").json()) == 2
