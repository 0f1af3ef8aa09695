"""Legacy releases: OS rows, release pages with their files, and the release managers who published them."""

import io

from django.contrib.auth.models import Group
from django.utils.dateparse import parse_datetime

from apps.core.legacy import Skip, importer
from apps.downloads.demo import downloads_index
from apps.downloads.models import OS, ReleaseFile, ReleasePage
from apps.users.models import ApiCredential
from apps.users.roles import RELEASE_MANAGERS

TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}
PYMANAGER = 100  # the legacy Release.version of the Python install manager


@importer("downloads.os", group="downloads", order=10, fields={"name", "slug", *TIMESTAMPS})
def import_os(row, target, ctx):
    fields = row["fields"]
    found = target or OS.objects.filter(slug=fields["slug"]).first() or OS(slug=fields["slug"])
    found.name, found.slug = fields["name"], fields["slug"]
    found.save()
    return found


RELEASE_FIELDS = {
    "name", "slug", "version", "is_latest", "is_published", "pre_release", "show_on_download_page",
    "release_date", "release_page", "release_notes_url", "content", "content_markup_type", "_content_rendered",
    *TIMESTAMPS,
}  # fmt: skip
MARKUP_BLOCKS = {"markdown": "markdown", "restructuredtext": "restructuredtext"}


def make_release_manager(user, ctx):
    """A legacy key holder who published releases keeps publishing them here, as a release manager."""
    if user is None or not ApiCredential.objects.filter(user=user).exclude(api_key_hash="", token_hash="").exists():
        return
    group = Group.objects.get_or_create(name=RELEASE_MANAGERS)[0]
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        ctx.report.notes.append(f"{user.username} published releases with an API key: now a release manager")


def remove_release(release, ctx):
    """A release gone from the legacy database is unpublished (clients may still link to its files)."""
    if release.live:
        release.unpublish()


@importer("downloads.release", group="downloads", order=20, fields=RELEASE_FIELDS, remove=remove_release)
def import_release(row, target, ctx):
    fields = row["fields"]
    index = downloads_index(io.StringIO())
    if index is None:
        raise Skip("no site to put releases in")
    pymanager = fields["version"] == PYMANAGER
    version = fields["name"].removeprefix("Python install manager ").removeprefix("Python ").strip()
    release = target or ReleasePage.objects.filter(slug=fields["slug"]).first()
    release = release.specific if release is not None else None
    block = MARKUP_BLOCKS.get(fields["content_markup_type"], "raw_html")
    values = {
        "title": fields["name"],
        "version_number": version,
        "is_pymanager": pymanager,
        "release_date": parse_datetime(fields["release_date"]) if fields["release_date"] else None,
        "pre_release": fields["pre_release"],
        "show_on_download_page": fields["show_on_download_page"],
        "release_notes_url": fields["release_notes_url"] or "",
        "content": [{"type": block, "value": fields["content"]}] if fields["content"] else [],
    }
    if release is None:
        release = ReleasePage(slug=fields["slug"], live=False, **values)
        index.add_child(instance=release)
    else:
        for name, value in values.items():
            setattr(release, name, value)
    release.is_latest = fields["is_latest"]
    try:
        release.full_clean()
    except Exception as error:  # noqa: BLE001 - reported per row
        raise Skip(f"invalid release {fields['name']!r}: {error}") from error
    revision = release.save_revision()
    if fields["is_published"]:
        revision.publish()
    elif release.live:
        release.unpublish()
    if release.is_latest != fields["is_latest"]:
        ReleasePage.objects.filter(pk=release.pk).update(is_latest=fields["is_latest"])
    make_release_manager(ctx.user(fields["creator"]), ctx)
    return release


FILE_FIELDS = {
    "name", "slug", "os", "release", "description", "is_source", "url", "gpg_signature_file",
    "sigstore_signature_file", "sigstore_cert_file", "sigstore_bundle_file", "sbom_spdx2_file", "md5_sum",
    "sha256_sum", "filesize", "download_button", *TIMESTAMPS,
}  # fmt: skip
COPIED = FILE_FIELDS - {"os", "release", *TIMESTAMPS}


@importer("downloads.releasefile", group="downloads", order=30, fields=FILE_FIELDS)
def import_release_file(row, target, ctx):
    fields = row["fields"]
    release = ctx.require(ReleasePage, "downloads.release", fields["release"], "release")
    operating_system = ctx.require(OS, "downloads.os", fields["os"], "OS")
    found = target or ReleaseFile.objects.filter(slug=fields["slug"]).first() or ReleaseFile()
    for name in COPIED:
        value = fields[name]
        setattr(found, name, value if value is not None else ReleaseFile._meta.get_field(name).get_default())
    found.release, found.os = release, operating_system
    try:
        found.full_clean(validate_unique=False)
    except Exception as error:  # noqa: BLE001
        raise Skip(f"invalid release file {fields['slug']!r}: {error}") from error
    found.save()
    return found
