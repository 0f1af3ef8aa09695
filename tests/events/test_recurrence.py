"""Recurrence expansion: DST, month ends, leap days, until/count limits, bad schedules."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.events.recurrence import MAX_OCCURRENCES, RecurrenceError, Schedule, expand, ical_rrule

BERLIN = ZoneInfo("Europe/Berlin")
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC", "America/Santiago"]


def local(zone, *args):
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def test_weekly_meetup_keeps_its_local_time_across_the_dst_change():
    start = local("Europe/Berlin", 2026, 3, 19, 19, 0)  # two weeks before summer time starts
    schedule = Schedule(start=start, end=start + timedelta(hours=2), time_zone="Europe/Berlin",
                        frequency="weekly", count=4)  # fmt: skip
    occurrences = expand(schedule)
    assert [s.astimezone(BERLIN).hour for s, _ in occurrences] == [19, 19, 19, 19]
    assert [s.hour for s, _ in occurrences] == [18, 18, 17, 17]  # UTC moves by an hour on 29 March
    assert all(e - s == timedelta(hours=2) for s, e in occurrences)


def test_monthly_on_the_31st_skips_short_months():
    start = datetime(2026, 1, 31, 10, tzinfo=UTC)
    occurrences = expand(Schedule(start=start, end=start + timedelta(hours=1), frequency="monthly", count=4))
    assert [s.date().isoformat() for s, _ in occurrences] == ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"]


def test_yearly_on_a_leap_day_only_happens_in_leap_years():
    start = datetime(2024, 2, 29, tzinfo=UTC)
    schedule = Schedule(start=start, end=start + timedelta(days=1), all_day=True, frequency="yearly",
                        until=datetime(2036, 12, 31, tzinfo=UTC))  # fmt: skip
    assert [s.year for s, _ in expand(schedule)] == [2024, 2028, 2032, 2036]


def test_until_is_inclusive_and_count_is_exact():
    start = datetime(2026, 5, 1, 9, tzinfo=UTC)
    daily_until = Schedule(start=start, end=start, frequency="daily", until=datetime(2026, 5, 5, 9, tzinfo=UTC))
    assert len(expand(daily_until)) == 5
    every_other_day = Schedule(start=start, end=start, frequency="daily", interval=2, count=3)
    assert [s.day for s, _ in expand(every_other_day)] == [1, 3, 5]


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        (Schedule(start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC), frequency="weekly"),
         "needs an end"),
        (Schedule(start=datetime(2026, 1, 2, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC)), "ends before"),
        (Schedule(start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC),
                  time_zone="Mars/Olympus_Mons", frequency="daily", count=2), "Unknown time zone"),
        (Schedule(start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC), frequency="daily",
                  until=datetime(2100, 1, 1, tzinfo=UTC)), "more than"),
        (Schedule(start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC), frequency="daily",
                  until=datetime(2025, 1, 1, tzinfo=UTC)), "ends before"),
    ],
)  # fmt: skip
def test_bad_schedules_raise_a_clear_error(schedule, message):
    with pytest.raises(RecurrenceError, match=message):
        expand(schedule)


def test_rrule_is_exported_as_a_rule_not_expanded():
    start = datetime(2026, 5, 1, 9, tzinfo=UTC)
    assert ical_rrule(Schedule(start=start, end=start, frequency="weekly", interval=2, count=10)) == {
        "FREQ": "WEEKLY", "INTERVAL": 2, "COUNT": 10,
    }  # fmt: skip
    all_day = Schedule(start=start, end=start, all_day=True, frequency="yearly", until=datetime(2030, 5, 1, tzinfo=UTC))
    assert ical_rrule(all_day) == {"FREQ": "YEARLY", "UNTIL": datetime(2030, 5, 1).date()}


def make_schedule(zone, start, hours, frequency, interval, count, until_days, use_count, all_day):
    if all_day:
        first = datetime(start.year, start.month, start.day, tzinfo=UTC)
    else:
        first = start.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return Schedule(
        start=first,
        end=first + timedelta(hours=hours),
        time_zone=zone,
        all_day=all_day,
        frequency=frequency,
        interval=interval,
        count=count if use_count else None,
        until=None if use_count else first + timedelta(days=until_days),
    )


schedules = st.builds(
    make_schedule,
    zone=st.sampled_from(ZONES),
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)),
    hours=st.integers(0, 72),
    frequency=st.sampled_from(["daily", "weekly", "monthly", "yearly"]),
    interval=st.integers(1, 5),
    count=st.integers(1, 60),
    until_days=st.integers(0, 800),
    use_count=st.booleans(),
    all_day=st.booleans(),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(schedules)
def test_expansion_properties(schedule):
    try:
        occurrences = expand(schedule)
    except RecurrenceError as error:
        assert "more than" in str(error)  # the only refusal a valid rule can get
        return
    starts = [s for s, _ in occurrences]
    assert starts[0] == schedule.start
    assert starts == sorted(set(starts)), "strictly increasing, no duplicates"
    assert len(occurrences) <= MAX_OCCURRENCES
    if schedule.count is not None:
        assert len(occurrences) == schedule.count
    if schedule.until is not None:
        assert all(s <= schedule.until for s in starts)
    assert all(e >= s for s, e in occurrences)
    zone = UTC if schedule.all_day else ZoneInfo(schedule.time_zone)
    first_local = schedule.start.astimezone(zone)
    for start, _ in occurrences:
        local_start = start.astimezone(zone)
        if (local_start.hour, local_start.minute) != (first_local.hour, first_local.minute):
            # Only a wall time that does not exist that day (inside a DST gap) may move.
            wanted = datetime.combine(local_start.date(), first_local.time().replace(tzinfo=None))
            round_trip = wanted.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
            assert round_trip != wanted
        if schedule.frequency in ("monthly", "yearly"):
            assert local_start.day == first_local.day
        if schedule.frequency == "yearly":
            assert local_start.month == first_local.month
