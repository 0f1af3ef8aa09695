"""ICS import and export.

Import: ``import_ics(calendar, data)`` parses an iCalendar file and creates or
updates events by UID (moved, renamed and cancelled events are updated, not
duplicated). A broken event is reported and skipped; the rest of the file goes
on. ``fetch_ics(url)`` is the one network call.

Export: ``build_ical(events)`` writes events with their RRULE (not expanded)
and the VTIMEZONE components RFC 5545 requires; the feeds use it too.
"""

import html
import logging
import re
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import icalendar
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from apps.core.markup import sanitize_html
from apps.events import recurrence
from apps.events.models import Event, EventCategory, EventLocation

logger = logging.getLogger(__name__)

MAX_ICS_BYTES = 10 * 1024 * 1024
SUPPORTED_RRULE_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYMONTH"}
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
PRODUCT_ID = "-//Python Software Foundation//python.org events//EN"


class IcsError(ValueError):
    """The whole file cannot be used (not iCalendar, too large, unreachable)."""


def fetch_ics(url, timeout=30):
    """Download an ICS file; the only network access of the import."""
    if not url.startswith(("https://", "http://")):
        raise IcsError(f"Not an http(s) address: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "python.org events importer"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            data = response.read(MAX_ICS_BYTES + 1)
    except OSError as error:
        raise IcsError(f"Could not fetch {url}: {error}") from error
    if len(data) > MAX_ICS_BYTES:
        raise IcsError(f"{url} is larger than {MAX_ICS_BYTES} bytes.")
    return data


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (uid or position, reason)
    warnings: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped"
        )


class SkipEvent(ValueError):
    pass


def _as_utc(value, zone):
    if value.tzinfo is None:
        return value.replace(tzinfo=zone).astimezone(UTC)
    return value.astimezone(UTC)


def _zone_name(value, default):
    """The IANA name of an aware datetime's zone, or ``default`` for floating or unnamed zones."""
    tzinfo = getattr(value, "tzinfo", None)
    if tzinfo is None:
        return default
    name = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None) or str(tzinfo)
    if name in ("UTC", "Z", "Etc/UTC", "Etc/GMT", "GMT"):
        return "UTC"
    try:
        recurrence.get_zone(name)
    except recurrence.RecurrenceError:
        return "UTC"
    return name


def _decoded(component, name):
    prop = component.get(name)
    if prop is None:
        return None
    return prop.dt if hasattr(prop, "dt") else prop


def clean_description(text):
    """Sanitised HTML from an ICS description (HTML as Google writes it, or plain text)."""
    text = str(text or "").strip()
    if not text:
        return ""
    if not _TAG.search(text):
        text = "<br>".join(html.escape(line) for line in text.splitlines())
    return str(sanitize_html(text, trusted=False))


def _parse_rrule(component, start, all_day, zone, report, uid):
    rule = component.get("RRULE")
    if rule is None:
        return {"frequency": "", "interval": 1, "count": None, "until": None}
    if isinstance(rule, list):
        raise SkipEvent("more than one RRULE")
    unsupported = set(rule) - SUPPORTED_RRULE_PARTS
    if unsupported:
        raise SkipEvent(f"unsupported recurrence parts {', '.join(sorted(unsupported))}")
    freq = str(rule.get("FREQ", [""])[0]).lower()
    if freq not in recurrence.FREQUENCIES:
        raise SkipEvent(f"unsupported recurrence frequency {freq or '(none)'}")
    # BY* parts are accepted only when they restate the start (what calendar apps write for simple rules).
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()]
    for part, expected in (("BYDAY", weekday), ("BYMONTHDAY", start.day), ("BYMONTH", start.month)):
        values = [str(v).upper() for v in rule.get(part, [])]
        if values and values != [str(expected)]:
            raise SkipEvent(f"unsupported recurrence {part}={','.join(values)}")
    interval = int(rule.get("INTERVAL", [1])[0])
    count = int(rule["COUNT"][0]) if "COUNT" in rule else None
    until = None
    if "UNTIL" in rule:
        raw = rule["UNTIL"][0]
        if isinstance(raw, datetime):
            until = _as_utc(raw, zone)
        else:
            until = (
                datetime.combine(raw, time.min, tzinfo=UTC)
                if all_day
                else _as_utc(datetime.combine(raw, time.max), zone)
            )
    if count is None and until is None:
        years = settings.EVENTS_ENDLESS_RULE_YEARS
        until = start + timedelta(days=365 * years)
        report.warnings.append((uid, f"endless recurrence limited to {years} years"))
    return {"frequency": freq, "interval": interval, "count": count, "until": until}


