from django.db import migrations

from apps.users.roles import MODERATORS, grant

MODELS = ("calendar", "event", "eventcategory", "eventlocation", "eventstar", "eventreminder", "occurrence")
EMAILS = [
    (
        "events-submitted",
        "To the submitter when an event is submitted.",
        "We received your event “{{ title }}”",
        "Hello {{ user }},\n\nThank you for submitting “{{ title }}” to the {{ calendar }} calendar on python.org.\n"
        "A moderator will review it soon; we will email you when it is published.\n\nThe python.org events team\n",
    ),
    (
        "events-approved",
        "To the submitter when a moderator approves an event.",
        "Your event “{{ title }}” is on python.org",
        "Hello {{ user }},\n\n“{{ title }}” has been approved and is now listed in the {{ calendar }} calendar:\n"
        "{{ url }}\n\nThe python.org events team\n",
    ),
    (
        "events-rejected",
        "To the submitter when a moderator rejects an event.",
        "Your event “{{ title }}” was not published",
        "Hello {{ user }},\n\nWe could not publish “{{ title }}” in the {{ calendar }} calendar.\n\n"
        "The moderator's reason:\n{{ reason }}\n\nYou are welcome to submit it again with changes.\n\n"
        "The python.org events team\n",
    ),
    (
        "events-reminder",
        "To a user who starred an event, before it starts.",
        "Reminder: “{{ title }}” starts {{ when }}",
        "Hello {{ user }},\n\nAn event you starred on python.org is coming up:\n\n{{ title }}\n{{ when }}\n"
        "{% if venue %}{{ venue }}\n{% endif %}{{ url }}\n\n"
        "You get this email because you starred the event; remove the star on its page to stop reminders.\n",
    ),
]


def forwards(apps, schema_editor):
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    # Migration app-config stubs lack models_module, which create_permissions (inside grant) reads.
    app_config = apps.get_app_config("events")
    if not hasattr(app_config, "models_module"):
        app_config.models_module = True
    grant(apps, MODERATORS, "events", codenames)
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, description, subject, body in EMAILS:
        EmailTemplate.objects.get_or_create(
            key=key, defaults={"description": description, "subject": subject, "body": body}
        )


def backwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=[e[0] for e in EMAILS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("users", "0003_roles"),
        ("mailing", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
