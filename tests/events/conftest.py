import pytest

from tests.events.factories import CalendarFactory


@pytest.fixture
def python_events(db):
    return CalendarFactory(slug="python-events", name="Python Events")


@pytest.fixture
def user_groups(db):
    return CalendarFactory(slug="python-user-group", name="Python User Group Events")


@pytest.fixture
def events_ics(data_dir):
    return (data_dir / "events.ics").read_bytes()
