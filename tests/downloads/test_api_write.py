"""Release managers writing over the API, as the CPython release tooling does."""

import json

import pytest
from django.contrib.auth.models import Group

from apps.downloads.models import ReleaseFile, ReleasePage
from apps.users.models import ApiCredential
from tests.downloads.conftest import release_manager_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FTP = "https://www.python.org/ftp/python/3.14.2"


def file_payload(release_pk, filename="Python-3.14.2.tar.xz", os_pk=3, **extra):
    """A release file as add_to_pydotorg.py builds it (no md5_sum, sidecars only when present)."""
    return {
        "name": "XZ compressed source tarball",
        "slug": "3142-XZ-compressed-source-tarball",
        "os": f"/api/v1/downloads/os/{os_pk}/",
        "release": f"/api/v1/downloads/release/{release_pk}/",
        "description": "",
        "is_source": os_pk == 3,
        "url": f"{FTP}/{filename}",
        "sha256_sum": "b" * 64,
        "filesize": 23_000_000,
        "download_button": True,
        **extra,
    }


def post(client, url, data, auth=None, raw=None):
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    body = raw if raw is not None else json.dumps(data)
    return client.post(url, body, content_type="application/json", **headers)


def test_scripted_release_manager_session(client, make_release, api_key, cdn, django_capture_on_commit_callbacks):
    """Look up a release by name, delete its files, post new ones, roll one back (add_to_pydotorg.py's steps)."""
    release = make_release("3.14.2")
    release.save_revision().publish()
    session = {"HTTP_AUTHORIZATION": api_key}

    # 1. Find the release and the OSes.
    found = client.get("/api/v1/downloads/release/?name=Python+3.14.2", **session).json()
    release_pk = int(found["objects"][0]["resource_uri"].strip("/").split("/")[-1])
    assert release_pk == release.pk
    windows = client.get("/api/v1/downloads/os/?slug=windows", **session).json()["objects"][0]
    assert windows["resource_uri"] == "/api/v1/downloads/os/1/"

    # 2. Delete previous files (there are none yet: still 204).
    assert client.delete(f"/api/v1/downloads/release_file/?release={release_pk}", **session).status_code == 204

    # 3. Post the new files.
    payloads = [
        file_payload(release_pk, gpg_signature_file=f"{FTP}/Python-3.14.2.tar.xz.asc"),
        file_payload(release_pk, "Python-3.14.2.tgz", name="Gzipped source tarball",
                     slug="3142-Gzipped-source-tarball", download_button=False),
        file_payload(release_pk, "python-3.14.2-amd64.exe", os_pk=1, name="Windows installer (64-bit)",
                     slug="3142-Windows-installer-64-bit", description="Recommended",
                     sigstore_bundle_file=f"{FTP}/python-3.14.2-amd64.exe.sigstore"),
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        posts = [post(client, "/api/v1/downloads/release_file/", payload, api_key) for payload in payloads]
    created = []
    for response in posts:
        assert response.status_code == 201, response.content
        created.append(int(response["Location"].strip("/").split("/")[-1]))
    assert release.files.count() == 3
    stored = ReleaseFile.objects.get(pk=created[0])
    assert (
        stored.md5_sum == "" and stored.sigstore_cert_file == "" and stored.slug == "3142-XZ-compressed-source-tarball"
    )

    # 4. Roll one back.
    assert client.delete(f"/api/v1/downloads/release_file/{created[1]}/", **session).status_code == 204
    assert sorted(release.files.values_list("pk", flat=True)) == [created[0], created[2]]

    # The public page and API show the result; the editor's latest revision holds the same files.
    page = client.get("/downloads/release/python-3142/").content.decode()
    assert "python-3.14.2-amd64.exe" in page and "Python-3.14.2.tgz" not in page
    files = client.get(f"/api/v2/downloads/release_file/?release={release_pk}").json()
    assert {f["slug"] for f in files} == {"3142-XZ-compressed-source-tarball", "3142-Windows-installer-64-bit"}
    revision_files = ReleasePage.objects.get(pk=release_pk).get_latest_revision().content["files"]
    assert sorted(f["pk"] for f in revision_files) == [created[0], created[2]]
    assert "downloads" in cdn.purged_keys

    # Running the script again starts by deleting this release's files only.
    other = make_release("3.13.10")
    post(client, "/api/v1/downloads/release_file/",
         file_payload(other.pk, slug="31310-xz", url="https://www.python.org/ftp/python/3.13.10/Python-3.13.10.tar.xz"),
         api_key)  # fmt: skip
    assert client.delete(f"/api/v1/downloads/release_file/?release={release_pk}", **session).status_code == 204
    assert release.files.count() == 0 and other.files.count() == 1


def test_published_release_keeps_files_after_editor_republishes(client, make_release, api_key):
    release = make_release("3.14.2")
    release.save_revision().publish()
    post(client, "/api/v1/downloads/release_file/", file_payload(release.pk), api_key)

    # An editor publishes the latest revision from the admin: the API's file survives.
    ReleasePage.objects.get(pk=release.pk).get_latest_revision().publish()

    assert release.files.count() == 1


def test_v2_token_session_and_delete_by_release(client, release, api_token):
    auth = {"HTTP_AUTHORIZATION": api_token}
    url = "https://www.python.org/ftp/python/3.14.1/python-3.14.1-arm64.exe"
    payload = file_payload(release.pk, url=url, os_pk=1, slug="3141-arm64", name="ARM64", download_button=False)
    payload["release"] = f"http://testserver/api/v2/downloads/release/{release.pk}/"
    response = post(client, "/api/v2/downloads/release_file/", payload, api_token)
    assert response.status_code == 201
    assert response.json()["release"] == f"http://testserver/api/v2/downloads/release/{release.pk}/"
    assert response["Location"].endswith(
        f"/api/v2/downloads/release_file/{response.json()['resource_uri'].split('/')[-2]}/"
    )

    response = client.delete(f"/api/v2/downloads/release_file/delete_by_release/?release={release.pk}", **auth)
    assert response.status_code == 204
    assert release.files.count() == 0
    assert client.delete("/api/v2/downloads/release_file/delete_by_release/", **auth).status_code == 400
    assert client.delete("/api/v2/downloads/release_file/delete_by_release/?release=abc", **auth).status_code == 400


def test_delete_without_or_with_bad_release_filter_deletes_nothing(client, release, api_key):
    auth = {"HTTP_AUTHORIZATION": api_key}
    assert client.delete("/api/v1/downloads/release_file/", **auth).status_code == 400
    assert client.delete("/api/v1/downloads/release_file/?release=abc", **auth).status_code == 400
    assert client.delete("/api/v1/downloads/release_file/?slug=x", **auth).status_code == 400
    assert client.delete("/api/v1/downloads/release_file/?release=999999", **auth).status_code == 204
    assert release.files.count() == 3
    assert client.delete("/api/v1/downloads/release/", **auth).status_code == 405


def test_create_release_over_api(client, downloads_index, api_token, cdn, django_capture_on_commit_callbacks):
    body = {
        "name": "Python 3.15.0a3",
        "slug": "python-3150a3",
        "version": 3,
        "is_published": True,
        "is_latest": False,
        "release_date": "2025-12-16T12:00:00Z",
        "pre_release": True,
        "release_notes_url": "https://docs.python.org/3.15/whatsnew/3.15.html",
        "show_on_download_page": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "/api/v2/downloads/release/", body, api_token)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["name"] == "Python 3.15.0a3" and created["pre_release"] is True
    assert created["release_date"] == "2025-12-16T12:00:00Z"
    page = ReleasePage.objects.get(slug="python-3150a3")
    assert page.live and (page.major, page.minor, page.micro) == (3, 15, 0)
    assert client.get("/downloads/release/python-3150a3/").status_code == 200
    assert "downloads" in cdn.purged_keys

    # Update: unpublish it.
    response = client.patch(
        f"/api/v2/downloads/release/{page.pk}/", json.dumps({"is_published": False}),
        content_type="application/json", HTTP_AUTHORIZATION=api_token,
    )  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["is_published"] is False
    assert client.get("/downloads/release/python-3150a3/").status_code == 404


def test_is_latest_is_demoted_automatically(client, release, make_release, api_key):
    newer = make_release("3.14.2")
    response = client.patch(
        f"/api/v1/downloads/release/{newer.pk}/", json.dumps({"is_latest": True}),
        content_type="application/json", HTTP_AUTHORIZATION=api_key,
    )  # fmt: skip
    assert response.status_code == 202
    release.refresh_from_db()
    assert release.is_latest is False
    assert ReleasePage.objects.latest_python3().pk == newer.pk


# --- authentication ----------------------------------------------------------------------------


def test_anonymous_write_is_401_whatever_the_body(client, release):
    for body in ("{not json", json.dumps({}), json.dumps(file_payload(release.pk))):
        response = post(client, "/api/v1/downloads/release_file/", None, raw=body)
        assert response.status_code == 401
        assert "error_message" in response.json()
    assert client.delete(f"/api/v1/downloads/release_file/?release={release.pk}").status_code == 401
    assert client.delete("/api/v2/downloads/release_file/delete_by_release/?release=1").status_code == 401
    assert release.files.count() == 3


def test_credentials_in_query_string_or_form_are_refused(client, release, release_manager):
    key = ApiCredential.objects.create(user=release_manager).regenerate_api_key()
    url = f"/api/v1/downloads/release_file/?username={release_manager.username}&api_key={key}"
    assert post(client, url, file_payload(release.pk)).status_code == 401
    form = client.post("/api/v1/downloads/release_file/", {"username": release_manager.username, "api_key": key})
    assert form.status_code == 401
    assert ReleaseFile.objects.filter(url__contains="3.14.2").count() == 0


def test_wrong_key_token_or_scheme_is_401(client, release, release_manager, api_key):
    username = release_manager.username
    for header in (f"ApiKey {username}:wrong", "ApiKey nobody:x", "Basic abc", "ApiKey"):
        assert post(client, "/api/v1/downloads/release_file/", file_payload(release.pk), header).status_code == 401
    assert post(client, "/api/v2/downloads/release_file/", file_payload(release.pk), "Token wrong").status_code == 401
    # A v1 key is not a v2 token.
    assert post(client, "/api/v2/downloads/release_file/", file_payload(release.pk), api_key).status_code == 401


def test_staff_outside_release_managers_is_403(client, release):
    staff = UserFactory(username="editor", is_staff=True)
    staff.groups.add(Group.objects.get(name="Editors"))
    token = ApiCredential.objects.create(user=staff).regenerate_token()
    response = post(client, "/api/v2/downloads/release_file/", file_payload(release.pk), f"Token {token}")
    assert response.status_code == 403
    assert release.files.count() == 3


def test_superuser_may_write(client, release):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    token = ApiCredential.objects.create(user=admin).regenerate_token()
    payload = file_payload(release.pk, download_button=False)
    assert post(client, "/api/v2/downloads/release_file/", payload, f"Token {token}").status_code == 201


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"filesize": "big"}, "filesize"),
        ({"is_source": "yes"}, "is_source"),
        ({"download_button": 1}, "download_button"),
        ({"url": "https://evil.example.com/Python-3.14.2.tar.xz"}, "hosted on"),
        ({"url": "not a url"}, "url"),
        ({"gpg_signature_file": f"{FTP}/other.tar.xz.asc"}, "gpg_signature_file"),
        ({"sigstore_bundle_file": f"{FTP}/Python-3.14.2.tar.xz.sig"}, "sigstore_bundle_file"),
        ({"sbom_spdx2_file": f"{FTP}/Python-3.14.2.tar.xz.json"}, "sbom_spdx2_file"),
        ({"os": "/api/v1/downloads/os/99/"}, "os"),
        ({"os": "/api/v1/downloads/release/1/"}, "os"),
        ({"release": "/api/v1/downloads/release/999999/"}, "release"),
        ({"slug": "has spaces"}, "slug"),
        ({"name": None}, "name"),
    ],
)
def test_bad_file_is_400_and_writes_nothing(client, release, api_key, change, message):
    payload = file_payload(release.pk, **change)
    response = post(client, "/api/v1/downloads/release_file/", payload, api_key)
    assert response.status_code == 400, response.content
    assert message in response.json()["error_message"]
    assert release.files.count() == 3


