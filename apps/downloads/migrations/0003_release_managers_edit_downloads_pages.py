"""Release managers add, edit and publish release pages in the admin: page permissions on the Downloads
section (a Downloads section created later gets them from a signal, apps/downloads/signals.py)."""

from django.db import migrations

from apps.users.roles import RELEASE_MANAGER_PAGE_PERMISSIONS, RELEASE_MANAGERS, grant_pages


def grant(apps, schema_editor):
    for index in apps.get_model("downloads", "DownloadsIndexPage").objects.all():
        grant_pages(apps, RELEASE_MANAGERS, index, RELEASE_MANAGER_PAGE_PERMISSIONS)


def revoke(apps, schema_editor):
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group__name=RELEASE_MANAGERS).delete()


class Migration(migrations.Migration):
    dependencies = [("downloads", "0002_operating_systems_and_roles"), ("users", "0007_moderators_publish_approved_pages")]

    operations = [migrations.RunPython(grant, revoke)]
