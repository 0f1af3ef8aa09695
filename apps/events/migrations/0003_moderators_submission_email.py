from django.db import migrations

KEY = "events-submitted-moderators"


def forwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.get_or_create(
        key=KEY,
        defaults={
            "description": "To the events team when a user submits an event for moderation.",
            "subject": "New event to review: “{{ title }}”",
            "body": (
                "Hello,\n\n{{ user }} submitted “{{ title }}” to the {{ calendar }} calendar.\n\n"
                "When: {{ when }}\n{% if venue %}Where: {{ venue }}\n{% endif %}\n"
                "Approve or reject it in the event moderation queue:\n{{ review_url }}\n\n"
                "python.org\n"
            ),
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0002_roles_and_emails")]

    operations = [migrations.RunPython(forwards, backwards)]
