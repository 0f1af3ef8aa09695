"""Import every active feed's new entries, by guid. Idempotent; --dry-run reports only.

A feed that is down, slow or malformed is logged and skipped; the others are still imported.
"""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.blogs import importer
from apps.blogs.models import Feed

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Import new entries from each active feed (or --file into one --feed)."

    def add_arguments(self, parser):
        parser.add_argument("--feed", help="Slug of the one feed to refresh.")
        parser.add_argument("--file", type=Path, help="Read this RSS/Atom file instead of the feed's address.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; change nothing.")

    def handle(self, *args, feed=None, file=None, dry_run=False, **options):
        feeds = Feed.objects.active()
        if feed:
            feeds = Feed.objects.filter(slug=feed)
            if not feeds.exists():
                raise CommandError(f"No feed with slug “{feed}”.")
        if file and not feed:
            raise CommandError("--file needs --feed.")
        if file and not file.is_file():
            raise CommandError(f"{file} is not a file.")
        failures = 0
        feeds = list(feeds)
        for item in feeds:
            try:
                report = importer.refresh_feed(item, dry_run=dry_run, data=file.read_bytes() if file else None)
            except importer.FeedError as error:
                failures += 1
                self.stderr.write(f"{item.slug}: {error}")
                continue
            except Exception:  # one feed's surprise must not stop the others
                failures += 1
                logger.exception("Feed %s failed", item.slug)
                self.stderr.write(f"{item.slug}: unexpected error (logged)")
                continue
            prefix = "[dry run] " if dry_run else ""
            self.stdout.write(f"{prefix}{item.slug}: {report.summary()}")
            for position, reason in report.skipped:
                self.stdout.write(f"  skipped entry {position}: {reason}")
        if feeds and failures == len(feeds):
            raise CommandError("No feed could be refreshed.")
