"""When entries change (the feed job adds some, an editor features one): new homepage and menu news."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from apps.blogs.models import SURROGATE_KEY, BlogEntry, Feed, FeedAggregate, RelatedBlog
from apps.core.cache import bump_fragment_version, bump_generation, purge_surrogate_keys


def news_changed():
    from apps.blogs.models import GENERATION_KEY

    bump_generation(GENERATION_KEY)  # the homepage "Latest News" section
    bump_fragment_version()  # the News menu panel in every page's header
    purge_surrogate_keys(SURROGATE_KEY, "pages")


@receiver(post_save, sender=BlogEntry, dispatch_uid="blogs-entry-saved")
@receiver(post_delete, sender=BlogEntry, dispatch_uid="blogs-entry-deleted")
@receiver(post_save, sender=Feed, dispatch_uid="blogs-feed-saved")
@receiver(post_delete, sender=Feed, dispatch_uid="blogs-feed-deleted")
@receiver(post_save, sender=FeedAggregate, dispatch_uid="blogs-aggregate-saved")
@receiver(post_delete, sender=FeedAggregate, dispatch_uid="blogs-aggregate-deleted")
@receiver(m2m_changed, sender=FeedAggregate.feeds.through, dispatch_uid="blogs-aggregate-feeds-changed")
@receiver(post_save, sender=RelatedBlog, dispatch_uid="blogs-related-saved")
@receiver(post_delete, sender=RelatedBlog, dispatch_uid="blogs-related-deleted")
def schedule_news_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    # An import saves many entries in one transaction; one refresh after commit covers them all.
    pending = transaction.get_connection().run_on_commit
    if not any(callback is news_changed for _savepoints, callback, _robust in pending):
        transaction.on_commit(news_changed)
