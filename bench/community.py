"""Community, board minutes and work groups: SQL queries per page as posts, minutes and groups grow.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/pydotorg_bench .venv/bin/python bench/community.py
    [--sizes 10,1000,10000] [--duration 0]   # --duration N also runs wrk N seconds per page under gunicorn

The bench database is created and migrated if needed; rows are added, never removed.
"""

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import count_queries, create_database, gunicorn, report, setup_django, wrk  # noqa: E402

FIRST_MEETING = datetime.date(1990, 1, 3)


def grow_to(rows):
    """Bring community posts, board minutes and work groups to ``rows`` rows each."""
    from django.db import connection

    from apps.community.models import Post
    from apps.minutes.models import Minutes
    from apps.work_groups.models import WorkGroup

    have = Post.objects.count()
    Post.objects.bulk_create(
        (Post(title=f"Bench post {n}", abstract="A post for the benchmark.", body="Text", status=Post.Status.PUBLIC)
         for n in range(have, rows)), batch_size=2000,
    )  # fmt: skip
    dates = set(Minutes.objects.values_list("date", flat=True))
    fresh = (FIRST_MEETING + datetime.timedelta(days=n) for n in range(rows * 2))
    Minutes.objects.bulk_create(
        (Minutes(date=day, content="The board met.", live=True)
         for day in [d for d in fresh if d not in dates][: max(0, rows - len(dates))]), batch_size=2000,
    )  # fmt: skip
    have = WorkGroup.objects.count()
    WorkGroup.objects.bulk_create(
        (WorkGroup(name=f"Bench group {n}", slug=f"bench-group-{n}", purpose="p", active_time="a", core_values="c",
                   rules="r", communication="m", approved=True) for n in range(have, rows)), batch_size=2000,
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def paths():
    from apps.community.models import Post
    from apps.minutes.models import Minutes
    from apps.work_groups.models import WorkGroup

    return [
        "/community/",
        Post.objects.public().order_by("pk").first().get_absolute_url(),
        "/psf/records/board/minutes/",
        Minutes.objects.published().order_by("date").first().get_absolute_url(),
        "/psf/records/board/minutes/feed/",
        "/psf/workgroups/",
        WorkGroup.objects.approved().order_by("pk").first().get_absolute_url(),
        "/shell/",
        "/funding.json",
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--duration", type=int, default=0)
    args = parser.parse_args()

    create_database()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, skip_index=True, if_empty=True)

    sizes = [int(size) for size in args.sizes.split(",")]
    counts = {}
    for size in sizes:
        grow_to(size)
        for path in paths():
            status, queries = count_queries(path)
            counts.setdefault(path, []).append(f"{queries} (HTTP {status})")
    rows = [("page", *(f"{size} rows" for size in sizes))]
    rows += [(path, *values) for path, values in counts.items()]
    report("SQL queries per page view (warm cache) as posts, minutes and work groups grow", rows)

    if args.duration:
        with gunicorn() as base:
            rows = [("url", "requests/s", "median latency", "non-2xx")]
            for path in paths():
                result = wrk(base + path, duration=args.duration)
                rows.append(
                    (path, result.get("requests_per_second"), result.get("median_latency"), result.get("non_2xx"))
                )
            report(f"gunicorn (2 workers) under wrk -d{args.duration}s", rows)


if __name__ == "__main__":
    main()
