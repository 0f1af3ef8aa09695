"""Editing in the Wagtail admin as the real roles: live preview, scheduled publishing, the moderation workflow."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from apps.pages.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page_form(title, slug, text, **extra):
    """What the StandardPage edit form posts."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "body": streamfield([("rich_text", rich_text(f"<p>{text}</p>"))]),
            "sidebar": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "social_text": "",
            **extra,
        }
    )


def create_draft(editor, parent, title="Python 3.15 release party", slug="release-party"):
    client = signed_in(editor)
    response = client.post(
        f"/admin/pages/add/pages/standardpage/{parent.pk}/",
        page_form(title, slug, "Join us to celebrate the new release."),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(slug=slug)


def moderators_workflow():
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.workflow_pages.filter(page__depth=1).exists(), "the workflow covers the whole tree"
    return workflow


# --- live preview ------------------------------------------------------------------------------


def test_the_preview_panel_may_frame_the_page_from_the_admin_only(editor, home_page):
    page = StandardPageFactory(parent=home_page, title="Getting started", slug="getting-started")
    client = signed_in(editor)
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = page_form("Getting started with Python", "getting-started", "Install Python, then open IDLE.")
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}

    response = client.get(url, {"mode": ""})
    assert response.status_code == 200
    assert "Install Python, then open IDLE." in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "'none'" not in response["Content-Security-Policy"].split("frame-ancestors")[1].split(";")[0]


def test_public_pages_still_refuse_to_be_framed(client, home_page):
    StandardPageFactory(parent=home_page, title="Getting started", slug="getting-started")
    response = client.get("/getting-started/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_snippet_preview_renders_inside_the_admin(editor, db):
    from tests.factories import ContentSnippetFactory

    snippet = ContentSnippetFactory(label="psf-banner", title="PSF banner")
    client = signed_in(editor)
    url = f"/admin/snippets/pages/contentsnippet/preview/{snippet.pk}/"
    data = nested_form_data(
        {"label": "psf-banner", "title": "PSF banner", "body": streamfield([("markdown", "Support the **PSF**.")])}
    )
    assert client.post(url, data).json()["is_valid"] is True
    response = client.get(url, {"mode": ""})
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response.get("Content-Security-Policy", "frame-ancestors 'self'")


# --- scheduled publishing ----------------------------------------------------------------------


def test_publish_scheduled_runs_every_minute():
    from pydotorg.cron import SCHEDULE

    assert ("publish_scheduled", "* * * * *") in SCHEDULE


def test_a_scheduled_page_goes_live_when_the_scheduled_command_runs(editor, home_page, client, monkeypatch):
    draft = create_draft(editor, home_page)
    go_live = timezone.now() + datetime.timedelta(minutes=5)
    editor_client = signed_in(editor)
    response = editor_client.post(
        f"/admin/pages/{draft.pk}/edit/",
        page_form(draft.title, draft.slug, "Join us to celebrate the new release.",
                  go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "action-publish"}),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.live is False
    assert draft.revisions.filter(approved_go_live_at__isnull=False).exists()

    call_command("publish_scheduled")  # not yet time
    assert client.get("/release-party/").status_code == 404

    # Six minutes later, the scheduler's every-minute run publishes it.
    later = timezone.now() + datetime.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    monkeypatch.undo()
    draft.refresh_from_db()
    assert draft.live is True
    assert "Join us to celebrate the new release." in client.get("/release-party/").content.decode()


def test_the_scheduler_runs_publish_scheduled_on_a_real_worker(editor, home_page, rq_queue):
    import django_rq
    from django_rq.cron import DjangoCronScheduler

    page = StandardPageFactory(parent=home_page, title="Sprint", slug="sprint", live=False)
    revision = page.save_revision(user=editor)
    StandardPage.objects.filter(pk=page.pk).update(go_live_at=timezone.now() - datetime.timedelta(seconds=5))
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=5)
    revision.save()

    scheduler = DjangoCronScheduler()
    scheduler.load_config_from_file("pydotorg.cron")
    job = next(cron_job for cron_job in scheduler.get_jobs() if cron_job.name == "publish_scheduled")
    job.enqueue(django_rq.get_connection("default"))
    rq_queue.run_worker()
    assert Page.objects.get(pk=page.pk).live is True


# --- the moderation workflow -------------------------------------------------------------------


def submit(editor, page, text, first=True):
    action = "action-submit" if first else "action-restart-workflow"
    response = signed_in(editor).post(
        f"/admin/pages/{page.pk}/edit/", page_form(page.title, page.slug, text, **{action: action})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk), status="in_progress")


def review(moderator, page, action, comment=""):
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    client = signed_in(moderator)
    dashboard = client.get("/admin/")
    assert "Awaiting your review" in dashboard.content.decode()
    assert page.title in dashboard.content.decode()
    response = client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment})
    assert response.status_code == 302, response.content.decode()[:2000]
    return TaskState.objects.get(pk=task_state.pk)


