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


@pytest.fixture
def page_tree_root(transactional_db):
    """Recreate Wagtail's root page when an earlier transactional test flushed the database."""
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code="en")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
