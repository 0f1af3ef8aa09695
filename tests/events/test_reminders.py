"""Starring events and the reminder job."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from apps.events.models import EventReminder, EventStar
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_starring_needs_an_account_and_toggles(client, user, python_events):
    event = EventFactory(calendar=python_events)
    url = f"/events/python-events/{event.pk}/star/"
    assert client.post(url).status_code == 302 and not EventStar.objects.exists()
    client.force_login(user)
    back = client.get(url)  # where signing in returns a visitor who clicked "Star": back to the event
    assert back.status_code == 302 and back["Location"] == event.get_absolute_url()
    assert not EventStar.objects.exists()
    client.post(url)
    assert EventStar.objects.filter(user=user, event=event).exists()
    assert "Starred: stop reminders" in client.get(event.get_absolute_url()).content.decode()
    client.post(url)
    assert not EventStar.objects.exists()


def test_reminders_go_once_per_occurrence_before_it_starts(user, python_events, capsys):
    soon = timezone.now() + timedelta(hours=5)
    weekly = EventFactory(calendar=python_events, title="Weekly Meetup", start=soon, end=soon + timedelta(hours=2),
                          frequency="weekly", count=3, time_zone="Europe/Berlin")  # fmt: skip
    later = EventFactory(calendar=python_events, title="Later Conf", start=soon + timedelta(days=3))
    cancelled = EventFactory(calendar=python_events, title="Cancelled Conf", start=soon, cancelled=True)
    for event in (weekly, later, cancelled):
        EventStar.objects.create(user=user, event=event)
    EventFactory(calendar=python_events, title="Unstarred", start=soon)

    call_command("send_event_reminders", "--dry-run")
    assert mail.outbox == [] and "would remind visitor@example.com" in capsys.readouterr().out
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Reminder: “Weekly Meetup” starts ")
    assert "Weekly Meetup" in mail.outbox[0].body and "(Europe/Berlin)" in mail.outbox[0].body
    assert EventReminder.objects.count() == 1


def test_the_next_occurrence_gets_its_own_reminder(user, python_events):
    start = timezone.now() - timedelta(days=7) + timedelta(hours=3)
    weekly = EventFactory(calendar=python_events, title="Weekly", start=start, end=start + timedelta(hours=1),
                          frequency="weekly", count=4)  # fmt: skip
    star = EventStar.objects.create(user=user, event=weekly)
    EventReminder.objects.create(star=star, occurrence_start=start)  # last week's reminder
    call_command("send_event_reminders", "--hours", "24")
    assert len(mail.outbox) == 1
    assert EventReminder.objects.filter(occurrence_start=start + timedelta(days=7)).exists()
