"""Periodic commands: expiry (through a real RQ worker), reminders, the monthly report; dry runs; the schedule."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from apps.core.tasks import enqueue, run_command
from apps.jobs.models import Job, JobsReport
from apps.mailing.models import EmailLog
from tests.jobs.factories import JobFactory


def run(name, *args):
    out = StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def due(db, user):
    past = timezone.now() - timedelta(minutes=5)
    return JobFactory(creator=user, job_title="Old job", expires=past, is_featured=True)


def test_expire_jobs_on_a_real_rq_worker(rq_queue, due, client):
    fresh = JobFactory(job_title="Fresh job")
    queued_before = rq_queue.count("default")  # saving a job may queue Wagtail's reference-index update
    enqueue(run_command, "expire_jobs")
    assert rq_queue.count("default") == queued_before + 1
    due.refresh_from_db()
    assert due.status == Job.Status.APPROVED  # nothing happens until a worker runs
    rq_queue.run_worker()
    due.refresh_from_db()
    fresh.refresh_from_db()
    assert (due.status, due.is_featured, fresh.status) == (Job.Status.EXPIRED, False, Job.Status.APPROVED)
    assert due.history.get().to_status == "expired"
    assert [(m.to, m.subject) for m in mail.outbox] == [(["visitor@example.com"], "Your job has expired: Old job")]
    assert f"/jobs/{due.pk}/renew/" in mail.outbox[0].body
    assert EmailLog.objects.get().template_key == "jobs-expired"


def test_expire_jobs_dry_run_and_idempotence(due):
    assert "would expire" in run("expire_jobs", "--dry-run")
    due.refresh_from_db()
    assert due.status == Job.Status.APPROVED and not mail.outbox
    assert "1 job expired" in run("expire_jobs")
    assert "0 jobs expired" in run("expire_jobs")
    assert len(mail.outbox) == 1


def test_expiry_reminders_are_sent_once_with_a_renew_link(db, user, settings):
    settings.JOBS_REMINDER_DAYS = 7
    soon = JobFactory(creator=user, job_title="Ends soon", expires=timezone.now() + timedelta(days=5))
    JobFactory(job_title="Ends later", expires=timezone.now() + timedelta(days=30))
    JobFactory(job_title="Draft", status=Job.Status.DRAFT, expires=timezone.now() + timedelta(days=2))
    assert "would remind" in run("send_job_expiry_reminders", "--dry-run") and not mail.outbox
    assert "1 reminder sent" in run("send_job_expiry_reminders")
    assert "0 reminders sent" in run("send_job_expiry_reminders")
    assert [m.subject for m in mail.outbox] == ["Your job expires in 4 days: Ends soon"]
    assert f"/jobs/{soon.pk}/renew/" in mail.outbox[0].body
    soon.refresh_from_db()
    soon.renew(user)  # back to review; once approved again it is reminded at the end of its new period
    soon.approve(None)
    assert soon.expiry_reminder_sent_at is None


def test_monthly_report_is_sent_once_per_month(db, settings):
    settings.JOBS_MODERATORS_EMAIL = "jobs-mods@example.com"
    job = JobFactory(status=Job.Status.REVIEW)
    job.approve(None)
    JobFactory(status=Job.Status.REVIEW)
    month = timezone.localdate().strftime("%Y-%m")
    dry = run("send_jobs_report", "--month", month, "--dry-run")
    assert "Approved: 1" in dry and "Waiting for review: 1" in dry and not mail.outbox
    assert "sent to jobs-mods@example.com" in run("send_jobs_report", "--month", month)
    assert "already sent" in run("send_jobs_report", "--month", month)
    assert [m.to for m in mail.outbox] == [["jobs-mods@example.com"]]
    assert "Approved: 1" in mail.outbox[0].body
    assert JobsReport.objects.count() == 1


def test_report_defaults_to_the_previous_month_and_refuses_bad_months(db):
    from django.core.management.base import CommandError

    run("send_jobs_report")
    previous = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    assert JobsReport.objects.get().month == previous
    with pytest.raises(CommandError):
        run("send_jobs_report", "--month", "last-month")


def test_commands_are_in_the_schedule():
    from pydotorg.cron import SCHEDULE

    names = [name for name, _ in SCHEDULE]
    assert {"expire_jobs", "send_job_expiry_reminders", "send_jobs_report"} <= set(names)
