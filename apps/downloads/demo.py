"""Demo downloads: CPython's 2.7 and 3.x release history with the files python.org lists, release-cycle data.

Feature versions, their first and last release, PEP, release managers, the last release with binary installers
and the kinds of files each series shipped are public facts; the dates of the releases in between, the file
sizes and the checksums are generated (deterministically, so loading twice changes nothing).
"""

import datetime
import hashlib
import re

from django.core.management.base import CommandError
from wagtail.models import Site

from apps.downloads import release_cycle
from apps.downloads.models import OS, DownloadsIndexPage, ReleaseFile, ReleasePage, slug_for_filename

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
# The last micro release of a series with installers: security-only releases after it ship source only.
LAST_BINARY_MICRO = {"3.0": 1, "3.1": 4, "3.2": 5, "3.3": 5, "3.4": 4, "3.5": 4, "3.6": 8, "3.7": 9, "3.8": 10,
                     "3.9": 13, "3.10": 11, "3.11": 9, "3.12": 10}  # fmt: skip
PYTHON2 = ("2.7", "2010-07-03", 18, "2020-04-20")
# What each feature release brought, for its release notes (public facts, written for this site).
HIGHLIGHTS = {
    "2.7": ["the last feature release of the 2.x series, with many 3.x features backported",
            "an ordered dictionary type and set literals", "the `argparse` module for command-line parsing"],
    "3.0": ["`print` is a function", "text is Unicode: `str` holds text, `bytes` holds binary data",
            "a cleaned-up language that is intentionally not backwards compatible with 2.x"],
    "3.1": ["`collections.OrderedDict`", "the `io` library rewritten in C, for much faster file I/O"],
    "3.2": ["the `concurrent.futures` module", "`argparse`", "`__pycache__` directories for bytecode (PEP 3147)"],
    "3.3": ["`yield from` for delegating to subgenerators (PEP 380)", "the `venv` module (PEP 405)",
            "implicit namespace packages (PEP 420)"],
    "3.4": ["the `asyncio` module", "`pathlib` and `enum`", "pip installed by default (PEP 453)"],
    "3.5": ["`async` and `await` (PEP 492)", "the `@` matrix multiplication operator (PEP 465)",
            "type hints and the `typing` module (PEP 484)"],
    "3.6": ["formatted string literals, f-strings (PEP 498)", "syntax for variable annotations (PEP 526)",
            "underscores in numeric literals (PEP 515)"],
    "3.7": ["data classes (PEP 557)", "the built-in `breakpoint()` (PEP 553)", "context variables (PEP 567)"],
    "3.8": ["assignment expressions, `:=` (PEP 572)", "positional-only parameters (PEP 570)",
            "`f'{expr=}'` for self-documenting f-strings"],
    "3.9": ["dictionary union operators `|` and `|=` (PEP 584)", "`str.removeprefix()` and `str.removesuffix()`",
            "IANA time zones in the standard library: `zoneinfo` (PEP 615)"],
    "3.10": ["structural pattern matching, `match` and `case` (PEP 634)", "`X | Y` union types (PEP 604)",
             "much more precise error messages"],
    "3.11": ["CPython 10–60% faster than 3.10", "exception groups and `except*` (PEP 654)",
             "`tomllib` for reading TOML (PEP 680)", "fine-grained error locations in tracebacks (PEP 657)"],
    "3.12": ["type parameter syntax and the `type` statement (PEP 695)", "f-strings formalised in the grammar "
             "(PEP 701)", "a per-interpreter GIL (PEP 684)", "`distutils` removed from the standard library"],
    "3.13": ["a new interactive interpreter with multi-line editing and colour", "an experimental free-threaded "
             "build without the GIL (PEP 703)", "an experimental JIT compiler (PEP 744)",
             "iOS and Android as supported platforms (PEPs 730 and 738)"],
    "3.14": ["deferred evaluation of annotations (PEPs 649 and 749)", "template string literals, t-strings "
             "(PEP 750)", "multiple interpreters in the standard library (PEP 734)", "Zstandard compression in the "
             "new `compression` package (PEP 784)", "the free-threaded build officially supported (PEP 779)"],
    "3.15": ["UTF-8 mode on by default (PEP 686)", "a statistical sampling profiler in the new `profiling` "
             "package (PEP 799)", "faster startup and a faster interpreter"],
}  # fmt: skip


