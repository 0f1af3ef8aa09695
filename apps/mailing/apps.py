from django.apps import AppConfig


class MailingConfig(AppConfig):
    name = "apps.mailing"
    label = "mailing"

    def ready(self):
        from apps.mailing import wagtail_notifications

        wagtail_notifications.connect()
