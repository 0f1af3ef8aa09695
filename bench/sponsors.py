"""Sponsorship program: SQL queries of the application picker, the staff review page, the sponsors page and
the logo placement API as the program grows (benefits per year, sponsorships, benefits per sponsorship).

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/pydotorg_sponsors_bench .venv/bin/python bench/sponsors.py

The database is migrated and given the demo data once; later runs reuse it and add rows up to each size.
"""

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pydotorg_sponsors_bench")

from bench.common import count_queries, create_database, report, setup_django  # noqa: E402

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "50,200,1000").split(",")]


def grow(target, year):
    """Benefits of ``year`` up to ``target`` (each in a package, with a feature and a conflict), and as many
    finalized sponsorships as a tenth of that, each holding twenty benefits."""
    from apps.sponsors.models import (
        BenefitFeatureConfiguration,
        FeatureKind,
        SponsorBenefit,
        Sponsorship,
        SponsorshipBenefit,
        SponsorshipPackage,
        SponsorshipProgram,
    )  # fmt: skip
    from tests.sponsors.factories import ContactFactory, SponsorFactory

    program = SponsorshipProgram.objects.order_by("order").first()
    packages = list(SponsorshipPackage.objects.for_year(year))
    count = SponsorshipBenefit.objects.for_year(year).count()
    previous = None
    while count < target:
        benefit = SponsorshipBenefit.objects.create(year=year, program=program, name=f"Bench benefit {count}",
                                                    internal_value=100, order=count)  # fmt: skip
        benefit.packages.set(packages[: 1 + count % len(packages)])
        if previous is not None and count % 7 == 0:
            benefit.conflicts.add(previous)
        benefit.save()
        BenefitFeatureConfiguration.objects.create(benefit=benefit, kind=FeatureKind.REQUIRED_TEXT,
                                                   internal_name=f"bench-{count}", label=f"Bench text {count}",
                                                   related_to="sponsorship", max_length=500)  # fmt: skip
        previous = benefit
        count += 1
    benefits = list(SponsorshipBenefit.objects.for_year(year).order_by("pk")[:20])
    while Sponsorship.objects.count() < target // 10:
        sponsor = SponsorFactory()
        ContactFactory(sponsor=sponsor)
        sponsorship = Sponsorship.objects.create(sponsor=sponsor, package=packages[0], year=year,
                                                 level_name=packages[0].name)  # fmt: skip
        for order, benefit in enumerate(benefits):
            SponsorBenefit.copy_from(sponsorship, benefit, order=order)
        contract = sponsorship.approve(date(year, 1, 1), date(year, 12, 31))
        contract.status = contract.Status.AWAITING_SIGNATURE
        contract.save()
        sponsorship.finalize()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return count


def main():
    create_database()
    setup_django()
    from django.core.management import call_command
    from django.test import Client

    from apps.sponsors.models import Sponsorship, SponsorshipSettings
    from apps.users.models import User

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, skip_index=True, if_empty=True)
    year = SponsorshipSettings.load().current_year
    staff = Client()
    staff.force_login(User.objects.get(username="sponsorship"))
    visitor = Client()
    visitor.force_login(User.objects.get(username="visitor"))

    rows = [("benefits", "sponsorships", "/sponsors/application/", "admin review", "admin edit", "/psf/sponsors/",
             "logo-placement API")]  # fmt: skip
    for size in SIZES:
        benefits = grow(size, year)
        sponsorship = Sponsorship.objects.order_by("-pk").first()
        counts = [
            count_queries("/sponsors/application/", visitor),
            count_queries(f"/admin/sponsorships-review/{sponsorship.pk}/", staff),
            count_queries(f"/admin/snippets/sponsors/sponsorship/edit/{sponsorship.pk}/", staff),
            count_queries("/psf/sponsors/"),
            count_queries("/api/v2/sponsors/logo-placement/", staff),
        ]
        rows.append((benefits, Sponsorship.objects.count(), *(f"{q} (HTTP {status})" for status, q in counts)))
    report("SQL queries per request (warm cache) as the sponsorship program grows", rows)


if __name__ == "__main__":
    main()
