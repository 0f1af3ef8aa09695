"""CPU per anonymous render, in process, with production settings; optionally a pyinstrument profile.

    DATABASE_URL=... REDIS_URL=... .venv/bin/python bench/profile.py [--profile /downloads/] [-n 200] [paths …]

Each path is requested a few times to warm per-process caches, as a running site has them, then
``-n`` times; the CPU time of this process is divided by the number of requests.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_PATHS = ["/", "/downloads/", "RELEASE", "/jobs/", "/events/", "/about/gettingstarted/", "/search/?q=python"]


def release_path():
    from apps.downloads.models import ReleasePage

    release = ReleasePage.objects.latest_python3() or ReleasePage.objects.first()  # the page most visitors open
    return f"/downloads/release/{release.slug}/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--profile", help="print a pyinstrument profile of this path")
    args = parser.parse_args()

    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "pydotorg.settings.production"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST=os.environ.get("PROFILE_HOST", "127.0.0.1:8108"))
    paths = [release_path() if p == "RELEASE" else p for p in (args.paths or DEFAULT_PATHS)]
    if args.profile:
        from pyinstrument import Profiler

        for _ in range(5):
            client.get(args.profile)
        with Profiler(interval=0.0002) as profiler:
            for _ in range(args.n):
                client.get(args.profile)
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    for path in paths:
        for _ in range(5):
            response = client.get(path)
        queries = []

        def count(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(path)
        started = time.process_time()
        for _ in range(args.n):
            client.get(path)
        cpu_ms = (time.process_time() - started) * 1000 / args.n
        print(f"{path:40} HTTP {response.status_code}  {cpu_ms:6.2f} ms CPU  {len(queries):3} queries")


if __name__ == "__main__":
    main()
