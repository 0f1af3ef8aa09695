"""The queries that several surfaces share (homepage widget, supernav panel, search)."""

from django.utils import timezone

from apps.events.models import Calendar, Event

HOMEPAGE_LIMIT = 5


def upcoming_events(limit=HOMEPAGE_LIMIT, now=None):
    """Soonest approved upcoming events: the homepage widget and the Events supernav panel."""
    return list(Event.objects.upcoming(now=now or timezone.now()).select_related("calendar", "venue")[:limit])


def search_upcoming(query, limit):
    return Event.objects.upcoming().search(query).select_related("calendar", "venue")[:limit]


def search_calendars(query, limit=10):
    """Calendars whose name holds every word of the query ("Python Events")."""
    calendars = Calendar.objects.all()
    for word in query.split():
        calendars = calendars.filter(name__icontains=word)
    return calendars.order_by("name")[:limit]
