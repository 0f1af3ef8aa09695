"""The state machine: every transition from every state, allowed or refused, and its history row."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.jobs.models import Job, JobHistory, TransitionNotAllowed
from tests.factories import UserFactory
from tests.jobs.factories import JobFactory

S = Job.Status
ALL = list(S)
# transition -> (states it may start from, the state it leads to; None = stays where it is)
EDGES = {
    "submit": ([S.DRAFT], S.REVIEW),
    "approve": ([S.REVIEW], S.APPROVED),
    "reject": ([S.REVIEW], S.REJECTED),
    "request_changes": ([S.REVIEW], S.DRAFT),
    "return_to_review": ([S.APPROVED], S.REVIEW),
    "withdraw": ([S.DRAFT, S.REVIEW, S.APPROVED], S.WITHDRAWN),
    "archive": ([S.APPROVED, S.EXPIRED], S.ARCHIVED),
    "remove": ([s for s in ALL if s != S.REMOVED], S.REMOVED),
    "expire": ([S.APPROVED], S.EXPIRED),
    "renew": ([S.EXPIRED], S.REVIEW),  # an approved job only near its expiry: see the tests below
    "feature": ([S.APPROVED], S.APPROVED),
    "unfeature": ([S.APPROVED], S.APPROVED),
}
CASES = [(name, status) for name in EDGES for status in ALL]


def call(job, name, actor):
    method = getattr(job, name)
    if name in ("reject", "request_changes"):
        return method(actor, "Please name the employer.")
    return method(actor)


@pytest.mark.parametrize(("name", "status"), CASES, ids=[f"{n}-from-{s}" for n, s in CASES])
def test_each_transition_is_allowed_only_from_its_states(db, name, status):
    actor = UserFactory(username="mod")
    job = JobFactory(status=status, is_featured=(name == "unfeature"))
    allowed, target = EDGES[name]
    if status in allowed:
        entry = call(job, name, actor)
        job.refresh_from_db()
        expected = target or status
        assert job.status == expected
        assert (entry.from_status, entry.to_status, entry.actor) == (status, expected, actor)
        assert JobHistory.objects.filter(job=job).count() == 1
    else:
        with pytest.raises(TransitionNotAllowed):
            call(job, name, actor)
        job.refresh_from_db()
        assert job.status == status
        assert not JobHistory.objects.filter(job=job).exists()


def test_feature_twice_and_unfeature_of_a_plain_job_are_refused(db):
    job = JobFactory(is_featured=True)
    with pytest.raises(TransitionNotAllowed):
        job.feature(None)
    job.unfeature(None)
    with pytest.raises(TransitionNotAllowed):
        job.unfeature(None)
    assert JobHistory.objects.filter(job=job).count() == 1


def test_reject_and_request_changes_need_a_reason(db):
    job = JobFactory(status=S.REVIEW)
    with pytest.raises(ValueError):
        job.reject(None, "  ")
    with pytest.raises(ValueError):
        job.request_changes(None, "")
    job.refresh_from_db()
    assert job.status == S.REVIEW


def test_approval_sets_publication_and_expiry(db, settings):
    settings.JOBS_EXPIRY_DAYS = 30
    job = JobFactory(status=S.REVIEW, published_at=None, expires=None)
    job.approve(None)
    assert job.published_at is not None
    assert (job.expires - job.published_at).days == 30


def test_an_approved_job_is_renewed_only_near_expiry_and_through_review(db, settings):
    settings.JOBS_REMINDER_DAYS = 7
    settings.JOBS_EXPIRY_DAYS = 90
    job = JobFactory(expires=timezone.now() + timedelta(days=30), is_featured=True)
    with pytest.raises(TransitionNotAllowed):
        job.renew(None)
    job.refresh_from_db()
    assert job.status == S.APPROVED and not JobHistory.objects.filter(job=job).exists()

    job.expires = timezone.now() + timedelta(days=5)
    job.expiry_reminder_sent_at = timezone.now()
    job.save()
    assert job.can_renew
    job.renew(None)
    job.refresh_from_db()
    assert job.status == S.REVIEW and not job.is_live and not job.is_featured
    job.approve(None)
    assert job.expires > timezone.now() + timedelta(days=89) and job.expiry_reminder_sent_at is None


def test_removing_or_expiring_unfeatures(db):
    job = JobFactory(is_featured=True)
    job.expire()
    assert not job.is_featured