def _event_values(component, calendar_zone, report):
    """The model field values of one VEVENT; SkipEvent with a reason when it cannot be used."""
    uid = str(component.get("UID") or "").strip()
    if not uid:
        raise SkipEvent("no UID")
    title = " ".join(str(component.get("SUMMARY") or "").split())
    if not title:
        raise SkipEvent("no SUMMARY (title)")
    try:
        dtstart = _decoded(component, "DTSTART")
        dtend = _decoded(component, "DTEND")
        duration = _decoded(component, "DURATION")
    except (ValueError, TypeError) as error:
        raise SkipEvent(f"unreadable date: {error}") from error
    if dtstart is None:
        raise SkipEvent("no DTSTART")
    all_day = not isinstance(dtstart, datetime)
    if all_day:
        start = datetime.combine(dtstart, time.min, tzinfo=UTC)
        if isinstance(dtend, date) and not isinstance(dtend, datetime):
            end = datetime.combine(dtend, time.min, tzinfo=UTC)
        elif isinstance(duration, timedelta):
            end = start + duration
        else:
            end = start + timedelta(days=1)
        time_zone = "UTC"
        zone = UTC
    else:
        time_zone = _zone_name(dtstart, calendar_zone)
        zone = recurrence.get_zone(time_zone)
        start = _as_utc(dtstart, zone)
        if isinstance(dtend, datetime):
            end = _as_utc(dtend, zone)
        elif isinstance(duration, timedelta):
            end = start + duration
        else:
            end = start
    if end < start:
        raise SkipEvent("DTEND is before DTSTART")
    values = {
        "uid": uid[:255],
        "title": title[:255],
        "description": clean_description(component.get("DESCRIPTION")),
        "description_markup": "html",
        "url": str(component.get("URL") or "")[:500],
        "start": start,
        "end": end,
        "all_day": all_day,
        "time_zone": time_zone,
        "cancelled": str(component.get("STATUS") or "").upper() == "CANCELLED",
        **_parse_rrule(component, start, all_day, zone, report, uid),
    }
    if values["url"] and not values["url"].startswith(("http://", "https://")):
        values["url"] = ""
    try:
        recurrence.expand(recurrence.Schedule(**{k: values[k] for k in _SCHEDULE_FIELDS}))
    except recurrence.RecurrenceError as error:
        raise SkipEvent(str(error)) from error
    location = " ".join(str(component.get("LOCATION") or "").split())
    categories = []
    for prop in (
        component.get("CATEGORIES", [])
        if isinstance(component.get("CATEGORIES"), list)
        else [component.get("CATEGORIES")]
    ):
        if prop is not None:
            categories.extend(str(c).strip() for c in getattr(prop, "cats", [prop]) if str(c).strip())
    return values, location, categories


_SCHEDULE_FIELDS = ("start", "end", "time_zone", "all_day", "frequency", "interval", "count", "until")


def _venue_for(calendar, location, venues, dry_run):
    """The calendar's venue named (or displayed) as ``location``; ``venues`` caches them by both strings."""
    if not location:
        return None
    if location not in venues:
        venue = EventLocation(calendar=calendar, name=location[:255])
        if not dry_run:
            venue.save()
        venues[location] = venue
    return venues[location]


def _categories_for(calendar, names, dry_run):
    categories = []
    for name in names:
        slug = slugify(name)[:200]
        if not slug:
            continue
        category = calendar.categories.filter(slug=slug).first()
        if category is None and not dry_run:
            category = EventCategory.objects.create(calendar=calendar, name=name[:200], slug=slug)
        if category is not None:
            categories.append(category)
    return categories


