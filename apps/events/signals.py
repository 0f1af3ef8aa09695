"""Purge the CDN's event pages (surrogate key "events") once per transaction that changed an event."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.core.cache import bump_generation, purge_surrogate_keys
from apps.events.models import Event

SURROGATE_KEY = "events"
# The Events menu panel and the homepage section are cached under it (core purges them if they changed).
GENERATION_KEY = "events-generation"


def _purge():
    bump_generation(GENERATION_KEY)
    purge_surrogate_keys(SURROGATE_KEY)


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
def schedule_purge(sender, **kwargs):
    # An import saves many events in one transaction; one purge after commit covers them all.
    pending = transaction.get_connection().run_on_commit
    if not any(callback is _purge for _savepoints, callback, _robust in pending):
        transaction.on_commit(_purge)
