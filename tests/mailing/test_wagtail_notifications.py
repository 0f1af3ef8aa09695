"""The admin's moderation emails (a page submitted, sent back, approved; comments) use the database templates."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.admin.views.pages import edit
from wagtail.models import Comment, GroupApprovalTask, Workflow, WorkflowTask

from apps.mailing.models import EmailLog, EmailTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow(home_page, moderator):
    task = GroupApprovalTask.objects.create(name="Moderators check the page")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def submit(workflow, page, user):
    page.save_revision(user=user)
    with TestCase.captureOnCommitCallbacks(execute=True):  # Wagtail starts workflows in a transaction
        return workflow.start(page, user)


def test_a_page_submitted_for_moderation_emails_the_group_from_the_database_template(
    home_page, workflow, editor, moderator
):
    EmailTemplate.objects.filter(key="wagtail-task-submitted").update(subject="Please review {{ title }}")
    submit(workflow, home_page, editor)
    to_moderator = [m for m in mail.outbox if m.to == ["moderator@example.com"]]
    assert [m.subject for m in to_moderator] == ["Please review Welcome to Python.org"]
    assert f"/admin/pages/{home_page.pk}/edit/" in to_moderator[0].body
    assert EmailLog.objects.filter(template_key="wagtail-task-submitted", status="sent").exists()


def test_a_page_sent_back_tells_the_submitter_with_the_comment(home_page, workflow, editor, moderator):
    submit(workflow, home_page, editor)
    mail.outbox.clear()
    task_state = home_page.current_workflow_task_state
    with TestCase.captureOnCommitCallbacks(execute=True):
        task_state.task.specific.on_action(task_state, moderator, "reject", comment="Add the release dates.")
    [message] = mail.outbox
    assert message.to == ["editor@example.com"]
    assert message.subject == "[Python.org] “Welcome to Python.org” needs changes"
    assert "Add the release dates." in message.body and "moderator" in message.body


def test_inactive_moderation_template_sends_nothing(home_page, workflow, editor, moderator):
    EmailTemplate.objects.filter(key="wagtail-task-submitted").update(is_active=False)
    submit(workflow, home_page, editor)
    assert not [m for m in mail.outbox if m.to == ["moderator@example.com"]]
    assert EmailLog.objects.get(template_key="wagtail-task-submitted", to="moderator@example.com").status == "skipped"


def test_comment_emails_come_from_the_database_template(home_page, editor, moderator):
    comment = Comment.objects.create(page=home_page, user=editor, text="Shorten the intro?", contentpath="title")
    edit.send_notification([moderator], "updated_comments", {
        "page": home_page, "editor": editor, "new_comments": [comment], "resolved_comments": [],
        "deleted_comments": [], "replied_comments": []})  # fmt: skip
    [message] = mail.outbox
    assert message.subject == "[Python.org] Comments on “Welcome to Python.org”"
    assert "- New: Shorten the intro?" in message.body
    assert EmailLog.objects.get().template_key == "wagtail-comments-updated"


def test_the_admin_has_no_password_reset_of_its_own(client, editor):
    # Its address leads to the account pages' reset, which is templated and rate limited; nothing is sent from here.
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": editor.email})
    assert (response.status_code, response["Location"]) == (302, reverse("account_reset_password"))
    assert mail.outbox == []