def ordinal_suffix(number):
    """11th, 21st, 22nd, 23rd, 25th."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
PRE_NAMES = {"a": "alpha", "b": "beta", "rc": "release candidate"}


def day(value):
    return datetime.date.fromisoformat(value)


def release_dates(first, last_micro, last):
    """x.y.0 … x.y.N spread evenly between the first and the last release (or the demo's "now")."""
    start = day(first)
    if last_micro == 0:
        return [start]
    step = ((day(last) if last else HORIZON) - start) / last_micro
    return [start + step * n for n in range(last_micro + 1)]


# Typical sizes in MB by file kind, python.org's artifacts of recent years.
SIZES = [(".tgz", 25), (".tar.xz", 19), ("-embed-", 10), (".exe", 27), (".msi", 19), (".pkg", 58), (".dmg", 20),
         (".chm", 8), ("-pdb.zip", 22), ("android", 21), ("XCframework", 48)]  # fmt: skip


def file_size(filename, url):
    megabytes = next((size for marker, size in SIZES if marker in filename), 20)
    return megabytes * 1_000_000 + int(checksum(url, "md5")[:6], 16) % 3_000_000


def checksum(text, algorithm):
    return hashlib.new(algorithm, text.encode()).hexdigest()


def has_binaries(version, feature):
    """Security-only releases (after a series' last binary release) ship source tarballs only."""
    micro = int(re.match(r"\d+\.\d+\.(\d+)", version)[1])
    return micro <= LAST_BINARY_MICRO.get(feature, micro)


def file_rows(version, feature):
    """(name, os slug, file name, download button, description) for the artifacts of one release,
    as python.org lists them for that release series."""
    major_minor = tuple(int(part) for part in feature.split("."))
    stem = f"python-{version}"
    rows = [("Gzipped source tarball", "source", f"Python-{version}.tgz", False, ""),
            ("XZ compressed source tarball", "source", f"Python-{version}.tar.xz", True, "")]  # fmt: skip
    if not has_binaries(version, feature):
        return rows
    if major_minor < (3, 5):
        rows += [
            ("Windows x86-64 MSI installer", "windows", f"{stem}.amd64.msi", True, "for AMD64/EM64T/x64"),
            ("Windows x86 MSI installer", "windows", f"{stem}.msi", False, ""),
            ("Windows help file", "windows", f"python{version.replace('.', '')}.chm", False, ""),
        ]
        if major_minor >= (2, 7):
            rows += [("Windows debug information files", "windows", f"{stem}-pdb.zip", False, ""),
                     ("Windows debug information files for 64-bit binaries", "windows", f"{stem}.amd64-pdb.zip",
                      False, "")]  # fmt: skip
    else:
        rows += [
            ("Windows installer (64-bit)", "windows", f"{stem}-amd64.exe", True, "Recommended"),
            ("Windows installer (32-bit)", "windows", f"{stem}.exe", False, ""),
            ("Windows embeddable package (64-bit)", "windows", f"{stem}-embed-amd64.zip", False, ""),
            ("Windows embeddable package (32-bit)", "windows", f"{stem}-embed-win32.zip", False, ""),
        ]
        if major_minor >= (3, 11):
            rows += [
                ("Windows installer (ARM64)", "windows", f"{stem}-arm64.exe", False, "Experimental"),
                ("Windows embeddable package (ARM64)", "windows", f"{stem}-embed-arm64.zip", False, ""),
            ]
        if major_minor <= (3, 10):
            rows.append(("Windows help file", "windows", f"python{version.replace('.', '')}.chm", False, ""))
        if major_minor <= (3, 8):
            rows.append(("Windows x86-64 web-based installer", "windows", f"{stem}-amd64-webinstall.exe", False, ""))
    if major_minor >= (3, 9) and version != "3.9.0":
        description = "for macOS 10.13 and later" if major_minor >= (3, 12) else "for macOS 10.9 and later"
        rows.append(("macOS 64-bit universal2 installer", "macos", f"{stem}-macos11.pkg", True, description))
    elif major_minor >= (3, 8) or major_minor == (2, 7):
        rows.append(("macOS 64-bit Intel-only installer" if major_minor >= (3, 8) else "macOS 64-bit installer",
                     "macos", f"{stem}-macosx10.9.pkg", True, "for macOS 10.9 and later"))  # fmt: skip
        if major_minor == (2, 7):
            rows.append(("macOS 64-bit/32-bit installer", "macos", f"{stem}-macosx10.6.pkg", False,
                         "for Mac OS X 10.6 and later"))  # fmt: skip
    elif major_minor >= (3, 5):
        rows += [("macOS 64-bit installer", "macos", f"{stem}-macosx10.9.pkg", True, "for OS X 10.9 and later"),
                 ("macOS 64-bit/32-bit installer", "macos", f"{stem}-macosx10.6.pkg", False,
                  "for Mac OS X 10.6 and later")]  # fmt: skip
    else:
        rows.append(("Mac OS X 64-bit/32-bit installer", "macos", f"{stem}-macosx10.6.dmg", True,
                     "for Mac OS X 10.6 and later"))  # fmt: skip
    if major_minor >= (3, 14):
        rows += [
            ("Android embeddable package (aarch64)", "android", f"{stem}-aarch64-linux-android.tar.gz", False, ""),
            ("Android embeddable package (x86_64)", "android", f"{stem}-x86_64-linux-android.tar.gz", False, ""),
            ("iOS XCframework", "ios", f"{stem}-iOS-XCframework.tar.gz", False, ""),
        ]
    return rows


def release_notes(version, feature, *, pymanager=False):
    """Release notes as python.org writes them: what the release is, what it brings, where to read more."""
    if pymanager:
        return (
            f"The Python install manager {version} for Windows installs, updates and removes Python runtimes.\n\n"
            "Install it from the Microsoft Store or with the MSIX package below, then run `py install 3.14` "
            "to get a runtime, `py list` to see what is installed and `py` to start the newest one. It replaces "
            "both the traditional installer and the `py.exe` launcher, which it keeps compatible."
        )
    match = re.match(r"(\d+)\.(\d+)\.(\d+)(a|b|rc)?(\d+)?", version)
    micro, pre, pre_number = int(match[3]), match[4], match[5]
    highlights = "\n".join(f"- {item}" for item in HIGHLIGHTS.get(feature, []))
    whatsnew = f"https://docs.python.org/{feature}/whatsnew/{feature}.html"
    if pre:
        stage = PRE_NAMES[pre]
        return (
            f"Python {version} is {stage} {pre_number} of Python {feature}, a preview of the next feature release. "
            "It is meant for testing: please try your projects with it and report problems to the "
            "[issue tracker](https://github.com/python/cpython/issues). Do not use it in production.\n\n"
            + (f"Among the changes planned for {feature}:\n\n{highlights}\n\n" if highlights else "")
            + f"The [What's New in Python {feature}]({whatsnew}) document grows with each pre-release."
        )
    if feature == "2.7" and micro == 18:
        return (
            "Python 2.7.18 is the last release of Python 2. Python 2 reached its end of life on January 1, 2020: "
            "it receives no more fixes, including security fixes.\n\n"
            "If you still run Python 2, move to Python 3; the "
            "[porting guide](https://docs.python.org/3/howto/pyporting.html) explains how."
        )
    if micro == 0:
        return (
            f"Python {feature}.0 is the newest major release of the Python programming language. Among its new "
            f"features:\n\n{highlights}\n\nRead [What's New in Python {feature}]({whatsnew}) for the full "
            "list, and the changelog for every change."
        )
    fixes = 90 + int(checksum(version, "md5")[:4], 16) % 180
    if not has_binaries(version, feature):
        return (
            f"Python {version} is a security release of Python {feature}, which now receives security fixes only. "
            "Security releases are published as source code; no binary installers are made for them. Build it "
            "from source or get it from your operating system's distributor.\n\n"
            "If you can, upgrade to the newest feature release: it has all the fixes and many improvements."
        )
    ordinal = ORDINALS[micro] if micro < len(ORDINALS) else ordinal_suffix(micro)
    return (
        f"Python {version} is the {ordinal} maintenance release of Python {feature}, with about {fixes} bug fixes, "
        "build improvements and documentation changes since the previous release.\n\n"
        f"Python {feature} brought:\n\n{highlights}"
    )


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
            slug=slug_for_filename(filename),
            os=operating_systems[os_slug],
            description=description,
            is_source=os_slug == "source",
            url=url,
            md5_sum="" if major_minor >= (3, 14) else checksum(url, "md5"),
            sha256_sum=checksum(url, "sha256"),
            filesize=file_size(filename, url),
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
    feature, first, last_micro, last = PYTHON2
    history += [
        (f"{feature}.{micro}", date, feature) for micro, date in enumerate(release_dates(first, last_micro, last))
    ]
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
    release = ReleasePage(
        version_number=version,
        is_pymanager=pymanager,
        release_date=datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC),
        is_latest=latest,
        release_notes_url="" if pymanager else f"https://docs.python.org/release/{base_version}/whatsnew/changelog.html",
        content=[{"type": "markdown", "value": release_notes(version, feature, pymanager=pymanager)}],
    )  # fmt: skip
    release.derive_from_version()
    index.add_child(instance=release)
    if pymanager:
        url = f"{FTP}/pymanager/python-manager-{version}.msix"
        files = [ReleaseFile(release=release, name="Windows install manager (MSIX)",
                             slug=slug_for_filename(url.rsplit("/", 1)[1]),
                             os=operating_systems["windows"], url=url, sha256_sum=checksum(url, "sha256"),
                             filesize=11_000_000 + int(checksum(url, "md5")[:5], 16) % 900_000,
                             download_button=True, sigstore_bundle_file=url + ".sigstore",
                             description="Install and manage Python runtimes with 'py'")]  # fmt: skip
    else:
        files = build_files(release, base_version, feature, operating_systems)
    ReleaseFile.objects.bulk_create(files)
    return release


def load(data_dir, stdout):
    operating_systems = {os.slug: os for os in OS.objects.all()}
    index = downloads_index(stdout)
    if index is None:
        raise CommandError("downloads: the site has no default Site to add the Downloads section to.")
    existing = set(ReleasePage.objects.values_list("version_number", flat=True))
    history = release_history()
    finals = [row[0] for row in history if row[0].replace(".", "").isdigit()]
    newest = {
        major: max((v for v in finals if v.startswith(f"{major}.")), key=lambda v: tuple(map(int, v.split("."))))
        for major in ("2", "3")
    }
    created = 0
    for version, date, feature in history:
        if version in existing:
            continue
        add_release(index, version, date, feature, operating_systems, latest=version in newest.values())
        created += 1
    for version, date in PYMANAGER:
        if not ReleasePage.objects.filter(is_pymanager=True, version_number=version).exists():
            add_release(index, version, day(date), "", operating_systems, latest=version == PYMANAGER[-1][0],
                        pymanager=True)  # fmt: skip
            created += 1
    changed = release_cycle.apply(cycle_rows())
    return f"{created} releases added, {len(changed)} release-cycle rows updated"
