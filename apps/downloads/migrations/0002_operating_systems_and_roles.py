"""The operating systems with the primary keys API clients rely on, and the release managers' permissions."""

from django.apps import apps as global_apps
from django.core.management.color import no_style
from django.db import migrations

from apps.users.roles import EDITORS, RELEASE_MANAGERS, grant

# Clients send these keys (the release tooling derives is_source from os pk 3): never renumber.
OPERATING_SYSTEMS = [(1, "Windows", "windows"), (2, "macOS", "macos"), (3, "Source code", "source"),
                     (4, "Android", "android"), (5, "iOS", "ios")]  # fmt: skip
MODELS = ("os", "releasefile", "releasecycle", "signingkey")


def create(apps, schema_editor):
    OS = apps.get_model("downloads", "OS")
    for pk, name, slug in OPERATING_SYSTEMS:
        OS.objects.update_or_create(pk=pk, defaults={"name": name, "slug": slug})
    # Explicit keys leave the sequence behind; move it past them so the next OS gets 6.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [OS]):
            cursor.execute(statement)
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    # grant() creates the permissions from the app's models module, which migration-state apps do not carry.
    grant(global_apps, RELEASE_MANAGERS, "downloads", codenames)
    grant(global_apps, EDITORS, "downloads", ["view_os", "view_releasefile", "view_releasecycle"])


class Migration(migrations.Migration):
    dependencies = [("downloads", "0001_initial"), ("users", "0003_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
