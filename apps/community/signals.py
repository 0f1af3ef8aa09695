from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.community.models import Post
from apps.core.cache import bump_fragment_version, purge_surrogate_keys

SURROGATE_KEY = "community"


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def post_changed(sender, **kwargs):
    transaction.on_commit(_purge)


def _purge():
    bump_fragment_version()  # the Community menu panel lists the latest posts
    purge_surrogate_keys(SURROGATE_KEY)
