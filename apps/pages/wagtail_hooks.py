from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.pages.models import ContentSnippet


class ContentSnippetViewSet(SnippetViewSet):
    model = ContentSnippet
    icon = "snippet"
    menu_label = "Content snippets"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["label", "title", "live", "updated_at"]
    list_filter = ["live"]
    search_fields = ["label", "title"]
    list_export = ["label", "title", "live", "updated_at"]
    ordering = ["label"]


register_snippet(ContentSnippetViewSet)
