import pytest

from apps.banners.models import Banner
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_dismissed_banner_stays_dismissed_on_reload(browser_page, home_page):
    Banner.objects.create(title="Year-end fundraiser", message="Support the PSF.", link_url="/psf/", active=True)
    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(page.base_url + "/")
    banner = page.locator(".site-banner")
    assert banner.count() == 1
    screenshot(page, "banner-shown")
    page.click("[data-banner-dismiss]")
    assert page.locator(".site-banner").count() == 0
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".site-banner").count() == 0
    # A new banner is not covered by the old dismissal.
    Banner.objects.create(title="Maintenance", message="Read-only on Saturday.", active=True)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".site-banner").all_inner_texts()[0].startswith("Maintenance")
    assert errors == []
