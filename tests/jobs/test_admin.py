"""Moderation in the Wagtail admin: queue, dashboard counts, review page, actions, comments, permissions."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from apps.jobs.models import Job, JobReviewComment
from apps.users.roles import JOB_BOARD_ADMINS
from tests.factories import UserFactory
from tests.jobs.factories import JobFactory


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def queued(db, user):
    return JobFactory(creator=user, status=Job.Status.REVIEW, job_title="Queued Django Dev", published_at=None)


def test_dashboard_shows_counts_per_state(mod_client, queued):
    JobFactory(status=Job.Status.REVIEW, job_title="Second in queue")
    JobFactory()
    html = mod_client.get("/admin/").content.decode()
    assert "Job board" in html
    assert "2 jobs wait for review." in html
    assert "In review</a>: 2" in html and "Approved</a>: 1" in html
    assert f"/admin/jobs-moderation/{queued.pk}/" in html
    assert "Review queue" in html and "/admin/snippets/jobs/job/?status=review" in html


def test_review_queue_filters_by_status_and_text(mod_client, queued):
    JobFactory(job_title="Approved Flask Dev")
    JobFactory(status=Job.Status.REVIEW, job_title="Queued Data Scientist")
    html = mod_client.get("/admin/snippets/jobs/job/?status=review").content.decode()
    assert "Queued Django Dev" in html and "Queued Data Scientist" in html and "Approved Flask Dev" not in html
    html = mod_client.get("/admin/snippets/jobs/job/?status=review&q=django").content.decode()
    assert "Queued Django Dev" in html and "Queued Data Scientist" not in html
    assert f"/admin/jobs-moderation/{queued.pk}/" in html  # the Review button


def test_review_page_shows_preview_history_and_actions(mod_client, queued):
    queued.history.create(action="submitted", from_status="draft", to_status="review", actor=queued.creator)
    response = mod_client.get(f"/admin/jobs-moderation/{queued.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'src="/admin/jobs-moderation/{queued.pk}/preview/"' in html
    for label in ("Approve", "Reject", "Request changes", "Remove", "History", "submitted"):
        assert label in html
    assert "Feature" not in html
    preview = mod_client.get(f"/admin/jobs-moderation/{queued.pk}/preview/")
    assert preview.status_code == 200 and "Queued Django Dev" in preview.content.decode()


def test_snippet_edit_view_has_the_side_by_side_preview(mod_client, queued):
    response = mod_client.get(f"/admin/snippets/jobs/job/edit/{queued.pk}/")
    assert response.status_code == 200
    assert "preview" in response.content.decode().lower()
    preview = mod_client.post(f"/admin/snippets/jobs/job/preview/{queued.pk}/", {})
    assert preview.status_code == 200


def test_approve_publishes_and_emails_the_submitter(mod_client, queued, moderator):
    response = mod_client.post(f"/admin/jobs-moderation/{queued.pk}/approve/", {"comment": "Welcome aboard"})
    assert response.status_code == 302
    queued.refresh_from_db()
    assert queued.status == Job.Status.APPROVED and queued.expires
    entry = queued.history.get()
    assert (entry.actor, entry.from_status, entry.to_status, entry.comment) == (
        moderator,
        "review",
        "approved",
        "Welcome aboard",
    )
    sent = [(m.to, m.subject) for m in mail.outbox]
    assert sent == [(["visitor@example.com"], "Your job is live: Queued Django Dev")]
    assert "Welcome aboard" in mail.outbox[0].body and f"/jobs/{queued.pk}/" in mail.outbox[0].body


def test_reject_needs_a_reason_and_sends_it(mod_client, queued):
    response = mod_client.post(f"/admin/jobs-moderation/{queued.pk}/reject/", {"comment": ""}, follow=True)
    assert "needs a comment" in response.content.decode()
    queued.refresh_from_db()
    assert queued.status == Job.Status.REVIEW and not mail.outbox
    mod_client.post(f"/admin/jobs-moderation/{queued.pk}/reject/", {"comment": "No employer named."})
    queued.refresh_from_db()
    assert queued.status == Job.Status.REJECTED
    assert mail.outbox[0].subject == "Your job was not accepted: Queued Django Dev"
    assert "No employer named." in mail.outbox[0].body


def test_request_changes_returns_a_draft_and_emails(mod_client, queued):
    mod_client.post(f"/admin/jobs-moderation/{queued.pk}/request_changes/", {"comment": "Add a salary range."})
    queued.refresh_from_db()
    assert queued.status == Job.Status.DRAFT
    assert mail.outbox[0].subject == "Changes requested: Queued Django Dev"
    assert "Add a salary range." in mail.outbox[0].body


@pytest.mark.parametrize(
    ("start", "action", "expected"),
    [
        ({"status": Job.Status.APPROVED}, "archive", {"status": Job.Status.ARCHIVED}),
        ({"status": Job.Status.APPROVED}, "remove", {"status": Job.Status.REMOVED}),
        ({"status": Job.Status.APPROVED}, "feature", {"is_featured": True}),
        ({"status": Job.Status.APPROVED, "is_featured": True}, "unfeature", {"is_featured": False}),
    ],
)
def test_other_moderator_actions(mod_client, db, start, action, expected):
    job = JobFactory(**start)
    mod_client.post(f"/admin/jobs-moderation/{job.pk}/{action}/", {"comment": ""})
    job.refresh_from_db()
    for field, value in expected.items():
        assert getattr(job, field) == value
    assert job.history.get().action == {"archive": "archived", "remove": "removed", "feature": "featured",
                                        "unfeature": "unfeatured"}[action]  # fmt: skip


def test_a_refused_transition_says_why_and_changes_nothing(mod_client, db):
    job = JobFactory(status=Job.Status.REJECTED)
    response = mod_client.post(f"/admin/jobs-moderation/{job.pk}/approve/", {}, follow=True)
    assert "cannot be approved" in response.content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.REJECTED and not job.history.exists()


def test_unknown_action_changes_nothing(mod_client, queued):
    response = mod_client.post(f"/admin/jobs-moderation/{queued.pk}/explode/", {}, follow=True)
    assert response.status_code == 200 and "Unknown action" in response.content.decode()
    queued.refresh_from_db()
    assert queued.status == Job.Status.REVIEW


def test_moderator_comment_reaches_the_submitter(mod_client, queued, moderator):
    mod_client.post(f"/admin/jobs-moderation/{queued.pk}/comment/", {"body": "Is this role remote?"})
    comment = JobReviewComment.objects.get()
    assert (comment.author, comment.from_moderator) == (moderator, True)
    assert mail.outbox[0].to == ["visitor@example.com"] and "Is this role remote?" in mail.outbox[0].body


def test_job_board_admins_may_moderate(client, queued):
    admin = UserFactory(username="jobadmin", is_staff=True)
    admin.groups.add(Group.objects.get(name=JOB_BOARD_ADMINS))
    client.force_login(admin)
    client.post(f"/admin/jobs-moderation/{queued.pk}/approve/", {})
    queued.refresh_from_db()
    assert queued.status == Job.Status.APPROVED


def test_editors_and_visitors_cannot_moderate(client, queued, editor, user):
    client.force_login(editor)
    # Staff without the permission are sent back to the dashboard (Wagtail's way); others get a 403.
    assert client.get(f"/admin/jobs-moderation/{queued.pk}/")["Location"] == "/admin/"
    assert client.post(f"/admin/jobs-moderation/{queued.pk}/approve/", {})["Location"] == "/admin/"
    client.force_login(user)
    assert client.post(f"/admin/jobs-moderation/{queued.pk}/approve/", {}).status_code == 403
    queued.refresh_from_db()
    assert queued.status == Job.Status.REVIEW


def test_missing_job_is_404_for_moderators(mod_client, db):
    assert mod_client.get("/admin/jobs-moderation/999999/").status_code == 404


def test_admin_edit_form_cannot_change_the_state(mod_client, queued):
    form = mod_client.get(f"/admin/snippets/jobs/job/edit/{queued.pk}/").content.decode()
    assert 'name="job_title"' in form and 'name="status"' not in form and 'name="is_featured"' not in form


def test_a_new_job_previews_in_the_admin_before_it_is_saved(client, engineer):
    job_admin = UserFactory(username="jobadmin", is_staff=True)
    job_admin.groups.add(Group.objects.get(name=JOB_BOARD_ADMINS))
    client.force_login(job_admin)
    data = {
        "job_title": "Unsaved preview", "company_name": "Camelot", "category": engineer.pk, "city": "Oslo",
        "country": "Norway", "description": "Fresh **job**", "requirements": "Python", "email": "a@example.com",
    }  # fmt: skip
    assert client.post("/admin/snippets/jobs/job/preview/", data).json()["is_valid"]
    html = client.get("/admin/snippets/jobs/job/preview/").content.decode()
    assert "Unsaved preview" in html and "<strong>job</strong>" in html
    assert not Job.objects.exists()
