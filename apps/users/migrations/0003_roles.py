from django.db import migrations

from apps.users.roles import STAFF_ROLES


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    for name in STAFF_ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin:
            group.permissions.add(access_admin)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=STAFF_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0002_api_credentials"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
