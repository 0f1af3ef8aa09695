"""The news every surface shares (homepage section, News menu panel, search), cached by generation."""

from django.core.cache import cache

from apps.blogs.models import GENERATION_KEY, BlogEntry, Feed, FeedAggregate, RelatedBlog
from apps.core.cache import generation

HOMEPAGE_LIMIT = 5


def latest_entries(limit=HOMEPAGE_LIMIT):
    """The newest entries; no query until the feed job or an editor changes an entry."""
    key = f"blogs:latest:{generation(GENERATION_KEY)}:{limit}"
    entries = cache.get(key)
    if entries is None:
        entries = list(BlogEntry.objects.newest()[:limit])
        cache.set(key, entries, 24 * 3600)
    return entries


def search_entries(query, limit):
    return BlogEntry.objects.search_text(query).newest()[:limit]


def sidebar():
    """(feeds that have entries, aggregates of them, related blogs) for /blogs/; cached like the news itself."""
    key = f"blogs:sidebar:v2:{generation(GENERATION_KEY)}"
    value = cache.get(key)
    if value is None:
        feeds = list(Feed.objects.filter(entries__isnull=False).distinct().order_by("name"))
        with_entries = {feed.pk for feed in feeds}
        aggregates = []
        for aggregate in FeedAggregate.objects.prefetch_related("feeds"):
            aggregate.feed_ids = [feed.pk for feed in aggregate.feeds.all() if feed.pk in with_entries]
            if aggregate.feed_ids:
                aggregates.append(aggregate)
        value = (feeds, aggregates, list(RelatedBlog.objects.all()))
        cache.set(key, value, 24 * 3600)
    return value
