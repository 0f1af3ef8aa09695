"""What a visitor meets on the event pages: starring across sign-in, repeat labels, the listing sections,
past events, and the events team's email when someone submits an event."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from apps.events.models import EventStar
from apps.users.roles import MODERATORS
from tests.events.factories import EventFactory, in_days
from tests.events.test_submission import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_star_clicked_before_signing_in_comes_back_to_the_event_not_a_405(client, site, python_events):
    event = EventFactory(calendar=python_events, title="PyCon Later", start=in_days(20))
    star_url = f"/events/python-events/{event.pk}/star/"
    response = client.post(star_url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/accounts/login/") and "next=" in login_url

    visitor = UserFactory(username="ada", email="ada@example.com", password="correct horse")
    EmailAddress.objects.create(user=visitor, email=visitor.email, verified=True, primary=True)
    signed_in = client.post(login_url, {"login": "ada", "password": "correct horse"})
    assert signed_in.status_code == 302 and signed_in["Location"] == star_url

    back = client.get(star_url)  # where the sign-in sends the visitor
    assert back.status_code == 302 and back["Location"] == event.get_absolute_url()
    page = client.get(back["Location"]).content.decode()
    assert "Star the event below" in page and "Star and remind me" in page
    assert not EventStar.objects.exists()  # a GET never changes anything
    client.post(star_url)
    assert EventStar.objects.filter(user=visitor, event=event).exists()


def test_an_every_two_weeks_event_says_so(client, site, user_groups):
    event = EventFactory(calendar=user_groups, title="Project night", start=in_days(3), frequency="weekly",
                         interval=2, count=6)  # fmt: skip
    monthly = EventFactory(calendar=user_groups, title="Monthly meetup", start=in_days(4), frequency="monthly",
                           count=3)  # fmt: skip
    listing = client.get("/events/python-user-group/").content.decode()
    assert "(every 2 weeks)" in listing and "(weekly)" not in listing and "(monthly)" in listing
    detail = client.get(event.get_absolute_url()).content.decode()
    assert "Repeats every 2 weeks, 6 times" in detail
    assert monthly.recurrence_label == "monthly"


def test_the_local_time_names_its_zone_once_and_leaves_room_for_the_visitors(client, site, user_groups):
    event = EventFactory(calendar=user_groups, start=in_days(3), time_zone="Europe/Berlin")
    body = client.get(event.get_absolute_url()).content.decode()
    when = body.split("<time", 1)[1].split("</time>")[0]
    assert when.count("Europe/Berlin") == 2  # the data-zone attribute and the text, once
    assert 'data-zone="Europe/Berlin"' in when
    assert '<span class="visitor-time" data-visitor-time></span>' in body


def test_an_event_happening_now_is_not_listed_again_under_upcoming(client, site, python_events):
    now = timezone.now()
    start, end = now - timedelta(hours=1), now + timedelta(hours=5)
    EventFactory(calendar=python_events, title="PyCon Now", start=start, end=end)
    EventFactory(calendar=python_events, title="EuroPython Soon", start=in_days(5))
    body = client.get("/events/").content.decode()
    assert "PyCon Now" in body.split("Happening now")[1].split("</section>")[0]
    upcoming = body.split("Upcoming events</h2>")[1].split("</section>")[0]
    assert "PyCon Now" not in upcoming and "EuroPython Soon" in upcoming
    # A search for it still finds it among the matching events.
    assert "PyCon Now" in client.get("/events/?q=pycon").content.decode()


def test_past_events_have_no_star_button_and_refuse_a_star(client, user, site, python_events):
    past = EventFactory(calendar=python_events, title="PyCon 2019", start=in_days(-400))
    coming = EventFactory(calendar=python_events, title="PyCon 2027", start=in_days(40))
    assert "Star and remind me" not in client.get(past.get_absolute_url()).content.decode()
    assert "Star and remind me" in client.get(coming.get_absolute_url()).content.decode()
    client.force_login(user)
    response = client.post(f"/events/python-events/{past.pk}/star/")
    assert response.status_code == 400 and "This event is over" in response.content.decode()
    assert not EventStar.objects.exists()


def test_the_events_team_hears_of_a_submitted_event(client, user, site, python_events, settings):
    settings.EVENTS_MODERATORS_EMAIL = ""
    moderators = Group.objects.get_or_create(name=MODERATORS)[0]
    for name in ("mod1", "mod2"):
        UserFactory(username=name, email=f"{name}@example.com").groups.add(moderators)
    client.force_login(user)
    client.post("/events/submit/", form_data(calendar=python_events.pk))
    team = [m for m in mail.outbox if m.subject.startswith("New event to review")]
    assert len(team) == 1 and sorted(team[0].to) == ["mod1@example.com", "mod2@example.com"]
    assert "PyCon Testland" in team[0].body and "/admin/" in team[0].body
    assert team[0].reply_to == [user.email]
    assert any(m.to == [user.email] for m in mail.outbox)  # the submitter is thanked too

    mail.outbox.clear()
    settings.EVENTS_MODERATORS_EMAIL = "events@python.org"
    client.post("/events/submit/", form_data(calendar=python_events.pk, title="PyData Testland"))
    assert [m.to for m in mail.outbox if m.subject.startswith("New event to review")] == [["events@python.org"]]
