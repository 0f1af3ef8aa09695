"""Submission by signed-in users, the moderation queue in the Wagtail admin, and the emails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.events.models import Event
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    start = timezone.now() + timedelta(days=20)
    data = {
        "calendar": "", "title": "PyCon Testland", "description": "Talks **and** sprints <script>x</script>",
        "url": "https://pycon.example.org/", "start": start.strftime("%Y-%m-%dT18:00"),
        "end": start.strftime("%Y-%m-%dT21:00"), "time_zone": "Europe/Berlin", "frequency": "", "interval": "1",
        "count": "", "until": "", "venue_name": "Kulturbrauerei", "venue_address": "Schönhauser Allee 36, Berlin",
        "venue_url": "",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_submitting_needs_an_account(client, python_events):
    response = client.get("/events/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/events/submit/", form_data(calendar=python_events.pk)).status_code == 302
    assert not Event.objects.exists()


def test_a_submitted_event_waits_for_moderation_and_the_submitter_is_told(client, user, python_events, site):
    client.force_login(user)
    assert client.get("/events/submit/").status_code == 200
    response = client.post("/events/submit/", form_data(calendar=python_events.pk))
    assert response.status_code == 302 and response["Location"] == "/events/submit/thanks/"
    event = Event.objects.get()
    assert (event.status, event.submitted_by, event.time_zone) == (Event.Status.PENDING, user, "Europe/Berlin")
    assert event.start.astimezone(event.zone).hour == 18
    assert event.venue.name == "Kulturbrauerei"
    assert [m.subject for m in mail.outbox] == ["We received your event “PyCon Testland”"]
    assert mail.outbox[0].to == ["visitor@example.com"]
    client.logout()
    assert "PyCon Testland" not in client.get("/events/").content.decode()


def test_a_recurring_submission_is_stored_as_a_rule(client, user, python_events):
    client.force_login(user)
    until = (timezone.now() + timedelta(days=90)).date().isoformat()
    client.post("/events/submit/", form_data(calendar=python_events.pk, frequency="weekly", interval="2", until=until))
    event = Event.objects.get()
    assert (event.frequency, event.interval) == ("weekly", 2)
    assert 6 <= event.occurrences.count() <= 7


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end": "2020-01-01T10:00"}, "ends before it starts"),
        ({"time_zone": "Mars/Olympus_Mons"}, "Unknown time zone"),
        ({"frequency": "weekly"}, "needs an end"),
        ({"frequency": "daily", "count": "5000"}, "less than or equal to 1000"),
        ({"start": "2026-02-30T10:00"}, "Enter a valid date/time"),
        ({"title": ""}, "This field is required"),
        ({"start": "9999-12-31T23:00", "end": "9999-12-31T23:30"}, "Choose a date between"),
        ({"calendar": "999999"}, "Select a valid choice"),
    ],
)
def test_bad_submissions_are_refused_with_a_clear_message(client, user, python_events, overrides, message):
    client.force_login(user)
    response = client.post("/events/submit/", form_data(calendar=python_events.pk) | overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Event.objects.exists() and not mail.outbox


@pytest.fixture
def pending(user, python_events):
    return EventFactory(calendar=python_events, title="Pending PyCon", status=Event.Status.PENDING, submitted_by=user)


def test_moderators_see_the_queue_and_approve(client, moderator, pending, site):
    client.force_login(moderator)
    queue = client.get("/admin/events_event/?status=pending")
    assert queue.status_code == 200 and "Pending PyCon" in queue.content.decode()
    page = client.get(f"/admin/events_event/moderate/{pending.pk}/")
    assert page.status_code == 200 and "Approve" in page.content.decode()
    response = client.post(f"/admin/events_event/moderate/{pending.pk}/", {"action": "approve"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.moderated_by) == (Event.Status.APPROVED, moderator)
    assert [m.subject for m in mail.outbox] == ["Your event “Pending PyCon” is on python.org"]
    assert f"/events/python-events/{pending.pk}/" in mail.outbox[0].body
    client.logout()
    assert "Pending PyCon" in client.get("/events/").content.decode()


def test_rejecting_needs_a_reason_which_reaches_the_submitter(client, moderator, pending):
    client.force_login(moderator)
    url = f"/admin/events_event/moderate/{pending.pk}/"
    assert client.post(url, {"action": "reject", "reason": ""}).status_code == 400
    assert Event.objects.get().status == Event.Status.PENDING
    assert client.post(url, {"action": "reject", "reason": "Not a Python event."}).status_code == 302
    pending.refresh_from_db()
    assert pending.status == Event.Status.REJECTED
    assert mail.outbox[-1].subject == "Your event “Pending PyCon” was not published"
    assert "Not a Python event." in mail.outbox[-1].body


def test_moderators_can_edit_an_event_in_the_admin(client, moderator, pending):
    client.force_login(moderator)
    assert client.get(f"/admin/events_event/edit/{pending.pk}/").status_code == 200


def test_outcome_email_goes_through_the_mail_queue(client, moderator, pending, rq_queue):
    client.force_login(moderator)
    client.post(f"/admin/events_event/moderate/{pending.pk}/", {"action": "approve"})
    assert mail.outbox == [] and rq_queue.count("mail") == 1
    rq_queue.run_worker()
    assert [m.to for m in mail.outbox] == [["visitor@example.com"]]


def test_visitors_cannot_moderate(client, user, pending):
    client.force_login(user)
    response = client.post(f"/admin/events_event/moderate/{pending.pk}/", {"action": "approve"})
    assert response.status_code == 403
    assert Event.objects.get().status == Event.Status.PENDING


def test_unknown_action_changes_nothing(client, moderator, pending):
    client.force_login(moderator)
    assert client.post(f"/admin/events_event/moderate/{pending.pk}/", {"action": "delete"}).status_code == 400
    assert Event.objects.get().status == Event.Status.PENDING
    assert client.get("/admin/events_event/moderate/999999/").status_code == 404
