"""Emails to submitters and subscribers, from the database templates created by migration 0002."""

from django.conf import settings
from django.contrib.auth import get_user_model

from apps.events.formatting import when_text
from apps.mailing.emails import send_templated_email
from apps.users.roles import MODERATORS

SUBMITTED = "events-submitted"
SUBMITTED_TO_TEAM = "events-submitted-moderators"
APPROVED = "events-approved"
REJECTED = "events-rejected"
REMINDER = "events-reminder"


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _context(event, **extra):
    return {
        "event": event,
        "title": event.title,
        "calendar": event.calendar.name,
        "url": _absolute(event.get_absolute_url()),
        "user": event.submitted_by,
        **extra,
    }


def _submitter_email(event):
    return event.submitted_by.email if event.submitted_by_id and event.submitted_by.email else None


def events_team_emails():
    """``EVENTS_MODERATORS_EMAIL`` when set, otherwise the addresses of the active Moderators."""
    if address := getattr(settings, "EVENTS_MODERATORS_EMAIL", ""):
        return [address]
    members = get_user_model().objects.filter(groups__name=MODERATORS, is_active=True).exclude(email="")
    return sorted(set(members.values_list("email", flat=True)))


def event_submitted(event):
    if to := _submitter_email(event):
        send_templated_email(SUBMITTED, to, _context(event))
    from apps.events.admin_views import queue_url  # admin_views imports this module

    team = events_team_emails()
    if team:
        context = _context(
            event,
            when=when_text(event, event.start, event.end),
            venue=event.venue.display if event.venue_id else "",
            review_url=_absolute(queue_url()),
        )
        submitter = _submitter_email(event)
        send_templated_email(SUBMITTED_TO_TEAM, team, context, reply_to=[submitter] if submitter else None)


def event_approved(event):
    if to := _submitter_email(event):
        send_templated_email(APPROVED, to, _context(event))


def event_rejected(event):
    if to := _submitter_email(event):
        send_templated_email(REJECTED, to, _context(event, reason=event.rejection_reason))


def event_reminder(star, occurrence):
    event = star.event
    context = _context(
        event,
        user=star.user,
        when=when_text(event, occurrence.start, occurrence.end),
        venue=event.venue.display if event.venue_id else "",
    )
    return send_templated_email(REMINDER, star.user.email, context)
