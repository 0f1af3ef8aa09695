from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "apps.community"
    label = "community"

    def ready(self):
        from apps.community import signals  # noqa: F401 - purges community pages on change
