"""Model rules, admin editing, the demo loader and the role grants."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from apps.events import demo
from apps.events.models import Calendar, Event
from apps.mailing.models import EmailTemplate
from tests.events.factories import CalendarFactory, EventFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": in_days(9)}, "end"),
        ({"time_zone": "Nowhere/Land"}, "time_zone"),
        ({"frequency": "weekly"}, "__all__"),
        ({"frequency": "daily", "until": in_days(5000)}, "__all__"),
    ],
)
def test_invalid_schedules_are_validation_errors(python_events, changes, field):
    event = Event(calendar=python_events, title="X", start=in_days(10), end=in_days(10) + timedelta(hours=1))
    for name, value in changes.items():
        setattr(event, name, value)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert field in error.value.message_dict


def test_reserved_calendar_slugs_are_refused():
    with pytest.raises(ValidationError):
        Calendar(name="Calendars", slug="calendars").full_clean()


def test_editing_a_schedule_regenerates_occurrences(python_events):
    event = EventFactory(calendar=python_events, frequency="daily", count=3)
    assert event.occurrences.count() == 3
    event.count = 5
    event.save()
    assert event.occurrences.count() == 5
    assert event.ends_at == event.occurrences.last().end


def test_admin_edit_form_refuses_an_endless_rule_without_a_500(client, moderator, python_events):
    event = EventFactory(calendar=python_events)
    client.force_login(moderator)
    data = {
        "calendar": python_events.pk, "title": "Edited", "description": "", "description_markup": "markdown",
        "url": "", "venue": "", "start": event.start.strftime("%Y-%m-%d %H:%M"),
        "end": event.end.strftime("%Y-%m-%d %H:%M"), "time_zone": "UTC", "frequency": "weekly", "interval": "1",
        "count": "", "until": "", "status": "approved", "rejection_reason": "",
    }  # fmt: skip
    response = client.post(f"/admin/events_event/edit/{event.pk}/", data)
    assert response.status_code == 200
    assert "needs an end" in response.content.decode()
    event.refresh_from_db()
    assert event.title != "Edited"
    data["count"] = "4"
    assert client.post(f"/admin/events_event/edit/{event.pk}/", data).status_code == 302
    event.refresh_from_db()
    assert (event.title, event.occurrences.count()) == ("Edited", 4)


def test_moderators_hold_the_event_permissions_and_email_templates_exist():
    permissions = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {"change_event", "add_calendar", "delete_eventlocation"} <= permissions
    keys = set(EmailTemplate.objects.values_list("key", flat=True))
    assert {"events-submitted", "events-approved", "events-rejected", "events-reminder"} <= keys


def test_demo_loader_imports_the_real_calendar_and_recurring_meetups(data_dir):
    CalendarFactory(slug="other")
    first = demo.load(data_dir=data_dir, stdout=StringIO())
    assert "78 created" in first
    second = demo.load(data_dir=data_dir, stdout=StringIO())
    assert "78 unchanged" in second
    assert Event.objects.filter(calendar__slug="python-events").count() == 78
    meetups = Event.objects.filter(calendar__slug="python-user-group")
    assert meetups.count() == 4 and all(m.frequency for m in meetups)
    assert Event.objects.upcoming().filter(calendar__slug="python-user-group").count() == 4


def test_changing_events_purges_the_cdn_once_per_transaction(
    python_events, events_ics, django_capture_on_commit_callbacks
):
    from unittest import mock

    from apps.events import ics

    with mock.patch("apps.events.signals.purge_surrogate_keys") as purge:
        with django_capture_on_commit_callbacks(execute=True):
            ics.import_ics(python_events, events_ics)
        assert purge.call_args_list == [mock.call("events")]
