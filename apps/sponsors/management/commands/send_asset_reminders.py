"""Remind sponsors of required assets due within N days that they have not provided; each asset once."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from apps.mailing.emails import send_templated_email
from apps.sponsors.models import REQUIRED_ASSET_KINDS, BenefitFeature, SponsorAsset, Sponsorship
from apps.sponsors.services import absolute

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Email sponsors' contacts about required assets due soon and still missing."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Remind this many days ahead (default: setting).")
        parser.add_argument("--dry-run", action="store_true", help="List the reminders; send nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.SPONSORS_ASSET_REMINDER_DAYS if days is None else days
        today = timezone.localdate()
        due = (
            BenefitFeature.objects.filter(
                kind__in=REQUIRED_ASSET_KINDS,
                reminder_sent_on__isnull=True,
                due_date__gte=today,
                due_date__lte=today + timedelta(days=days),
                sponsor_benefit__sponsorship__status__in=[Sponsorship.Status.APPROVED, Sponsorship.Status.FINALIZED],
            )  # fmt: skip
            .select_related("sponsor_benefit__sponsorship__sponsor")
            .order_by("sponsor_benefit__sponsorship_id", "due_date")
        )
        provided = set(SponsorAsset.objects.with_value().values_list("sponsorship_id", "internal_name"))
        by_sponsorship = {}
        for feature in due:
            sponsorship = feature.sponsor_benefit.sponsorship
            if (sponsorship.pk, feature.internal_name) not in provided:
                by_sponsorship.setdefault(sponsorship, []).append(feature)
        for sponsorship, features in by_sponsorship.items():
            recipients = sorted({c.email for c in sponsorship.sponsor.contacts.all()})
            if dry_run:
                labels = ", ".join(f.label for f in features)
                self.stdout.write(f"would remind {', '.join(recipients)} about {labels} ({sponsorship})")
                continue
            if recipients:
                send_templated_email("sponsors-asset-reminder", recipients, {
                    "sponsorship": sponsorship, "assets": features, "due_date": min(f.due_date for f in features),
                    "dashboard_url": absolute(reverse("sponsors:dashboard_detail", args=[sponsorship.pk])),
                }, reply_to=[settings.SPONSORS_PSF_EMAIL])  # fmt: skip
            BenefitFeature.objects.filter(pk__in=[f.pk for f in features]).update(reminder_sent_on=today)
            logger.info("Reminded sponsorship %s of %d assets", sponsorship.pk, len(features))
        verb = "would remind" if dry_run else "reminded"
        count = len(by_sponsorship)
        self.stdout.write(f"{count} sponsorship{'s' if count != 1 else ''} {verb}")
