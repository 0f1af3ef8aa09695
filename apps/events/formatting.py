"""How an occurrence's time reads: in the event's own time zone (dates only for all-day events)."""

from datetime import timedelta

from django.utils.dateformat import format as date_format


def when_text(event, start, end):
    if event.all_day:
        last_day = (end - timedelta(seconds=1)).date() if end > start else start.date()
        if last_day == start.date():
            return date_format(start, "l j F Y")
        return f"{date_format(start, 'j F Y')} – {date_format(last_day, 'j F Y')}"
    zone = event.zone
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if local_start.date() == local_end.date():
        text = f"{date_format(local_start, 'l j F Y, H:i')}–{date_format(local_end, 'H:i')}"
    else:
        text = f"{date_format(local_start, 'j F Y H:i')} – {date_format(local_end, 'j F Y H:i')}"
    zone_name = local_start.tzname()
    return f"{text} {zone_name}" if zone_name == event.time_zone else f"{text} {zone_name} ({event.time_zone})"
