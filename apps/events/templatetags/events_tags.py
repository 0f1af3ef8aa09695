from django import template
from django.utils.html import format_html

from apps.events.formatting import when_text
from apps.events.queries import upcoming_events

register = template.Library()


@register.simple_tag
def event_when(event, start=None, end=None):
    """The time in the event's zone, marked up so events.js can add the visitor's own time."""
    start = start or getattr(event, "next_start", None) or event.start
    end = end or (start + (event.end - event.start))
    if event.all_day:
        return format_html('<time datetime="{}">{}</time>', start.date().isoformat(), when_text(event, start, end))
    return format_html(
        '<time datetime="{}" data-local-time data-zone="{}" data-end="{}">{}</time>'
        '<span class="visitor-time" data-visitor-time></span>',
        start.isoformat(),
        event.time_zone,
        end.isoformat(),
        when_text(event, start, end),
    )


@register.inclusion_tag("events/includes/upcoming_panel.html")
def events_supernav(limit=5):
    """The Events supernav panel: the same query as the homepage widget."""
    return {"events": upcoming_events(limit)}
