from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.search.query import SOURCE_LIMIT, SearchResult, excerpt
from apps.work_groups.models import WorkGroup


class WorkGroupViewSet(SnippetViewSet):
    model = WorkGroup
    icon = "group"
    menu_label = _("Work groups")
    menu_order = 265
    add_to_admin_menu = True
    list_display = ["name", "active", "approved", "url", "updated"]
    list_filter = ["active", "approved"]
    list_export = ["name", "slug", "active", "approved", "url", "short_description"]
    search_fields = ["name", "short_description", "purpose"]
    search_backend_name = None
    ordering = ["name"]
    inspect_view_enabled = True
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        FieldRowPanel([FieldPanel("active"), FieldPanel("approved")]),
        FieldPanel("url"),
        MultiFieldPanel(
            [FieldPanel("markup"), FieldPanel("purpose"), FieldPanel("active_time"), FieldPanel("core_values"),
             FieldPanel("rules"), FieldPanel("communication"), FieldPanel("support")],
            heading=_("Charter"),
        ),
        MultiFieldPanel([FieldPanel("organizers"), FieldPanel("members")], heading=_("People")),
    ]  # fmt: skip


@hooks.register("register_admin_viewset")
def register_work_group_viewset():
    return WorkGroupViewSet()


@hooks.register("register_search_source")
def search_work_groups(query):
    """Approved PSF work groups for the site search."""
    return [
        SearchResult(title=group.name, url=group.get_absolute_url(),
                     snippet=excerpt(group.short_description or group.purpose, query), kind="PSF work group")
        for group in WorkGroup.objects.approved().search(query, operator="and")[:SOURCE_LIMIT]
    ]  # fmt: skip
