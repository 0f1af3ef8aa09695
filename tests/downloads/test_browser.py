"""The download button follows the visitor's operating system (in a real browser)."""

import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser

PLATFORM = "Object.defineProperty(navigator, 'userAgentData', {get: () => ({platform: '%s'})});"


@pytest.mark.parametrize(
    ("platform", "shown", "other"), [("macOS", "macos", "windows"), ("Windows", "windows", "macos")]
)
def test_download_button_for_the_visitors_os(browser_page, release, platform, shown, other):
    """The visitor's OS gets the highlighted button; the others step back but stay where they are."""
    browser_page.add_init_script(PLATFORM % platform)
    browser_page.goto(browser_page.base_url + "/downloads/")

    detected = browser_page.locator(f'.download-button-item[data-os="{shown}"]')
    detected.and_(browser_page.locator(".is-detected")).wait_for()
    other_item = browser_page.locator(f'.download-button-item[data-os="{other}"]')
    assert other_item.is_visible() and "is-detected" not in other_item.get_attribute("class")
    yellow = "rgb(255, 212, 59)"
    assert detected.locator(".download-button").evaluate("e => getComputedStyle(e).backgroundColor") == yellow
    assert other_item.locator(".download-button").evaluate("e => getComputedStyle(e).backgroundColor") != yellow
    assert browser_page.locator('a[href="/downloads/android/"]').is_visible()
    screenshot(browser_page, f"downloads-{shown}")


def test_every_button_shows_without_javascript(browser_page, release):
    browser_page.context.route("**/downloads.js", lambda route: route.abort())
    browser_page.goto(browser_page.base_url + "/downloads/")
    for os_slug in ("windows", "macos", "source"):
        assert browser_page.locator(f'.download-button-item[data-os="{os_slug}"]').is_visible()
