from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from apps.blogs.models import BlogEntry

FEED_LENGTH = 30


class LatestEntriesFeed(Feed):
    """RSS of the newest entries of every feed python.org follows."""

    feed_type = Rss201rev2Feed
    title = "Python.org news"
    description = "The latest news from the Python blogs: Python Insider, the PSF and more."

    def __init__(self, link="/blogs/", entries=None, name=""):
        super().__init__()
        self.link = link
        self.entries = BlogEntry.objects.newest() if entries is None else entries
        if name:  # one blog or one aggregate of blogs
            self.title = f"Python.org news: {name}"

    def items(self):
        return self.entries[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.pub_date

    def item_author_name(self, item):
        return item.feed.name
