from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from apps.core import signals
        from apps.core.cache import bump_fragment_version
        from apps.core.models import NavigationSettings, SiteSettings

        for model in (NavigationSettings, SiteSettings):
            post_save.connect(bump_fragment_version, sender=model, dispatch_uid=f"fragments-{model.__name__}")
            post_delete.connect(bump_fragment_version, sender=model, dispatch_uid=f"fragments-del-{model.__name__}")
        signals.connect()
