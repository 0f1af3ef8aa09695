from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from apps.core.cache import purge_surrogate_keys
from apps.work_groups.models import WorkGroup

SURROGATE_KEY = "workgroups"


@receiver(post_save, sender=WorkGroup)
@receiver(post_delete, sender=WorkGroup)
@receiver(m2m_changed, sender=WorkGroup.organizers.through)
@receiver(m2m_changed, sender=WorkGroup.members.through)
def work_group_changed(sender, **kwargs):
    transaction.on_commit(lambda: purge_surrogate_keys(SURROGATE_KEY))
