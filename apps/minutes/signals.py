from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.core.cache import purge_surrogate_keys
from apps.minutes.models import Minutes

SURROGATE_KEY = "minutes"


@receiver(post_save, sender=Minutes)
@receiver(post_delete, sender=Minutes)
def minutes_changed(sender, **kwargs):
    transaction.on_commit(lambda: purge_surrogate_keys(SURROGATE_KEY))
