"""Each staff role's main flow in the Wagtail admin, in chromium."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from apps.downloads.models import ReleasePage
from apps.pages.models import StandardPage
from apps.users.roles import EDITORS, MODERATORS, RELEASE_MANAGERS
from tests.conftest import screenshot
from tests.downloads.factories import DownloadsIndexPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def member(username, group):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(page, user):
    """Sign ``user`` in to the browser (a session made by Django's test client; the sign-in form is tested
    in tests/users)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": page.base_url}])
    page.set_default_timeout(120_000)  # admin pages under a loaded test machine
    page.goto(page.base_url + "/admin/")
    assert page.url.endswith("/admin/")


def test_editor_previews_schedules_and_publishes_and_a_moderator_approves(browser_page, home_page):
    page = browser_page
    editor = member("editor", EDITORS)
    moderator = member("moderator", MODERATORS)
    sign_in(page, editor)

    # Create a page and look at it in the live preview panel.
    page.goto(f"{page.base_url}/admin/pages/add/pages/standardpage/{home_page.pk}/")
    page.fill("#id_title", "PyCon US 2027 sprints")
    page.locator("#id_title").press("Tab")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1", has_text="PyCon US 2027 sprints").wait_for()
    screenshot(page, "admin-editor-preview")

    # Save a draft, then schedule it and publish on schedule.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")
    draft = StandardPage.objects.get(title="PyCon US 2027 sprints")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Set schedule").click()
    go_live = timezone.localtime() + datetime.timedelta(minutes=30)
    page.fill("#id_go_live_at", go_live.strftime("%Y-%m-%d %H:%M"))
    page.locator("#id_go_live_at").press("Tab")  # leave the field: its date picker closes
    page.get_by_role("button", name="Save schedule").dispatch_event("click")
    page.wait_for_url("**/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Schedule to publish").click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    draft.refresh_from_db()
    assert draft.live is False and draft.revisions.filter(approved_go_live_at__isnull=False).exists()
    later = go_live + datetime.timedelta(minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled")
    assert Page.objects.get(pk=draft.pk).live
    page.goto(page.base_url + draft.url)
    assert page.locator("h1").inner_text() == "PyCon US 2027 sprints"

    # A second page goes through the moderators' workflow.
    page.goto(f"{page.base_url}/admin/pages/add/pages/standardpage/{home_page.pk}/")
    page.fill("#id_title", "Call for proposals")
    page.locator("#id_title").press("Tab")  # the slug follows the title when the field is left
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "admin-editor-submitted")
    submitted = StandardPage.objects.get(title="Call for proposals")
    assert not submitted.live and submitted.workflow_in_progress

    sign_in(page, moderator)
    page.goto(page.base_url + "/admin/")
    row = page.locator("tr", has_text="Call for proposals")  # in "Awaiting your review"
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    modal = page.locator(".modal")
    modal.locator("textarea").fill("Looks good, thank you.")
    modal.locator("button[type=submit]").click()
    for _ in range(60):  # the dashboard reloads once the approval is done
        if StandardPage.objects.get(pk=submitted.pk).live:
            break
        page.wait_for_timeout(1000)
    screenshot(page, "admin-moderator-approved")
    submitted.refresh_from_db()
    assert submitted.live
    page.goto(page.base_url + submitted.url)
    assert page.locator("h1").inner_text() == "Call for proposals"


def test_release_manager_publishes_a_release(browser_page, home_page):
    page = browser_page
    index = DownloadsIndexPageFactory(parent=home_page)
    sign_in(page, member("hugo", RELEASE_MANAGERS))

    page.goto(page.base_url + "/admin/downloads/releases/")
    page.goto(f"{page.base_url}/admin/pages/add/downloads/releasepage/{index.pk}/")
    page.fill("#id_version_number", "3.14.3")
    page.fill("#id_release_date", "2026-02-03 12:00")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Add file").click()
    page.fill("#id_files-0-name", "XZ compressed source tarball")
    page.select_option("#id_files-0-os", label="Source code")
    page.fill("#id_files-0-url", "https://www.python.org/ftp/python/3.14.3/Python-3.14.3.tar.xz")
    page.check("#id_files-0-download_button")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/**")
    release = ReleasePage.objects.get(version_number="3.14.3")
    assert release.live
    assert release.files.get().slug == "python-3143-tar-xz"

    page.goto(page.base_url + "/admin/downloads/releases/")
    assert page.locator("table").get_by_text("3.14.3").count() >= 1
    screenshot(page, "admin-release-list")
    page.goto(page.base_url + "/downloads/release/python-3143/")
    assert "Python-3.14.3.tar.xz" in page.content()
