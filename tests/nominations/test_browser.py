"""End to end in chromium: a member nominates, the nominee accepts, staff approve, nominations close,
the nominee appears publicly."""

import pytest
from django.test import Client

from apps.nominations.models import Nomination
from tests.conftest import screenshot
from tests.nominations.conftest import close

pytestmark = pytest.mark.browser


def log_in_as(page, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": page.base_url}])  # fmt: skip


def test_nominate_accept_approve_and_publish(browser_page, home_page, open_election, nominator, nominee_user,
                                             moderator):  # fmt: skip
    page = browser_page
    log_in_as(page, nominator)
    page.goto(page.base_url + f"/nominations/{open_election.slug}/create/")
    page.fill("#id_name", "Ada Candidate")
    page.fill("#id_email", "candidate@example.com")
    page.fill("#id_employer", "Analytical Engines Ltd")
    page.fill("#id_statement", "Ada has **organised** PyCon sprints <script>alert(1)</script> for years.")
    page.locator(".statement-preview strong").wait_for()  # the live preview, rendered by the server
    assert "<script" not in page.locator(".statement-preview-body").inner_html()
    page.fill("#id_mission_alignment", "She teaches Python to new programmers.")
    page.check("#id_coc_acknowledged")
    screenshot(page, "nominations-form")
    page.click("button:has-text('Submit nomination')")
    page.wait_for_url("**/nominations/*/")
    assert "has been emailed and asked to accept" in page.content()
    nomination = Nomination.objects.get()

    log_in_as(page, nominee_user)
    page.goto(page.base_url + f"/nominations/{nomination.pk}/accept/")
    page.click("button:has-text('Accept the nomination')")
    page.wait_for_url(f"**/nominations/{nomination.pk}/")
    assert "You accepted the nomination" in page.content()

    log_in_as(page, moderator)
    page.goto(page.base_url + "/admin/")
    assert "1 accepted nomination awaits review." in page.content()
    page.goto(page.base_url + f"/admin/nominations-review/{nomination.pk}/")
    screenshot(page, "nominations-admin-review")
    page.click("button:has-text('Approve')")
    page.wait_for_load_state()
    assert "approved" in page.content()

    page.context.clear_cookies()
    page.goto(page.base_url + open_election.nominees_url())
    assert "Ada Candidate" not in page.content()  # approved, but nominations are still open
    close(open_election)
    page.goto(page.base_url + open_election.nominees_url())
    page.click("text=Ada Candidate")
    assert page.locator("h1").inner_text() == "Ada Candidate"
    assert "organised" in page.content() and "Analytical Engines Ltd" in page.content()
    screenshot(page, "nominations-nominee")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/nominations/elections/")
    screenshot(page, "nominations-elections-390")
