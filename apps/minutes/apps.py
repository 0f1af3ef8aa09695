from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "apps.minutes"
    label = "minutes"
    verbose_name = "PSF board minutes"

    def ready(self):
        from apps.minutes import signals  # noqa: F401 - purges the minutes pages on change
