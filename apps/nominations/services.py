"""What happens around a nomination's transitions: the emails they send.

Views and admin views call these, so a transition sends the same mail wherever it starts. The CDN
purge follows every save through ``apps.nominations.signals``.
"""

from django.conf import settings
from django.urls import reverse

from apps.mailing.emails import send_templated_email
from apps.nominations.models import Nominee, verified_emails

NOMINATED = "nominations-nominated"
RECEIVED = "nominations-received"
ACCEPTED = "nominations-accepted"
DECLINED = "nominations-declined"
TO_REVIEW = "nominations-to-review"
APPROVED = "nominations-approved"
REJECTED = "nominations-rejected"


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def staff_email():
    return getattr(settings, "NOMINATIONS_STAFF_EMAIL", "psf-elections@python.org")


def email_context(nomination, **extra):
    return {
        "nomination": nomination,
        "election": nomination.election,
        "nominee_name": nomination.name,
        "nominator_name": nomination.nominator.get_full_name() or nomination.nominator.username
        if nomination.nominator
        else "",
        "accept_url": site_url(reverse("nominations:nomination_accept", args=[nomination.pk])),
        "nomination_url": site_url(nomination.get_absolute_url()),
        "election_url": site_url(nomination.election.get_absolute_url()),
        "my_nominations_url": site_url(reverse("nominations:mine")),
        "review_url": site_url(reverse("nominations_admin:review", args=[nomination.pk])),
        **extra,
    }


def nominator_email(nomination):
    return nomination.nominator.email if nomination.nominator and nomination.nominator.email else ""


def create(nomination, by):
    """Save a new nomination for its election's nominee; a self-nomination is accepted at once."""
    nomination.nominee = Nominee.for_email(nomination.election, nomination.name, nomination.email)
    nomination.nominator = by
    nomination.email = nomination.email.strip().lower()
    self_nomination = nomination.email in verified_emails(by)
    nomination.save()
    if self_nomination:
        nomination.accept(by)
        send_templated_email(TO_REVIEW, [staff_email()], email_context(nomination))
    else:
        send_templated_email(RECEIVED, [nomination.email], email_context(nomination))
    if recipient := nominator_email(nomination):
        send_templated_email(NOMINATED, [recipient], email_context(nomination, self_nomination=self_nomination))
    return nomination


def accept(nomination, user):
    nomination.accept(user)
    if recipient := nominator_email(nomination):
        send_templated_email(ACCEPTED, [recipient], email_context(nomination))
    send_templated_email(TO_REVIEW, [staff_email()], email_context(nomination))


def decline(nomination, user):
    nomination.decline(user)
    if recipient := nominator_email(nomination):
        send_templated_email(DECLINED, [recipient], email_context(nomination))


def _notify_both(key, nomination, **extra):
    # One email each: the nominee and the nominator need not see each other's address in the header.
    for recipient in dict.fromkeys(filter(None, [nomination.email, nominator_email(nomination)])):
        send_templated_email(key, [recipient], email_context(nomination, **extra))


def approve(nomination, by, note=""):
    nomination.approve(by, note)
    _notify_both(APPROVED, nomination, note=note)


def reject(nomination, by, note=""):
    nomination.reject(by, note)
    _notify_both(REJECTED, nomination, note=note)
