"""Expire approved jobs whose time is up and tell their submitters; running it twice expires nothing twice."""

import logging

from django.core.management.base import BaseCommand

from apps.jobs import services
from apps.jobs.models import Job

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Move approved jobs past their expiry date to Expired and email their submitters."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the jobs that would expire; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        jobs = Job.objects.due_to_expire().select_related("creator").order_by("expires")
        count = 0
        for job in jobs:
            count += 1
            if dry_run:
                self.stdout.write(f"would expire #{job.pk} {job} (expired {job.expires:%Y-%m-%d})")
                continue
            services.expire(job)
            logger.info("Expired job %s", job.pk)
        verb = "would expire" if dry_run else "expired"
        self.stdout.write(f"{count} job{'s' if count != 1 else ''} {verb}")
