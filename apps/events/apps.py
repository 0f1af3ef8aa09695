from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"

    def ready(self):
        from apps.events import signals  # noqa: F401 - connects the CDN purge
