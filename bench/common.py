"""Shared plumbing for the benchmarks: a bench database, query counting, gunicorn and wrk.

Benchmarks print numbers; they are not tests. They use their own PostgreSQL database
(``BENCH_DATABASE_URL``) and Redis db so that they never touch development data.
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_ENV = {
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pydotorg_bench"),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
    # A fresh key per run: production settings accept no key that is in the repository.
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "DEBUG": "false",
}


def setup_django(settings_module="pydotorg.settings.dev"):
    os.environ.update(BENCH_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def create_database(url=None):
    """Create the bench database if it does not exist (PostgreSQL)."""
    import psycopg

    url = url or BENCH_ENV["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def count_queries(path, client=None):
    """(status, number of SQL queries) for a GET of ``path`` with a warm cache."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = client or Client()
    for _ in range(2):  # warm per-process caches (site root paths, fragments), as a running site has them
        client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    return response.status_code, len(context.captured_queries)


@contextmanager
def gunicorn(port=8090, workers=2):
    """Serve the site with gunicorn and production settings on loopback."""
    env = {**os.environ, **BENCH_ENV, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.production"}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True
    )
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "pydotorg.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def wrk(url, duration=10, connections=8, threads=2):
    """Requests/second and median latency from a bounded wrk run against loopback."""
    if not shutil.which("wrk"):
        return {"error": "wrk is not installed (apt-get install wrk)"}
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True, text=True, timeout=duration + 30,
    ).stdout  # fmt: skip
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    median = re.search(r"50%\s+([\d.]+\w+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_second": float(rps.group(1)) if rps else None,
        "median_latency": median.group(1) if median else None,
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def report(title, rows):
    print(f"\n== {title}")
    for row in rows:
        print("   " + "  ".join(str(cell) for cell in row))
