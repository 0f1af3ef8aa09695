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
