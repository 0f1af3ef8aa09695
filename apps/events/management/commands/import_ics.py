"""Import each calendar's ICS source (or one file) into its events, by UID. Idempotent; --dry-run reports only."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.events import ics
from apps.events.models import Calendar

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Import events from each calendar's ICS address (or --file into one --calendar)."

    def add_arguments(self, parser):
        parser.add_argument("--calendar", help="Slug of the one calendar to import.")
        parser.add_argument("--file", type=Path, help="Read this ICS file instead of the calendar's address.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; change nothing.")

    def handle(self, *args, calendar=None, file=None, dry_run=False, **options):
        calendars = Calendar.objects.all()
        if calendar:
            calendars = calendars.filter(slug=calendar)
            if not calendars.exists():
                raise CommandError(f"No calendar with slug “{calendar}”.")
        if file:
            if not calendar:
                raise CommandError("--file needs --calendar.")
            if not file.is_file():
                raise CommandError(f"{file} is not a file.")
        else:
            calendars = calendars.exclude(ics_url="")
        failures = 0
        for cal in calendars:
            try:
                data = file.read_bytes() if file else ics.fetch_ics(cal.ics_url)
                with transaction.atomic():
                    report = ics.import_ics(cal, data, dry_run=dry_run)
                    if dry_run:
                        transaction.set_rollback(True)
            except ics.IcsError as error:
                failures += 1
                logger.warning("ICS import of %s failed: %s", cal.slug, error)
                self.stderr.write(f"{cal.slug}: {error}")
                continue
            prefix = "[dry run] " if dry_run else ""
            self.stdout.write(f"{prefix}{cal.slug}: {report.summary()}")
            for uid, reason in report.skipped:
                self.stdout.write(f"  skipped {uid}: {reason}")
            for uid, warning in report.warnings:
                self.stdout.write(f"  warning {uid}: {warning}")
            logger.info("ICS import of %s: %s", cal.slug, report.summary())
        if failures and failures == len(calendars):
            raise CommandError("No calendar could be imported.")
