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


def test_a_cached_page_drops_a_banner_once_its_end_has_passed(browser_page, home_page):
    from datetime import timedelta

    from django.utils import timezone

    ends_at = timezone.now() + timedelta(minutes=5)
    Banner.objects.create(title="Maintenance", message="Read-only until noon.", active=True, ends_at=ends_at)
    page = browser_page
    page.goto(page.base_url + "/")
    assert page.locator(".site-banner").count() == 1
    # The same HTML, read from a cache after the end: the visitor's clock says the banner is over.
    html = page.content()
    page.clock.install(time=ends_at + timedelta(minutes=1))
    page.route(page.base_url + "/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(page.base_url + "/")
    page.wait_for_load_state("networkidle")
    assert "Maintenance" in html and page.locator(".site-banner").count() == 0