def test_second_download_button_for_an_os_is_400(client, release, api_key):
    payload = file_payload(release.pk, url="https://www.python.org/ftp/python/3.14.1/Python-3.14.1.tgz", slug="tgz")
    response = post(client, "/api/v1/downloads/release_file/", payload, api_key)
    assert response.status_code == 400
    assert "download button" in response.json()["error_message"]
    assert release.files.count() == 3


def test_duplicate_slug_or_url_across_releases_is_400(client, release, make_release, api_token):
    other = make_release("3.14.2")
    existing = release.files.first()
    for change in ({"slug": existing.slug}, {"url": existing.url}):
        payload = file_payload(other.pk, download_button=False, **change)
        response = post(client, "/api/v2/downloads/release_file/", payload, api_token)
        assert response.status_code == 400
    assert other.files.count() == 0


def test_malformed_json_and_non_object_bodies_are_400(client, release, api_key, api_token):
    assert post(client, "/api/v1/downloads/release_file/", None, api_key, raw="{oops").status_code == 400
    assert "error_message" in post(client, "/api/v1/downloads/release_file/", None, api_key, raw="{oops").json()
    assert post(client, "/api/v2/downloads/release_file/", ["a"], api_token).status_code == 400
    assert post(client, "/api/v2/downloads/release/", {"name": "Ruby 3"}, api_token).status_code == 400
    assert post(client, "/api/v2/downloads/release/", {"name": 3}, api_token).status_code == 400
    assert ReleaseFile.objects.count() == 3


def test_bad_release_is_400_and_writes_nothing(client, release, api_token):
    before = ReleasePage.objects.count()
    for body in (
        {"name": "Python 3.14.1"},  # same slug as an existing release
        {"name": "Python 3.14.3", "release_date": "soon"},
        {"name": "Python 3.14.3", "release_notes_url": "nope"},
        {"name": "Python 3.14.3", "is_published": "true"},
    ):
        response = post(client, "/api/v2/downloads/release/", body, api_token)
        assert response.status_code == 400, body
    assert ReleasePage.objects.count() == before


def test_other_release_manager(client, release):
    other = release_manager_user("thomas")
    key = ApiCredential.objects.create(user=other).regenerate_api_key()
    response = client.delete(
        f"/api/v1/downloads/release_file/?release={release.pk}", HTTP_AUTHORIZATION=f"ApiKey thomas:{key}"
    )
    assert response.status_code == 204
