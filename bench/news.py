"""News and success stories: SQL queries per page at 10, 1,000 and 10,000 rows, then wrk on two pages.

    .venv/bin/python bench/news.py [--sizes 10,1000,10000] [--duration 10]

Uses its own database (BENCH_DATABASE_URL, default pydotorg_news_bench), loads the demo site once and
adds bulk rows (blog entries and success stories) up to each size.
"""

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_ENV, count_queries, create_database, gunicorn, report, setup_django, wrk  # noqa: E402

BENCH_ENV["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pydotorg_news_bench"
)
BENCH_ENV["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", BENCH_ENV.get("REDIS_URL", ""))
STORY = "/success-stories/faster-bridge-inspections-with-python/"
PATHS = ["/", "/blogs/", "/blogs/?page=5", "/blogs/feed/", "/success-stories/",
         "/success-stories/category/engineering/?page=3", STORY]  # fmt: skip


def grow_entries(target):
    from django.utils import timezone

    from apps.blogs.models import BlogEntry, Feed

    feed = Feed.objects.get(slug="python-insider")
    count = BlogEntry.objects.count()
    now = timezone.now()
    BlogEntry.objects.bulk_create(
        BlogEntry(feed=feed, title=f"Bench entry {n}", summary=f"<p>Entry {n}.</p>", url=f"https://bench.example/{n}",
                  guid=f"bench-{n}", pub_date=now - timedelta(days=30, minutes=n))
        for n in range(count, target)
    )  # fmt: skip


def grow_stories(target):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from apps.successstories.models import Company, StoryCategory, StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get()
    have = StoryPage.objects.count()
    if have >= target:
        return
    categories, companies = list(StoryCategory.objects.all()), list(Company.objects.all())
    content_type = ContentType.objects.get_for_model(StoryPage)
    now = timezone.now() - timedelta(days=30)
    pages = [
        Page(title=f"Bench story {n}", slug=f"bench-story-{n}", content_type=content_type, live=True,
             path=StoryPage._get_path(index.path, index.depth + 1, index.numchild + 1 + i), depth=index.depth + 1,
             numchild=0, url_path=f"{index.url_path}bench-story-{n}/", first_published_at=now,
             last_published_at=now, locale_id=index.locale_id, draft_title=f"Bench story {n}")
        for i, n in enumerate(range(have, target))
    ]  # fmt: skip
    Page.objects.bulk_create(pages)
    rows = [(page.pk, "", False, companies[i % len(companies)].pk, categories[i % len(categories)].pk, "Bench",
             "", "Python helps.", "[]", False) for i, page in enumerate(pages)]  # fmt: skip
    columns = (
        "page_ptr_id, social_text, noindex, company_id, category_id, author, author_email, pull_quote, body, featured"
    )
    sql = f"INSERT INTO {StoryPage._meta.db_table} ({columns}) VALUES ({', '.join(['%s'] * 10)})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
        cursor.execute("ANALYZE")
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    create_database(BENCH_ENV["DATABASE_URL"])
    setup_django()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", "--if-empty", "--skip-index", verbosity=0)
    rows = []
    for size in [int(size) for size in args.sizes.split(",")]:
        grow_entries(size)
        grow_stories(size)
        cache.clear()
        rows.append([f"{size:>6} rows", *(f"{path} {count_queries(path)[1]}q" for path in PATHS)])
    report("SQL queries per page (warm cache)", rows)
    with gunicorn(port=int(os.environ.get("BENCH_PORT", "8104"))) as base:
        report("wrk", [[path, wrk(base + path, duration=args.duration)] for path in ("/blogs/", "/success-stories/")])


if __name__ == "__main__":
    main()
