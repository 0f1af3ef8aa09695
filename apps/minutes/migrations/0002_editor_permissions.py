from django.db import migrations

from apps.users.roles import EDITORS, grant


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "minutes", [f"{action}_minutes" for action in ("add", "change", "delete", "view", "publish")])


class Migration(migrations.Migration):
    dependencies = [("minutes", "0001_initial"), ("users", "0003_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
