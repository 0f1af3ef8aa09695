"""Golden responses of the downloads API: the exact bytes, status codes and headers clients read today.

Each case is a short sequence of requests against the same releases, files and operating systems; every
answer is compared byte for byte (key order, blanks, date formats, ``resource_uri`` forms) with
``data/golden/<case>.json``. Primary keys of releases and files differ from run to run, so they appear
there as ``{release:3.14.1}``, ``{file:Python-3.14.1.tar.xz}`` or ``{new}`` (an object the case created).

Re-record (only when a change of the API is intended): ``GOLDEN_RECORD=1 pytest tests/downloads/test_api_golden.py``.
"""

import datetime
import json
import os
import re
from pathlib import Path

import pytest

from apps.downloads.models import ReleasePage
from apps.users.models import ApiCredential
from tests.downloads.conftest import release_manager_user
from tests.downloads.factories import ReleaseFileFactory
from tests.factories import UserFactory

GOLDEN = Path(__file__).parent / "data" / "golden"
HEADERS = ("Content-Type", "Cache-Control", "Vary", "Location", "WWW-Authenticate", "Allow", "Surrogate-Key")
V1, V2 = "/api/v1/downloads", "/api/v2/downloads"
FTP = "https://www.python.org/ftp/python"
MISSING = 987654321


@pytest.fixture
def world(release, make_release, operating_systems, cdn):
    """3.14.1 (latest, three files), 3.13.9 (one file) and an unpublished 3.15.0a2 (one file)."""
    older = make_release(
        "3.13.9", release_date=datetime.datetime(2025, 10, 14, 9, 5, 30, tzinfo=datetime.UTC),
        release_notes_url="",
    )  # fmt: skip
    draft = make_release(
        "3.15.0a2", pre_release=True, live=False, release_date=datetime.datetime(2025, 11, 19, tzinfo=datetime.UTC)
    )
    for page, filename, os_slug in [
        (older, "Python-3.13.9.tgz", "source"),
        (draft, "python-3.15.0a2-amd64.exe", "windows"),
    ]:
        ReleaseFileFactory(
            release=page, os=operating_systems[os_slug], name=f"File {filename}",
            slug=filename.lower().replace(".", "-"), url=f"{FTP}/{page.version_number}/{filename}",
            description="", sha256_sum="c" * 64, filesize=1234,
        )  # fmt: skip
    names = {"release": {}, "file": {}}
    for page in ReleasePage.objects.all():
        names["release"][page.pk] = page.version_number
        for file in page.files.all():
            names["file"][file.pk] = file.url.rsplit("/", 1)[-1]
    manager = ApiCredential.objects.get_or_create(user=release_manager_user("ned"))[0]
    outsider = ApiCredential.objects.get_or_create(user=UserFactory(username="visitor", is_staff=True))[0]
    auth = {
        "v1": f"ApiKey ned:{manager.regenerate_api_key()}",
        "v2": f"Token {manager.regenerate_token()}",
        "v1-outsider": f"ApiKey visitor:{outsider.regenerate_api_key()}",
        "v2-outsider": f"Token {outsider.regenerate_token()}",
        "v1-wrong": "ApiKey ned:not-the-key",
        "v2-wrong": "Token not-the-token",
        "v2-with-v1-scheme": "ApiKey ned:whatever",
    }
    return {"names": names, "auth": auth, "pk": {v: k for kind in names.values() for k, v in kind.items()}}


def file_body(version="/api/v1", release="3.14.1", **extra):
    return {
        "name": "Gzipped source tarball",
        "slug": "3141-Gzipped-source-tarball",
        "os": f"{version}/downloads/os/3/",
        "release": f"{version}/downloads/release/{{release:{release}}}/",
        "is_source": True,
        "url": f"{FTP}/3.14.1/Python-3.14.1.tgz",
        "sha256_sum": "d" * 64,
        "filesize": 29_000_000,
        "download_button": False,
        **extra,
    }


RELEASE_BODY = {
    "name": "Python 3.14.2",
    "version": 3,
    "is_published": True,
    "is_latest": False,
    "release_date": "2025-12-05T10:00:00Z",
    "pre_release": False,
    "release_notes_url": "https://docs.python.org/release/3.14.2/whatsnew/changelog.html",
    "show_on_download_page": True,
}

