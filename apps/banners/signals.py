"""A banner change invalidates the cached active set and purges every cached page (banners show site-wide)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.banners.active import invalidate
from apps.banners.models import Banner
from apps.core.cache import purge_surrogate_keys


def _purge():
    invalidate()
    purge_surrogate_keys("site")


@receiver(post_save, sender=Banner)
@receiver(post_delete, sender=Banner)
def banner_changed(sender, **kwargs):
    invalidate()  # at once, so this process stops serving the old set
    transaction.on_commit(_purge)
