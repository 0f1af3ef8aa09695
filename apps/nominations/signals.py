"""Purge an election's pages from the CDN whenever its nominations, nominees or dates change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.core.cache import purge_surrogate_keys
from apps.nominations.models import Election, Nomination, Nominee

SURROGATE_KEY = "nominations"


def purge_election(election_id):
    return purge_surrogate_keys(SURROGATE_KEY, f"election-{election_id}")


@receiver([post_save, post_delete], sender=Nomination)
@receiver([post_save, post_delete], sender=Nominee)
def nomination_changed(sender, instance, **kwargs):
    purge_election(instance.election_id)


@receiver([post_save, post_delete], sender=Election)
def election_changed(sender, instance, **kwargs):
    purge_election(instance.pk)
