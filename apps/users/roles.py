"""The staff roles of the site, as Django groups (created by a data migration).

Each domain app grants its own model permissions to these groups in its own
data migration, so a role's permissions live beside the models they cover.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
JOB_BOARD_ADMINS = "Job Board Admins"
SPONSORSHIP_TEAM = "Sponsorship team"
RELEASE_MANAGERS = "Release managers"

STAFF_ROLES = (EDITORS, MODERATORS, JOB_BOARD_ADMINS, SPONSORSHIP_TEAM, RELEASE_MANAGERS)


def grant(apps, group_name, app_label, codenames):
    """Give ``group_name`` the named permissions of ``app_label`` (for data migrations)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # The real app config: migration-state stubs lack models_module and would be skipped or fail.
    create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


# Page permissions (Wagtail's, on a subtree). Moderators hold none: they reach a page's editor only while it
# awaits their review in the "Moderators approval" workflow, and the final approval publishes it
# (apps/core/workflows.py), so they can neither unpublish nor restrict pages.
# Release managers write the Downloads section (release pages and their files) in the admin.
RELEASE_MANAGER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def grant_pages(apps, group_name, page, codenames):
    """Give ``group_name`` the Wagtail page permissions ``codenames`` on ``page`` and its descendants."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)
