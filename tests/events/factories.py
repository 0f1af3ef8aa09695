from datetime import UTC, datetime, timedelta

import factory
from django.utils import timezone

from apps.events.models import Calendar, Event, EventCategory, EventLocation


class CalendarFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Calendar {n}")
    slug = factory.Sequence(lambda n: f"calendar-{n}")
    description = "Python events."

    class Meta:
        model = Calendar
        django_get_or_create = ("slug",)


class EventCategoryFactory(factory.django.DjangoModelFactory):
    calendar = factory.SubFactory(CalendarFactory)
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = EventCategory


class EventLocationFactory(factory.django.DjangoModelFactory):
    calendar = factory.SubFactory(CalendarFactory)
    name = factory.Sequence(lambda n: f"Venue {n}")
    address = "1 Python Way"

    class Meta:
        model = EventLocation


def in_days(days, hour=18):
    now = timezone.now()
    return datetime(now.year, now.month, now.day, hour, tzinfo=UTC) + timedelta(days=days)


class EventFactory(factory.django.DjangoModelFactory):
    calendar = factory.SubFactory(CalendarFactory)
    title = factory.Sequence(lambda n: f"Event {n}")
    description = "A **Python** gathering."
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda e: e.start + timedelta(hours=2))
    status = Event.Status.APPROVED

    class Meta:
        model = Event
