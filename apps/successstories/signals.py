"""Publishing a story: tell its submitter, refresh the featured story and purge the story pages."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from apps.core.cache import bump_fragment_version, bump_generation, purge_surrogate_keys
from apps.successstories.models import GENERATION_KEY, SURROGATE_KEY, Company, StoryPage


def stories_changed():
    bump_generation(GENERATION_KEY)  # the homepage story section
    bump_fragment_version()  # the Success Stories menu panel
    purge_surrogate_keys(SURROGATE_KEY, "pages")


def schedule_stories_changed(**kwargs):
    if kwargs.get("raw"):
        return
    pending = transaction.get_connection().run_on_commit
    if not any(callback is stories_changed for _savepoints, callback, _robust in pending):
        transaction.on_commit(stories_changed)


@receiver(page_published, sender=StoryPage, dispatch_uid="successstories-published")
def story_published(sender, instance, **kwargs):
    from apps.successstories.services import notify_published

    transaction.on_commit(lambda: notify_published(instance))
    schedule_stories_changed(**kwargs)


page_unpublished.connect(schedule_stories_changed, sender=StoryPage, dispatch_uid="successstories-unpublished")
post_delete.connect(schedule_stories_changed, sender=StoryPage, dispatch_uid="successstories-deleted")
post_save.connect(schedule_stories_changed, sender=Company, dispatch_uid="successstories-company-saved")
