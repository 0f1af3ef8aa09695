from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "apps.users"
    label = "users"

    def ready(self):
        from django.contrib import admin

        # Staff work in the Wagtail admin; the Django admin (and django-rq under it) is for superusers only.
        admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser
