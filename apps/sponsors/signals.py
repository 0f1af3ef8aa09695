"""Sponsor logos are on cached pages: any change to a sponsor, sponsorship or contract purges them."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.sponsors.models import Sponsor, Sponsorship


@receiver([post_save, post_delete], sender=Sponsor)
@receiver([post_save, post_delete], sender=Sponsorship)
def purge_sponsor_logos(sender, **kwargs):
    from apps.sponsors.services import purge_sponsors_cache

    transaction.on_commit(purge_sponsors_cache)
