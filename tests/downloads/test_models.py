"""Releases derive everything from their version; files keep their invariants in the database."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from apps.downloads import demo
from apps.downloads.models import DownloadsIndexPage, ReleaseFile, ReleasePage, version_from_name
from apps.pages.models import HomePage
from tests.downloads.factories import ReleaseFileFactory

pytestmark = pytest.mark.django_db


def test_tree_rules():
    assert DownloadsIndexPage.parent_page_types == ["pages.HomePage"]
    assert DownloadsIndexPage.can_create_at(Page()) is False
    assert ReleasePage.parent_page_types == ["downloads.DownloadsIndexPage"]
    assert ReleasePage.subpage_types == []
    assert "downloads.DownloadsIndexPage" in HomePage.subpage_types


@pytest.mark.parametrize(
    ("version", "slug", "parts", "pre_release"),
    [
        ("3.14.1", "python-3141", (3, 14, 1, 3, 0), False),
        ("3.15.0a1", "python-3150a1", (3, 15, 0, 0, 1), True),
        ("3.14.0rc2", "python-3140rc2", (3, 14, 0, 2, 2), True),
        ("2.7.18", "python-2718", (2, 7, 18, 3, 0), False),
    ],
)
def test_version_is_the_single_source(make_release, version, slug, parts, pre_release):
    release = make_release(version, slug="", title="")
    assert release.name == release.title == f"Python {version}"
    assert release.slug == slug
    assert (release.major, release.minor, release.micro, release.pre_rank, release.pre_number) == parts
    assert release.pre_release is pre_release
    assert release.product == (2 if version.startswith("2") else 3)


def test_invalid_version_is_rejected(make_release):
    with pytest.raises(ValidationError):
        make_release("three point fourteen", slug="x")
    with pytest.raises(ValidationError):
        version_from_name("Ruby 3.4")
    assert version_from_name("Python install manager 25.0") == ("25.0", True)


def test_by_version_sorts_numerically(make_release):
    for version in ("3.9.1", "3.10.0rc1", "3.10.0", "3.10.0a7", "3.9.10"):
        make_release(version)
    ordered = [r.version_number for r in ReleasePage.objects.by_version()]
    assert ordered == ["3.10.0", "3.10.0rc1", "3.10.0a7", "3.9.10", "3.9.1"]


def test_only_one_latest_per_major(make_release):
    old = make_release("3.13.0", is_latest=True)
    python2 = make_release("2.7.18", is_latest=True)
    new = make_release("3.14.0", is_latest=True)
    old.refresh_from_db()
    python2.refresh_from_db()
    assert (old.is_latest, python2.is_latest, new.is_latest) == (False, True, True)


def test_one_download_button_per_os_per_release_in_the_database(release):
    source = release.files.get(os__slug="source")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReleaseFileFactory(release=release, os=source.os, download_button=True)
    ReleaseFileFactory(release=release, os=source.os, download_button=False)


def test_sidecar_urls_must_follow_the_artifact(release):
    file = release.files.first()
    file.gpg_signature_file = file.url + ".sig"
    with pytest.raises(ValidationError) as error:
        file.full_clean()
    assert "gpg_signature_file" in error.value.message_dict
    file.gpg_signature_file = file.url + ".asc"
    file.sbom_spdx2_file = file.url + ".spdx.json"
    file.full_clean()


def release_form(index, **files):
    return nested_form_data(
        {
            "title": "",
            "slug": "",
            "version_number": "3.14.3",
            "release_date": "2026-02-03 12:00",
            "release_notes_url": "",
            "show_on_download_page": "on",
            "content": streamfield([("markdown", "Fixes **everything**.")]),
            "files": inline_formset(
                [
                    {
                        "name": "XZ compressed source tarball",
                        "slug": "3143-xz",
                        "os": "3",
                        "url": "https://www.python.org/ftp/python/3.14.3/Python-3.14.3.tar.xz",
                        "filesize": "23000000",
                        "download_button": "on",
                        **files,
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )


def test_editor_creates_a_release_with_files(admin_client, downloads_index):
    url = reverse("wagtailadmin_pages:add", args=("downloads", "releasepage", downloads_index.pk))
    response = admin_client.post(url, release_form(downloads_index, gpg_signature_file=""))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    release = ReleasePage.objects.get(version_number="3.14.3")
    assert release.live and release.slug == "python-3143" and release.title == "Python 3.14.3"
    assert release.files.get().url.endswith("Python-3.14.3.tar.xz")


def test_editor_gets_an_error_for_a_mismatched_sidecar(admin_client, downloads_index):
    url = reverse("wagtailadmin_pages:add", args=("downloads", "releasepage", downloads_index.pk))
    bad = release_form(downloads_index, gpg_signature_file="https://www.python.org/ftp/python/3.14.3/other.asc")
    response = admin_client.post(url, bad)
    assert response.status_code == 200
    assert "Must be the file" in response.content.decode()
    assert not ReleasePage.objects.filter(version_number="3.14.3").exists()


@pytest.mark.parametrize("name", ["downloads_os:index", "downloads_releasecycle:index", "downloads_signingkey:index"])
def test_admin_viewsets_render(admin_client, name):
    assert admin_client.get(reverse(name)).status_code == 200


def test_demo_data_is_realistic_and_idempotent(home_page, data_dir):
    demo.load(data_dir, io.StringIO())
    count = ReleasePage.objects.count()
    features = {f"{r.major}.{r.minor}" for r in ReleasePage.objects.python3()}
    assert {f"3.{minor}" for minor in range(15)} <= features
    assert ReleasePage.objects.latest_python3().version_number == "3.15.0"
    assert ReleasePage.objects.latest_pymanager() is not None
    assert ReleasePage.objects.latest_python2().version_number == "2.7.18"
    assert ReleasePage.objects.filter(is_latest=True, product=ReleasePage.PYTHON2).count() == 1
    demo.load(data_dir, io.StringIO())
    assert ReleasePage.objects.count() == count


def files_of(version):
    return {file.name: file for file in ReleaseFile.objects.filter(release__version_number=version)}


def test_demo_releases_list_the_files_python_org_lists(home_page, data_dir):
    demo.load(data_dir, io.StringIO())
    # 2.7.18: source tarballs, Windows MSI installers, macOS installers; no install manager, no embeddable zips.
    assert set(files_of("2.7.18")) == {
        "Gzipped source tarball", "XZ compressed source tarball", "Windows x86-64 MSI installer",
        "Windows x86 MSI installer", "Windows help file", "Windows debug information files",
        "Windows debug information files for 64-bit binaries", "macOS 64-bit installer",
        "macOS 64-bit/32-bit installer",
    }  # fmt: skip
    # A security-only release ships source only.
    assert set(files_of("3.9.25")) == {"Gzipped source tarball", "XZ compressed source tarball"}
    # A modern release: installers for three Windows architectures, embeddable zips, universal2, Android.
    modern = files_of("3.14.5")
    assert {"Windows installer (64-bit)", "Windows installer (ARM64)", "Windows embeddable package (64-bit)",
            "Windows embeddable package (ARM64)", "macOS 64-bit universal2 installer",
            "Android embeddable package (aarch64)"} <= set(modern)  # fmt: skip
    assert modern["macOS 64-bit universal2 installer"].url.endswith("/3.14.5/python-3.14.5-macos11.pkg")
    assert modern["XZ compressed source tarball"].slug == "python-3145-tar-xz"
    manager = ReleasePage.objects.latest_pymanager()
    assert manager.files.get().url.endswith(".msix")

    files = ReleaseFile.objects.all()
    assert not files.filter(sha256_sum__regex=r"^0+$").exists()
    assert not files.filter(md5_sum__regex=r"^0+$").exists()
    assert all(len(file.sha256_sum) == 64 for file in files)
    assert len({file.sha256_sum for file in files}) == files.count()
    assert 5_000_000 < min(files.values_list("filesize", flat=True))

    notes = {release.version_number: str(release.content) for release in ReleasePage.objects.all()}
    assert not [version for version, text in notes.items() if "Synthetic" in text or len(text) < 200]
    assert "last release of Python 2" in notes["2.7.18"]
    assert "security release" in notes["3.9.25"]
    assert "template string literals" in notes["3.14.0"]
    assert "alpha 1" in notes["3.16.0a1"]


def test_editor_opens_a_release_with_its_files(admin_client, release):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[release.pk]))
    assert response.status_code == 200
    assert "Python-3.14.1.tar.xz" in response.content.decode()


def test_two_download_buttons_for_one_os_is_a_form_error_on_the_file_rows(admin_client, downloads_index):
    url = reverse("wagtailadmin_pages:add", args=("downloads", "releasepage", downloads_index.pk))
    data = release_form(downloads_index, gpg_signature_file="")
    second = {
        "name": "Gzipped source tarball", "slug": "3143-tgz", "os": "3", "filesize": "24000000",
        "url": "https://www.python.org/ftp/python/3.14.3/Python-3.14.3.tgz", "download_button": "on",
    }  # fmt: skip
    data.update({f"files-1-{key}": value for key, value in second.items()})
    data.update({"files-1-id": "", "files-1-ORDER": "2", "files-1-DELETE": "", "files-TOTAL_FORMS": "2"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Only one file per operating system can be its download button (Source code)" in response.content.decode()
    assert not ReleasePage.objects.filter(version_number="3.14.3").exists()


@pytest.mark.parametrize("button_row", [0, 1])
def test_moving_the_download_button_between_files_of_one_os_saves(admin_client, downloads_index, button_row):
    add = reverse("wagtailadmin_pages:add", args=("downloads", "releasepage", downloads_index.pk))
    data = release_form(downloads_index, gpg_signature_file="")
    second = {
        "name": "Gzipped source tarball", "slug": "3143-tgz", "os": "3", "filesize": "24000000",
        "url": "https://www.python.org/ftp/python/3.14.3/Python-3.14.3.tgz",
    }  # fmt: skip
    data.update({f"files-1-{key}": value for key, value in second.items()})
    data.update({"files-1-id": "", "files-1-ORDER": "2", "files-1-DELETE": "", "files-TOTAL_FORMS": "2"})
    response = admin_client.post(add, data)
    assert response.status_code == 302, response.context["form"].formsets["files"].errors
    release = ReleasePage.objects.get(version_number="3.14.3")
    xz, tgz = release.files.get(name__startswith="XZ"), release.files.get(name__startswith="Gzipped")
    assert xz.download_button and not tgz.download_button
    # Edit: the button moves from the XZ row to the TGZ row, with the rows in either order.
    data.update({"files-0-id": str(xz.pk), "files-1-id": str(tgz.pk), "files-INITIAL_FORMS": "2"})
    data["files-0-download_button"] = ""
    data["files-1-download_button"] = "on"
    if button_row == 1:
        data.update({"files-0-ORDER": "2", "files-1-ORDER": "1"})
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[release.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    xz.refresh_from_db()
    tgz.refresh_from_db()
    assert tgz.download_button and not xz.download_button