# case name -> [(method, url, auth, body)]; a str body is sent as it is, anything else as JSON.
READS = {
    **{
        f"{v}_{resource}_list": [("get", f"{base}/{resource}/", None, None)]
        for v, base in (("v1", V1), ("v2", V2))
        for resource in ("os", "release", "release_file")
    },
    **{
        f"{v}_{resource}_list_staff": [("get", f"{base}/{resource}/", v, None)]
        for v, base in (("v1", V1), ("v2", V2))
        for resource in ("release", "release_file")
    },
    "v1_os_detail": [("get", f"{V1}/os/1/", None, None), ("get", f"{V1}/os/1", None, None)],
    "v2_os_detail": [("get", f"{V2}/os/1/", None, None)],
    "v1_release_detail": [("get", f"{V1}/release/{{release:3.14.1}}/", None, None)],
    "v2_release_detail": [("get", f"{V2}/release/{{release:3.14.1}}/", None, None)],
    "release_detail_unpublished": [
        ("get", f"{V1}/release/{{release:3.15.0a2}}/", None, None),
        ("get", f"{V2}/release/{{release:3.15.0a2}}/", None, None),
        ("get", f"{V1}/release/{{release:3.15.0a2}}/", "v1", None),
        ("get", f"{V2}/release/{{release:3.15.0a2}}/", "v2", None),
    ],
    "v1_release_file_detail": [("get", f"{V1}/release_file/{{file:Python-3.14.1.tar.xz}}/", None, None)],
    "v2_release_file_detail": [("get", f"{V2}/release_file/{{file:Python-3.14.1.tar.xz}}/", None, None)],
    "v1_filters": [
        ("get", f"{V1}/release/?name=Python+3.14.1", None, None),
        ("get", f"{V1}/release/?slug=python-3139", None, None),
        ("get", f"{V1}/release/?version=3&is_published=true&pre_release=false", None, None),
        ("get", f"{V1}/release/?is_published=false", "v1", None),
        ("get", f"{V1}/release/?release_date=2025-12-02T14:32:00Z", None, None),
        ("get", f"{V1}/release/?version__startswith=3", None, None),
        ("get", f"{V1}/release/?release_date__gte=2025-11-01&release_date__lt=2026-01-01", None, None),
        ("get", f"{V1}/release/?release_date__year=2025", None, None),
        ("get", f"{V1}/release_file/?release={{release:3.14.1}}&os=1", None, None),
        ("get", f"{V1}/release_file/?release=/api/v1/downloads/release/{{release:3.13.9}}/", None, None),
        ("get", f"{V1}/release_file/?os__slug=macos", None, None),
        ("get", f"{V1}/release_file/?os__name=Windows", None, None),
        ("get", f"{V1}/release_file/?release__slug=python-3139", None, None),
        ("get", f"{V1}/release_file/?release__name=Python+3.13.9", None, None),
        ("get", f"{V1}/release_file/?release__version=3&release__is_published=true&limit=1", None, None),
        ("get", f"{V1}/release_file/?description__contains=nothing", None, None),
        ("get", f"{V1}/release_file/?name=macOS+installer&slug=3141-macOS-installer", None, None),
        ("get", f"{V1}/os/?slug=windows&name=Windows", None, None),
        ("get", f"{V1}/release/?unknown=1&format=json", None, None),
    ],
    "v2_filters": [
        ("get", f"{V2}/release/?name=Python+3.14.1", None, None),
        ("get", f"{V2}/release/?version=3&is_published=True&pre_release=0", None, None),
        ("get", f"{V2}/release/?release_date=2025-10-14T09:05:30Z", None, None),
        ("get", f"{V2}/release/?version__startswith=3&release_date__year=1999", None, None),
        ("get", f"{V2}/release_file/?release={{release:3.13.9}}", None, None),
        ("get", f"{V2}/release_file/?os=http://testserver/api/v2/downloads/os/2/", None, None),
        ("get", f"{V2}/release_file/?os__slug=macos", None, None),
        ("get", f"{V2}/os/?slug=source", None, None),
    ],
    "v1_paging": [
        ("get", f"{V1}/release_file/?limit=2", None, None),
        ("get", f"{V1}/release_file/?limit=2&offset=2", None, None),
        ("get", f"{V1}/release_file/?limit=2&offset=1&release__version=3", None, None),
        ("get", f"{V1}/release_file/?limit=0", None, None),
        ("get", f"{V1}/release_file/?limit=5000", None, None),
        ("get", f"{V1}/release/?offset=10", None, None),
        ("get", f"{V1}/release/?offset=99999999999999999999", None, None),
        ("get", f"{V1}/release/?limit=-1", None, None),
        ("get", f"{V1}/release/?limit=two", None, None),
        ("get", f"{V2}/release/?limit=1&offset=1", None, None),
    ],
    "bad_filters": [
        ("get", f"{V1}/release/?version=python", None, None),
        ("get", f"{V2}/release/?version=99999", None, None),
        ("get", f"{V1}/release/?is_published=maybe", None, None),
        ("get", f"{V1}/release/?release_date=yesterday", None, None),
        ("get", f"{V1}/release/?release_date__year=0", None, None),
        ("get", f"{V1}/release_file/?release=/api/v1/downloads/os/1/", None, None),
        ("get", f"{V2}/release_file/?os=abc", None, None),
        ("get", f"{V1}/release/?name=a%00b", None, None),
        ("get", f"{V2}/os/?slug=%00", None, None),
        ("get", f"{V1}/os/?name={'x' * 1001}", None, None),
        ("get", f"{V1}/release/?api_key=abc", None, None),
        ("get", f"{V2}/release/?token=abc", None, None),
    ],
    "unknown_ids": [
        ("get", f"{V1}/release/{MISSING}/", None, None),
        ("get", f"{V2}/release_file/{MISSING}/", None, None),
        ("get", f"{V1}/os/{MISSING}/", None, None),
        ("get", f"{V2}/os/99999999999999999999999/", None, None),
        ("get", f"{V1}/nothing/", None, None),
    ],
    "v1_schemas": [("get", f"{V1}/{resource}/schema/", None, None) for resource in ("os", "release", "release_file")],
}

