"""Events load test: 5,000 events (500 recurring), SQL query counts per page, then wrk against gunicorn.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pydotorg_events_bench python bench/events.py

The database is created and migrated if needed; the data set is made once and reused.
wrk only targets 127.0.0.1, with a bounded duration.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pydotorg.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pydotorg_events_bench")

from bench.common import create_database  # noqa: E402

EVENTS = 5000
RECURRING = 500
PORT = int(os.environ.get("BENCH_PORT", "8923"))
WRK_ARGS = ["-t2", "-c8", "-d10s"]
PATHS = ["/events/", "/events/calendar.ics"]


def make_data():
    from apps.events import recurrence
    from apps.events.models import Calendar, Event, EventCategory, EventLocation, Occurrence

    calendar, _ = Calendar.objects.get_or_create(slug="python-events", defaults={"name": "Python Events"})
    existing = calendar.events.count()
    if existing >= EVENTS:
        return existing
    calendar.events.all().delete()
    categories = [EventCategory.objects.get_or_create(calendar=calendar, slug=f"cat-{n}", name=f"Category {n}")[0]
                  for n in range(10)]  # fmt: skip
    venues = [EventLocation.objects.get_or_create(calendar=calendar, name=f"Venue {n}", address=f"{n} Python Way")[0]
              for n in range(100)]  # fmt: skip
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"]
    events, schedules = [], []
    for n in range(EVENTS):
        recurring = n < RECURRING
        start = now + timedelta(days=(n * 7) % 1460 - 730, hours=n % 24)
        event = Event(
            calendar=calendar, uid=f"bench-{n}@python.org", title=f"Bench event {n}",
            description=f"Event number {n} with **markdown**.", venue=venues[n % len(venues)],
            start=start, end=start + timedelta(hours=3), time_zone=zones[n % len(zones)], featured=n % 50 == 0,
            frequency="weekly" if recurring else "", count=52 if recurring else None,
        )  # fmt: skip
        occurrences = recurrence.expand(event.schedule)
        event.ends_at = occurrences[-1][1]
        event.render_description()
        events.append(event)
        schedules.append(occurrences)
    Event.objects.bulk_create(events, batch_size=1000)
    Occurrence.objects.bulk_create(
        (Occurrence(event=event, start=s, end=e) for event, occ in zip(events, schedules, strict=True) for s, e in occ),
        batch_size=5000,
    )
    through = Event.categories.through
    through.objects.bulk_create(
        [through(event_id=e.pk, eventcategory_id=categories[i % 10].pk) for i, e in enumerate(events)], batch_size=5000
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return len(events)


def query_counts():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.events.models import Event

    recurring = Event.objects.upcoming().filter(frequency="weekly").first()
    client = Client()
    client.get("/events/")  # first request creates site settings rows
    pages = [*PATHS, recurring.get_absolute_url(), "/events/python-events/", "/events/?q=bench&location=venue"]
    for path in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        print(f"{path}: HTTP {response.status_code}, {len(queries)} SQL queries, {len(response.content)} bytes")


def run_wrk():
    if not shutil.which("wrk"):
        print("wrk not installed; skipping the load test")
        return
    gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(  # noqa: S603 - fixed arguments, loopback only
        [gunicorn, "pydotorg.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                urlopen(f"http://127.0.0.1:{PORT}/events/", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        for path in PATHS:
            result = subprocess.run(  # noqa: S603
                ["wrk", *WRK_ARGS, f"http://127.0.0.1:{PORT}{path}"],
                capture_output=True,
                text=True,
                check=False,  # noqa: S607
            )
            rps = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
            errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
            print(f"wrk {' '.join(WRK_ARGS)} {path}: {rps.group(1) if rps else '?'} requests/second"
                  f"{', non-2xx: ' + errors.group(1) if errors else ''}")  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main():
    create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings

    settings.ALLOWED_HOSTS.append("testserver")
    started = time.monotonic()
    count = make_data()
    print(f"{count} events ({RECURRING} recurring) ready in {time.monotonic() - started:.1f}s")
    query_counts()
    run_wrk()


if __name__ == "__main__":
    main()
