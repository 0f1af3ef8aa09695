from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.minutes.models import Minutes
from apps.search.query import SOURCE_LIMIT, SearchResult, excerpt


class MinutesViewSet(SnippetViewSet):
    model = Minutes
    icon = "doc-full"
    menu_label = _("Board minutes")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "date", "live", "updated"]
    list_filter = ["live"]
    list_export = ["date", "live", "content_markup", "updated"]
    search_fields = ["content"]
    search_backend_name = None  # editors search drafts too; the site index holds only what is live
    ordering = ["-date"]


@hooks.register("register_admin_viewset")
def register_minutes_viewset():
    return MinutesViewSet()


@hooks.register("register_search_source")
def search_minutes(query):
    """Published board minutes for the site search."""
    return [
        SearchResult(title=item.title_text, url=item.get_absolute_url(), snippet=excerpt(item.content, query),
                     kind="Board minutes")
        for item in Minutes.objects.published().search(query, operator="and")[:SOURCE_LIMIT]
    ]  # fmt: skip
