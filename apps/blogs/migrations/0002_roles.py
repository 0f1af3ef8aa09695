from django.db import migrations

from apps.users.roles import EDITORS, grant

MODELS = ("feed", "blogentry", "feedaggregate", "relatedblog")


def forwards(apps, schema_editor):
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    grant(apps, EDITORS, "blogs", codenames)


class Migration(migrations.Migration):
    dependencies = [("blogs", "0001_initial"), ("users", "0003_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
