from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "apps.downloads"
    label = "downloads"
