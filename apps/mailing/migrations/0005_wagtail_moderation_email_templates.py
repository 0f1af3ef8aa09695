"""Database templates for the admin's moderation emails (apps/mailing/wagtail_notifications.py)."""

from django.db import migrations

FOOTER = (
    "\n\n-- \nPython.org admin · Choose which of these emails you get: {{ preferences_url }}\n"
)
EXAMPLE = {
    "username": "Mo Moderator", "title": "How Acme ships Python", "model_name": "success story",
    "edit_url": "https://www.python.org/admin/pages/42/edit/", "view_url": "https://www.python.org/success-stories/acme/",
    "preview_url": "https://www.python.org/admin/pages/42/workflow/preview/1/", "workflow": "Moderators approval",
    "task": "Moderators approve the story", "requested_by": "Ada Lovelace", "rejected_by": "Mo Moderator",
    "comment": "Please add a quote from the team.", "editor": "Ada Lovelace",
    "changes": "- New: Can we shorten the intro?\n- Resolved: Typo in the title",
    "preferences_url": "https://www.python.org/admin/account/",
}  # fmt: skip

TEMPLATES = {
    "wagtail-task-submitted": (
        "Admin: a page or snippet waits for your group's approval",
        "[Python.org] “{{ title }}” awaits approval in “{{ task }}”",
        "Hello {{ username }},\n\nThe {{ model_name }} “{{ title }}” was submitted for approval in the moderation "
        "stage “{{ task }}”.\n{% if preview_url %}\nPreview it: {{ preview_url }}{% endif %}"
        "{% if edit_url %}\nReview and edit it: {{ edit_url }}{% endif %}" + FOOTER,
    ),
    "wagtail-workflow-submitted": (
        "Admin: something was submitted to a workflow (to superusers)",
        "[Python.org] “{{ title }}” was submitted to “{{ workflow }}”",
        "Hello {{ username }},\n\nThe {{ model_name }} “{{ title }}” was submitted to the workflow “{{ workflow }}”"
        "{% if requested_by %} by {{ requested_by }}{% endif %}.{% if edit_url %}\n\nEdit it: {{ edit_url }}{% endif %}"
        + FOOTER,
    ),
    "wagtail-workflow-approved": (
        "Admin: your submission was approved (to the person who submitted it)",
        "[Python.org] “{{ title }}” was approved",
        "Hello {{ username }},\n\nThe {{ model_name }} “{{ title }}” was approved in the workflow “{{ workflow }}”."
        "{% if view_url %}\n\nSee it: {{ view_url }}{% endif %}" + FOOTER,
    ),
    "wagtail-workflow-rejected": (
        "Admin: your submission was sent back (to the person who submitted it)",
        "[Python.org] “{{ title }}” needs changes",
        "Hello {{ username }},\n\nThe {{ model_name }} “{{ title }}” was sent back at “{{ task }}” in the workflow "
        "“{{ workflow }}”{% if rejected_by %} by {{ rejected_by }}{% endif %}.{% if comment %}\n\nTheir comment:\n"
        "{{ comment }}{% endif %}{% if edit_url %}\n\nEdit it: {{ edit_url }}{% endif %}" + FOOTER,
    ),
    "wagtail-comments-updated": (
        "Admin: comments on a page you follow changed",
        "[Python.org] Comments on “{{ title }}”",
        "Hello {{ username }},\n\n{{ editor }} changed comments on the page “{{ title }}”:\n\n{{ changes }}"
        "{% if edit_url %}\n\nOpen the page: {{ edit_url }}{% endif %}" + FOOTER,
    ),
}


def create_templates(apps, schema_editor):
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, (description, subject, body) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(
            key=key,
            defaults={"description": description, "subject": subject, "body": body, "example_context": EXAMPLE},
        )


def remove_templates(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=TEMPLATES).delete()


class Migration(migrations.Migration):
    dependencies = [("mailing", "0004_email_log_attachments")]

    operations = [migrations.RunPython(create_templates, remove_templates)]