def test_submit_approve_and_the_page_is_live(editor, moderator, home_page, client):
    moderators_workflow()
    page = create_draft(editor, home_page)
    submit(editor, page, "Join us to celebrate the new release.")
    assert client.get("/release-party/").status_code == 404

    task_state = review(moderator, page, "approve", "Looks good.")
    assert task_state.status == "approved"
    page.refresh_from_db()
    assert page.live is True
    assert page.live_revision.user_id == editor.pk  # the editor's words went live
    assert "Join us to celebrate the new release." in client.get("/release-party/").content.decode()


def test_reject_edit_resubmit_and_approve(editor, moderator, home_page, client):
    page = create_draft(editor, home_page)
    submit(editor, page, "Party at 6.")
    task_state = review(moderator, page, "reject", "Say where the party is.")
    assert task_state.status == "rejected"
    page.refresh_from_db()
    assert page.live is False

    # The editor sees the request for changes, edits and resubmits.
    editor_client = signed_in(editor)
    edit = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Changes requested" in edit or "changes requested" in edit.lower()
    submit(editor, page, "Party at 6 in the PSF office.", first=False)
    review(moderator, page, "approve")
    page.refresh_from_db()
    assert page.live is True
    assert "Party at 6 in the PSF office." in client.get("/release-party/").content.decode()


def test_the_editor_form_never_saves_in_the_background(editor, moderator, home_page):
    """Autosave would post the form again with a pending approval in it, racing the moderator's own click."""
    page = create_draft(editor, home_page)
    submit(editor, page, "Party at 6.")
    for user, url in [(editor, f"/admin/pages/add/pages/standardpage/{home_page.pk}/"),
                      (moderator, f"/admin/pages/{page.pk}/edit/")]:  # fmt: skip
        response = signed_in(user).get(url)
        assert response.status_code == 200
        assert "data-w-autosave-interval-value" not in response.content.decode()  # the form's autosave timer


def test_moderators_cannot_write_pages_outside_a_review(moderator, home_page):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    client = signed_in(moderator)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 302  # permission denied → dashboard
    assert client.get(f"/admin/pages/add/pages/standardpage/{home_page.pk}/").status_code == 302
    assert not page.permissions_for_user(moderator).can_edit()


def test_moderators_cannot_unpublish_or_restrict_pages(moderator, home_page, client):
    """Approving in the workflow is their whole part in the page tree: no unpublishing, no privacy settings."""
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    moderator_client = signed_in(moderator)
    response = moderator_client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.live is True
    assert client.get("/about/").status_code == 200
    response = moderator_client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code in (302, 403)
    assert not page.get_view_restrictions().exists()
    permissions = page.permissions_for_user(moderator)
    assert not (permissions.can_unpublish() or permissions.can_publish() or permissions.can_set_view_restrictions())


# --- branding and the site's address -----------------------------------------------------------


def test_the_admin_carries_python_org_branding(editor, client):
    dashboard = signed_in(editor).get("/admin/").content.decode()
    assert "img/python-mark.svg" in dashboard  # the sidebar logo and the favicon
    assert "- Python.org admin</title>" in dashboard
    # Staff sign in on python.org's own sign-in page (with two-factor where required), not Wagtail's.
    login = client.get("/admin/login/", follow=True)
    assert login.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "img/python-logo.svg" in login.content.decode()
    assert "Sign in to Wagtail" not in login.content.decode()


@pytest.mark.parametrize(
    "base_url,hostname,port,root",
    [("http://127.0.0.1:8000", "127.0.0.1", 8000, "http://127.0.0.1:8000/"),
     ("https://www.python.org", "www.python.org", 443, "https://www.python.org/")],
)  # fmt: skip
def test_the_default_site_follows_the_base_url(settings, home_page, client, base_url, hostname, port, root):
    from wagtail.models import Site

    from apps.pages.sites import sync_default_site

    settings.WAGTAILADMIN_BASE_URL = base_url
    settings.ALLOWED_HOSTS = [hostname]
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (hostname, port)
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    assert page.full_url == root + "about/"
    sitemap = client.get("/sitemap.xml", HTTP_HOST=hostname).content.decode()
    assert f"<loc>{root}about/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_migrate_points_the_default_site_at_the_base_url(settings, home_page):
    from django.apps import apps
    from wagtail.models import Site

    settings.WAGTAILADMIN_BASE_URL = "https://www.python.org"
    from django.db.models.signals import post_migrate

    post_migrate.send(sender=apps.get_app_config("pages"), app_config=apps.get_app_config("pages"), verbosity=0,
                      interactive=False, using="default", apps=apps, plan=[])  # fmt: skip
    assert Site.objects.values_list("hostname", "port").get(is_default_site=True) == ("www.python.org", 443)
