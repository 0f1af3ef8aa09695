from django.apps import AppConfig


class BlogsConfig(AppConfig):
    name = "apps.blogs"
    label = "blogs"
    verbose_name = "News"

    def ready(self):
        from apps.blogs import signals  # noqa: F401 - refreshes the news widgets and purges the CDN
