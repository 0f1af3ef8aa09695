"""Submitters: create a draft, preview, edit, submit, withdraw, renew, reply; spam resistance and bad input."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.jobs.models import Job, JobHistory, JobReviewComment
from tests.factories import UserFactory
from tests.jobs.conftest import job_form_data
from tests.jobs.factories import JobFactory


@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


def test_posting_needs_an_account(client, db):
    response = client.get("/jobs/create/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_create_saves_a_draft_and_shows_its_preview(logged_in, user, engineer, web):
    response = logged_in.post("/jobs/create/", job_form_data(engineer, job_types=[web.pk]))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/preview/"
    assert (job.status, job.creator, job.location_slug) == (Job.Status.DRAFT, user, "amsterdam-netherlands")
    assert list(job.job_types.all()) == [web]
    preview = logged_in.get(response["Location"]).content.decode()
    assert "Preview: this is how the job will appear" in preview
    assert "<strong>Django</strong>" in preview and "Submit for review" in preview
    assert preview.count("<h1") == 1
    assert client_sees_nothing_public(job)


def client_sees_nothing_public(job):
    from django.test import Client

    return Client().get(f"/jobs/{job.pk}/").status_code == 404


UNSAFE = "Scripts, frames, forms and event handlers are not allowed"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"job_title": ""}, "This field is required."),
        ({"job_title": "   "}, "This field is required."),
        ({"job_title": "x" * 101}, "at most 100 characters"),
        ({"description": "x" * 10_001}, "at most 10000 characters"),
        ({"description": "Hi <script>alert(1)</script>"}, UNSAFE),
        ({"requirements": "[click](javascript:alert(1))"}, UNSAFE),
        ({"requirements": '<img src=x onerror="alert(1)">'}, UNSAFE),
        ({"url": "not a url"}, "Enter a valid URL."),
        ({"url": "ftp://example.com/apply"}, "Enter a valid URL."),
        ({"company_url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"email": ""}, "This field is required."),
        ({"category": "999999"}, "Select a valid choice."),
        ({"category": "abc"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(logged_in, engineer, overrides, message):
    response = logged_in.post("/jobs/create/", job_form_data(engineer, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert not Job.objects.exists()


def test_honeypot_refuses_bots(logged_in, engineer):
    response = logged_in.post("/jobs/create/", job_form_data(engineer, fax_number="555-1234"))
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not Job.objects.exists()


def test_submissions_are_rate_limited(logged_in, user, engineer, settings):
    settings.JOBS_SUBMISSIONS_PER_DAY = 2
    for _ in range(2):
        assert logged_in.post("/jobs/create/", job_form_data(engineer)).status_code == 302
    response = logged_in.post("/jobs/create/", job_form_data(engineer))
    assert response.status_code == 429
    assert "Please try again tomorrow" in response.content.decode()
    assert Job.objects.count() == 2


def test_submit_sends_the_job_to_review_and_tells_the_moderators(logged_in, user, settings):
    settings.JOBS_MODERATORS_EMAIL = "jobs-mods@example.com"
    job = JobFactory(creator=user, status=Job.Status.DRAFT)
    response = logged_in.post(f"/jobs/{job.pk}/submit/")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["jobs-mods@example.com"], f"Job submitted: {job.job_title} at Snakebyte Labs")
    ]
    assert f"/admin/jobs-moderation/{job.pk}/" in mail.outbox[0].body


def test_a_new_account_always_goes_through_review(logged_in, user):
    for _ in range(5):
        JobFactory(creator=user)  # even with approved jobs on record
    job = JobFactory(creator=user, status=Job.Status.DRAFT)
    logged_in.post(f"/jobs/{job.pk}/submit/")
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW


def test_an_old_account_with_a_clean_record_is_approved_directly(client, db):
    veteran = UserFactory(username="veteran", date_joined=timezone.now() - timedelta(days=400))
    for _ in range(3):
        JobFactory(creator=veteran)
    job = JobFactory(creator=veteran, status=Job.Status.DRAFT, published_at=None)
    client.force_login(veteran)
    client.post(f"/jobs/{job.pk}/submit/")
    job.refresh_from_db()
    assert job.status == Job.Status.APPROVED
    assert [entry.actor for entry in job.history.filter(action="approved")] == [None]
    assert [m.subject for m in mail.outbox] == [f"Your job is live: {job.job_title}"]


def test_a_record_with_a_removed_job_goes_through_review(client, db):
    veteran = UserFactory(username="veteran", date_joined=timezone.now() - timedelta(days=400))
    for _ in range(3):
        JobFactory(creator=veteran)
    JobFactory(creator=veteran, status=Job.Status.REMOVED)
    job = JobFactory(creator=veteran, status=Job.Status.DRAFT)
    client.force_login(veteran)
    client.post(f"/jobs/{job.pk}/submit/")
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW


def test_owner_edits_a_draft(logged_in, user, engineer):
    job = JobFactory(creator=user, status=Job.Status.DRAFT, category=engineer)
    response = logged_in.post(f"/jobs/{job.pk}/edit/", job_form_data(engineer, job_title="Renamed"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.job_title, job.status) == ("Renamed", Job.Status.DRAFT)


def test_editing_an_approved_job_sends_it_back_to_review(logged_in, user, engineer):
    job = JobFactory(creator=user, category=engineer)
    assert logged_in.get(f"/jobs/{job.pk}/edit/").status_code == 200
    logged_in.post(f"/jobs/{job.pk}/edit/", job_form_data(engineer, job_title="Changed after approval"))
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW
    assert job.history.get().action == "edited after approval"
    assert [m.subject for m in mail.outbox] == ["Job submitted: Changed after approval at Parrot Robotics"]
    from django.test import Client

    assert Client().get(f"/jobs/{job.pk}/").status_code == 404


@pytest.mark.parametrize("status", [Job.Status.REJECTED, Job.Status.REMOVED, Job.Status.EXPIRED])
def test_jobs_past_review_cannot_be_edited(logged_in, user, engineer, status):
    job = JobFactory(creator=user, status=status, category=engineer)
    response = logged_in.post(f"/jobs/{job.pk}/edit/", job_form_data(engineer, job_title="Sneaky"))
    assert response.status_code == 409
    assert "can no longer be edited" in response.content.decode()
    job.refresh_from_db()
    assert job.job_title != "Sneaky"


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", "edit/"), ("post", "edit/"), ("get", "preview/"), ("post", "submit/"), ("post", "withdraw/"),
     ("get", "renew/"), ("post", "renew/"), ("post", "comment/")],
)  # fmt: skip
def test_someone_elses_job_is_404_and_unchanged(logged_in, engineer, method, suffix):
    job = JobFactory(status=Job.Status.DRAFT, category=engineer, job_title="Not yours")
    response = getattr(logged_in, method)(f"/jobs/{job.pk}/{suffix}", job_form_data(engineer, body="hi"))
    assert response.status_code == 404
    job.refresh_from_db()
    assert (job.status, job.job_title) == (Job.Status.DRAFT, "Not yours")
    assert not JobReviewComment.objects.exists()


def test_withdraw(logged_in, user):
    job = JobFactory(creator=user)
    logged_in.post(f"/jobs/{job.pk}/withdraw/")
    job.refresh_from_db()
    assert job.status == Job.Status.WITHDRAWN
    second = logged_in.post(f"/jobs/{job.pk}/withdraw/")
    assert second.status_code == 409
    assert "cannot be withdrawn" in second.content.decode()


def test_submit_twice_is_refused(logged_in, user):
    job = JobFactory(creator=user, status=Job.Status.REVIEW)
    response = logged_in.post(f"/jobs/{job.pk}/submit/")
    assert response.status_code == 409
    assert JobHistory.objects.count() == 0


def test_renew_from_the_reminder_link_sends_the_job_back_to_review(logged_in, user, settings):
    settings.JOBS_MODERATORS_EMAIL = "jobs-mods@example.com"
    job = JobFactory(creator=user, expires=timezone.now() + timedelta(days=3))
    page = logged_in.get(f"/jobs/{job.pk}/renew/")
    assert page.status_code == 200 and "back to the moderators" in page.content.decode()
    assert "Renew</a>" in logged_in.get("/jobs/mine/").content.decode()
    response = logged_in.post(f"/jobs/{job.pk}/renew/")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW
    assert [m.to for m in mail.outbox] == [["jobs-mods@example.com"]]


def test_an_approved_job_cannot_be_renewed_long_before_it_expires(logged_in, user):
    job = JobFactory(creator=user, expires=timezone.now() + timedelta(days=60))
    assert "Renew</a>" not in logged_in.get("/jobs/mine/").content.decode()
    page = logged_in.get(f"/jobs/{job.pk}/renew/").content.decode()
    assert "You can renew it from" in page and "<form" not in page.split("page-title")[1].split("</article>")[0]
    response = logged_in.post(f"/jobs/{job.pk}/renew/")
    assert response.status_code == 409 and "can be renewed from" in response.content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.APPROVED and not mail.outbox and not JobHistory.objects.exists()


def test_the_owner_reads_the_rejection_reason_on_the_site(logged_in, user):
    job = JobFactory(creator=user, status=Job.Status.REVIEW)
    job.reject(None, "Please name the employer; agencies must say who they recruit for.")
    mine = logged_in.get("/jobs/mine/").content.decode()
    assert "Please name the employer; agencies must say who they recruit for." in mine
    preview = logged_in.get(f"/jobs/{job.pk}/preview/").content.decode()
    assert "Please name the employer; agencies must say who they recruit for." in preview


def test_the_account_menu_links_to_your_jobs(client, user):
    client.force_login(user)
    menu = client.get("/users/menu/").content.decode()
    assert 'href="/jobs/mine/"' in menu and "Your jobs" in menu


def test_renewing_an_expired_job_puts_it_back_in_review(logged_in, user):
    job = JobFactory(creator=user, status=Job.Status.EXPIRED)
    logged_in.post(f"/jobs/{job.pk}/renew/")
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW
    assert len(mail.outbox) == 1


def test_submitter_answers_a_moderator_comment(logged_in, user, settings):
    settings.JOBS_MODERATORS_EMAIL = "jobs-mods@example.com"
    job = JobFactory(creator=user, status=Job.Status.REVIEW)
    JobReviewComment.objects.create(job=job, body="Which city?", from_moderator=True)
    page = logged_in.get(f"/jobs/{job.pk}/preview/").content.decode()
    assert "Which city?" in page
    logged_in.post(f"/jobs/{job.pk}/comment/", {"body": "Amsterdam, hybrid."})
    reply = JobReviewComment.objects.get(from_moderator=False)
    assert (reply.author, reply.body) == (user, "Amsterdam, hybrid.")
    assert mail.outbox[0].to == ["jobs-mods@example.com"] and "Amsterdam, hybrid." in mail.outbox[0].body


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_empty_or_huge_replies_are_refused(logged_in, user, body):
    job = JobFactory(creator=user, status=Job.Status.REVIEW)
    response = logged_in.post(f"/jobs/{job.pk}/comment/", {"body": body})
    assert response.status_code == 400
    assert not JobReviewComment.objects.exists() and not mail.outbox


def test_my_jobs_lists_the_users_jobs_with_status(logged_in, user):
    JobFactory(creator=user, job_title="Mine approved")
    JobFactory(creator=user, job_title="Mine draft", status=Job.Status.DRAFT)
    JobFactory(job_title="Somebody else's")
    html = logged_in.get("/jobs/mine/").content.decode()
    assert "Mine approved" in html and "Mine draft" in html and "Draft" in html and "Approved" in html
    assert "Somebody else" not in html
