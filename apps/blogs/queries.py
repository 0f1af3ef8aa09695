"""The news every surface shares (homepage section, News menu panel, search), cached by generation."""

from django.core.cache import cache

from apps.blogs.models import GENERATION_KEY, BlogEntry, Feed, RelatedBlog
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
    """(feeds that have entries, related blogs) for /blogs/; cached like the news itself."""
    key = f"blogs:sidebar:{generation(GENERATION_KEY)}"
    value = cache.get(key)
    if value is None:
        feeds = list(Feed.objects.filter(entries__isnull=False).distinct().order_by("name"))
        value = (feeds, list(RelatedBlog.objects.all()))
        cache.set(key, value, 24 * 3600)
    return value
