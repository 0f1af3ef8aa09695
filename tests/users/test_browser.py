import re

import pytest
from django.core import mail

from tests.conftest import screenshot

pytestmark = pytest.mark.browser
PASSWORD = "Flying-Circus-1969!"


def test_sign_up_verify_log_in_and_edit_profile(browser_page, home_page):
    page = browser_page
    page.goto(page.base_url + "/accounts/signup/")
    assert page.locator("h1").count() == 1
    page.fill("#id_email", "eric@example.com")
    page.fill("#id_username", "eric")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    assert not page.locator("#id_website").is_visible() or page.locator("#id_website").bounding_box()["x"] < 0
    screenshot(page, "accounts-signup")
    page.click("form.account-form button[type=submit]")
    page.wait_for_url("**/accounts/confirm-email/")
    assert "Verify Your Email Address" in page.content()

    message = mail.outbox[-1]
    assert message.to == ["eric@example.com"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    page.click("form.account-form button[type=submit]")
    page.wait_for_url("**/accounts/login/")

    page.fill("#id_login", "eric")
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form button[type=submit]")
    page.wait_for_url(page.base_url + "/")
    # The header's account menu is fetched after the (cacheable) page loads.
    page.locator("[data-account-menu] summary").click()
    page.get_by_role("link", name="Edit profile").click()
    page.wait_for_url("**/users/edit/")

    page.fill("#id_first_name", "Eric")
    page.fill("#id_last_name", "Idle")
    page.fill("#id_bio", "Always look on the **bright side**.")
    page.check("input[name=email_privacy][value=public]")
    page.click("form.account-form button[type=submit]")
    page.wait_for_url("**/users/eric/")
    assert page.locator("h1").inner_text() == "Eric Idle"
    assert page.locator(".profile-bio strong").inner_text() == "bright side"
    assert "eric@example.com" in page.content()
    assert screenshot(page, "accounts-profile").exists()
