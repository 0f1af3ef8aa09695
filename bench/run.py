"""Foundation benchmark: SQL queries per page as the tree grows, and wrk throughput under gunicorn.

make bench            # or: .venv/bin/python bench/run.py [--sizes 50,500,5000] [--duration 10]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import count_queries, create_database, gunicorn, report, setup_django, wrk  # noqa: E402


def grow_tree(target):
    """Add standard pages under a "bench" section until the tree holds ``target`` pages."""
    from wagtail.models import Page

    from apps.pages.models import HomePage, SectionIndexPage, StandardPage

    home = HomePage.objects.get()
    section = SectionIndexPage.objects.filter(slug="bench").first()
    if section is None:
        section = home.add_child(instance=SectionIndexPage(title="Bench", slug="bench", show_children=False))
    count = Page.objects.count()
    parent, number = section, StandardPage.objects.filter(slug__startswith="bench-").count()
    while count < target:
        page = StandardPage(
            title=f"Bench page {number}",
            slug=f"bench-{number}",
            body=[{"type": "rich_text", "value": f"<p>Python page number {number} for the benchmark.</p>"}],
        )
        parent.add_child(instance=page)
        number += 1
        count += 1
    # Fresh statistics, as autovacuum would give a live database after a bulk load.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()

    create_database()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, skip_index=True)

    rows = [("pages", "/ queries", "/psf/bylaws/ queries", "/about/ queries")]
    for size in [int(s) for s in args.sizes.split(",")]:
        total = grow_tree(size)
        counts = [count_queries(path) for path in ("/", "/psf/bylaws/", "/about/")]
        rows.append((total, *(f"{queries} (HTTP {status})" for status, queries in counts)))
    report("SQL queries per page view (warm cache) as the page tree grows", rows)

    call_command("update_index", verbosity=0)
    with gunicorn() as base:
        rows = [("url", "requests/s", "median latency", "non-2xx")]
        for path in ("/", "/psf/bylaws/", "/search/?q=python"):
            result = wrk(base + path, duration=args.duration)
            rows.append((path, result.get("requests_per_second"), result.get("median_latency"), result.get("non_2xx")))
        report(f"gunicorn (2 workers, production settings) under wrk -t2 -c8 -d{args.duration}s", rows)


if __name__ == "__main__":
    main()
