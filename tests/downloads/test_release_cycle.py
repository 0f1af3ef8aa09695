"""The release-cycle data: refreshed by a command from the devguide's JSON, never fetched while rendering."""

import io
import json
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from apps.downloads.models import ReleaseCycle

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data" / "release-cycle.json"


def run(*args):
    out = io.StringIO()
    call_command("refresh_release_cycle", *args, stdout=out)
    return out.getvalue()


@override_settings(DOWNLOADS_RELEASE_CYCLE_URL=str(DATA))
def test_refresh_from_file_is_idempotent():
    assert "Updated 5 of 5" in run()
    cycle = ReleaseCycle.objects.get(feature_version="3.14")
    assert (cycle.status, cycle.first_release, cycle.end_of_life, cycle.pep) == ("bugfix", "2025-10-07", "2030-10", 745)
    assert [c.feature_version for c in ReleaseCycle.objects.active()] == ["3.15", "3.14", "3.13"]
    assert "Updated 0 of 5" in run()


@override_settings(DOWNLOADS_RELEASE_CYCLE_URL=str(DATA))
def test_dry_run_changes_nothing():
    assert "Would update 5 of 5" in run("--dry-run")
    assert ReleaseCycle.objects.count() == 0


def test_refresh_over_http_with_the_url_from_settings(cdn):
    body = json.loads(DATA.read_text())
    body["3.14"]["status"] = "security"
    response = mock.MagicMock()
    response.__enter__.return_value = io.BytesIO(json.dumps(body).encode())
    with (
        override_settings(DOWNLOADS_RELEASE_CYCLE_URL="https://peps.python.org/api/release-cycle.json"),
        mock.patch("urllib.request.urlopen", return_value=response) as urlopen,
    ):
        run()
    assert urlopen.call_args.args[0].full_url == "https://peps.python.org/api/release-cycle.json"
    assert ReleaseCycle.objects.get(feature_version="3.14").status == "security"
    assert "downloads" in cdn.purged_keys


def test_unreachable_or_malformed_source_fails_cleanly(tmp_path):
    ReleaseCycle.objects.create(feature_version="3.14", status="bugfix")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError):
        run("--source", str(broken))
    with mock.patch("urllib.request.urlopen", side_effect=OSError("timed out")), pytest.raises(CommandError):
        run("--source", "https://peps.python.org/api/release-cycle.json")
    assert ReleaseCycle.objects.get().status == "bugfix"


def test_pages_never_fetch_the_release_cycle(client, release):
    with mock.patch("urllib.request.urlopen", side_effect=AssertionError("network used")):
        assert client.get("/downloads/").status_code == 200
        assert client.get(release.url).status_code == 200


def test_scheduled():
    from pydotorg.cron import SCHEDULE

    commands = [command for command, _ in SCHEDULE]
    assert "refresh_release_cycle" in commands and "verify_release_signatures" in commands
