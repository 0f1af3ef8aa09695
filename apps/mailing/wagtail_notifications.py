"""Wagtail's moderation emails (submitted, approved, rejected; comments on a page) from the site's database templates.

Wagtail renders these from file templates and sends them itself; here its notifiers keep choosing the
recipients (group members, the requester, each one's notification preferences) and the site's
``send_templated_email`` renders, queues and logs each message. ``connect()`` runs from ``MailingConfig.ready``.
"""

from django.conf import settings
from django.urls import reverse
from wagtail.admin import mail as wagtail_mail
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import AbstractPage, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from apps.mailing.emails import send_templated_email

TASK_SUBMITTED = "wagtail-task-submitted"
WORKFLOW_SUBMITTED = "wagtail-workflow-submitted"
WORKFLOW_APPROVED = "wagtail-workflow-approved"
WORKFLOW_REJECTED = "wagtail-workflow-rejected"
COMMENTS_UPDATED = "wagtail-comments-updated"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""


def display_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def object_context(obj, recipient):
    """What every moderation email names: the object, its kind and where the recipient edits it."""
    is_page = isinstance(obj, AbstractPage)
    title = obj.specific.get_admin_display_title() if is_page else str(obj)
    return {
        "username": display_name(recipient),
        "title": title,
        "model_name": str(obj._meta.verbose_name),
        # Pages link to their editor as Wagtail's own emails do; other objects only when the recipient may edit them.
        "edit_url": absolute(
            reverse("wagtailadmin_pages:edit", args=[obj.pk])
            if is_page
            else AdminURLFinder(recipient).get_edit_url(obj) or ""
        ),  # fmt: skip
        "view_url": obj.specific.full_url if is_page else "",
        "preferences_url": absolute(reverse("wagtailadmin_account")),
    }


class DatabaseTemplateNotifier:
    """Mixed into a Wagtail notifier: each recipient gets the database template ``key`` instead of file templates."""

    key = ""

    def send_notifications(self, template_set, context, recipients, **kwargs):
        for recipient in recipients:
            extra = self.extra_context(context, recipient)
            send_templated_email(self.key, [recipient.email], {**object_context(context["object"], recipient), **extra})
        return True

    def extra_context(self, context, recipient):
        workflow, task = context.get("workflow"), context.get("task")
        task_state = context.get("task_state")
        return {
            "workflow": workflow.name if workflow else "",
            "task": task.name if task else "",
            "requested_by": display_name(context.get("requested_by")),
            "rejected_by": display_name(task_state.finished_by) if task_state else "",
            "comment": context.get("comment") or "",
        }


class TaskSubmittedNotifier(DatabaseTemplateNotifier, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    key = TASK_SUBMITTED

    def extra_context(self, context, recipient):
        extra = super().extra_context(context, recipient)
        obj = context["object"]
        if isinstance(obj, AbstractPage):
            preview = reverse("wagtailadmin_pages:workflow_preview", args=[obj.pk, context["task"].pk])
            extra["preview_url"] = absolute(preview)
        return extra


class WorkflowSubmittedNotifier(DatabaseTemplateNotifier, wagtail_mail.WorkflowStateSubmissionEmailNotifier):
    key = WORKFLOW_SUBMITTED


class WorkflowApprovedNotifier(DatabaseTemplateNotifier, wagtail_mail.WorkflowStateApprovalEmailNotifier):
    key = WORKFLOW_APPROVED


class WorkflowRejectedNotifier(DatabaseTemplateNotifier, wagtail_mail.WorkflowStateRejectionEmailNotifier):
    key = WORKFLOW_REJECTED


def comment_lines(extra_context):
    """The comment changes in plain text, one line each."""
    lines = [f"- New: {comment.text}" for comment in extra_context.get("new_comments", [])]
    lines += [f"- Resolved: {comment.text}" for comment in extra_context.get("resolved_comments", [])]
    lines += [f"- Deleted: {comment.text}" for comment in extra_context.get("deleted_comments", [])]
    for item in extra_context.get("replied_comments", []):
        lines += [f"- Reply to “{item['comment'].text}”: {reply.text}" for reply in item["replies"]]
    return "\n".join(lines)


def send_notification(recipient_users, notification, extra_context):
    """Stands in for ``wagtail.admin.mail.send_notification`` (page comment emails): same recipients, our template."""
    if notification != "updated_comments":
        return wagtail_send_notification(recipient_users, notification, extra_context)
    page, editor = extra_context["page"], extra_context.get("editor")
    for recipient in recipient_users:
        wants = getattr(UserProfile.get_for_user(recipient), "updated_comments_notifications", True)
        if recipient.is_active and recipient.email and wants:
            context = {**object_context(page, recipient), "editor": display_name(editor),
                       "changes": comment_lines(extra_context)}  # fmt: skip
            send_templated_email(COMMENTS_UPDATED, [recipient.email], context)
    return True


wagtail_send_notification = wagtail_mail.send_notification

NOTIFIERS = [
    (task_submitted, TaskState, TaskSubmittedNotifier, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, WorkflowSubmittedNotifier, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, WorkflowRejectedNotifier, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, WorkflowApprovedNotifier, "workflow_state_approved_email_notification"),
]
_connected = []


def connect():
    """Take Wagtail's places (same dispatch ids, so its own registration adds nothing, whichever app loads first)."""
    from wagtail.admin.views.pages import edit

    for signal, sender, notifier_class, dispatch_uid in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        notifier = notifier_class()
        _connected.append(notifier)  # signals hold weak references to callables
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
    # The page editor calls this function by name for comment emails; Wagtail offers no setting for it.
    edit.send_notification = send_notification
