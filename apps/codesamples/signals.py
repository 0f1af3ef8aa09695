from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from apps.codesamples.models import GENERATION_KEY, CodeSample
from apps.core.cache import bump_generation, purge_surrogate_keys


@receiver(published, sender=CodeSample, dispatch_uid="codesamples-published")
@receiver(unpublished, sender=CodeSample, dispatch_uid="codesamples-unpublished")
@receiver(post_save, sender=CodeSample, dispatch_uid="codesamples-saved")
@receiver(post_delete, sender=CodeSample, dispatch_uid="codesamples-deleted")
def samples_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    bump_generation(GENERATION_KEY)
    purge_surrogate_keys("pages")  # the homepage
