"""Job board load test: 10,000 jobs, SQL query counts per page, then wrk against gunicorn.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pydotorg_jobs /work/main/.venv/bin/python bench/jobs.py

Options (environment): BENCH_JOBS (10000), BENCH_PORT (8022), BENCH_DURATION (10s), BENCH_WORKERS (2).
The database is migrated and filled once; later runs reuse the rows.
"""

import os
import random
import re
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pydotorg.settings.dev")
os.environ["DEBUG"] = "0"  # no query log, no debug toolbar: measure what production runs

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from apps.jobs.models import Job, JobCategory, JobType  # noqa: E402
from apps.users.models import User  # noqa: E402

JOBS = int(os.environ.get("BENCH_JOBS", 10_000))
PORT = int(os.environ.get("BENCH_PORT", 8022))
DURATION = os.environ.get("BENCH_DURATION", "10s")
WORKERS = os.environ.get("BENCH_WORKERS", "2")
CITIES = [("Berlin", "", "Germany"), ("Austin", "TX", "USA"), ("London", "", "United Kingdom"),
          ("Toronto", "ON", "Canada"), ("Bangalore", "Karnataka", "India"), ("Sydney", "NSW", "Australia")]  # fmt: skip
STATUSES = ["approved"] * 8 + ["review", "draft", "expired", "rejected", "archived", "removed"]


def fill():
    if Job.objects.count() >= JOBS:
        return
    random.seed(10_000)
    types = [JobType.objects.get_or_create(slug=s, defaults={"name": s.title()})[0]
             for s in ("web", "back-end", "cloud", "testing", "big-data")]  # fmt: skip
    categories = [JobCategory.objects.get_or_create(slug=s, defaults={"name": s.title()})[0]
                  for s in ("software-engineer", "data-analyst", "team-lead")]  # fmt: skip
    users = [User.objects.get_or_create(username=f"bench-{n}", defaults={"email": f"bench-{n}@example.com"})[0]
             for n in range(100)]  # fmt: skip
    now = timezone.now()
    jobs = []
    for n in range(JOBS - Job.objects.count()):
        city, region, country = random.choice(CITIES)
        status = random.choice(STATUSES)
        published = now - timedelta(days=random.randint(0, 80), minutes=n)
        job = Job(
            creator=random.choice(users), job_title=f"Python Developer {n}", company_name=f"Company {n % 700}",
            category=random.choice(categories), city=city, region=region, country=country,
            telecommuting=n % 3 == 0, description=f"Build **things** with Python. Job {n}.\n\n* one\n* two",
            requirements="* Python\n* SQL", email=f"jobs{n}@example.com", url="https://example.com/apply/",
            status=status, is_featured=n % 97 == 0, published_at=published if status != "draft" else None,
            expires=published + timedelta(days=90),
        )  # fmt: skip

        jobs.append(job)
    for job in jobs:  # bulk_create skips save(), which derives the slug
        job.location_slug = slugify(f"{job.city} {job.region} {job.country}")
    created = Job.objects.bulk_create(jobs, batch_size=1000)
    through = Job.job_types.through
    links = [through(job_id=job.pk, jobtype_id=t.pk) for job in created for t in random.sample(types, 2)]
    through.objects.bulk_create(links, batch_size=5000)
    with connection.cursor() as cursor:  # planner statistics, as autovacuum would gather them in production
        cursor.execute("ANALYZE")


def query_counts(paths):
    client = Client()
    client.get(paths[0])  # first request of a site creates its settings rows
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        print(f"{path:45} HTTP {response.status_code}  {len(queries)} SQL queries")


def wrk(paths):
    env = {**os.environ, "DEBUG": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "pydotorg.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", WORKERS,
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/jobs/", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        for path in paths:
            result = subprocess.run(
                ["wrk", "-t2", "-c8", f"-d{DURATION}", f"http://127.0.0.1:{PORT}{path}"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            rps = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
            latency = re.search(r"Latency\s+(\S+)", result.stdout)
            rate, mean = rps.group(1) if rps else "?", latency.group(1) if latency else "?"
            print(f"{path:45} {rate} requests/s (mean latency {mean})")
    finally:
        server.terminate()
        server.wait(timeout=30)


def ensure_database():
    """Create the benchmark's Postgres database when it does not exist yet."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        return
    import psycopg

    admin = {"host": settings["HOST"], "port": settings["PORT"] or 5432, "user": settings["USER"], "dbname": "postgres"}
    with psycopg.connect(**admin, password=settings["PASSWORD"] or None, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [settings["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{settings["NAME"]}"')


def main():
    ensure_database()
    call_command("migrate", verbosity=0)
    fill()
    job = Job.objects.live().order_by("-published_at").first()
    print(f"{Job.objects.count()} jobs, {Job.objects.live().count()} live")
    paths = ["/jobs/", "/jobs/?type=web&location=berlin-germany", f"/jobs/{job.pk}/", "/jobs/location/",
             "/jobs/?q=developer&remote=on&page=3"]  # fmt: skip
    query_counts(paths)
    wrk(paths[:3])


if __name__ == "__main__":
    main()
