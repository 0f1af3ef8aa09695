"""iCal (django-ical) and RSS feeds of upcoming events.

The iCal feeds hand whole events to ``ics.build_ical`` so the HTTP feeds and the
round-trip export share one serialiser (RRULE exported, VTIMEZONE included).
"""

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django_ical.feedgenerator import ICal20Feed
from django_ical.views import ICalFeed

from apps.events.ics import build_ical
from apps.events.models import Calendar, Event

FEED_LIMIT = 500
FEED_CACHE_SECONDS = 3600


def feed_version():
    """Changes whenever an event is added, edited or removed, and every hour (upcoming moves on)."""
    stamp = Event.objects.aggregate(changed=Max("updated"), count=Count("pk"))
    changed = stamp["changed"].timestamp() if stamp["changed"] else 0
    return f"{changed}-{stamp['count']}-{timezone.now():%Y%m%d%H}"


class EventICalendar(ICal20Feed):
    def write(self, outfile, encoding):
        cal = build_ical(
            [item["event"] for item in self.items],
            title=self.feed.get("title") or "Python events",
            description=self.feed.get("description") or "",
            base_url=self.feed.get("base_url", ""),
        )
        outfile.write(cal.to_ical())


class BaseEventICalFeed(ICalFeed):
    feed_type = EventICalendar
    product_id = "-//Python Software Foundation//python.org events//EN"
    timezone = "UTC"

    def __call__(self, request, *args, **kwargs):
        """Serve from the cache while no event changed and the hour is the same (serialising is costly)."""
        self.base_url = request.build_absolute_uri("/").rstrip("/")
        key = f"events-ics:{feed_version()}:{self.base_url}{request.path}"
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, content_type=headers.pop("Content-Type"))
            for name, value in headers.items():
                response[name] = value
            return response
        response = super().__call__(request, *args, **kwargs)
        headers = {
            name: response[name] for name in ("Content-Type", "Content-Disposition") if response.has_header(name)
        }
        cache.set(key, (response.content, headers), FEED_CACHE_SECONDS)
        return response

    def feed_extra_kwargs(self, obj):
        return {**super().feed_extra_kwargs(obj), "base_url": self.base_url}

    def item_extra_kwargs(self, item):
        return {"event": item}

    def item_guid(self, item):
        return item.uid or f"event-{item.pk}@python.org"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.get_absolute_url()


class UpcomingEventsICalFeed(BaseEventICalFeed):
    title = "Python events"
    description = "Upcoming Python conferences and user-group meetings."
    file_name = "python-events.ics"

    def items(self):
        return Event.objects.upcoming().with_display_relations()[:FEED_LIMIT]


class CalendarICalFeed(BaseEventICalFeed):
    def get_object(self, request, calendar_slug):
        return get_object_or_404(Calendar, slug=calendar_slug)

    def title(self, obj):
        return obj.name

    def description(self, obj):
        return obj.description

    def file_name(self, obj):
        return f"{obj.slug}.ics"

    def items(self, obj):
        return Event.objects.filter(calendar=obj).upcoming().with_display_relations()[:FEED_LIMIT]


class SingleEventICalFeed(BaseEventICalFeed):
    def get_object(self, request, calendar_slug, pk):
        return get_object_or_404(Event.objects.approved().with_display_relations(), calendar__slug=calendar_slug, pk=pk)

    def title(self, obj):
        return obj.title

    def file_name(self, obj):
        return f"event-{obj.pk}.ics"

    def items(self, obj):
        return [obj]


class UpcomingEventsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Python events"
    link = "/events/"
    description = "Upcoming Python conferences and user-group meetings."

    def items(self):
        return Event.objects.upcoming().select_related("calendar", "venue")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description_html

    def item_pubdate(self, item):
        return item.created

    def item_link(self, item):
        return item.get_absolute_url()
