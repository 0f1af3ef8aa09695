from django.apps import AppConfig


class WorkGroupsConfig(AppConfig):
    name = "apps.work_groups"
    label = "work_groups"
    verbose_name = "PSF work groups"

    def ready(self):
        from apps.work_groups import signals  # noqa: F401 - purges the work-group pages on change