WRITES = {
    "auth_errors": [
        ("post", f"{V1}/os/", None, {"name": "Plan 9", "slug": "plan9"}),
        ("post", f"{V2}/os/", None, {"name": "Plan 9", "slug": "plan9"}),
        ("post", f"{V1}/os/", "v1-outsider", {"name": "Plan 9", "slug": "plan9"}),
        ("patch", f"{V2}/release/{{release:3.14.1}}/", "v2-outsider", {"is_latest": False}),
        ("delete", f"{V1}/release_file/{{file:Python-3.14.1.tar.xz}}/", "v1-wrong", None),
        ("delete", f"{V2}/release_file/{{file:Python-3.14.1.tar.xz}}/", "v2-wrong", None),
        ("post", f"{V2}/os/", "v2-with-v1-scheme", {"name": "Plan 9", "slug": "plan9"}),
        ("post", f"{V1}/os/", "v2", {"name": "Plan 9", "slug": "plan9"}),
        ("get", f"{V1}/os/", "v1-wrong", None),
        ("get", f"{V1}/os/", None, None),
    ],
    "bad_bodies": [
        ("post", f"{V1}/os/", "v1", '{"name": "Plan 9", '),
        ("post", f"{V2}/os/", "v2", '{"name": "Plan 9", '),
        ("post", f"{V1}/os/", "v1", '["not", "an", "object"]'),
        ("post", f"{V2}/os/", "v2", {"name": "Plan\u00009", "slug": "plan9"}),
        ("post", f"{V1}/os/", "v1", {"name": "Plan 9"}),
        ("post", f"{V2}/os/", "v2", {"name": 9, "slug": "plan9"}),
        ("post", f"{V1}/os/", "v1", {"name": "Plan 9", "slug": "windows"}),
        ("post", f"{V1}/release_file/", "v1", file_body(os="/api/v1/downloads/os/999/")),
        ("post", f"{V2}/release_file/", "v2", file_body(release="3.14.1", filesize=-5)),
        ("post", f"{V1}/release_file/", "v1", file_body(is_source="yes")),
        ("post", f"{V1}/release_file/", "v1", file_body(url=f"{FTP}/3.14.1/Python-3.14.1.tar.xz")),
        ("post", f"{V1}/release/", "v1", {**RELEASE_BODY, "name": "Not a Python"}),
        ("post", f"{V2}/release/", "v2", {**RELEASE_BODY, "release_date": "soon"}),
        ("put", f"{V1}/os/1/", "v1", {"name": "Windows"}),
        ("put", f"{V1}/os/{MISSING}/", "v1", {"name": "Windows", "slug": "windows"}),
        ("delete", f"{V1}/os/", "v1", None),
        ("delete", f"{V1}/release_file/", "v1", None),
        ("delete", f"{V1}/release_file/?release=abc", "v1", None),
        ("get", f"{V2}/release_file/delete_by_release/", "v2", None),
        ("get", f"{V1}/os/", None, None),
    ],
    "v1_os_create_update_delete": [
        ("post", f"{V1}/os/", "v1", {"name": "Plan 9", "slug": "plan9"}),
        ("get", f"{V1}/os/{{new}}/", None, None),
        ("put", f"{V1}/os/{{new}}/", "v1", {"name": "Plan 9 from Bell Labs", "slug": "plan9"}),
        ("patch", f"{V1}/os/{{new}}/", "v1", {"slug": "plan-9"}),
        ("get", f"{V1}/os/{{new}}/", None, None),
        ("delete", f"{V1}/os/{{new}}/", "v1", None),
        ("get", f"{V1}/os/{{new}}/", None, None),
    ],
    "v2_os_create_update_delete": [
        ("post", f"{V2}/os/", "v2", {"name": "Plan 9", "slug": "plan9"}),
        ("put", f"{V2}/os/{{new}}/", "v2", {"name": "Plan 9 from Bell Labs", "slug": "plan9"}),
        ("patch", f"{V2}/os/{{new}}/", "v2", {"slug": "plan-9"}),
        ("get", f"{V2}/os/", None, None),
        ("delete", f"{V2}/os/{{new}}/", "v2", None),
        ("get", f"{V2}/os/{{new}}/", None, None),
    ],
    "v1_release_writes": [
        ("get", f"{V1}/release/", None, None),
        ("post", f"{V1}/release/", "v1", RELEASE_BODY),
        ("get", f"{V1}/release/{{new}}/", None, None),
        ("patch", f"{V1}/release/{{new}}/", "v1", {"is_latest": True, "release_notes_url": None}),
        ("get", f"{V1}/release/{{new}}/", "v1", None),
        ("patch", f"{V1}/release/{{new}}/", "v1", {"is_published": False}),
        ("get", f"{V1}/release/{{new}}/", None, None),
        (
            "put",
            f"{V1}/release/{{release:3.13.9}}/",
            "v1",
            {"name": "Python 3.13.9", "pre_release": False, "release_date": "2025-10-15"},
        ),
        ("get", f"{V1}/release/{{release:3.13.9}}/", None, None),
        ("get", f"{V1}/release/", None, None),
    ],
    "v2_release_writes": [
        ("post", f"{V2}/release/", "v2", {**RELEASE_BODY, "is_published": False, "slug": "python-3142-custom"}),
        ("patch", f"{V2}/release/{{new}}/", "v2", {"is_published": True, "show_on_download_page": False}),
        ("put", f"{V2}/release/{{release:3.15.0a2}}/", "v2", {"name": "Python 3.15.0a2", "is_published": True}),
        ("get", f"{V2}/release/", None, None),
    ],
    "v1_release_file_writes": [
        ("post", f"{V1}/release_file/", "v1", file_body(gpg_signature_file=f"{FTP}/3.14.1/Python-3.14.1.tgz.asc")),
        ("get", f"{V1}/release_file/{{new}}/", None, None),
        ("patch", f"{V1}/release_file/{{new}}/", "v1", {"md5_sum": "e" * 32, "description": None}),
        ("put", f"{V1}/release_file/{{new}}/", "v1", file_body(slug="", release="3.13.9")),
        ("get", f"{V1}/release_file/{{new}}/", None, None),
        ("delete", f"{V1}/release_file/{{new}}/", "v1", None),
        ("delete", f"{V1}/release_file/?release={{release:3.14.1}}", "v1", None),
        ("get", f"{V1}/release_file/", None, None),
    ],
    "v2_release_file_writes": [
        (
            "post",
            f"{V2}/release_file/",
            "v2",
            file_body(version="/api/v2", sigstore_bundle_file=f"{FTP}/3.14.1/Python-3.14.1.tgz.sigstore"),
        ),
        ("patch", f"{V2}/release_file/{{new}}/", "v2", {"download_button": True, "os": "1"}),
        ("put", f"{V2}/release_file/{{new}}/", "v2", file_body(version="/api/v2", name="Renamed")),
        ("delete", f"{V2}/release_file/{{new}}/", "v2", None),
        ("delete", f"{V2}/release_file/delete_by_release/?release={{release:3.13.9}}", "v2", None),
        ("delete", f"{V2}/release_file/delete_by_release/", "v2", None),
        ("get", f"{V2}/release_file/", None, None),
    ],
}
CASES = {**READS, **WRITES}

