"""Legacy events: calendars, categories, locations, and events with their one-off or recurring rules."""

from datetime import timedelta

from django.utils.dateparse import parse_datetime, parse_duration

from apps.core.legacy import Skip, importer
from apps.events.models import Calendar, Event, EventCategory, EventLocation, EventStar

TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}
# dateutil's frequency constants, as the legacy RecurringRule stores them.
FREQUENCIES = {
    0: Event.Frequency.YEARLY,
    1: Event.Frequency.MONTHLY,
    2: Event.Frequency.WEEKLY,
    3: Event.Frequency.DAILY,
}


@importer(
    "events.calendar", group="events", order=10,
    fields={"url", "rss", "embed", "twitter", "name", "slug", "description", *TIMESTAMPS},
)  # fmt: skip
def import_calendar(row, target, ctx):
    fields = row["fields"]
    calendar = target or Calendar.objects.filter(slug=fields["slug"]).first() or Calendar(slug=fields["slug"])
    calendar.name = fields["name"].replace("-", " ").title() if fields["name"] == fields["slug"] else fields["name"]
    calendar.description = fields["description"] or ""
    calendar.url = fields["url"] or ""
    calendar.rss = fields["rss"] or ""
    calendar.twitter = fields["twitter"] or ""
    calendar.save()
    return calendar


@importer("events.eventcategory", group="events", order=20, fields={"name", "slug", "calendar"})
def import_category(row, target, ctx):
    fields = row["fields"]
    calendar = ctx.require(Calendar, "events.calendar", fields["calendar"], "calendar")
    category = target or EventCategory.objects.filter(calendar=calendar, slug=fields["slug"]).first()
    category = category or EventCategory(calendar=calendar, slug=fields["slug"])
    category.name, category.calendar = fields["name"], calendar
    category.save()
    return category


@importer("events.eventlocation", group="events", order=21, fields={"calendar", "name", "address", "url"})
def import_location(row, target, ctx):
    fields = row["fields"]
    calendar = ctx.require(Calendar, "events.calendar", fields["calendar"], "calendar")
    location = target or EventLocation(calendar=calendar)
    location.calendar, location.name = calendar, fields["name"]
    location.address, location.url = fields["address"] or "", fields["url"] or ""
    location.save()
    return location


def rules_by_event(ctx):
    """{legacy event pk: (rule model, fields)}: each event's schedule, read once per run."""
    if not hasattr(ctx, "event_rules"):
        ctx.event_rules = {}
        for model in ("events.occurringrule", "events.recurringrule"):
            for row in ctx.rows(model):
                ctx.event_rules[row["fields"]["event"]] = (model, row["fields"])
    return ctx.event_rules


def apply_rule(event, model, fields):
    if model == "events.occurringrule":
        event.start, event.end = parse_datetime(fields["dt_start"]), parse_datetime(fields["dt_end"])
        event.frequency, event.until = Event.Frequency.NONE, None
    else:
        event.start = parse_datetime(fields["begin"])
        event.end = event.start + (parse_duration(fields["duration_internal"] or "") or timedelta(hours=1))
        event.frequency = FREQUENCIES.get(fields["frequency"], Event.Frequency.WEEKLY)
        event.interval = max(1, fields["interval"] or 1)
        event.until = parse_datetime(fields["finish"]) if fields["finish"] else None
    event.all_day = fields["all_day"]


EVENT_FIELDS = {
    "uid", "title", "calendar", "description", "description_markup_type", "venue", "_description_rendered",
    "featured", "categories", *TIMESTAMPS,
}  # fmt: skip


def remove_event(event, ctx):
    event.delete()


@importer("events.event", group="events", order=30, fields=EVENT_FIELDS, remove=remove_event)
def import_event(row, target, ctx):
    fields = row["fields"]
    rule = rules_by_event(ctx).get(row["pk"])
    if rule is None:
        raise Skip("an event without a schedule (no occurring or recurring rule)", error=False)
    calendar = ctx.require(Calendar, "events.calendar", fields["calendar"], "calendar")
    event = target or Event(calendar=calendar)
    ctx.keep_legacy_pk(event, row["pk"])
    event.calendar = calendar
    event.uid = fields["uid"] or ""
    event.title = fields["title"][:255]
    event.description = fields["description"] or ""
    markup = fields["description_markup_type"]
    event.description_markup = (
        markup if markup in dict(Event._meta.get_field("description_markup").choices) else "markdown"
    )
    event.featured = fields["featured"]
    event.venue = (
        ctx.require(EventLocation, "events.eventlocation", fields["venue"], "location") if fields["venue"] else None
    )
    event.status = Event.Status.APPROVED
    event.submitted_by = ctx.user(fields["creator"])
    apply_rule(event, *rule)
    event.save()
    event.categories.set(
        ctx.require(EventCategory, "events.eventcategory", pk, "category") for pk in fields["categories"]
    )
    return event


def import_rule(row, target, ctx):
    """A changed rule reschedules its event (the event row itself may be unchanged)."""
    event = ctx.require(Event, "events.event", row["fields"]["event"], "event")
    apply_rule(event, row["model"], row["fields"])
    event.save()
    return event


importer("events.occurringrule", group="events", order=40, fields={"event", "dt_start", "dt_end", "all_day"})(
    import_rule
)
importer(
    "events.recurringrule", group="events", order=41,
    fields={"event", "begin", "finish", "duration_internal", "duration", "interval", "frequency", "all_day"},
)(import_rule)  # fmt: skip


@importer(
    "events.alarm", group="events", order=50,
    fields={"event", "trigger", "created", "updated", "creator", "last_modified_by"},
)  # fmt: skip
def import_alarm(row, target, ctx):
    """An alarm its creator set on an event is a star here: they are reminded by email before it starts."""
    fields = row["fields"]
    event = ctx.require(Event, "events.event", fields["event"], "event")
    user = ctx.user(fields["creator"])
    if user is None:
        raise Skip("an alarm without the user who set it", error=False)
    star, _created = EventStar.objects.get_or_create(user=user, event=event)
    return star
