from django.apps import AppConfig


class SuccessStoriesConfig(AppConfig):
    name = "apps.successstories"
    label = "successstories"
    verbose_name = "Success stories"

    def ready(self):
        from apps.successstories import signals  # noqa: F401 - featured story refresh, published emails
