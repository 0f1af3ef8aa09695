"""Demo events: the real Google Calendar export in "Python Events" and a user-group calendar of meetups."""

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone

from apps.events import ics
from apps.events.models import Calendar, Event, EventCategory, EventLocation

PYTHON_EVENTS = {
    "slug": "python-events",
    "name": "Python Events",
    "description": "Python conferences, sprints and large community events around the world.",
    "ordering": 1,
}
USER_GROUPS = {
    "slug": "python-user-group",
    "name": "Python User Group Events",
    "description": "Regular meetings of Python user groups.",
    "ordering": 2,
}
# (uid, title, time zone, local start hour, weekday 0=Monday, frequency, interval, occurrences, venue, address)
MEETUPS = [
    ("demo-meetup-berlin@python.org", "Python Users Berlin monthly meetup", "Europe/Berlin", 19, 3, "monthly", 1, 24,
     "c-base", "Rungestraße 20, 10179 Berlin, Germany"),
    ("demo-meetup-nyc@python.org", "NYC Python project night", "America/New_York", 18, 1, "weekly", 2, 40,
     "Civic Hall", "124 East 14th Street, New York, NY, USA"),
    ("demo-meetup-sydney@python.org", "SyPy: Sydney Python user group", "Australia/Sydney", 18, 3, "monthly", 1, 18,
     "Atlassian", "341 George Street, Sydney NSW 2000, Australia"),
    ("demo-meetup-pune@python.org", "PythonPune weekly study group", "Asia/Kolkata", 17, 5, "weekly", 1, 30,
     "Pune Tech Park", "Hinjawadi, Pune, India"),
]  # fmt: skip


def _calendar(values):
    calendar, _created = Calendar.objects.update_or_create(slug=values["slug"], defaults=values)
    return calendar


def _next_weekday(today, weekday):
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def load(data_dir, stdout=None):
    python_events = _calendar(PYTHON_EVENTS)
    ics_file = data_dir / "events.ics"
    report = ics.import_ics(python_events, ics_file.read_bytes())  # a missing file stops load_demo_data

    user_groups = _calendar(USER_GROUPS)
    meetups = EventCategory.objects.get_or_create(calendar=user_groups, slug="meetup", defaults={"name": "Meetup"})[0]
    today = timezone.now().date()
    for uid, title, zone_name, hour, weekday, frequency, interval, count, venue_name, address in MEETUPS:
        if Event.objects.filter(calendar=user_groups, uid=uid).exists():
            continue
        venue = EventLocation.objects.get_or_create(calendar=user_groups, name=venue_name, address=address)[0]
        zone = Event(time_zone=zone_name).zone
        local_start = datetime.combine(_next_weekday(today, weekday), time(hour))
        start = local_start.replace(tzinfo=zone).astimezone(UTC)
        event = Event.objects.create(
            calendar=user_groups, uid=uid, title=title, venue=venue, time_zone=zone_name,
            description=f"Talks, lightning talks and pizza at {venue_name}. Everyone is welcome; bring a friend.",
            description_markup="markdown", start=start, end=start + timedelta(hours=2, minutes=30),
            frequency=frequency, interval=interval, count=count,
        )  # fmt: skip
        event.categories.add(meetups)
    return f"Python Events: {report.summary()}; user groups: {user_groups.events.count()} recurring meetups"
