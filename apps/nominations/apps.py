from django.apps import AppConfig


class NominationsConfig(AppConfig):
    name = "apps.nominations"
    label = "nominations"

    def ready(self):
        from apps.nominations import signals  # noqa: F401 - connects the CDN purge
