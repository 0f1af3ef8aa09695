"""Give each role exactly what it needs for what exists now.

Editors edit and publish the page tree, content snippets, navigation and site
settings, redirects, images and documents. The other roles only reach the
admin and choose images/documents; their apps grant their own model
permissions. Wagtail's initial data gives its "Moderators" group page
publishing rights; here Moderators moderate queues, so those are removed.
"""

from django.db import migrations

from apps.users.roles import EDITORS, STAFF_ROLES, grant

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}
EDITOR_MODEL_PERMISSIONS = {
    "pages": [f"{action}_contentsnippet" for action in ("add", "change", "delete", "view", "publish")],
    "core": ["change_navigationsettings", "change_sitesettings"],
    "wagtailredirects": ["add_redirect", "change_redirect", "delete_redirect", "view_redirect"],
    "users": ["change_membershipsettings"],
}


def set_role_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for app_label, codenames in {**MEDIA_PERMISSIONS, **EDITOR_MODEL_PERMISSIONS}.items():
        grant(apps, EDITORS, app_label, codenames)
    editors = Group.objects.get(name=EDITORS)
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    if root_page:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission("wagtailcore", codename)
            )
    if root_collection:
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=root_collection, permission=permission(app_label, codename)
                )

    # Everyone else: admin access and choosing images/documents, nothing of the page tree or media library.
    for name in STAFF_ROLES:
        if name == EDITORS:
            continue
        group = Group.objects.get(name=name)
        GroupPagePermission.objects.filter(group=group).delete()
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            writable = [codename for codename in codenames if not codename.startswith("choose_")]
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename__in=writable))
            GroupCollectionPermission.objects.filter(
                group=group, permission__content_type__app_label=app_label, permission__codename__in=writable
            ).delete()
            if root_collection:
                choose = permission(app_label, codenames[-1])
                group.permissions.add(choose)
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=choose)


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0004_profile_membership"),
        ("pages", "0001_initial"),
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(set_role_permissions, migrations.RunPython.noop)]
