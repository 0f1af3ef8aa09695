from django.db import migrations

from apps.users.roles import EDITORS, grant


def forwards(apps, schema_editor):
    # Wagtail adds "publish" permissions after migrations; the role needs it now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="codesamples", model="codesample")
    apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="publish_codesample", defaults={"name": "Can publish code sample"}
    )
    grant(apps, EDITORS, "codesamples", [f"{action}_codesample" for action in ("add", "change", "delete", "view", "publish")])


class Migration(migrations.Migration):
    dependencies = [("codesamples", "0001_initial"), ("users", "0003_roles"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
