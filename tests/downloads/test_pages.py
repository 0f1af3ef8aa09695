"""The download pages as a visitor sees them."""

import datetime

import pytest
from django.urls import reverse

from apps.downloads.models import ReleaseCycle
from tests.downloads.factories import ReleaseFileFactory

pytestmark = pytest.mark.django_db


def test_downloads_home_shows_buttons_active_releases_and_all_releases(client, release, make_release):
    make_release("3.13.9", release_date=datetime.datetime(2025, 10, 14, tzinfo=datetime.UTC))
    make_release("3.14.10", release_date=datetime.datetime(2026, 10, 14, tzinfo=datetime.UTC), is_latest=False)
    ReleaseCycle.objects.create(feature_version="3.14", status="bugfix", first_release="2025-10-07", pep=745)
    ReleaseCycle.objects.create(feature_version="3.8", status="end-of-life", first_release="2019-10-14")

    response = client.get("/downloads/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Download Python 3.14.1 for Windows" in html
    assert "https://www.python.org/ftp/python/3.14.1/python-3.14.1-amd64.exe" in html
    assert 'href="/downloads/android/"' in html  # every OS is linked without JavaScript
    assert "PEP 745" in html and "<td>3.8</td>" not in html
    # Sorted by version, not by date or name: 3.14.10 before 3.14.1 before 3.13.9.
    table = html.split("Looking for a specific release?")[1]
    assert table.index("Python 3.14.10<") < table.index("Python 3.14.1<") < table.index("Python 3.13.9<")
    assert "downloads" in response["Surrogate-Key"].split()


def test_downloads_home_hides_unpublished_and_hidden_releases(client, release, make_release):
    draft = make_release("3.15.0a9")
    draft.unpublish()
    make_release("3.14.0rc9", show_on_download_page=False)

    html = client.get("/downloads/").content.decode()

    assert "Python 3.15.0a9" not in html
    assert "Python 3.14.0rc9" not in html


def test_downloads_home_query_count_does_not_grow_with_releases(
    client, release, make_release, django_assert_max_num_queries
):
    for micro in range(2, 40):
        page = make_release(f"3.13.{micro}")
        ReleaseFileFactory.create_batch(3, release=page)
    client.get("/downloads/")  # the first request ever creates the site's settings rows
    with django_assert_max_num_queries(15):
        response = client.get("/downloads/")
    assert response.status_code == 200
    assert "Python 3.13.39" in response.content.decode()


def test_release_page_lists_files_with_checksums_and_signatures(client, release, django_assert_max_num_queries):
    file = release.files.get(os__slug="source")
    file.gpg_signature_file = file.url + ".asc"
    file.gpg_verified = True
    file.gpg_verification_note = "Good signature from Hugo"
    file.save()

    client.get("/downloads/release/python-3141/")  # the first request ever creates the site's settings rows
    with django_assert_max_num_queries(15):
        response = client.get("/downloads/release/python-3141/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "Python 3.14.1</h1>" in html
    assert "Python-3.14.1.tar.xz" in html
    assert "a" * 64 in html  # SHA-256
    assert "Python-3.14.1.tar.xz.sigstore" in html
    assert "✓ verified" in html
    assert "keeps getting faster" in html  # the release notes
    assert "end of life" not in html


def test_release_page_url_and_end_of_life_banner(client, make_release):
    old = make_release("3.8.20")
    ReleaseCycle.objects.create(feature_version="3.8", status="end-of-life", end_of_life="2024-10-07")

    assert old.url == "/downloads/release/python-3820/"
    html = client.get(old.url).content.decode()
    assert "Python 3.8 has reached its end of life (2024-10-07)" in html


def test_unpublished_and_unknown_releases_are_404(client, make_release):
    draft = make_release("3.15.0a1")
    draft.unpublish()

    assert client.get("/downloads/release/python-3150a1/").status_code == 404
    assert client.get("/downloads/release/python-999/").status_code == 404


def test_release_page_preview_renders(admin_client, release):
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[release.pk]))
    assert response.status_code == 200
    assert "Python-3.14.1.tar.xz" in response.content.decode()


def test_os_page_lists_stable_and_pre_releases_with_that_os_files(client, release, make_release, operating_systems):
    beta = make_release("3.15.0b1")
    ReleaseFileFactory(release=beta, os=operating_systems["windows"], name="Windows installer (64-bit)")

    response = client.get("/downloads/windows/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Python releases for Windows" in html
    stable, pre = html.split("Pre-releases")
    assert "Python 3.14.1" in stable and "python-3.14.1-amd64.exe" in stable
    assert "Python 3.15.0b1" in pre
    assert "Python-3.14.1.tar.xz" not in html  # other OSes' files stay off
    assert client.get("/downloads/beos/").status_code == 404


def test_operating_systems_page(client, downloads_index):
    html = client.get("/downloads/operating-systems/").content.decode()
    for name in ("Windows", "macOS", "Source code", "Android", "iOS"):
        assert name in html


def test_doc_versions(client, release, make_release):
    make_release("2.7.18")
    html = client.get("/doc/versions/").content.decode()
    assert 'href="https://docs.python.org/release/3.14.1/"' in html
    assert "Python 2.7.18" in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/downloads/latest/", "/downloads/release/python-3141/"),
        ("/downloads/latest/python3/", "/downloads/release/python-3141/"),
        ("/downloads/latest/python3.13/", "/downloads/release/python-3139/"),
        ("/downloads/latest/python2/", "/downloads/release/python-2718/"),
        ("/downloads/latest/prerelease/", "/downloads/release/python-3150a2/"),
        ("/downloads/latest/pymanager/", "/downloads/release/pymanager-251/"),
    ],
)
def test_latest_redirects(client, release, make_release, path, target):
    make_release("3.13.8")
    make_release("3.13.9")
    make_release("3.13.10rc1")
    make_release("2.7.18", is_latest=True)
    make_release("3.15.0a1")
    make_release("3.15.0a2")
    make_release("25.1", is_pymanager=True, slug="pymanager-251", title="Python install manager 25.1")

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].endswith(target)


def test_latest_redirect_without_release_is_404(client, downloads_index):
    assert client.get("/downloads/latest/python3.99/").status_code == 404
    assert client.get("/downloads/latest/pymanager/").status_code == 404


def test_legacy_release_url_redirects(client, release):
    response = client.get("/download/releases/3.14.1/")
    assert response.status_code == 301
    assert response["Location"].endswith("/downloads/release/python-3141/")
    assert client.get("/download/releases/9.9.9/").status_code == 404


def test_release_feed(client, release, make_release):
    make_release("3.13.9")
    response = client.get("/downloads/feed.rss")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Python 3.14.1</title>" in body
    assert "/downloads/release/python-3141/" in body


def test_homepage_shows_latest_releases(client, release, make_release):
    make_release("3.13.9")
    html = client.get("/").content.decode()
    assert "Latest:" in html and "Python 3.14.1" in html
    assert "/downloads/release/python-3139/" in html


def test_supernav_tag_shows_latest_buttons(release):
    from django.template import Context, Template

    html = Template("{% load download_tags %}{% downloads_supernav %}").render(Context())
    assert "Download for Windows" in html and "python-3.14.1-amd64.exe" in html


def test_release_table_follows_publishing(client, release, make_release, django_capture_on_commit_callbacks):
    assert "Python 3.14.2" not in client.get("/downloads/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        make_release("3.14.2").save_revision().publish()
    assert "Python 3.14.2" in client.get("/downloads/").content.decode()
