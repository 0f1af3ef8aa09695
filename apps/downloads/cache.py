"""A generation number for everything cached from downloads data; any release or file change moves it on."""

from django.core.cache import cache

GENERATION_KEY = "downloads-generation"


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump_generation():
    """Forget every cached downloads fragment and API answer (their keys carry the generation)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