URI = re.compile(r"(?P<head>/(?:os|release|release_file)(?:/|%2F))(?P<pk>\d+)(?=/|%2F)")
PARAM = re.compile(r"(?P<head>[?&]release=)(?P<pk>\d+)(?=&|$|\")")
MESSAGE = re.compile(r"(?P<head>No (?:os|release|release_file) with id )(?P<pk>\d+)")


def normalize(text, world, new):
    """The answer with primary keys named, so it reads the same whatever pks this run gave out."""

    def name(kind):
        def replace(match):
            pk = int(match["pk"])
            if kind(match) == "release" and pk in world["names"]["release"]:
                return f"{match['head']}{{release:{world['names']['release'][pk]}}}"
            if kind(match) == "release_file" and pk in world["names"]["file"]:
                return f"{match['head']}{{file:{world['names']['file'][pk]}}}"
            if pk == new:
                return f"{match['head']}{{new}}"
            return match[0]

        return replace

    def kind(match):
        return next(word for word in ("release_file", "release", "os") if word in match["head"])

    text = URI.sub(name(kind), text)
    text = PARAM.sub(name(lambda match: "release"), text)
    return MESSAGE.sub(name(kind), text)


def fill(text, world, new):
    """A request's URL or body with the named primary keys replaced by this run's."""

    def replace(match):
        kind, _, label = match[1].partition(":")
        if kind == "new":
            return str(new)
        return str(world["pk"][label])

    return re.sub(r"\{((?:release|file):[^}]+|new)\}", replace, text)


