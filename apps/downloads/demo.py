"""Demo downloads: the operating systems, CPython's 3.x release history with files, release-cycle data.

Feature versions, their first release, last release, PEP and release managers are public facts; the dates of
the releases in between, the file sizes and the checksums are generated (deterministically, so loading twice
changes nothing).
"""

import datetime
import hashlib
import json
import re

from wagtail.models import Site

from apps.downloads import release_cycle
from apps.downloads.models import OS, DownloadsIndexPage, ReleaseFile, ReleasePage

FTP = "https://www.python.org/ftp/python"
# The demo's "now": releases are generated up to here.
HORIZON = datetime.date(2026, 11, 1)

# feature version: (x.y.0 date, last micro, last release date or None while maintained, PEP, manager, status, EOL)
FEATURE_VERSIONS = {
    "3.0": ("2008-12-03", 1, "2009-02-13", 361, "Barry Warsaw", "end-of-life", "2009-06-27"),
    "3.1": ("2009-06-27", 5, "2012-04-09", 375, "Benjamin Peterson", "end-of-life", "2012-04-09"),
    "3.2": ("2011-02-20", 6, "2014-10-12", 392, "Georg Brandl", "end-of-life", "2016-02-20"),
    "3.3": ("2012-09-29", 7, "2017-09-19", 398, "Georg Brandl, Ned Deily", "end-of-life", "2017-09-29"),
    "3.4": ("2014-03-16", 10, "2019-03-18", 429, "Larry Hastings", "end-of-life", "2019-03-18"),
    "3.5": ("2015-09-13", 10, "2020-09-05", 478, "Larry Hastings", "end-of-life", "2020-09-30"),
    "3.6": ("2016-12-23", 15, "2021-09-04", 494, "Ned Deily", "end-of-life", "2021-12-23"),
    "3.7": ("2018-06-27", 17, "2023-06-06", 537, "Ned Deily", "end-of-life", "2023-06-27"),
    "3.8": ("2019-10-14", 20, "2024-09-07", 569, "Łukasz Langa", "end-of-life", "2024-10-07"),
    "3.9": ("2020-10-05", 25, "2025-10-31", 596, "Łukasz Langa", "end-of-life", "2025-10-31"),
    "3.10": ("2021-10-04", 20, "2026-10-06", 619, "Pablo Galindo Salgado", "end-of-life", "2026-10"),
    "3.11": ("2022-10-24", 15, None, 664, "Pablo Galindo Salgado", "security", "2027-10"),
    "3.12": ("2023-10-02", 13, None, 693, "Thomas Wouters", "security", "2028-10"),
    "3.13": ("2024-10-07", 11, None, 719, "Thomas Wouters", "bugfix", "2029-10"),
    "3.14": ("2025-10-07", 5, None, 745, "Hugo van Kemenade", "bugfix", "2030-10"),
    "3.15": ("2026-10-01", 0, None, 790, "Hugo van Kemenade", "bugfix", "2031-10"),
}
# Pre-releases shown for the version in development and the one just released.
PRE_RELEASES = {
    "3.15": [("a1", "2025-10-14"), ("a2", "2025-11-19"), ("a3", "2025-12-16"), ("a4", "2026-01-13"),
             ("a5", "2026-02-10"), ("a6", "2026-03-10"), ("a7", "2026-04-07"), ("b1", "2026-05-05"),
             ("b2", "2026-05-26"), ("b3", "2026-06-16"), ("b4", "2026-07-14"), ("rc1", "2026-07-28"),
             ("rc2", "2026-09-01")],
    "3.16": [("a1", "2026-10-13")],
}  # fmt: skip
DEVELOPMENT = {"3.16": ("main", 826, "Savannah Ostrowski", "feature", "2032-10")}
PYMANAGER = [("25.0", "2025-06-17"), ("25.1", "2025-12-02"), ("26.0", "2026-06-09")]


def day(value):
    return datetime.date.fromisoformat(value)


def release_dates(first, last_micro, last):
    """x.y.0 … x.y.N spread evenly between the first and the last release (or the demo's "now")."""
    start = day(first)
    if last_micro == 0:
        return [start]
    step = ((day(last) if last else HORIZON) - start) / last_micro
    return [start + step * n for n in range(last_micro + 1)]


def make_slug(text):
    """File slugs as the release tooling makes them: "Windows-installer-64-bit"."""
    return re.sub(r"[^a-zA-Z0-9_-]", "", text.replace(" ", "-"))[:40]


