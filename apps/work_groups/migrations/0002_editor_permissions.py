from django.db import migrations

from apps.users.roles import EDITORS, grant


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "work_groups", [f"{action}_workgroup" for action in ("add", "change", "delete", "view")])


class Migration(migrations.Migration):
    dependencies = [("work_groups", "0001_initial"), ("users", "0003_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
