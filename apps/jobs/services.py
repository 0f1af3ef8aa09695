"""What happens around a transition: the emails it sends and the CDN purge.

Views, admin views and commands call these instead of the model methods so a
transition sends the same emails wherever it starts.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from apps.core.cache import bump_generation, purge_surrogate_keys
from apps.jobs.models import Job, JobReviewComment
from apps.mailing.emails import send_templated_email

logger = logging.getLogger(__name__)
SURROGATE_KEY = "jobs"
GENERATION_KEY = "jobs-generation"  # the homepage's latest-jobs section is cached under it
LOCATIONS_CACHE_KEY = "jobs:location-choices"


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def moderators_email():
    return getattr(settings, "JOBS_MODERATORS_EMAIL", "jobs@python.org")


def owner_email(job):
    return (job.creator.email if job.creator and job.creator.email else "") or job.email


def email_context(job, **extra):
    return {
        "job": job,
        "job_url": site_url(job.get_absolute_url()),
        "my_jobs_url": site_url(reverse("jobs:my_jobs")),
        "review_url": site_url(reverse("jobs_admin:moderate", args=[job.pk])),
        "renew_url": site_url(reverse("jobs:job_renew", args=[job.pk])),
        "owner": job.creator,
        **extra,
    }


def notify_owner(key, job, **extra):
    recipient = owner_email(job)
    if recipient:
        send_templated_email(key, [recipient], email_context(job, **extra))


def notify_moderators(key, job, **extra):
    send_templated_email(key, [moderators_email()], email_context(job, **extra))


def changed(job):
    """The public listing changed: purge the job pages from the CDN (a no-op without one) and our own cache."""
    cache.delete(LOCATIONS_CACHE_KEY)
    bump_generation(GENERATION_KEY)
    purge_surrogate_keys(SURROGATE_KEY, f"job-{job.pk}")


def is_trusted_submitter(user):
    """Old accounts with a record of approved jobs and nothing removed skip the queue; new accounts never do."""
    min_age = timedelta(days=getattr(settings, "JOBS_TRUSTED_ACCOUNT_DAYS", 90))
    min_approved = getattr(settings, "JOBS_TRUSTED_MIN_APPROVED_JOBS", 3)
    if not user.is_authenticated or user.date_joined > timezone.now() - min_age:
        return False
    history = Job.objects.filter(creator=user)
    if history.filter(status__in=[Job.Status.REMOVED, Job.Status.REJECTED]).exists():
        return False
    return history.filter(published_at__isnull=False).count() >= min_approved


def submit(job, by):
    job.submit(by)
    if is_trusted_submitter(by):
        job.approve(None, "Approved automatically: the submitter has a record of approved jobs.")
        notify_owner("jobs-approved", job)
        changed(job)
        return job
    notify_moderators("jobs-submitted", job)
    return job


def owner_edited(job, by):
    """Edits to an approved job go back to review; drafts and jobs in review stay where they are."""
    if job.status == Job.Status.APPROVED:
        job.return_to_review(by, "Edited by the submitter after approval.")
        notify_moderators("jobs-submitted", job)
        changed(job)


def withdraw(job, by):
    was_live = job.is_live
    job.withdraw(by, "Withdrawn by the submitter.")
    if was_live:
        changed(job)


def renew(job, by):
    was_live = job.is_live
    job.renew(by)
    notify_moderators("jobs-submitted", job)
    if was_live:
        changed(job)


def approve(job, by, comment=""):
    job.approve(by, comment)
    notify_owner("jobs-approved", job, comment=comment)
    changed(job)


def reject(job, by, reason):
    job.reject(by, reason)
    notify_owner("jobs-rejected", job, reason=reason)


def request_changes(job, by, comment):
    job.request_changes(by, comment)
    notify_owner("jobs-changes-requested", job, comment=comment)


def archive(job, by, comment=""):
    job.archive(by, comment)
    changed(job)


def remove(job, by, comment=""):
    job.remove(by, comment)
    changed(job)


def feature(job, by, comment=""):
    job.feature(by, comment)
    changed(job)


def unfeature(job, by, comment=""):
    job.unfeature(by, comment)
    changed(job)


def expire(job):
    job.expire(None, "Expired automatically.")
    notify_owner("jobs-expired", job)
    changed(job)


def send_expiry_reminder(job):
    notify_owner("jobs-expiring", job, days_left=max((job.expires - timezone.now()).days, 0))
    job.expiry_reminder_sent_at = timezone.now()
    job.save(update_fields=["expiry_reminder_sent_at", "updated"])


def add_comment(job, author, body, *, from_moderator):
    """Post a review comment and tell the other party."""
    comment = JobReviewComment.objects.create(job=job, author=author, body=body, from_moderator=from_moderator)
    if from_moderator:
        notify_owner("jobs-comment-to-submitter", job, comment=comment)
    else:
        notify_moderators("jobs-comment-to-moderators", job, comment=comment)
    return comment


# Moderator actions offered in the admin: name -> (service, needs a comment, label).
MODERATION_ACTIONS = {
    "approve": (approve, False, "Approve"),
    "reject": (reject, True, "Reject"),
    "request_changes": (request_changes, True, "Request changes"),
    "archive": (archive, False, "Archive"),
    "remove": (remove, False, "Remove"),
    "feature": (feature, False, "Feature"),
    "unfeature": (unfeature, False, "Unfeature"),
}


def available_actions(job):
    """The moderator actions that make sense for the job's state, for the buttons shown."""
    status = job.status
    actions = []
    if status == Job.Status.REVIEW:
        actions += ["approve", "reject", "request_changes"]
    if status == Job.Status.APPROVED:
        actions.append("unfeature" if job.is_featured else "feature")
    if status in (Job.Status.APPROVED, Job.Status.EXPIRED):
        actions.append("archive")
    if status != Job.Status.REMOVED:
        actions.append("remove")
    return actions
