"""Email users who starred an event before each occurrence starts. Idempotent (one email per star and occurrence)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.events import notifications
from apps.events.models import Event, EventReminder, EventStar, Occurrence

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send reminders for starred events starting within the next --hours."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=None, help="Look-ahead (default EVENTS_REMINDER_HOURS).")
        parser.add_argument("--dry-run", action="store_true", help="List the reminders; send nothing.")

    def handle(self, *args, hours=None, dry_run=False, **options):
        hours = settings.EVENTS_REMINDER_HOURS if hours is None else hours
        now = timezone.now()
        occurrences = Occurrence.objects.filter(
            start__gt=now,
            start__lte=now + timedelta(hours=hours),
            event__status=Event.Status.APPROVED,
            event__cancelled=False,
            event__stars__isnull=False,
        ).distinct()
        sent = 0
        for occurrence in occurrences.select_related("event__calendar", "event__venue"):
            stars = (
                EventStar.objects.filter(event=occurrence.event)
                .exclude(reminders__occurrence_start=occurrence.start)
                .select_related("user")
            )
            for star in stars:
                if not star.user.email or not star.user.is_active:
                    continue
                star.event = occurrence.event
                if dry_run:
                    self.stdout.write(f"[dry run] would remind {star.user.email} of {occurrence}")
                    continue
                try:
                    with transaction.atomic():
                        EventReminder.objects.create(star=star, occurrence_start=occurrence.start)
                except IntegrityError:
                    continue  # another run sent it meanwhile
                notifications.event_reminder(star, occurrence)
                sent += 1
        logger.info("Event reminders sent: %s", sent)
        self.stdout.write(f"{sent} reminder(s) sent")
