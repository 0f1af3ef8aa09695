"""The site's one way to send email: database templates, delivered through the mail queue, each logged.

``send_templated_email(key, to, context)`` renders the ``EmailTemplate`` staff edit in the admin;
``send_email(to, subject, body)`` queues a message as it is. Every call leaves an ``EmailLog`` row:
queued, then sent or failed (a failed delivery raises, so the RQ worker retries it; see
``TASKS["default"]["OPTIONS"]["RETRY"]``). A missing or inactive template, or one that fails to
render, is logged and sends nothing; it never raises into the caller's request.

Attachments travel as references to files in the default storage (``{"name", "path", "mimetype"}``), so
the queued job stays small and a resend attaches the same files.
"""

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage

from apps.core.tasks import enqueue, task
from apps.mailing.models import EmailLog, EmailTemplate

logger = logging.getLogger(__name__)


def _recipients(to):
    return [to] if isinstance(to, str) else list(to)


def send_email(to, subject, body, *, template_key="", reply_to=None, attachments=()):
    """Queue one plain-text email once the current transaction commits (see ``apps.core.tasks.enqueue``).

    ``attachments``: files in the default storage, ``[{"name": "contract.pdf", "path": ..., "mimetype": ...}]``.
    Returns the TaskResult, or None while the email waits for the commit.
    """
    recipients = _recipients(to)
    attachments = [dict(attachment) for attachment in attachments]
    log = EmailLog.objects.create(
        template_key=template_key, to=", ".join(recipients), subject=subject[:255], body=body,
        reply_to=list(reply_to or []), attachments=attachments, status=EmailLog.Status.QUEUED,
    )  # fmt: skip
    return enqueue(deliver_email, recipients, subject, body, template_key, list(reply_to or []), log_id=log.pk,
                   attachments=attachments)  # fmt: skip


def send_templated_email(key, to, context, *, reply_to=None, attachments=()):
    """Render the database template ``key`` and queue it; a missing, inactive or broken template is logged, not sent."""
    recipients = _recipients(to)
    template = EmailTemplate.objects.filter(key=key).first()
    if template is None or not template.is_active:
        reason = "has no email template" if template is None else "has an inactive email template"
        logger.warning("Email %s %s; nothing sent to %s.", key, reason, recipients)
        log_unsent(key, recipients, f"“{key}” {reason}; nothing was sent.")
        return None
    try:
        subject, body = template.render(context)
    except Exception as error:  # A template staff edited may fail at render time; the caller's request goes on.
        logger.exception("Email template %s failed to render; nothing sent.", key)
        log_unsent(
            key, recipients, f"The template failed to render: {type(error).__name__}: {error}", EmailLog.Status.FAILED
        )
        return None
    return send_email(recipients, subject, body, template_key=key, reply_to=reply_to, attachments=attachments)


def log_unsent(key, recipients, reason, status=EmailLog.Status.SKIPPED):
    return EmailLog.objects.create(template_key=key, to=", ".join(recipients), status=status, error=reason)


def resend(log):
    """Queue a failed email again with the same recipients and content; the same log row records the outcome."""
    log.status, log.error = EmailLog.Status.QUEUED, ""
    log.save(update_fields=["status", "error"])
    return enqueue(deliver_email, log.recipients, log.subject, log.body, log.template_key, log.reply_to,
                   log_id=log.pk, attachments=log.attachments)  # fmt: skip


def attach_files(message, attachments):
    for attachment in attachments:
        with default_storage.open(attachment["path"], "rb") as file:
            message.attach(attachment["name"], file.read(), attachment.get("mimetype"))


@task(queue_name="mail")
def deliver_email(recipients, subject, body, template_key="", reply_to=(), log_id=None, attachments=()):
    log = EmailLog.objects.filter(pk=log_id).first() if log_id else None
    if log is None:  # queued by an older release, or its row was rolled back with the caller's transaction
        log = EmailLog.objects.create(
            template_key=template_key, to=", ".join(recipients), subject=subject[:255], body=body,
            attachments=list(attachments), status=EmailLog.Status.QUEUED,
        )  # fmt: skip
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, reply_to=list(reply_to))
    try:
        attach_files(message, attachments)
        message.send()
    except Exception as error:  # SMTP failures: record them, then let RQ retry, and finally fail, the job.
        log.record_attempt(error)
        logger.warning("Email %s to %s failed (attempt %s): %s", template_key, recipients, log.attempts, error)
        raise
    log.record_attempt()
    return len(recipients)
