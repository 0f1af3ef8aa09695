"""Load test of the download pages and API: 500 releases x 20 files, query counts, then wrk against gunicorn.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pydotorg_downloads_bench python bench/downloads.py

The database is created and migrated if needed and filled once (rerunning reuses the data). Only loopback
is used; each wrk run is bounded (``--duration`` seconds).
"""

import argparse
import datetime
import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pydotorg.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pydotorg_downloads_bench")

from bench.common import create_database  # noqa: E402

RELEASES, FILES_PER_RELEASE = 500, 20


def setup_database():
    import django
    from django.core.management import call_command

    create_database(os.environ["DATABASE_URL"])
    django.setup()
    call_command("migrate", verbosity=0)


def create_data():
    from wagtail.models import Page, Site

    from apps.downloads.models import OS, DownloadsIndexPage, ReleaseFile, ReleasePage
    from apps.pages.models import HomePage

    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.objects.get(depth=1)
        home = root.add_child(instance=HomePage(title="Welcome to Python.org", slug="bench-home"))
        Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    index = DownloadsIndexPage.objects.first() or home.add_child(
        instance=DownloadsIndexPage(title="Download Python", slug="downloads")
    )
    existing = ReleasePage.objects.count()
    operating_systems = list(OS.objects.all())
    start = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    for n in range(existing, RELEASES):
        version = f"3.{10 + n // 40}.{n % 40}"  # two-digit minors keep slugs unique
        release = index.add_child(
            instance=ReleasePage(
                version_number=version,
                release_date=start + datetime.timedelta(days=15 * n),
                is_latest=n == RELEASES - 1,
                content=[{"type": "markdown", "value": f"Release notes of **Python {version}**."}],
            )
        )
        files = []
        for f in range(FILES_PER_RELEASE):
            url = f"https://www.python.org/ftp/python/{version}/python-{version}-{f}.tar.xz"
            files.append(
                ReleaseFile(
                    release=release,
                    sort_order=f,
                    name=f"Artifact {f}",
                    slug=f"{release.slug}-artifact-{f}",
                    os=operating_systems[f % len(operating_systems)],
                    url=url,
                    sha256_sum=hashlib.sha256(url.encode()).hexdigest(),
                    filesize=20_000_000 + f,
                    download_button=f < len(operating_systems),
                    gpg_signature_file=url + ".asc",
                )
            )
        ReleaseFile.objects.bulk_create(files)
        if n % 100 == 0:
            print(f"  {n} releases", flush=True)
    return ReleasePage.objects.order_by("-pk").first()


def count_queries(paths):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for path in paths:
        client.get(path)  # warm: settings rows, caches
        from django.core.cache import cache

        cache.clear()  # measure the uncached API path
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        print(f"{path}: HTTP {response.status_code}, {len(queries)} SQL queries, {len(response.content)} bytes")


def warm_up(url, attempts=60):
    """Wait for the server, then load each worker's code and caches before measuring."""
    import urllib.request

    answered = 0
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
                response.read()
            answered += 1
            if answered == 6:
                return
        except OSError:
            time.sleep(1)


def run_wrk(paths, port, duration):
    env = {**os.environ}
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "pydotorg.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--access-logfile", "/dev/null", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for path in paths:
            url = f"http://127.0.0.1:{port}{path}"
            warm_up(url)
            result = subprocess.run(  # noqa: S603
                ["wrk", "-t2", "-c8", f"-d{duration}s", url],  # noqa: S607
                capture_output=True, text=True, check=False, timeout=duration + 30,
            )  # fmt: skip
            rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
            non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
            errors = f" ({non_2xx[1]} errors)" if non_2xx else ""
            print(f"{path}: {rate[1] if rate else '?'} requests/second{errors}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8024)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    setup_database()
    print(f"Creating {RELEASES} releases x {FILES_PER_RELEASE} files (once) …")
    latest = create_data()
    paths = ["/downloads/", f"/downloads/release/{latest.slug}/", "/api/v2/downloads/release/"]
    count_queries(paths)
    run_wrk(paths, args.port, args.duration)


if __name__ == "__main__":
    main()
