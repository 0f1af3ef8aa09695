"""Purge the downloads pages and API from the CDN when a release is published or a file changes."""

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from apps.core.cache import bump_generation, purge_surrogate_keys
from apps.downloads.models import GENERATION_KEY, SURROGATE_KEY, DownloadsIndexPage, ReleaseFile, ReleasePage
from apps.users.roles import RELEASE_MANAGER_PAGE_PERMISSIONS, RELEASE_MANAGERS, grant_pages


def purge_downloads():
    # The Downloads menu panel and the homepage section depend on this generation: core re-renders them
    # and purges them only if their HTML changed.
    bump_generation(GENERATION_KEY)
    return purge_surrogate_keys(SURROGATE_KEY)


def purge_after_commit(**kwargs):
    if not kwargs.get("raw"):
        transaction.on_commit(purge_downloads)


@receiver(post_save, sender=DownloadsIndexPage, dispatch_uid="downloads-index-release-managers")
def release_managers_edit_downloads(sender, instance, created, raw=False, **kwargs):
    """Release managers add, edit and publish the releases under a new Downloads section."""
    if created and not raw:
        grant_pages(global_apps, RELEASE_MANAGERS, instance, RELEASE_MANAGER_PAGE_PERMISSIONS)


@receiver(page_unpublished, sender=ReleasePage, dispatch_uid="release-unpublished-hands-over-latest")
def hand_over_latest(sender, instance, **kwargs):
    instance.hand_over_latest()


for page_class in (ReleasePage, DownloadsIndexPage):
    page_published.connect(purge_after_commit, sender=page_class, dispatch_uid=f"purge-published-{page_class.__name__}")
    page_unpublished.connect(
        purge_after_commit, sender=page_class, dispatch_uid=f"purge-unpublished-{page_class.__name__}"
    )


@receiver(post_save, sender=ReleasePage, dispatch_uid="purge-release-saved")
@receiver(post_delete, sender=ReleasePage, dispatch_uid="purge-release-deleted")
@receiver(post_save, sender=ReleaseFile, dispatch_uid="purge-release-file-saved")
@receiver(post_delete, sender=ReleaseFile, dispatch_uid="purge-release-file-deleted")
def purge_on_file_change(sender, **kwargs):
    purge_after_commit(**kwargs)
