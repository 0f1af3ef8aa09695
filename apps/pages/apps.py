from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "apps.pages"
    label = "pages"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from apps.core.cache import bump_fragment_version
        from apps.pages.models import ContentSnippet

        # Snippets appear in the menus' supernav panels, which are cached fragments.
        post_save.connect(bump_fragment_version, sender=ContentSnippet, dispatch_uid="fragments-snippet")
        post_delete.connect(bump_fragment_version, sender=ContentSnippet, dispatch_uid="fragments-snippet-del")
