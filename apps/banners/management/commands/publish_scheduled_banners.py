"""Show and hide scheduled banners on cached pages: purge when a banner's start or end time has passed.

Pages are cached in the CDN and Varnish for up to ``CACHE_S_MAXAGE``; a banner's save purges them, but its
start and end times pass without a save. Run every minute (pydotorg/cron.py): each run looks at the times
that passed since the last run it recorded, so running it twice purges once.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from apps.banners.active import invalidate
from apps.banners.models import Banner
from apps.core.cache import purge_surrogate_keys

logger = logging.getLogger(__name__)

LAST_RUN_KEY = "banners-schedule-checked"
# With no record of a last run (first run, cache flushed), look this far back.
LOOKBACK = timedelta(minutes=15)


class Command(BaseCommand):
    help = "Purge cached pages when a switched-on banner's start or end time has passed since the last run."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the banners that changed; purge nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        since = cache.get(LAST_RUN_KEY) or now - LOOKBACK
        changed = list(
            Banner.objects.switched_on()
            .filter(Q(starts_at__gt=since, starts_at__lte=now) | Q(ends_at__gt=since, ends_at__lte=now))
            .order_by("pk")
        )
        for banner in changed:
            state = "ended" if banner.ends_at and since < banner.ends_at <= now else "started"
            self.stdout.write(f"{'would purge: ' if dry_run else ''}banner #{banner.pk} {banner.title!r} {state}")
        if dry_run:
            self.stdout.write(f"{len(changed)} banner{'s' if len(changed) != 1 else ''} started or ended")
            return
        if changed:
            invalidate()
            purge_surrogate_keys("site")
            logger.info("Purged every page: %d banner(s) started or ended", len(changed))
        cache.set(LAST_RUN_KEY, now, None)
        self.stdout.write(f"{len(changed)} banner{'s' if len(changed) != 1 else ''} started or ended")
