"""Release managers in the Wagtail admin: the release list, creating and publishing releases, the latest release."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from apps.downloads.models import ReleaseFile, ReleasePage
from tests.downloads.factories import ReleaseFileFactory

pytestmark = pytest.mark.django_db
FTP = "https://www.python.org/ftp/python"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def release_form(version, *, latest=False, action="action-publish", files=None, initial=0):
    base = re.match(r"\d+\.\d+\.\d+", version)[0]
    data = {
        "version_number": version,
        "release_date": "2026-02-03 12:00",
        "release_notes_url": f"https://docs.python.org/release/{base}/whatsnew/changelog.html",
        "show_on_download_page": "on",
        "content": streamfield([("markdown", f"Python {version} fixes over 200 bugs.")]),
        "files": inline_formset(
            files
            if files is not None
            else [
                {
                    "name": "XZ compressed source tarball",
                    "os": "3",
                    "url": f"{FTP}/{base}/Python-{version}.tar.xz",
                    "sha256_sum": "5d1b1a8b0c2e9f4a7c3d6e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b",
                    "filesize": "23000000",
                    "is_source": "on",
                    "download_button": "on",
                },
                {
                    "name": "Windows installer (64-bit)",
                    "os": "1",
                    "url": f"{FTP}/{base}/python-{version}-amd64.exe",
                    "filesize": "28000000",
                    "download_button": "on",
                },
            ],
            initial=initial,
        ),
        "slug": "",
        "seo_title": "",
        "search_description": "",
        "social_text": "",
    }
    if latest:
        data["is_latest"] = "on"
    if action:
        data[action] = action
    return nested_form_data(data)


def add_url(downloads_index):
    return reverse("wagtailadmin_pages:add", args=("downloads", "releasepage", downloads_index.pk))


# --- release managers write releases in the admin ----------------------------------------------


def test_a_release_manager_creates_and_publishes_a_release_with_files(release_manager, downloads_index, client):
    manager = signed_in(release_manager)
    assert manager.get(add_url(downloads_index)).status_code == 200
    response = manager.post(add_url(downloads_index), release_form("3.14.3"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    release = ReleasePage.objects.get(version_number="3.14.3")
    assert release.live and release.slug == "python-3143"
    # File slugs come from the file names; nobody typed them.
    assert set(release.files.values_list("slug", flat=True)) == {"python-3143-tar-xz", "python-3143-amd64-exe"}
    assert "Python-3.14.3.tar.xz" in client.get("/downloads/release/python-3143/").content.decode()


def test_a_release_manager_edits_a_release(release_manager, release):
    manager = signed_in(release_manager)
    edit = reverse("wagtailadmin_pages:edit", args=(release.pk,))
    assert manager.get(edit).status_code == 200
    data = release_form("3.14.1", latest=True, files=[])
    data.update({"files-TOTAL_FORMS": "0", "files-INITIAL_FORMS": "0"})
    response = manager.post(edit, data)
    assert response.status_code == 302
    release.refresh_from_db()
    assert "fixes over 200 bugs" in str(release.content)


def test_release_managers_write_nothing_outside_downloads(release_manager, home_page, downloads_index):
    manager = signed_in(release_manager)
    assert not home_page.permissions_for_user(release_manager).can_edit()
    assert not home_page.permissions_for_user(release_manager).can_add_subpage()
    assert downloads_index.permissions_for_user(release_manager).can_add_subpage()
    response = manager.get(reverse("wagtailadmin_pages:add", args=("pages", "standardpage", home_page.pk)))
    assert response.status_code == 302  # refused, back to the dashboard


def test_same_file_name_in_two_folders_gets_two_slugs(release):
    first = ReleaseFileFactory(release=release, slug="", url=f"{FTP}/pymanager/a/python-manager-25.0.msix")
    second = ReleaseFileFactory(release=release, slug="", url=f"{FTP}/pymanager/b/python-manager-25.0.msix")
    assert (first.slug, second.slug) == ("python-manager-250-msix", "python-manager-250-msix-2")


# --- the latest release ------------------------------------------------------------------------


def test_saving_a_draft_marked_latest_demotes_nothing(release_manager, release, downloads_index):
    manager = signed_in(release_manager)
    response = manager.post(add_url(downloads_index), release_form("3.14.2", latest=True, action=None))
    assert response.status_code == 302
    draft = ReleasePage.objects.get(version_number="3.14.2")
    assert not draft.live
    release.refresh_from_db()
    assert release.is_latest is True
    assert ReleasePage.objects.latest_python3().pk == release.pk


def test_an_invalid_submission_demotes_nothing(release_manager, release, downloads_index):
    manager = signed_in(release_manager)
    bad = release_form("3.14.2", latest=True, files=[{"name": "Tarball", "os": "3", "url": "not a url"}])
    response = manager.post(add_url(downloads_index), bad)
    assert response.status_code == 200
    release.refresh_from_db()
    assert release.is_latest is True
    assert not ReleasePage.objects.filter(version_number="3.14.2").exists()


def test_publishing_the_new_latest_demotes_the_old_one(release_manager, release, downloads_index):
    manager = signed_in(release_manager)
    manager.post(add_url(downloads_index), release_form("3.14.2", latest=True, action=None))
    draft = ReleasePage.objects.get(version_number="3.14.2")
    edit = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    files = [{"id": file.pk, "name": file.name, "os": str(file.os_id), "url": file.url, "filesize": "1"}
             for file in draft.files.all()]  # fmt: skip
    response = manager.post(edit, release_form("3.14.2", latest=True, files=files, initial=len(files)))
    assert response.status_code == 302, (
        response.context["form"].errors,
        response.context["form"].formsets["files"].errors,
    )
    release.refresh_from_db()
    assert release.is_latest is False
    assert ReleasePage.objects.latest_python3().version_number == "3.14.2"


def test_unpublishing_the_latest_hands_over_to_the_newest_published_release(make_release, release_manager):
    older = make_release("3.13.9")
    make_release("3.15.0b1")  # a pre-release never becomes the latest
    make_release("3.14.2", live=False)  # nor does a draft
    python2 = make_release("2.7.18", is_latest=True)
    latest = make_release("3.14.1", is_latest=True)
    manager = signed_in(release_manager)
    response = manager.post(reverse("wagtailadmin_pages:unpublish", args=(latest.pk,)))
    assert response.status_code == 302
    latest.refresh_from_db()
    older.refresh_from_db()
    python2.refresh_from_db()
    assert (latest.live, latest.is_latest) == (False, False)
    assert older.is_latest is True
    assert python2.is_latest is True  # another major version is left alone
    assert ReleasePage.objects.latest_python3().pk == older.pk


def edit_form_says_latest(client, release):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(release.pk,)))
    assert response.status_code == 200
    return bool(response.context["form"]["is_latest"].value())


def publish_a_notes_fix(client, release):
    """What a release manager sends to fix a typo: the edit form as it was shown, with new notes."""
    files = [{"id": file.pk, "name": file.name, "os": str(file.os_id), "url": file.url, "filesize": "1"}
             for file in release.files.all()]  # fmt: skip
    latest = edit_form_says_latest(client, release)
    data = release_form(release.version_number, latest=latest, files=files, initial=len(files))
    response = client.post(reverse("wagtailadmin_pages:edit", args=(release.pk,)), data)
    assert response.status_code == 302


def test_a_demoted_release_s_draft_is_published_without_taking_latest_back(release_manager, release, downloads_index):
    release.save_revision(user=release_manager).publish()
    release.save_revision(user=release_manager)  # a draft of new notes, saved while it was the latest
    manager = signed_in(release_manager)
    manager.post(add_url(downloads_index), release_form("3.14.2", latest=True))
    assert ReleasePage.objects.latest_python3().version_number == "3.14.2"

    release.refresh_from_db()
    assert edit_form_says_latest(manager, release) is False
    publish_a_notes_fix(manager, release)
    assert ReleasePage.objects.latest_python3().version_number == "3.14.2"
    assert ReleasePage.objects.filter(is_latest=True, product=ReleasePage.PYTHON3).count() == 1


def test_the_release_that_takes_over_stays_latest_when_its_draft_is_published(make_release, release_manager):
    older = make_release("3.13.9")
    older.save_revision(user=release_manager).publish()
    older.save_revision(user=release_manager)  # a draft of new notes, saved while it was not the latest
    latest = make_release("3.14.1", is_latest=True)
    manager = signed_in(release_manager)
    manager.post(reverse("wagtailadmin_pages:unpublish", args=(latest.pk,)))
    older.refresh_from_db()
    assert older.is_latest is True

    assert edit_form_says_latest(manager, older) is True
    publish_a_notes_fix(manager, older)
    assert ReleasePage.objects.latest_python3().pk == older.pk


# --- the release list --------------------------------------------------------------------------


@pytest.fixture
def releases(make_release, operating_systems):
    made = {}
    for version in ("3.9.1", "3.10.0rc1", "3.10.0", "3.14.10", "3.14.9", "3.15.0a1"):
        made[version] = make_release(version)
    made["3.13.0"] = make_release("3.13.0", live=False)
    ReleaseFileFactory(release=made["3.14.10"], os=operating_systems["android"])
    return made


def listed(client, **params):
    response = client.get(reverse("downloads_releases:index"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r"Python (\d+\.\d+\.\d+(?:a|b|rc)?\d*)", html)


def unique(versions):
    return list(dict.fromkeys(versions))


def test_the_release_list_is_in_version_order(release_manager, releases):
    manager = signed_in(release_manager)
    assert unique(listed(manager)) == ["3.15.0a1", "3.14.10", "3.14.9", "3.13.0", "3.10.0", "3.10.0rc1", "3.9.1"]
    assert unique(listed(manager, ordering="version"))[0] == "3.9.1"


def test_the_release_list_filters(release_manager, releases, operating_systems):
    manager = signed_in(release_manager)
    assert unique(listed(manager, version="3.14")) == ["3.14.10", "3.14.9"]
    assert unique(listed(manager, version="3.10.0")) == ["3.10.0", "3.10.0rc1"]
    assert unique(listed(manager, pre_release="true")) == ["3.15.0a1", "3.10.0rc1"]
    assert unique(listed(manager, live="false")) == ["3.13.0"]
    assert unique(listed(manager, os=operating_systems["android"].pk)) == ["3.14.10"]
    assert listed(manager, version="not-a-version") == []


def test_the_release_list_is_for_staff_who_write_releases(client, editor, releases):
    list_url = reverse("downloads_releases:index")
    assert signed_in(editor).get(list_url).status_code == 200
    assert client.get(list_url).status_code == 302  # to sign in
    assert ReleaseFile.objects.count() == 1