def checksum(text, algorithm):
    return hashlib.new(algorithm, text.encode()).hexdigest()


def file_rows(version, feature):
    """(name, os slug, file name, download button, description) for the artifacts of one release."""
    major_minor = tuple(int(part) for part in feature.split("."))
    stem = f"python-{version}"
    rows = [("Gzipped source tarball", "source", f"Python-{version}.tgz", False, ""),
            ("XZ compressed source tarball", "source", f"Python-{version}.tar.xz", True, "")]  # fmt: skip
    if major_minor >= (3, 5):
        rows += [
            ("Windows installer (64-bit)", "windows", f"{stem}-amd64.exe", True, "Recommended"),
            ("Windows installer (32-bit)", "windows", f"{stem}.exe", False, ""),
            ("Windows embeddable package (64-bit)", "windows", f"{stem}-embed-amd64.zip", False, ""),
        ]
    else:
        rows.append(("Windows x86-64 MSI installer", "windows", f"{stem}.amd64.msi", True, ""))
    if major_minor >= (3, 11):
        rows.append(("Windows installer (ARM64)", "windows", f"{stem}-arm64.exe", False, "Experimental"))
    macos = "macos11" if major_minor >= (3, 9) else "macosx10.9"
    description = "for macOS 10.15 and later" if major_minor >= (3, 14) else "for macOS 10.9 and later"
    rows.append(("macOS installer", "macos", f"{stem}-{macos}.pkg", True, description))
    if major_minor >= (3, 14):
        rows += [
            ("Android embeddable package (aarch64)", "android", f"{stem}-aarch64-linux-android.tar.gz", False, ""),
            ("Android embeddable package (x86_64)", "android", f"{stem}-x86_64-linux-android.tar.gz", False, ""),
            ("iOS XCframework", "ios", f"{stem}-iOS-XCframework.tar.gz", False, ""),
        ]
    return rows


def build_files(release, base_version, feature, operating_systems):
    """Unsaved ReleaseFile rows with plausible URLs, sizes, checksums and signature sidecars."""
    major_minor = tuple(int(part) for part in feature.split("."))
    files = []
    for order, (name, os_slug, filename, button, description) in enumerate(file_rows(release.version_number, feature)):
        url = f"{FTP}/{base_version}/{filename}"
        file = ReleaseFile(
            release=release,
            sort_order=order,
            name=name,
            slug=f"{release.slug.removeprefix('python-')}-{make_slug(name)}",
            os=operating_systems[os_slug],
            description=description,
            is_source=os_slug == "source",
            url=url,
            md5_sum="" if major_minor >= (3, 14) else checksum(url, "md5"),
            sha256_sum=checksum(url, "sha256"),
            filesize=18_000_000 + int(checksum(url, "md5")[:6], 16) % 14_000_000,
            download_button=button,
        )
        if major_minor < (3, 14):
            file.gpg_signature_file = url + ".asc"  # PEP 761: no GPG signatures from 3.14 on
        if major_minor >= (3, 11):
            file.sigstore_bundle_file = url + ".sigstore"
        if major_minor >= (3, 12) and os_slug in ("source", "windows"):
            file.sbom_spdx2_file = url + ".spdx.json"
        files.append(file)
    return files


def release_history():
    """(version, date, feature) for every demo release, oldest first."""
    history = []
    for feature, (first, last_micro, last, *_rest) in FEATURE_VERSIONS.items():
        for micro, date in enumerate(release_dates(first, last_micro, last)):
            if date <= HORIZON:
                history.append((f"{feature}.{micro}", date, feature))
    for feature, pre_releases in PRE_RELEASES.items():
        history += [(f"{feature}.0{tag}", day(date), feature) for tag, date in pre_releases]
    return sorted(history, key=lambda row: row[1])


def cycle_rows():
    rows = {
        feature: {"branch": feature, "status": status, "first_release": first, "end_of_life": eol, "pep": pep,
                  "release_manager": manager}
        for feature, (first, _micro, _last, pep, manager, status, eol) in FEATURE_VERSIONS.items()
    }  # fmt: skip
    for feature, (branch, pep, manager, status, eol) in DEVELOPMENT.items():
        first = f"{int(feature.split('.')[1]) + 2011}-10-01"
        rows[feature] = {"branch": branch, "status": status, "first_release": first, "end_of_life": eol, "pep": pep,
                         "release_manager": manager}  # fmt: skip
    return rows


