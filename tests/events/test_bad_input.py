"""Event text that once broke feeds or had no limit."""

import icalendar
import pytest

from apps.events.models import Event
from tests.events.factories import EventFactory
from tests.events.test_submission import form_data

pytestmark = pytest.mark.django_db


def test_an_event_title_with_a_line_break_still_exports(client, python_events, site):
    python_events.description = "Conferences\nand sprints"
    python_events.save()
    event = EventFactory(calendar=python_events, title="PyCon\nTestland", status=Event.Status.APPROVED)
    for url in (f"/events/{python_events.slug}/{event.pk}/event.ics", f"/events/{python_events.slug}/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        cal = icalendar.Calendar.from_ical(response.content)
        if "event.ics" in url:
            assert [str(c["summary"]) for c in cal.walk("VEVENT")] == ["PyCon Testland"]


def test_submitted_titles_must_be_one_line(client, user, python_events):
    client.force_login(user)
    response = client.post("/events/submit/", form_data(calendar=python_events.pk, title="PyCon\r\nTestland"))
    assert response.status_code == 400
    assert "The title must fit on one line." in response.content.decode()
    assert not Event.objects.exists()


def test_descriptions_have_a_limit(client, user, python_events):
    client.force_login(user)
    response = client.post("/events/submit/", form_data(calendar=python_events.pk, description="x" * 100_000))
    assert response.status_code == 400
    assert "at most 10000 characters" in response.content.decode()
    assert not Event.objects.exists()
