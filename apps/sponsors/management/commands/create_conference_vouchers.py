"""Create conference pass vouchers for approved and finalized sponsorships that have none yet; idempotent."""

import logging

from django.core.management.base import BaseCommand

from apps.sponsors.models import FeatureKind, SponsorAsset, Sponsorship
from apps.sponsors.vouchers import VOUCHER_TYPES, VoucherError, create_voucher

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Ask the conference's API for pass voucher codes and give them to the sponsorships as provided assets."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the vouchers that would be created.")

    def handle(self, *args, dry_run=False, **options):
        sponsorships = (
            Sponsorship.objects.filter(status__in=[Sponsorship.Status.APPROVED, Sponsorship.Status.FINALIZED])
            .filter(benefits__features__internal_name__in=VOUCHER_TYPES)
            .distinct()
            .select_related("sponsor")
            .prefetch_related("benefits__features", "assets")
        )
        created = failed = 0
        for sponsorship in sponsorships:
            have = {a.internal_name for a in sponsorship.assets.all() if a.has_value}
            for benefit in sponsorship.benefits.all():
                features = list(benefit.features.all())
                quantity = next((f.quantity for f in features if f.kind == FeatureKind.TIERED_QUANTITY), 1) or 1
                for feature in features:
                    name = feature.internal_name
                    if feature.kind != FeatureKind.PROVIDED_TEXT or name not in VOUCHER_TYPES or name in have:
                        continue
                    if dry_run:
                        self.stdout.write(f"would create {quantity} × {name} for {sponsorship}")
                        created += 1
                        continue
                    try:
                        code = create_voucher(VOUCHER_TYPES[name], quantity, sponsorship.sponsor.name, sponsorship.pk)
                    except VoucherError as error:
                        failed += 1
                        logger.warning("No voucher for sponsorship %s (%s): %s", sponsorship.pk, name, error)
                        self.stderr.write(f"failed {name} for {sponsorship}: {error}")
                        continue
                    SponsorAsset.objects.update_or_create(
                        sponsorship=sponsorship, internal_name=name,
                        defaults={"sponsor": sponsorship.sponsor, "kind": feature.kind, "text": code},
                    )  # fmt: skip
                    have.add(name)
                    created += 1
        verb = "would create" if dry_run else "created"
        self.stdout.write(f"{created} voucher{'s' if created != 1 else ''} {verb}, {failed} failed")
