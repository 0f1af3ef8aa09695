"""Editors edit the email templates and read the send log; they may resend failed emails."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.users.roles import EDITORS, grant

PERMISSIONS = ["add_emailtemplate", "change_emailtemplate", "view_emailtemplate", "view_emaillog", "resend_emaillog"]


def forwards(apps, schema_editor):
    create_permissions(global_apps.get_app_config("mailing"), apps=apps, verbosity=0)
    apps.get_app_config("mailing").models_module = None
    grant(apps, EDITORS, "mailing", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("mailing", "0002_send_log_retries_and_previews"), ("users", "0003_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
