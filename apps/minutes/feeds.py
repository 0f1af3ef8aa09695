import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from apps.core.cache import add_surrogate_keys
from apps.minutes.models import Minutes
from apps.minutes.signals import SURROGATE_KEY

FEED_LENGTH = 20


class MinutesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "PSF board meeting minutes"
    link = "/psf/records/board/minutes/"
    description = "Minutes of the Python Software Foundation board of directors' meetings."

    def __call__(self, request, *args, **kwargs):
        return add_surrogate_keys(super().__call__(request, *args, **kwargs), SURROGATE_KEY)

    def items(self):
        return Minutes.objects.published().newest_first()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title_text

    def item_description(self, item):
        return item.content_html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)), datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or item.updated
