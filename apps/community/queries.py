"""Queries several surfaces share (the Community menu panel, search)."""

from apps.community.models import Post

MENU_PANEL_POSTS = 3


def latest_public_posts(limit=MENU_PANEL_POSTS):
    return list(Post.objects.public().newest_first().only("pk", "title", "kind", "created")[:limit])


def search_public_posts(query, limit):
    return Post.objects.public().search(query, operator="and")[:limit]
