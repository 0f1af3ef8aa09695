from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "apps.downloads"
    label = "downloads"
    verbose_name = "Downloads"

    def ready(self):
        from apps.downloads import signals  # noqa: F401 - connects the cache purge receivers
