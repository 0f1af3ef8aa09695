"""The application wizard end to end in chromium: a package, an à-la-carte benefit, a conflict, submission."""

import io

import pytest
from django.test import Client
from PIL import Image

from apps.sponsors.models import Sponsorship
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def log_in_as(page, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": page.base_url}])  # fmt: skip


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), (255, 212, 59)).save(buffer, "PNG")
    return buffer.getvalue()


def test_apply_for_a_package_with_a_la_carte(browser_page, home_page, user, program):
    page = browser_page
    log_in_as(page, user)
    page.goto(page.base_url + "/sponsors/application/")
    checkbox = lambda benefit: page.locator(f"input[name=benefits][value='{benefit.pk}']")  # noqa: E731
    assert checkbox(program.logo).is_disabled()  # no package yet: package benefits wait for one
    page.check(f"input[name=package][value='{program.gold.pk}']")
    assert checkbox(program.logo).is_checked() and checkbox(program.passes).is_checked()
    assert not checkbox(program.booth).is_checked()
    checkbox(program.booth).check()  # à la carte
    assert checkbox(program.table).is_disabled()
    assert (
        "Cannot be combined with “Expo hall booth”"
        in page.locator(".benefit-row", has=checkbox(program.table)).inner_text()
    )
    assert checkbox(program.grant).is_disabled()  # standalone benefits only without a package
    assert "3 benefits selected" in page.locator(".selection-summary").inner_text()
    screenshot(page, "sponsors-application-picker")
    page.click("button[value=continue]")
    page.wait_for_url("**/sponsors/application/new/")
    assert "Gold package (customised)" in page.content()
    page.fill("#id_sponsor-name", "Chromium Widgets")
    page.fill("#id_sponsor-description", "Chromium Widgets builds browsers' test rigs in Python.")
    page.fill("#id_sponsor-landing_page_url", "https://widgets.example.com/")
    page.set_input_files("#id_sponsor-web_logo", files=[{"name": "logo.png", "mimeType": "image/png",
                                                         "buffer": png_bytes()}])  # fmt: skip
    page.fill("#id_sponsor-primary_phone", "+44 20 0000 0000")
    page.fill("#id_sponsor-mailing_address_line_1", "1 Test Lane")
    page.fill("#id_sponsor-city", "London")
    page.fill("#id_sponsor-postal_code", "N1 1AA")
    page.fill("#id_sponsor-country", "United Kingdom")
    page.fill("#id_contacts-0-name", "Grace Widget")
    page.fill("#id_contacts-0-phone", "+44 20 0000 0001")
    screenshot(page, "sponsors-application-details")
    page.click("button:has-text('Submit the application')")
    page.wait_for_url("**/users/sponsorships/*/")
    assert "Your application was sent" in page.content()
    screenshot(page, "sponsors-dashboard-detail")
    sponsorship = Sponsorship.objects.get(sponsor__name="Chromium Widgets")
    assert sponsorship.status == "applied" and sponsorship.for_modified_package
    assert sorted(sponsorship.benefits.values_list("name", flat=True)) == [
        "Conference passes",
        "Expo hall booth",
        "Logo on python.org",
    ]
