from django.apps import AppConfig


class SponsorsConfig(AppConfig):
    name = "apps.sponsors"
    label = "sponsors"

    def ready(self):
        from apps.sponsors import signals  # noqa: F401 - connects the cache purges
