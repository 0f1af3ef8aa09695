"""Refresh the stored release-cycle data from the JSON published with the devguide."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.core.cache import bump_generation, purge_surrogate_keys
from apps.downloads import release_cycle
from apps.downloads.models import GENERATION_KEY, SURROGATE_KEY

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Update each feature version's status, first release and end of life from the release-cycle JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", default=None, help="A path or URL (default: settings.DOWNLOADS_RELEASE_CYCLE_URL)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report the changes without saving them.")

    def handle(self, *args, source=None, dry_run=False, **options):
        source = source or settings.DOWNLOADS_RELEASE_CYCLE_URL
        try:
            rows = release_cycle.parse(release_cycle.load(source))
        except (OSError, ValueError) as error:
            logger.warning("Release-cycle refresh from %s failed: %s", source, error)
            raise CommandError(f"Could not read the release cycle from {source}: {error}") from error
        changed = release_cycle.apply(rows, dry_run=dry_run)
        if changed and not dry_run:
            bump_generation(GENERATION_KEY)  # release pages show their cycle's status
            purge_surrogate_keys(SURROGATE_KEY)
        verb = "Would update" if dry_run else "Updated"
        self.stdout.write(f"{verb} {len(changed)} of {len(rows)} feature versions: {', '.join(changed) or 'none'}.")
