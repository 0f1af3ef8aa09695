import icalendar
import pytest

from tests.conftest import screenshot
from tests.events.factories import EventFactory, EventLocationFactory, in_days

pytestmark = pytest.mark.browser


def test_filter_events_and_download_an_ics_in_chromium(browser_page, home_page, python_events, user_groups):
    EventFactory(calendar=python_events, title="EuroPython Prague", start=in_days(20),
                 venue=EventLocationFactory(calendar=python_events, name="Prague Congress Centre"))  # fmt: skip
    EventFactory(calendar=user_groups, title="Berlin Meetup", start=in_days(3), frequency="weekly", count=6,
                 time_zone="Europe/Berlin")  # fmt: skip
    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(page.base_url + "/events/")
    assert page.locator("h1").inner_text() == "Python events"
    assert page.locator(".upcoming .event-item").count() == 2

    page.fill("#id_location", "prague")
    page.click(".event-filters button[type=submit]")
    page.wait_for_url("**/events/?*location=prague*")
    items = page.locator(".upcoming .event-item h3")
    assert items.all_inner_texts() == ["EuroPython Prague"]
    screenshot(page, "events-filtered")

    page.click("text=EuroPython Prague")
    assert page.locator("h1").inner_text() == "EuroPython Prague"
    page.wait_for_selector(".visitor-time", timeout=5000)  # events.js added the visitor's own time
    assert page.locator(".visitor-time").count() == 1
    with page.expect_download() as download_info:
        page.click("text=Add to calendar (.ics)")
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    parsed = icalendar.Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115, PTH123
    assert [str(e["SUMMARY"]) for e in parsed.walk("VEVENT")] == ["EuroPython Prague"]
    screenshot(page, "events-detail")
    assert errors == []