def parse_calendar(data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_ICS_BYTES:
        raise IcsError(f"The file is larger than {MAX_ICS_BYTES} bytes.")
    try:
        parsed = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise IcsError(f"Not a readable iCalendar file: {error}") from error
    if parsed.name != "VCALENDAR":
        raise IcsError("Not an iCalendar file: no VCALENDAR.")
    return parsed


def import_ics(calendar, data, *, dry_run=False):
    """Create or update ``calendar``'s events from ICS ``data``; returns an ImportReport.

    IcsError when the file as a whole is unusable (then nothing changes).
    """
    parsed = parse_calendar(data)
    calendar_zone = "UTC"
    declared = str(parsed.get("X-WR-TIMEZONE") or "")
    if declared:
        try:
            recurrence.get_zone(declared)
            calendar_zone = declared
        except recurrence.RecurrenceError:
            pass
    report = ImportReport()
    existing = {event.uid: event for event in calendar.events.exclude(uid="").prefetch_related("categories")}
    venues = {}
    for venue in calendar.locations.all():
        venues.setdefault(venue.name, venue)
        venues[venue.display] = venue
    for position, component in enumerate(parsed.walk("VEVENT"), start=1):
        if component.get("RECURRENCE-ID") is not None:
            report.skipped.append((str(component.get("UID") or position), "single changed occurrence (RECURRENCE-ID)"))
            continue
        try:
            values, location, category_names = _event_values(component, calendar_zone, report)
        except (SkipEvent, ValueError, TypeError, KeyError) as error:
            report.skipped.append((str(component.get("UID") or f"event #{position}"), str(error)))
            continue
        try:
            with transaction.atomic():
                _store(calendar, existing, venues, values, location, category_names, report, dry_run)
        except Exception as error:  # one broken event must not stop the import
            logger.exception("ICS import: event %s failed", values["uid"])
            report.skipped.append((values["uid"], f"could not be saved: {error}"))
    return report


def _store(calendar, existing, venues, values, location, category_names, report, dry_run):
    uid = values["uid"]
    venue = _venue_for(calendar, location, venues, dry_run)
    categories = _categories_for(calendar, category_names, dry_run)
    event = existing.get(uid)
    if event is None:
        report.created.append(uid)
        if dry_run:
            return
        event = Event(calendar=calendar, status=Event.Status.APPROVED, venue=venue, **values)
        event.save()
        event.categories.set(categories)
        existing[uid] = event
        return
    # A description is unchanged when it renders to the same HTML (events written in Markdown export as HTML).
    changed = [
        name for name, value in values.items()
        if getattr(event, name) != value and name not in ("description", "description_markup")
    ]  # fmt: skip
    if str(event.description_html) != values["description"]:
        changed.append("description")
    if (event.venue_id or None) != (venue.pk if venue else None) or (venue and venue.pk is None):
        changed.append("venue")
    if {c.pk for c in event.categories.all()} != {c.pk for c in categories}:
        changed.append("categories")
    if not changed:
        report.unchanged.append(uid)
        return
    report.updated.append(uid)
    if dry_run:
        return
    for name, value in values.items():
        if name not in ("description", "description_markup") or "description" in changed:
            setattr(event, name, value)
    event.venue = venue
    event.save()
    event.categories.set(categories)


def event_location(event):
    return event.venue.display if event.venue_id else ""


def event_uid(event):
    return event.uid or f"event-{event.pk}@python.org"


def ical_start_end(event):
    """DTSTART/DTEND values: dates for all-day events, times in the event's zone otherwise."""
    if event.all_day:
        return event.start.date(), event.end.date()
    zone = event.zone
    return event.start.astimezone(zone), event.end.astimezone(zone)


def add_timezones(cal, events):
    """Every TZID used needs a VTIMEZONE (RFC 5545 3.6.5); cover only the years the events span."""
    timed = [event for event in events if not event.all_day]
    if timed:
        first = min(event.start for event in timed).date() - timedelta(days=366)
        last = max(event.ends_at or event.end for event in timed).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def one_line(text):
    """Calendar names, descriptions, titles and places as one line (stored text may hold line breaks)."""
    return " ".join(str(text).split())


def build_ical(events, *, title="Python events", description="", base_url=""):
    """An icalendar.Calendar of ``events`` (use ``with_display_relations()`` on the queryset)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(title))
    if description:
        cal.add("x-wr-caldesc", one_line(description))
    events = list(events)
    for event in events:
        cal.add_component(build_vevent(event, base_url))
    return add_timezones(cal, events)


def build_vevent(event, base_url=""):
    component = icalendar.Event()
    start, end = ical_start_end(event)
    component.add("uid", event_uid(event))
    component.add("summary", one_line(event.title))
    component.add("dtstamp", event.updated or datetime.now(UTC))
    component.add("dtstart", start)
    component.add("dtend", end)
    if event.description:
        component.add("description", str(event.description_html))
    if location := event_location(event):
        component.add("location", one_line(location))
    if event.url:
        component.add("url", event.url)
    elif base_url:
        component.add("url", base_url + event.get_absolute_url())
    if rule := recurrence.ical_rrule(event.schedule):
        component.add("rrule", rule)
    names = [c.name for c in event.categories.all()]
    if names:
        component.add("categories", names)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return component
