"""The featured story the homepage and the Success Stories menu show, cached by generation."""

from django.core.cache import cache

from apps.core.cache import generation
from apps.successstories.models import GENERATION_KEY, StoryPage


def featured_story():
    """Plain values of the featured story (or None); no query until a story or company changes."""
    key = f"successstories:featured:{generation(GENERATION_KEY)}"
    story = cache.get(key)
    if story is None:
        page = StoryPage.objects.featured_story()
        story = {}
        if page is not None:
            story = {
                "title": page.title,
                "url": page.url,
                "pull_quote": page.pull_quote,
                "author": page.author,
                "company": page.company.name if page.company_id else "",
                "category": page.category.name if page.category_id else "",
            }
        cache.set(key, story, 24 * 3600)
    return story or None
