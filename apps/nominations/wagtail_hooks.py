from django.db.models import Count, Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from apps.nominations import admin_views
from apps.nominations.forms import NominationAdminForm, NomineeAdminForm
from apps.nominations.models import Acceptance, Election, ElectionKind, Nomination, Nominee, Review, can_review
from apps.users.menu import AccountMenuItem


class ElectionKindViewSet(SnippetViewSet):
    model = ElectionKind
    icon = "tag"
    list_display = ["name", "slug", "form_variant", "accent_colour"]
    search_fields = ["name"]
    search_backend_name = None


class ElectionViewSet(SnippetViewSet):
    model = Election
    icon = "date"
    list_display = ["name", "kind", "nominations_open_at", "nominations_close_at", "voting_open_at"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["-nominations_open_at"]


class ReviewIndexView(IndexView):
    """Listing rows get a "Review" button leading to the approve/reject page."""

    review_url_name = ""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_review(self.request.user):
            url = reverse(self.review_url_name, args=[instance.pk])
            buttons.insert(0, ListingButton(_("Review"), url=url, icon_name="check", priority=1))
        return buttons


class NominationIndexView(ReviewIndexView):
    review_url_name = "nominations_admin:review"


class NomineeIndexView(ReviewIndexView):
    review_url_name = "nominations_admin:review_nominee"


class NominationViewSet(SnippetViewSet):
    """Every nomination; the review queue is this list filtered to accepted and awaiting review."""

    model = Nomination
    icon = "user"
    index_view_class = NominationIndexView
    list_display = ["name", "election", "nominator", "acceptance", "review", "created"]
    list_filter = ["election", "acceptance", "review"]
    search_fields = ["name", "email", "employer", "statement"]
    search_backend_name = None
    list_export = ["name", "email", "election", "nominator", "acceptance", "review", "employer", "created"]
    ordering = ["-created"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList(Nomination.panels, base_form_class=NominationAdminForm)


class NomineeViewSet(SnippetViewSet):
    model = Nominee
    icon = "group"
    index_view_class = NomineeIndexView
    list_display = ["name", "election", "email", "user", "review"]
    list_filter = ["election", "review"]
    search_fields = ["name", "email"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(Nominee.panels, base_form_class=NomineeAdminForm)


class ReviewQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


class ElectionsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Elections")
    menu_icon = "date"
    menu_order = 320
    items = (NominationViewSet, NomineeViewSet, ElectionViewSet, ElectionKindViewSet)

    def get_submenu_items(self):
        queue = ReviewQueueMenuItem(_("Review queue"), admin_views.queue_url(), icon_name="tasks", order=0)
        return [queue, *super().get_submenu_items()]


@hooks.register("register_admin_viewset")
def register_nominations_viewsets():
    return ElectionsViewSetGroup()


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("nominations-review/", include((admin_views.urlpatterns, "nominations_admin")))]


class NominationsDashboardPanel(Component):
    name = "nominations_review"
    template_name = "nominations/admin/dashboard_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        counts = Nomination.objects.aggregate(
            to_review=Count("pk", filter=Q(acceptance=Acceptance.ACCEPTED, review=Review.PENDING)),
            awaiting_nominee=Count("pk", filter=Q(acceptance=Acceptance.PENDING)),
        )
        return {
            **counts,
            "nominees_pending": Nominee.objects.filter(review=Review.PENDING).count(),
            "queue_url": admin_views.queue_url(),
            "nominees_url": reverse("wagtailsnippets_nominations_nominee:list") + "?review=pending",
            "open_elections": Election.objects.open_for_nominations(),
        }


@hooks.register("construct_homepage_panels")
def add_nominations_dashboard_panel(request, panels):
    if can_review(request.user):
        panels.append(NominationsDashboardPanel())


@hooks.register("register_site_account_menu_item")
def nominations_menu_item():
    return AccountMenuItem(_("Your nominations"), "nominations:mine", order=50)
