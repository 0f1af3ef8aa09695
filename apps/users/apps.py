from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


def grant_publish_permissions(sender, using="default", **kwargs):
    """Editors publish content snippets; Wagtail creates "publish" permissions after migrations, so grant here."""
    from django.contrib.auth.models import Group, Permission

    from apps.users.roles import EDITORS

    publish = Permission.objects.using(using).filter(content_type__app_label="pages", codename__startswith="publish_")
    group = Group.objects.using(using).filter(name=EDITORS).first()
    if group is not None and publish.exists():
        group.permissions.add(*publish)


def purge_membership_landing(sender, **kwargs):
    from apps.core.cache import purge_surrogate_keys

    purge_surrogate_keys("membership")


class UsersConfig(AppConfig):
    name = "apps.users"
    label = "users"

    def ready(self):
        from django.contrib import admin

        # Staff work in the Wagtail admin; the Django admin (and django-rq under it) is for superusers only.
        admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser
        # Not bound to a sender: it must also run after wagtail.snippets has created the permissions.
        post_migrate.connect(grant_publish_permissions, dispatch_uid="users-grant-publish-permissions")
        # Switching the /membership/ page on or off must reach visitors behind the CDN at once.
        post_save.connect(
            purge_membership_landing, sender="users.MembershipSettings", dispatch_uid="users-purge-landing"
        )
