"""``manage.py import_legacy DUMP.json``: bring a legacy python.org database export into this site."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core import legacy


class Command(BaseCommand):
    help = "Import a legacy python.org `dumpdata --natural-foreign` export (see docs/import.md)."

    def add_arguments(self, parser):
        parser.add_argument("dump", type=Path, help="The legacy export (JSON).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; change nothing.")
        parser.add_argument("--media-root", type=Path, help="The legacy MEDIA_ROOT, to copy logos, images, files.")
        parser.add_argument(
            "--allow-unknown", action="store_true", help="Import even when the dump has models or fields unknown here."
        )
        parser.add_argument(
            "--no-prune", action="store_true", help="Keep what earlier imports created for rows gone from this dump."
        )

    def handle(self, *args, dump, dry_run=False, media_root=None, allow_unknown=False, no_prune=False, **options):
        if not dump.is_file():
            raise CommandError(f"{dump} is not a file")
        started = time.monotonic()
        report = legacy.run(
            dump, dry_run=dry_run, media_root=media_root, allow_unknown=allow_unknown, prune=not no_prune
        )
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(f"{time.monotonic() - started:.1f} s")
        if not report.ok:
            raise CommandError(report.failure or "some rows were not imported (see the report above)")
        self.stdout.write(self.style.SUCCESS("Dry run finished." if dry_run else "Import finished."))
