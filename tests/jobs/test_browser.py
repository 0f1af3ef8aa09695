"""End to end in chromium: a user posts a job, a moderator approves it in the admin, the public sees it."""

import pytest
from django.test import Client

from apps.jobs.models import Job
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def log_in_as(page, user):
    """Give the browser the session of ``user`` (sign-in pages belong to the accounts app)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": page.base_url}])  # fmt: skip


def test_post_approve_and_see_the_job(browser_page, home_page, user, moderator, engineer, web):
    page = browser_page
    log_in_as(page, user)
    page.goto(page.base_url + "/jobs/create/")
    page.fill("#id_job_title", "Chromium Tested Engineer")
    page.fill("#id_company_name", "Playwright Widgets")
    page.select_option("#id_category", str(engineer.pk))
    page.check(f"input[name=job_types][value='{web.pk}']")
    page.fill("#id_city", "Lisbon")
    page.fill("#id_country", "Portugal")
    page.fill("#id_description", "Test the **web** in Python.")
    page.fill("#id_requirements", "* pytest")
    page.fill("#id_email", "jobs@widgets.example.com")
    page.click("button:has-text('Save draft and preview')")
    page.wait_for_url("**/preview/")
    assert "Preview: this is how the job will appear" in page.content()
    page.click("button:has-text('Submit for review')")
    page.wait_for_url("**/jobs/mine/")
    assert "In review" in page.content()
    screenshot(page, "jobs-my-jobs")
    job = Job.objects.get(job_title="Chromium Tested Engineer")

    log_in_as(page, moderator)
    page.goto(page.base_url + "/admin/")
    assert "1 job waits for review." in page.content()
    page.goto(page.base_url + f"/admin/jobs-moderation/{job.pk}/")
    page.frame_locator("iframe").locator("h1").wait_for()
    screenshot(page, "jobs-moderation")
    page.click("button:has-text('Approve')")
    page.wait_for_load_state()
    assert "Approve: done" in page.content()

    page.context.clear_cookies()
    page.goto(page.base_url + "/jobs/")
    assert "Chromium Tested Engineer" in page.content()
    page.click("text=Chromium Tested Engineer")
    assert page.locator("h1").inner_text() == "Chromium Tested Engineer"
    screenshot(page, "jobs-detail")
