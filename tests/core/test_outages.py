"""Redis unreachable: every page still renders from the database, actions complete, /_health says 503.

Also: background work waits for the commit, and a job whose worker is killed mid-job runs again.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import django_rq
import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import override_settings
from rq.registry import StartedJobRegistry

from apps.core.tasks import enqueue, task
from apps.events.models import Event
from apps.jobs.models import Job
from apps.mailing.emails import send_email
from apps.mailing.models import EmailLog
from tests.downloads.factories import DownloadsIndexPageFactory
from tests.events.test_submission import form_data as event_form
from tests.jobs.conftest import job_form_data

pytestmark = pytest.mark.django_db
DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1
BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def redis_down():
    caches = {"default": {"BACKEND": "apps.core.cache_backends.FaultTolerantRedisCache", "LOCATION": DOWN}}
    tasks = {"default": {"BACKEND": "apps.core.task_backends.ResilientRQBackend", "QUEUES": settings.RQ_QUEUE_NAMES}}
    queues = {name: {"URL": DOWN, "DEFAULT_TIMEOUT": 5} for name in settings.RQ_QUEUE_NAMES}
    with override_settings(CACHES=caches, TASKS=tasks, RQ_QUEUES=queues):
        yield


def test_every_kind_of_page_renders_without_redis(client, home_page, superuser, redis_down):
    DownloadsIndexPageFactory(parent=home_page)
    for path in ("/", "/downloads/", "/jobs/", "/events/", "/search/?q=python", "/accounts/login/",
                 "/api/v2/downloads/release/", "/api/v1/downloads/os/"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_the_queue_dashboard_says_the_queue_is_unreachable(client, superuser, redis_down):
    client.force_login(superuser)
    for path in ("/django-rq/", "/django-admin/django_rq/dashboard/"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert "The task queue is unreachable right now" in response.content.decode()


@pytest.fixture
def rate_limited():
    from pydotorg.settings import base

    with override_settings(ACCOUNT_RATE_LIMITS=base.ACCOUNT_RATE_LIMITS):
        yield


def test_sign_in_sign_up_and_password_reset_work_without_redis(client, home_page, redis_down, rate_limited):
    from tests.users.factories import PASSWORD, verified_user

    user = verified_user(username="brian", email="brian@example.com", password=PASSWORD)
    response = client.post("/accounts/login/", {"login": "brian", "password": PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
    client.logout()
    response = client.post("/accounts/password/reset/", {"email": "brian@example.com"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/password/reset/done/")
    data = {"username": "newcomer", "email": "newcomer@example.com", "password1": "Monty-42-spam!",
            "password2": "Monty-42-spam!"}  # fmt: skip
    response = client.post("/accounts/signup/", data)
    assert (response.status_code, response["Location"]) == (302, "/accounts/confirm-email/")
    assert sorted(message.to[0] for message in mail.outbox) == ["brian@example.com", "newcomer@example.com"]


def test_health_is_503_and_names_the_cache_when_redis_is_down(client, redis_down):
    response = client.get("/_health")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"]["ok"] and not checks["cache"]["ok"] and not checks["queue"]["ok"]


def test_a_job_is_submitted_and_moderators_emailed_without_redis(client, user, engineer, redis_down):
    client.force_login(user)
    response = client.post("/jobs/create/", job_form_data(engineer))
    assert response.status_code == 302
    job = Job.objects.get()
    assert client.post(f"/jobs/{job.pk}/submit/").status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.REVIEW
    assert [m.subject for m in mail.outbox] == [f"Job submitted: {job.job_title} at Parrot Robotics"]


def test_an_event_submission_is_kept_and_acknowledged_without_redis(client, user, python_events, redis_down):
    client.force_login(user)
    response = client.post("/events/submit/", event_form(calendar=python_events.pk))
    assert response.status_code == 302
    assert Event.objects.get().status == Event.Status.PENDING
    assert len(mail.outbox) == 1


@pytest.fixture
def python_events(db):
    from tests.events.factories import CalendarFactory

    return CalendarFactory(slug="python-events", name="Python Events")


@pytest.fixture
def engineer(db):
    from tests.jobs.factories import JobCategoryFactory

    return JobCategoryFactory(name="Software Engineer", slug="software-engineer")


SEEN = []


@task()
def remember(value):
    SEEN.append(value)


def test_work_enqueued_in_a_transaction_waits_for_the_commit(db, django_capture_on_commit_callbacks):
    SEEN.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        assert enqueue(remember, "later") is None
        assert SEEN == []
    assert SEEN == ["later"]


def test_work_enqueued_in_a_rolled_back_transaction_never_runs(db):
    SEEN.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(remember, "never")
        raise RuntimeError
    assert SEEN == []


def test_mail_enqueued_in_a_transaction_goes_to_the_queue_after_commit(rq_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_email("guido@example.com", "Welcome", "Hello")
        assert rq_queue.count("mail") == 0
    assert rq_queue.count("mail") == 1


def test_a_resent_email_goes_to_the_queue_after_commit(rq_queue, django_capture_on_commit_callbacks):
    from apps.mailing.emails import resend

    log = EmailLog.objects.create(
        to="guido@example.com", subject="Welcome", body="Hello", status=EmailLog.Status.FAILED
    )
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        resend(log)
        assert rq_queue.count("mail") == 0
    assert rq_queue.count("mail") == 1


def test_jobs_carry_the_retry_policy(rq_queue):
    result = send_email("guido@example.com", "Welcome", "Hello")
    job = django_rq.get_queue("mail").fetch_job(result.id)
    assert job.retries_left == settings.TASKS_RETRY["max"]
    assert job.retry_intervals == settings.TASKS_RETRY["interval"]


def test_failed_mail_is_retried(rq_queue, settings):
    settings.TASKS_RETRY = {"max": 2, "interval": [0]}
    settings.MAILERS = {"default": {"BACKEND": "tests.core.test_outages.FailingBackend"}}
    result = send_email("guido@example.com", "Welcome", "Hello")
    rq_queue.run_worker()
    job = django_rq.get_queue("mail").fetch_job(result.id)
    # Three attempts in all (the first and two retries), counted on the send's log row, then the failed registry.
    log = EmailLog.objects.get()
    assert (log.status, log.attempts) == (EmailLog.Status.FAILED, 3)
    assert job.get_status() == "failed"


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@task()
def slow_then_done(marker):
    """First run: says it started, then works for a long time. A later run finishes at once."""
    path = Path(marker)
    if not path.exists():
        path.write_text("started")
        time.sleep(60)
    path.write_text("done")
    return "done"


def test_a_job_whose_worker_is_killed_mid_job_runs_again(rq_queue, tmp_path, settings):
    settings.TASKS_RETRY = {"max": 2, "interval": [0]}
    marker = tmp_path / "marker"
    result = enqueue(slow_then_done, str(marker))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.test", "REDIS_URL": os.environ["REDIS_URL"]}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job", "default"],
        cwd=BASE_DIR, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert marker.read_text() == "started"
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # the worker and its work horse, as when a machine dies
        worker.wait()
    queue = django_rq.get_queue("default")
    registry = StartedJobRegistry(queue=queue)
    # Once the dead worker's heartbeat lapses (at most job_monitoring_interval + 60 s), a worker's
    # maintenance pass finds the abandoned job; look from that moment.
    registry.cleanup(timestamp=time.time() + 3600)
    assert queue.fetch_job(result.id).get_status() == "queued"
    rq_queue.run_worker()
    assert marker.read_text() == "done"
    assert queue.fetch_job(result.id).get_status() == "finished"
