"""Send email through the task queue, from database templates, and log each one."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage

from apps.core.tasks import enqueue, task
from apps.mailing.models import EmailLog, EmailTemplate

logger = logging.getLogger(__name__)


def send_email(to, subject, body, *, template_key="", reply_to=None):
    """Queue one plain-text email once the current transaction commits (see ``apps.core.tasks.enqueue``).

    Returns the TaskResult, or None while the email waits for the commit.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    return enqueue(deliver_email, recipients, subject, body, template_key, reply_to or [])


def send_templated_email(key, to, context, *, reply_to=None):
    """Render the database template ``key`` and queue it. Unknown or inactive keys are logged and skipped."""
    template = EmailTemplate.objects.active().filter(key=key).first()
    if template is None:
        logger.warning("Email template %s is missing or inactive; nothing sent.", key)
        return None
    subject, body = template.render(context)
    return send_email(to, subject, body, template_key=key, reply_to=reply_to)


@task(queue_name="mail")
def deliver_email(recipients, subject, body, template_key="", reply_to=()):
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, reply_to=list(reply_to))
    try:
        message.send()
    except Exception as error:  # SMTP failures: record them, then RQ retries the job (TASKS_RETRY).
        EmailLog.objects.create(
            template_key=template_key, to=", ".join(recipients), subject=subject, body=body,
            status=EmailLog.Status.FAILED, error=str(error),
        )  # fmt: skip
        raise
    EmailLog.objects.create(
        template_key=template_key, to=", ".join(recipients), subject=subject, body=body, status=EmailLog.Status.SENT
    )
    return len(recipients)
