from django.db import migrations

from apps.users.roles import EDITORS, MODERATORS, grant

MODELS = ("company", "storycategory", "storysubmission")
EMAILS = [
    (
        "successstories-submitted",
        "To the PSF when a visitor submits a success story.",
        "New success story for review: “{{ title }}”",
        "{{ user }} ({{ email }}) submitted the success story “{{ title }}” about {{ company }}.\n\n"
        "It waits in the moderation workflow as a draft; review it here:\n{{ review_url }}\n",
    ),
    (
        "successstories-received",
        "To the submitter when their success story is received.",
        "We received your success story “{{ title }}”",
        "Hello {{ user }},\n\nThank you for sharing how {{ company }} uses Python. The PSF reviews every story "
        "before it is published; we will email you when “{{ title }}” is online.\n\nThe python.org team\n",
    ),
    (
        "successstories-published",
        "To the submitter when their success story is published.",
        "Your success story “{{ title }}” is on python.org",
        "Hello {{ user }},\n\nYour success story “{{ title }}” has been published:\n{{ url }}\n\n"
        "Thank you for telling the Python community about your work.\n\nThe python.org team\n",
    ),
]


def forwards(apps, schema_editor):
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    grant(apps, EDITORS, "successstories", codenames)
    grant(apps, MODERATORS, "successstories", ["view_storysubmission", "view_company", "view_storycategory"])
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, description, subject, body in EMAILS:
        EmailTemplate.objects.get_or_create(
            key=key, defaults={"description": description, "subject": subject, "body": body}
        )


def backwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=[e[0] for e in EMAILS]).delete()


class Migration(migrations.Migration):
    dependencies = [("successstories", "0001_initial"), ("users", "0003_roles"), ("mailing", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
