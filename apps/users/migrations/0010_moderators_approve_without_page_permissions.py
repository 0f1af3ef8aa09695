"""Moderators give up "publish" on the page tree: the workflow's final approval publishes without it
(``WAGTAIL_FINISH_WORKFLOW_ACTION``), and holding it let them unpublish or restrict any page."""

from django.db import migrations

from apps.users.roles import MODERATORS, grant_pages


def revoke(apps, schema_editor):
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group__name=MODERATORS, page__depth=1, permission__codename="publish_page"
    ).delete()


def grant(apps, schema_editor):
    root_page = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root_page:
        grant_pages(apps, MODERATORS, root_page, ("publish_page",))


class Migration(migrations.Migration):
    dependencies = [("users", "0009_social_and_code_email_templates")]

    operations = [migrations.RunPython(revoke, grant)]
