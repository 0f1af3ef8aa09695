from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "apps.pages"
    label = "pages"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from apps.pages.models import ContentSnippet
        from apps.pages.signals import snippet_changed

        # Snippets appear on pages and in the menus' supernav panels (cached fragments).
        post_save.connect(snippet_changed, sender=ContentSnippet, dispatch_uid="fragments-snippet")
        post_delete.connect(snippet_changed, sender=ContentSnippet, dispatch_uid="fragments-snippet-del")
