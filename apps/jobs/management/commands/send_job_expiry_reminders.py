"""Remind submitters a few days before their job expires, once per approval period."""

import logging

from django.core.management.base import BaseCommand

from apps.jobs import services
from apps.jobs.models import Job

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Email the submitters of jobs that expire within JOBS_REMINDER_DAYS, with a renew link (once per job)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the reminders; send nothing.")

    def handle(self, *args, dry_run=False, **options):
        count = 0
        for job in Job.objects.due_for_reminder().select_related("creator").order_by("expires"):
            count += 1
            if dry_run:
                self.stdout.write(f"would remind #{job.pk} {job} (expires {job.expires:%Y-%m-%d})")
                continue
            services.send_expiry_reminder(job)
            logger.info("Sent expiry reminder for job %s", job.pk)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{count} reminder{'s' if count != 1 else ''} {verb}")
