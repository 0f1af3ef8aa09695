"""ICS import (the real Google Calendar export), idempotence, updates by UID, bad files, export round trip."""

from datetime import UTC, datetime
from unittest import mock

import icalendar
import pytest
from django.core.management import CommandError, call_command

from apps.events import ics
from apps.events.models import Event, EventLocation, Occurrence
from tests.events.factories import CalendarFactory

VEVENT = """BEGIN:VEVENT
UID:{uid}
DTSTART{start}
DTEND{end}
SUMMARY:{title}
{extra}END:VEVENT
"""


def calendar_file(*events, header="X-WR-TIMEZONE:Europe/Berlin\n"):
    body = "".join(events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{header}{body}END:VCALENDAR\n".replace("\n", "\r\n")


def vevent(uid="a@test", start=";VALUE=DATE:20300516", end=";VALUE=DATE:20300519", title="PyCon Test", extra=""):
    return VEVENT.format(uid=uid, start=start, end=end, title=title, extra=extra)


def test_real_calendar_export_imports_78_all_day_events_with_venues(python_events, events_ics):
    report = ics.import_ics(python_events, events_ics)
    assert len(report.created) == 78 and not report.skipped
    assert Event.objects.filter(calendar=python_events).count() == 78
    pycon_apac = Event.objects.get(uid="0dpji3hft657pi6cgradu20rro@google.com")
    assert pycon_apac.title == "PyCon APAC 2014"
    assert pycon_apac.all_day
    assert (pycon_apac.start, pycon_apac.end) == (datetime(2014, 5, 16, tzinfo=UTC), datetime(2014, 5, 19, tzinfo=UTC))
    assert pycon_apac.venue.name == "Academia Sinica, Taipei, Taiwan"
    assert (
        pycon_apac.description
        == '<a href="http://tw.pycon.org/2014apac/en/" rel="noopener noreferrer">PyCon APAC 2014</a>'
    )
    assert Occurrence.objects.filter(event__calendar=python_events).count() == 78


def test_import_is_idempotent_by_uid(python_events, events_ics):
    ics.import_ics(python_events, events_ics)
    second = ics.import_ics(python_events, events_ics)
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 78)
    assert Event.objects.count() == 78
    assert EventLocation.objects.count() == len({e.venue_id for e in Event.objects.all()} - {None})


def test_moved_renamed_and_cancelled_events_are_updated_not_duplicated(python_events):
    ics.import_ics(python_events, calendar_file(vevent(extra="LOCATION:Berlin\n")))
    changed = vevent(start=";VALUE=DATE:20300601", end=";VALUE=DATE:20300603", title="PyCon Test (renamed)",
                     extra="LOCATION:Hamburg\\, Germany\nSTATUS:CANCELLED\n")  # fmt: skip
    report = ics.import_ics(python_events, calendar_file(changed))
    assert report.updated == ["a@test"]
    event = Event.objects.get()
    assert event.title == "PyCon Test (renamed)"
    assert event.start == datetime(2030, 6, 1, tzinfo=UTC)
    assert event.venue.name == "Hamburg, Germany"
    assert event.cancelled
    assert list(event.occurrences.values_list("start", flat=True)) == [datetime(2030, 6, 1, tzinfo=UTC)]


def test_descriptions_are_sanitised_and_timed_events_keep_their_zone(python_events):
    timed = vevent(
        start=";TZID=America/New_York:20300310T180000", end=";TZID=America/New_York:20300310T200000",
        extra='DESCRIPTION:<p onclick="x()">Talks</p><script>alert(1)</script>\nRRULE:FREQ=WEEKLY;COUNT=3\n',
    )  # fmt: skip
    ics.import_ics(python_events, calendar_file(timed))
    event = Event.objects.get()
    assert "script" not in event.description and "onclick" not in event.description
    assert event.time_zone == "America/New_York" and not event.all_day
    assert (event.frequency, event.count) == ("weekly", 3)
    # 10 March 2030 is the US DST change: the meetup stays at 18:00 local.
    starts = [o.start.astimezone(event.zone).hour for o in event.occurrences.all()]
    assert starts == [18, 18, 18]


def test_floating_times_use_the_calendar_time_zone(python_events):
    ics.import_ics(python_events, calendar_file(vevent(start=":20300105T190000", end=":20300105T210000")))
    event = Event.objects.get()
    assert event.time_zone == "Europe/Berlin"
    assert event.start == datetime(2030, 1, 5, 18, tzinfo=UTC)


