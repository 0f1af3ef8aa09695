"""The download button follows the visitor's operating system (in a real browser)."""

import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser

PLATFORM = "Object.defineProperty(navigator, 'userAgentData', {get: () => ({platform: '%s'})});"


@pytest.mark.parametrize(
    ("platform", "shown", "hidden"), [("macOS", "macos", "windows"), ("Windows", "windows", "macos")]
)
def test_download_button_for_the_visitors_os(browser_page, release, platform, shown, hidden):
    browser_page.add_init_script(PLATFORM % platform)
    browser_page.goto(browser_page.base_url + "/downloads/")

    assert browser_page.locator(f'.download-button-item[data-os="{shown}"]').is_visible()
    assert not browser_page.locator(f'.download-button-item[data-os="{hidden}"]').is_visible()
    assert browser_page.locator('a[href="/downloads/android/"]').is_visible()
    screenshot(browser_page, f"downloads-{shown}")


def test_every_button_shows_without_javascript(browser_page, release):
    browser_page.context.route("**/downloads.js", lambda route: route.abort())
    browser_page.goto(browser_page.base_url + "/downloads/")
    for os_slug in ("windows", "macos", "source"):
        assert browser_page.locator(f'.download-button-item[data-os="{os_slug}"]').is_visible()
