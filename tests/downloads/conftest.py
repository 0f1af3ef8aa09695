"""Fixtures of the downloads tests: the Downloads section, releases with files, release managers with keys."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from apps.downloads.models import OS
from apps.users.models import ApiCredential
from apps.users.roles import RELEASE_MANAGERS
from tests.downloads.factories import DownloadsIndexPageFactory, ReleaseFileFactory, ReleasePageFactory
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached API answers and fragments must not leak from one test's database into the next."""
    cache.clear()


@pytest.fixture
def downloads_index(home_page):
    return DownloadsIndexPageFactory(parent=home_page)


@pytest.fixture
def make_release(downloads_index):
    def make(version, **kwargs):
        return ReleasePageFactory(parent=downloads_index, version_number=version, **kwargs)

    return make


@pytest.fixture
def operating_systems(db):
    return {os.slug: os for os in OS.objects.all()}


@pytest.fixture
def release(make_release, operating_systems):
    """Python 3.14.1, the latest release, with a source tarball, a Windows and a macOS installer."""
    release = make_release(
        "3.14.1", is_latest=True, release_date=datetime.datetime(2025, 12, 2, 14, 32, tzinfo=datetime.UTC)
    )
    base = "https://www.python.org/ftp/python/3.14.1"
    for os_slug, name, filename in [
        ("source", "XZ compressed source tarball", "Python-3.14.1.tar.xz"),
        ("windows", "Windows installer (64-bit)", "python-3.14.1-amd64.exe"),
        ("macos", "macOS installer", "python-3.14.1-macos11.pkg"),
    ]:
        ReleaseFileFactory(
            release=release,
            os=operating_systems[os_slug],
            name=name,
            slug=f"3141-{name.replace(' ', '-').replace('(', '').replace(')', '')}",
            url=f"{base}/{filename}",
            is_source=os_slug == "source",
            download_button=True,
            sigstore_bundle_file=f"{base}/{filename}.sigstore",
        )
    return release


def release_manager_user(username="hugo"):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=RELEASE_MANAGERS))
    return user


@pytest.fixture
def release_manager(db):
    return release_manager_user()


@pytest.fixture
def api_key(release_manager):
    """The v1 Authorization header value of a release manager."""
    credential, _ = ApiCredential.objects.get_or_create(user=release_manager)
    key = credential.regenerate_api_key()
    return f"ApiKey {release_manager.username}:{key}"


@pytest.fixture
def api_token(release_manager):
    """The v2 Authorization header value of a release manager."""
    credential, _ = ApiCredential.objects.get_or_create(user=release_manager)
    return f"Token {credential.regenerate_token()}"


class RecordingBackend(BaseBackend):
    """A CDN that remembers what it was asked to purge."""

    purged_keys = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        pass

    def purge_keys(self, keys):
        RecordingBackend.purged_keys.extend(keys)


@pytest.fixture
def cdn():
    RecordingBackend.purged_keys = []
    with override_settings(WAGTAILFRONTENDCACHE={"cdn": {"BACKEND": "tests.downloads.conftest.RecordingBackend"}}):
        yield RecordingBackend
