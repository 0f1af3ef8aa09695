from django.db import migrations

from apps.users.roles import EDITORS, grant


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "minutes", ["add_minutes", "change_minutes", "delete_minutes", "view_minutes"])
    # Wagtail adds the publish permission of draftable models after migrations; editors need it now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="minutes", model="minutes")
    Permission.objects.get_or_create(
        content_type=content_type, codename="publish_minutes", defaults={"name": "Can publish minutes"}
    )
    grant(apps, EDITORS, "minutes", ["publish_minutes"])


class Migration(migrations.Migration):
    dependencies = [("minutes", "0001_initial"), ("users", "0003_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
