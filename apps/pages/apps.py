from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "apps.pages"
    label = "pages"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from apps.pages.models import ContentSnippet
        from apps.pages.signals import snippet_changed
        from apps.pages.sites import sync_default_site

        # Snippets appear on pages and in the menus' supernav panels (cached fragments).
        post_save.connect(snippet_changed, sender=ContentSnippet, dispatch_uid="fragments-snippet")
        post_delete.connect(snippet_changed, sender=ContentSnippet, dispatch_uid="fragments-snippet-del")
        # The default Site's hostname and port follow WAGTAILADMIN_BASE_URL (sitemap and purge URLs).
        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="pages-default-site-address")
