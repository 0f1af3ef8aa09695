"""The queries behind the download pages, the homepage section and the supernav, each bounded in size."""

from django.db.models import Prefetch

from apps.core.cache import generation
from apps.downloads.models import GENERATION_KEY, OS, ReleaseCycle, ReleaseFile, ReleasePage

# What a release listing row needs; the StreamField notes are never loaded for lists.
LIST_FIELDS = ("id", "title", "slug", "version_number", "is_pymanager", "release_date", "release_notes_url",
               "pre_release", "major", "minor", "micro", "live")  # fmt: skip


def release_list():
    return ReleasePage.objects.published().on_download_page().by_version().only(*LIST_FIELDS)


def release_rows():
    """The all-releases table as plain rows: no page objects for hundreds of releases."""
    return release_list().values("title", "slug", "release_date", "release_notes_url")


def with_download_buttons(queryset):
    """Attach each release's download-button files (``release.buttons``) in one extra query."""
    buttons = ReleaseFile.objects.download_buttons().select_related("os").order_by("os_id")
    return queryset.prefetch_related(Prefetch("files", queryset=buttons, to_attr="buttons"))


def latest_releases():
    """The latest Python 3 and install manager releases, with their download buttons (two queries)."""
    latest = list(
        with_download_buttons(
            ReleasePage.objects.published()
            .filter(is_latest=True, product__in=[ReleasePage.PYTHON3, ReleasePage.PYMANAGER])
            .only(*LIST_FIELDS)
        )
    )
    python3 = next((r for r in latest if not r.is_pymanager), None)
    pymanager = next((r for r in latest if r.is_pymanager), None)
    if python3 is None:
        python3 = with_download_buttons(release_list().python3().stable()).first()
    return python3, pymanager


def download_buttons(python3, pymanager, operating_systems=None):
    """One big button per OS: the install manager where it ships (Windows), else the latest Python 3.

    Each entry is ``(os, release, file, standalone)``: where the button is the install manager,
    ``standalone`` is the latest Python 3's own installer for that OS (None elsewhere).
    """
    buttons, standalone = {}, {}
    for release in (pymanager, python3):
        for file in getattr(release, "buttons", []) if release else []:
            if file.os_id in buttons:
                standalone.setdefault(file.os_id, file)
            else:
                buttons[file.os_id] = (release, file)
    operating_systems = OS.objects.all() if operating_systems is None else operating_systems
    return [(os, *buttons[os.pk], standalone.get(os.pk)) for os in operating_systems if os.pk in buttons]


def download_home_context():
    python3, pymanager = latest_releases()
    operating_systems = list(OS.objects.all())
    return {
        "latest_python3": python3,
        "latest_pymanager": pymanager,
        "download_buttons": download_buttons(python3, pymanager, operating_systems),
        "operating_systems": operating_systems,
        "active_cycles": list(ReleaseCycle.objects.active()),
        "releases": release_rows(),
        "cache_generation": generation(GENERATION_KEY),
    }
