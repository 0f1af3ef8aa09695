from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.banners.models import Banner


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "warning"
    menu_label = _("Banners")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "scope", "active", "starts_at", "ends_at", "is_live", "notify_api_clients"]
    list_filter = ["active", "scope", "notify_api_clients"]
    list_export = ["title", "message", "link_url", "scope", "active", "starts_at", "ends_at", "notify_api_clients"]
    search_fields = ["title", "message"]
    search_backend_name = None
    ordering = ["-created"]
    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
        MultiFieldPanel(
            [FieldPanel("active"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("Schedule"),
        ),
        MultiFieldPanel(
            [FieldPanel("scope"), FieldPanel("path_prefixes"), FieldPanel("show_on_site"),
             FieldPanel("notify_api_clients")],
            heading=_("Where it shows"),
        ),
    ]  # fmt: skip


@hooks.register("register_admin_viewset")
def register_banner_viewset():
    return BannerViewSet()
