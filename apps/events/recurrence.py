"""Expand an event's schedule (one-off or dateutil rrule) into concrete UTC occurrences.

Recurrence is computed in the event's local wall-clock time, so a weekly 18:00
meetup stays at 18:00 across daylight-saving changes; each occurrence is then
converted to UTC for storage and queries. All-day events are floating dates,
expanded in UTC at midnight.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil import rrule

FREQUENCIES = {
    "daily": rrule.DAILY,
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
    "yearly": rrule.YEARLY,
}
ICAL_FREQUENCIES = {name: name.upper() for name in FREQUENCIES}
# A hard cap on stored occurrences per event, so no rule can blow up a page or the database.
MAX_OCCURRENCES = 1000


class RecurrenceError(ValueError):
    """A schedule that cannot be expanded (unknown time zone, endless or oversized rule)."""


@dataclass(frozen=True)
class Schedule:
    start: datetime  # first occurrence start, aware (UTC)
    end: datetime  # first occurrence end, aware (UTC)
    time_zone: str = "UTC"
    all_day: bool = False
    frequency: str = ""  # "" for a one-off event, else a key of FREQUENCIES
    interval: int = 1
    count: int | None = None
    until: datetime | None = None  # aware; inclusive bound on occurrence starts


def get_zone(name):
    """The ZoneInfo for an IANA name, or RecurrenceError with a clear message."""
    if not name or name not in _known_zones():
        raise RecurrenceError(f"Unknown time zone “{name}”.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise RecurrenceError(f"Unknown time zone “{name}”.") from error


_ZONES = None


def _known_zones():
    global _ZONES  # noqa: PLW0603 - computed once; the list reads the tz database from disk
    if _ZONES is None:
        _ZONES = frozenset(available_timezones()) | {"UTC"}
    return _ZONES


def time_zone_choices():
    return [(name, name) for name in sorted(_known_zones())]


def _to_local_naive(moment, zone):
    return moment.astimezone(zone).replace(tzinfo=None)


def _from_local_naive(moment, zone):
    # fold=0: an ambiguous wall time (autumn fall-back) takes its first, daylight-saving instance.
    return moment.replace(tzinfo=zone).astimezone(UTC)


def build_rrule(schedule):
    """The dateutil rrule (in local naive time) of a recurring schedule."""
    if schedule.frequency not in FREQUENCIES:
        raise RecurrenceError(f"Unknown frequency “{schedule.frequency}”.")
    if schedule.count is None and schedule.until is None:
        raise RecurrenceError("A recurring event needs an end: an “until” date or a number of occurrences.")
    if schedule.interval < 1:
        raise RecurrenceError("The interval must be at least 1.")
    if schedule.count is not None and not 1 <= schedule.count <= MAX_OCCURRENCES:
        raise RecurrenceError(f"The number of occurrences must be between 1 and {MAX_OCCURRENCES}.")
    zone = UTC if schedule.all_day else get_zone(schedule.time_zone)
    dtstart = _to_local_naive(schedule.start, zone)
    until = _to_local_naive(schedule.until, zone) if schedule.until else None
    if until is not None and until < dtstart:
        raise RecurrenceError("The recurrence ends before the event starts.")
    return rrule.rrule(
        FREQUENCIES[schedule.frequency], dtstart=dtstart, interval=schedule.interval, count=schedule.count, until=until
    )


def expand(schedule):
    """Every (start, end) of the schedule in UTC, in order; RecurrenceError for a schedule that cannot be."""
    if schedule.end < schedule.start:
        raise RecurrenceError("The event ends before it starts.")
    if not schedule.frequency:
        return [(schedule.start, schedule.end)]
    zone = UTC if schedule.all_day else get_zone(schedule.time_zone)
    rule = build_rrule(schedule)
    local_first = _to_local_naive(schedule.start, zone)
    local_duration = _to_local_naive(schedule.end, zone) - local_first
    occurrences = []
    for local_occurrence in rule:
        local_start = local_occurrence.replace(microsecond=local_first.microsecond)  # rrule drops microseconds
        if len(occurrences) == MAX_OCCURRENCES:
            raise RecurrenceError(f"The rule repeats more than {MAX_OCCURRENCES} times; give it an earlier end.")
        occurrences.append(
            (_from_local_naive(local_start, zone), _from_local_naive(local_start + local_duration, zone))
        )
    return occurrences


def ical_rrule(schedule):
    """The RRULE of a recurring schedule as an icalendar vRecur dict (exported, not expanded)."""
    if not schedule.frequency:
        return None
    rule = {"FREQ": ICAL_FREQUENCIES[schedule.frequency]}
    if schedule.interval != 1:
        rule["INTERVAL"] = schedule.interval
    if schedule.count is not None:
        rule["COUNT"] = schedule.count
    elif schedule.until is not None:
        # RFC 5545: UNTIL is a DATE for all-day events and a UTC DATE-TIME otherwise.
        rule["UNTIL"] = schedule.until.date() if schedule.all_day else schedule.until.astimezone(UTC)
    return rule


def day_bounds(day):
    """[start, end) in UTC of a calendar date."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return start, start + timedelta(days=1)
