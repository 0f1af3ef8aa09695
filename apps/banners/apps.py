from django.apps import AppConfig


class BannersConfig(AppConfig):
    name = "apps.banners"
    label = "banners"

    def ready(self):
        from apps.banners import signals  # noqa: F401 - invalidates the active set and purges the CDN
