from django.apps import AppConfig


class CodeSamplesConfig(AppConfig):
    name = "apps.codesamples"
    label = "codesamples"
    verbose_name = "Code samples"

    def ready(self):
        from apps.codesamples import signals  # noqa: F401 - refreshes the homepage carousel
