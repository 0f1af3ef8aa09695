"""Nominations benchmark: SQL queries per election page with 50, 500 and 2,000 public nominations.

    .venv/bin/python bench/nominations.py [--sizes 50,500,2000]

Uses the bench database (``BENCH_DATABASE_URL``, see bench/common.py); each size gets its own closed
election, filled once and reused by later runs.
"""

import argparse
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import count_queries, create_database, report, setup_django  # noqa: E402


def election_with(count):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from apps.nominations.models import Acceptance, Election, ElectionKind, Nomination, Nominee, Review

    kind, _ = ElectionKind.objects.get_or_create(slug="board", defaults={"name": "Board of Directors"})
    now = timezone.now()
    election, created = Election.objects.get_or_create(
        slug=f"bench-{count}",
        defaults={"kind": kind, "name": f"Bench election ({count} nominations)", "description": "Bench **data**.",
                  "nominations_open_at": now - timedelta(days=30), "nominations_close_at": now - timedelta(days=1)},
    )  # fmt: skip
    if created:
        User = get_user_model()
        members = [User.objects.get_or_create(username=f"bench-member-{i}")[0] for i in range(50)]
        nominees = Nominee.objects.bulk_create(
            Nominee(election=election, name=f"Nominee {i}", email=f"n{i}@example.com", slug=f"nominee-{i}",
                    review=Review.APPROVED)
            for i in range(max(count // 5, 1))
        )  # fmt: skip
        Nomination.objects.bulk_create(
            Nomination(election=election, nominee=nominees[i % len(nominees)], nominator=members[i % 50],
                       name=nominees[i % len(nominees)].name, email=nominees[i % len(nominees)].email,
                       statement=f"Nomination {i}: **good** candidate.", acceptance=Acceptance.ACCEPTED,
                       review=Review.APPROVED, coc_acknowledged=True)
            for i in range(count)
        )  # fmt: skip
    return election, election.nominees.order_by("pk").first()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,500,2000")
    args = parser.parse_args()
    create_database()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        election, nominee = election_with(size)
        for label, path in [
            ("elections", "/nominations/elections/"),
            ("election", election.get_absolute_url()),
            ("nominees", election.nominees_url()),
            ("nominee", nominee.get_absolute_url()),
        ]:
            status, queries = count_queries(path)
            rows.append((f"{size} nominations", label, path, status, queries))
    report("SQL queries per nominations page (anonymous, warm cache)", rows)


if __name__ == "__main__":
    main()