def test_a_partial_file_imports_the_good_events_and_reports_the_bad(python_events):
    data = calendar_file(
        vevent(uid="good@test"),
        vevent(uid="backwards@test", start=";VALUE=DATE:20300520", end=";VALUE=DATE:20300510"),
        vevent(uid="endless@test", extra="RRULE:FREQ=WEEKLY\n"),
        vevent(uid="weird@test", extra="RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE;COUNT=5\n"),
        vevent(uid="bad-tz@test", start=";TZID=Mars/Olympus:20300105T190000", end=";TZID=Mars/Olympus:20300105T210000"),
        "BEGIN:VEVENT\nSUMMARY:No uid\nDTSTART;VALUE=DATE:20300101\nEND:VEVENT\n",
        vevent(uid="no-date@test", start=":garbage", end=":garbage"),
    )
    report = ics.import_ics(python_events, data)
    skipped = dict(report.skipped)
    assert sorted(report.created) == ["bad-tz@test", "endless@test", "good@test"]
    assert "before" in skipped["backwards@test"]
    assert "BYDAY" in skipped["weird@test"]
    assert "no UID" in skipped["event #6"]
    assert "no-date@test" in skipped
    # icalendar reads an unknown TZID as floating time, so the calendar's own zone applies.
    assert Event.objects.get(uid="bad-tz@test").time_zone == "Europe/Berlin"
    endless = Event.objects.get(uid="endless@test")
    assert endless.until is not None and ("endless@test", "endless recurrence limited to 2 years") in report.warnings


@pytest.mark.parametrize("data", [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", b"\xff\xfe\x00"])
def test_a_malformed_file_changes_nothing(python_events, events_ics, data):
    ics.import_ics(python_events, events_ics)
    with pytest.raises(ics.IcsError):
        ics.import_ics(python_events, data)
    assert Event.objects.count() == 78


def test_round_trip_import_export_reimport_changes_nothing(python_events, events_ics, user_groups):
    from tests.events.factories import EventFactory, in_days

    ics.import_ics(python_events, events_ics)
    EventFactory(calendar=python_events, uid="meetup@test", time_zone="Australia/Sydney", frequency="monthly",
                 until=in_days(200), start=in_days(3, hour=8), end=in_days(3, hour=10))  # fmt: skip
    before = {e.uid: _fields(e) for e in Event.objects.all()}
    exported = ics.build_ical(Event.objects.with_display_relations()).to_ical()

    parsed = icalendar.Calendar.from_ical(exported)
    assert len(parsed.walk("VEVENT")) == 79
    assert "RRULE:FREQ=MONTHLY;UNTIL=" in exported.decode()
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Australia/Sydney"]

    report = ics.import_ics(python_events, exported)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 79)
    fresh = CalendarFactory(slug="copy")
    ics.import_ics(fresh, exported)
    assert {e.uid: _fields(e) for e in fresh.events.all()} == before


def _fields(event):
    venue = event.venue.display if event.venue else ""
    schedule = (event.start, event.end, event.all_day, event.time_zone, event.frequency, event.count, event.until)
    return (event.title, str(event.description_html), *schedule, venue, event.cancelled)


def test_command_imports_every_calendar_source_with_the_fetch_mocked(python_events, events_ics, capsys):
    python_events.ics_url = "https://calendar.example.com/python.ics"
    python_events.save()
    with mock.patch("apps.events.ics.fetch_ics", return_value=events_ics) as fetch:
        call_command("import_ics", "--dry-run")
        assert Event.objects.count() == 0
        call_command("import_ics")
        call_command("import_ics")
    assert fetch.call_args.args == ("https://calendar.example.com/python.ics",)
    out = capsys.readouterr().out
    assert "[dry run] python-events: 78 created" in out
    assert "python-events: 0 created, 0 updated, 78 unchanged" in out
    assert Event.objects.count() == 78


def test_command_reports_an_unreachable_source_and_goes_on(python_events, user_groups, events_ics, capsys):
    python_events.ics_url = "https://down.example.com/a.ics"
    python_events.save()
    user_groups.ics_url = "https://calendar.example.com/b.ics"
    user_groups.save()

    def fetch(url):
        if "down" in url:
            raise ics.IcsError(f"Could not fetch {url}: timed out")
        return events_ics

    with mock.patch("apps.events.ics.fetch_ics", side_effect=fetch):
        call_command("import_ics")
    captured = capsys.readouterr()
    assert "python-events: Could not fetch" in captured.err
    assert user_groups.events.count() == 78 and python_events.events.count() == 0


def test_command_reads_a_local_file(python_events, data_dir):
    call_command("import_ics", "--calendar", "python-events", "--file", str(data_dir / "events.ics"))
    assert python_events.events.count() == 78
    with pytest.raises(CommandError, match="No calendar"):
        call_command("import_ics", "--calendar", "nope")


def test_fetch_refuses_non_http_addresses():
    with pytest.raises(ics.IcsError, match="Not an http"):
        ics.fetch_ics("file:///etc/passwd")


def test_all_day_until_round_trips_as_a_date(python_events):
    ics.import_ics(python_events, calendar_file(vevent(extra="RRULE:FREQ=YEARLY;UNTIL=20330516\n")))
    event = Event.objects.get()
    assert event.until == datetime(2033, 5, 16, tzinfo=UTC)
    assert event.occurrences.count() == 4
    assert b"RRULE:FREQ=YEARLY;UNTIL=20330516\r\n" in ics.build_vevent(event).to_ical()
