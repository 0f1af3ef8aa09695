"""Moderators approve pages in the "Moderators approval" workflow; the final approval publishes the page
as the moderator, so the role holds Wagtail's "publish" page permission on the whole tree."""

from django.db import migrations

from apps.users.roles import MODERATORS, grant_pages

MODERATOR_PAGE_PERMISSIONS = ("publish_page",)


def grant(apps, schema_editor):
    root_page = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root_page:
        grant_pages(apps, MODERATORS, root_page, MODERATOR_PAGE_PERMISSIONS)


def revoke(apps, schema_editor):
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group__name=MODERATORS, permission__codename__in=MODERATOR_PAGE_PERMISSIONS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("users", "0006_email_templates")]

    operations = [migrations.RunPython(grant, revoke)]
