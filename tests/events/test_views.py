"""Public pages: listings, legacy URLs, filters, browsing, month/date views, feeds, homepage and search."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.utils import timezone

from apps.events.models import Event
from tests.events.factories import EventCategoryFactory, EventFactory, EventLocationFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(site, python_events, user_groups):
    """Events in every state the listings distinguish."""
    now = timezone.now()
    return {
        "now": EventFactory(calendar=python_events, title="PyCon Now", start=now - timedelta(hours=1),
                            end=now + timedelta(hours=5)),
        "missed": EventFactory(calendar=python_events, title="Sprint Yesterday", start=now - timedelta(days=2),
                               end=now - timedelta(days=1)),
        "soon": EventFactory(calendar=python_events, title="EuroPython Soon", start=in_days(5)),
        "featured": EventFactory(calendar=python_events, title="PyCon US Featured", start=in_days(60), featured=True),
        "meetup": EventFactory(calendar=user_groups, title="Berlin Meetup", start=in_days(2), frequency="weekly",
                               count=5, time_zone="Europe/Berlin"),
        "old": EventFactory(calendar=python_events, title="PyCon 2012", start=in_days(-4000)),
        "pending": EventFactory(calendar=python_events, title="Pending Conf", start=in_days(3),
                                status=Event.Status.PENDING),
    }  # fmt: skip


def text(response):
    return response.content.decode()


def test_events_index_has_now_just_missed_and_upcoming_featured_first(client, listing):
    response = client.get("/events/")
    body = text(response)
    assert response.status_code == 200
    assert body.count("<h1") == 1
    now_section = body.split("Happening now")[1].split("</section>")[0]
    assert "PyCon Now" in now_section
    assert "Sprint Yesterday" in body.split("You just missed")[1]
    upcoming = body.split("Upcoming events</h2>")[1].split("</section>")[0]
    assert upcoming.index("PyCon US Featured") < upcoming.index("Berlin Meetup") < upcoming.index("EuroPython Soon")
    assert "Pending Conf" not in body and "PyCon 2012" not in upcoming
    assert response["Cache-Control"].startswith("public") and "events" in response["Surrogate-Key"]


@pytest.mark.parametrize(
    ("url", "expected", "absent"),
    [
        ("/events/python-events/", "EuroPython Soon", "Berlin Meetup"),
        ("/events/python-events/past/", "PyCon 2012", "EuroPython Soon"),
        ("/events/python-user-group/", "Berlin Meetup", "EuroPython Soon"),
        ("/events/python-user-group/past/", "Past Python User Group Events", "Berlin Meetup"),
        ("/events/calendars/", "Python User Group Events", "Pending Conf"),
    ],
)
def test_legacy_urls(client, listing, url, expected, absent):
    response = client.get(url)
    assert response.status_code == 200
    assert expected in text(response) and absent not in text(response)
    assert text(response).count("<h1") == 1


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("q=europython", ["EuroPython Soon"], ["Berlin Meetup", "PyCon US Featured"]),
        ("calendar=python-user-group", ["Berlin Meetup"], ["EuroPython Soon"]),
        ("location=hamburg", ["EuroPython Soon"], ["Berlin Meetup"]),
        ("category=web", ["PyCon US Featured"], ["EuroPython Soon"]),
        ("start={d50}&end={d70}", ["PyCon US Featured"], ["EuroPython Soon", "Berlin Meetup"]),
        ("start={d1000}", [], ["EuroPython Soon", "PyCon US Featured"]),
    ],
)
def test_filters_filter(client, listing, query, shown, hidden):
    listing["soon"].venue = EventLocationFactory(calendar=listing["soon"].calendar, name="CCH", address="Hamburg")
    listing["soon"].save()
    listing["featured"].categories.add(EventCategoryFactory(calendar=listing["featured"].calendar, slug="web"))
    days = {f"d{n}": (timezone.now() + timedelta(days=n)).date().isoformat() for n in (50, 70, 1000)}
    body = text(client.get("/events/?" + query.format(**days)))
    upcoming = body.split("Matching events</h2>")[1].split("</section>")[0]
    for title in shown:
        assert title in upcoming
    for title in hidden:
        assert title not in upcoming


@pytest.mark.parametrize(
    "query",
    ["start=2026-02-30", "start=yesterday", "start=2030-01-02&end=2030-01-01", "start=1900-01-01&end=2100-01-01",
     "category=<script>", "calendar=nope", "start=9999-12-31", "q=%00", "location=" + "x" * 101],
)  # fmt: skip
def test_bad_filters_get_a_clear_400(client, listing, query):
    response = client.get("/events/?" + query)
    assert response.status_code == 400
    # A NUL character is refused site-wide before the view runs (apps.core.middleware.RejectNulMiddleware).
    expected = "The address contains a NUL character." if "%00" in query else "Please correct the filters"
    assert expected in text(response)


def test_recurring_event_detail_lists_next_dates_in_local_time(client, listing):
    meetup = listing["meetup"]
    response = client.get(f"/events/python-user-group/{meetup.pk}/")
    body = text(response)
    assert response.status_code == 200
    assert "Repeats weekly" in body and "Next dates" in body
    assert body.split("Next dates")[1].count("(Europe/Berlin)") == 5
    assert "CET" in body or "CEST" in body
    assert "data-local-time" in body


@pytest.mark.parametrize(
    "url",
    ["/events/python-events/999999/", "/events/python-user-group/{soon}/", "/events/python-events/{pending}/",
     "/events/nope/", "/events/python-events/date/2026/02/30/", "/events/python-events/date/2026/13/01/",
     "/events/python-events/month/2026/00/", "/events/python-events/date/0000/01/01/",
     "/events/python-events/categories/nope/", "/events/python-events/locations/999/",
     "/events/python-events/date/9999/12/31/", "/events/python-events/month/9999/12/",
     "/events/python-events/date/0001/01/01/", "/events/python-events/99999999999999999999999/"],
)  # fmt: skip
def test_unknown_or_impossible_urls_are_404(client, listing, url):
    assert client.get(url.format(soon=listing["soon"].pk, pending=listing["pending"].pk)).status_code == 404


def test_browse_by_category_location_date_and_month(client, listing):
    soon = listing["soon"]
    category = EventCategoryFactory(calendar=soon.calendar, name="Conferences", slug="conferences")
    soon.categories.add(category)
    soon.venue = EventLocationFactory(calendar=soon.calendar, name="Prague Congress Centre")
    soon.save()
    assert "Conferences" in text(client.get("/events/python-events/categories/"))
    assert "EuroPython Soon" in text(client.get("/events/python-events/categories/conferences/"))
    assert "Prague Congress Centre" in text(client.get("/events/python-events/locations/"))
    assert "EuroPython Soon" in text(client.get(f"/events/python-events/locations/{soon.venue.pk}/"))
    day = soon.start
    on_day = client.get(f"/events/python-events/date/{day:%Y/%m/%d}/")
    assert on_day.status_code == 200 and "EuroPython Soon" in text(on_day)
    month = client.get(f"/events/python-events/month/{day:%Y/%m}/")
    assert month.status_code == 200 and "EuroPython Soon" in text(month)
    third = listing["meetup"].occurrences.all()[2].start
    in_month = listing["meetup"].occurrences.filter(start__year=third.year, start__month=third.month).count()
    meetup_month = text(client.get(f"/events/python-user-group/month/{third:%Y/%m}/"))
    assert meetup_month.count("Berlin Meetup") == in_month >= 2  # every weekly occurrence has its day


def test_ical_downloads_parse_and_keep_the_rrule(client, listing):
    all_upcoming = client.get("/events/calendar.ics")
    assert all_upcoming["Content-Type"].startswith("text/calendar")
    assert "attachment" in all_upcoming["Content-Disposition"]
    parsed = icalendar.Calendar.from_ical(all_upcoming.content)
    titles = {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}
    assert titles == {"PyCon Now", "EuroPython Soon", "PyCon US Featured", "Berlin Meetup"}
    meetup = next(e for e in parsed.walk("VEVENT") if e["SUMMARY"] == "Berlin Meetup")
    assert meetup["RRULE"]["FREQ"] == ["WEEKLY"] and meetup["RRULE"]["COUNT"] == [5]
    assert meetup["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Europe/Berlin"]

    per_calendar = icalendar.Calendar.from_ical(client.get("/events/python-user-group/calendar.ics").content)
    assert [str(e["SUMMARY"]) for e in per_calendar.walk("VEVENT")] == ["Berlin Meetup"]
    one = client.get(f"/events/python-events/{listing['soon'].pk}/event.ics")
    assert one.status_code == 200
    assert [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(one.content).walk("VEVENT")] == ["EuroPython Soon"]
    assert client.get(f"/events/python-events/{listing['pending'].pk}/event.ics").status_code == 404


def test_rss_feed_lists_upcoming_events(client, listing):
    response = client.get("/events/feed/rss/")
    assert response.status_code == 200 and "application/rss+xml" in response["Content-Type"]
    assert "EuroPython Soon" in text(response) and "PyCon 2012" not in text(response)


def test_homepage_widget_shows_the_same_upcoming_events(client, listing):
    from apps.events.templatetags.events_tags import events_supernav

    body = text(client.get("/"))
    widget = body.split("events-widget")[1]
    assert widget.index("PyCon Now") < widget.index("Berlin Meetup") < widget.index("EuroPython Soon")
    assert "Pending Conf" not in widget
    supernav = [e.title for e in events_supernav()["events"]]
    assert supernav == ["PyCon Now", "Berlin Meetup", "EuroPython Soon", "PyCon US Featured"]


def test_site_search_finds_approved_upcoming_events(client, listing):
    body = text(client.get("/search/?q=pycon"))  # matches come back highlighted: <mark>PyCon</mark> Now
    assert "</mark> US Featured" in body and "</mark> Now" in body
    assert "</mark> 2012" not in body and "Conf</a>" not in text(client.get("/search/?q=pending"))


def test_descriptions_are_sanitised_on_the_page(client, listing):
    soon = listing["soon"]
    soon.description = "Hi <script>alert(1)</script><img src=x onerror=alert(2)>"
    soon.save()
    body = text(client.get(soon.get_absolute_url()))
    assert "<script>alert" not in body and "onerror" not in body


def test_query_budget_for_listing_and_detail(client, listing, django_assert_max_num_queries):
    for n in range(30):
        EventFactory(calendar=listing["soon"].calendar, title=f"Extra {n}", start=in_days(n + 1),
                     frequency="weekly" if n % 3 else "", count=5 if n % 3 else None)  # fmt: skip
    client.get("/events/")  # the first request ever creates the site's settings rows
    with django_assert_max_num_queries(12):
        assert client.get("/events/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/events/?q=extra&calendar=python-events&start=2020-01-01").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(listing["meetup"].get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/events/python-events/").status_code == 200


def test_month_and_day_views_place_events_on_their_local_date(client, user_groups):
    # 18:00 in New York on a Tuesday is 23:00 UTC (or Wednesday 00:00 in winter time): it belongs to Tuesday.
    start = datetime(2030, 1, 8, 23, tzinfo=UTC)  # Tuesday 8 January 2030, 18:00 EST
    EventFactory(calendar=user_groups, title="NYC Night", start=start, end=start + timedelta(hours=3),
                 time_zone="America/New_York")  # fmt: skip
    month = text(client.get("/events/python-user-group/month/2030/01/"))
    assert month.count("NYC Night") == 1
    assert "NYC Night" in month.split('date/2030/01/08/">8</a>')[1].split("</td>")[0]
    assert "NYC Night" in text(client.get("/events/python-user-group/date/2030/01/08/"))
    assert "NYC Night" not in text(client.get("/events/python-user-group/date/2030/01/09/"))


def test_pagination_keeps_the_filters(client, site, python_events):
    for n in range(30):
        EventFactory(calendar=python_events, title=f"Sprint {n}", start=in_days(n + 1))
    body = text(client.get("/events/?q=sprint&location="))
    assert 'href="?q=sprint&amp;page=2"' in body
    second = text(client.get("/events/?q=sprint&page=2"))
    assert "Sprint 29" in second and "Page 2 of 2" in second
