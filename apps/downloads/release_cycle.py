"""Release-cycle data (status, first release, end of life of each feature version) from the devguide's JSON."""

import json
import re
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import transaction

from apps.downloads.models import ReleaseCycle

FEATURE_VERSION_RE = re.compile(r"^\d+\.\d+$")
FIELDS = ("branch", "status", "first_release", "end_of_life", "pep", "release_manager")


def load(source):
    """The JSON at ``source``: a local path or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"User-Agent": "python.org"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=settings.DOWNLOADS_FETCH_TIMEOUT) as response:  # noqa: S310
            return json.load(response)
    return json.loads(Path(source).read_text())


def parse(data):
    """Validated rows keyed by feature version; entries that are not a feature version are skipped."""
    if not isinstance(data, dict):
        raise ValueError("The release-cycle JSON must be an object keyed by feature version.")
    rows = {}
    for version, entry in data.items():
        if not FEATURE_VERSION_RE.match(version) or not isinstance(entry, dict) or not entry.get("status"):
            continue
        rows[version] = {
            "branch": str(entry.get("branch") or ""),
            "status": str(entry["status"]),
            "first_release": str(entry.get("first_release") or ""),
            "end_of_life": str(entry.get("end_of_life") or ""),
            "pep": int(entry["pep"]) if str(entry.get("pep") or "").isdigit() else None,
            "release_manager": str(entry.get("release_manager") or ""),
        }
    return rows


@transaction.atomic
def apply(rows, dry_run=False):
    """Create or update the stored cycles; returns the feature versions that changed."""
    existing = {cycle.feature_version: cycle for cycle in ReleaseCycle.objects.all()}
    changed = []
    for version, values in rows.items():
        cycle = existing.get(version)
        if cycle is not None and all(getattr(cycle, field) == values[field] for field in FIELDS):
            continue
        changed.append(version)
        if not dry_run:
            ReleaseCycle.objects.update_or_create(feature_version=version, defaults=values)
    return changed
