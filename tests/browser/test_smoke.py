import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_homepage_opens_in_chromium(browser_page, home_page):
    browser_page.goto(browser_page.base_url + "/")
    assert "Python" in browser_page.title()
    assert screenshot(browser_page, "smoke-home").exists()