def run_case(client, world, steps):
    answers, new = [], None
    for method, url, auth, body in steps:
        headers = {"HTTP_AUTHORIZATION": world["auth"][auth]} if auth else {}
        kwargs = {}
        if body is not None:
            raw = body if isinstance(body, str) else json.dumps(body)
            kwargs = {"data": fill(raw, world, new), "content_type": "application/json"}
        response = getattr(client, method)(fill(url, world, new), **kwargs, **headers)
        if response.status_code == 201 and new is None:
            new = int(response["Location"].rstrip("/").rsplit("/", 1)[-1])
        answers.append({
            "request": f"{method.upper()} {url}" + (f" as {auth}" if auth else ""),
            "status": response.status_code,
            "headers": {name: normalize(response[name], world, new) for name in HEADERS if response.has_header(name)},
            "body": answer_body(response, world, new),
        })  # fmt: skip
    return answers


def answer_body(response, world, new):
    """The API's own answer; pages the site renders around it (404, a refused request) are only named."""
    if response.get("Content-Type", "").startswith("text/html"):
        return "(an HTML page)"
    return normalize(response.content.decode(), world, new)


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_response(case, client, world):
    answers = run_case(client, world, CASES[case])
    path = GOLDEN / f"{case}.json"
    if os.environ.get("GOLDEN_RECORD"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n")
    expected = json.loads(path.read_text())
    assert len(answers) == len(expected)
    for answer, golden in zip(answers, expected, strict=True):
        assert answer == golden