def downloads_index(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("downloads: no default site; skipped")
        return None
    index = DownloadsIndexPage.objects.first()
    if index is None:
        index = DownloadsIndexPage(
            title="Download Python",
            slug="downloads",
            intro="<p>Python source code and installers are available for download for all versions.</p>",
        )
        site.root_page.add_child(instance=index)
        index.save_revision().publish()
    return index


def add_release(index, version, date, feature, operating_systems, *, latest, pymanager=False):
    base_version = re.match(r"\d+\.\d+(\.\d+)?", version)[0]
    product = "Python install manager" if pymanager else "Python"
    release = ReleasePage(
        version_number=version,
        is_pymanager=pymanager,
        release_date=datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC),
        is_latest=latest,
        release_notes_url="" if pymanager else f"https://docs.python.org/release/{base_version}/whatsnew/changelog.html",
        content=[{"type": "markdown", "value": f"This is a release of **{product} {version}**."}],
    )  # fmt: skip
    release.derive_from_version()
    index.add_child(instance=release)
    if pymanager:
        url = f"{FTP}/pymanager/python-manager-{version}.msix"
        files = [ReleaseFile(release=release, name="Windows install manager (MSIX)", slug=f"{release.slug}-msix",
                             os=operating_systems["windows"], url=url, sha256_sum=checksum(url, "sha256"),
                             filesize=11_000_000, download_button=True,
                             description="Install and manage Python runtimes with 'py'")]  # fmt: skip
    else:
        files = build_files(release, base_version, feature, operating_systems)
    ReleaseFile.objects.bulk_create(files)
    return release


def load_legacy_releases(data_dir, index, operating_systems):
    """Python 2 releases from the legacy dump, with their files."""
    path = data_dir / "dump-a.json"
    if not path.exists():
        return 0
    rows = json.loads(path.read_text())
    releases = {row["pk"]: row["fields"] for row in rows if row["model"] == "downloads.release"}
    created = 0
    for pk, fields in releases.items():
        if fields["version"] != 2 or ReleasePage.objects.filter(slug=fields["slug"]).exists():
            continue
        release = ReleasePage(
            version_number=fields["name"].removeprefix("Python "),
            slug=fields["slug"],
            release_date=datetime.datetime.fromisoformat(fields["release_date"]),
            is_latest=fields["is_latest"],
            release_notes_url=fields["release_notes_url"],
            content=[{"type": "markdown", "value": fields["content"]}],
        )
        index.add_child(instance=release)
        files = [
            ReleaseFile(release=release, os=operating_systems[os_slug_by_pk(row["fields"]["os"])],
                        **{key: row["fields"][key] for key in (
                            "name", "slug", "description", "is_source", "url", "gpg_signature_file",
                            "sigstore_signature_file", "sigstore_cert_file", "sigstore_bundle_file", "sbom_spdx2_file",
                            "md5_sum", "sha256_sum", "filesize", "download_button")})
            for row in rows
            if row["model"] == "downloads.releasefile" and row["fields"]["release"] == pk
        ]  # fmt: skip
        ReleaseFile.objects.bulk_create(files)
        created += 1
    return created


def os_slug_by_pk(pk):
    return {1: "windows", 2: "macos", 3: "source", 4: "android", 5: "ios"}[pk]


def load(data_dir, stdout):
    operating_systems = {os.slug: os for os in OS.objects.all()}
    index = downloads_index(stdout)
    if index is None:
        return
    existing = set(ReleasePage.objects.values_list("version_number", flat=True))
    history = release_history()
    finals = [row[0] for row in history if row[0].replace(".", "").isdigit()]
    latest_python3 = max(finals, key=lambda version: tuple(int(part) for part in version.split(".")))
    created = 0
    for version, date, feature in history:
        if version in existing:
            continue
        add_release(index, version, date, feature, operating_systems, latest=version == latest_python3)
        created += 1
    for version, date in PYMANAGER:
        if not ReleasePage.objects.filter(is_pymanager=True, version_number=version).exists():
            add_release(index, version, day(date), "", operating_systems, latest=version == PYMANAGER[-1][0],
                        pymanager=True)  # fmt: skip
            created += 1
    created += load_legacy_releases(data_dir, index, operating_systems)
    changed = release_cycle.apply(cycle_rows())
    stdout.write(f"downloads: {created} releases added, {len(changed)} release-cycle rows updated")
