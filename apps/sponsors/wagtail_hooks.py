import django_filters
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from apps.core.sections import Placement
from apps.sponsors import admin_views, placements
from apps.sponsors.filters import AssetFilterSet
from apps.sponsors.models import (
    Contract,
    LegalClause,
    Sponsor,
    SponsorAsset,
    Sponsorship,
    SponsorshipBenefit,
    SponsorshipPackage,
    SponsorshipProgram,
    TransitionNotAllowed,
)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("sponsors.review_sponsorship")


class SponsorshipFilterSet(WagtailFilterSet):
    needs_assets = django_filters.BooleanFilter(label=_("Required assets missing"), method="filter_needs_assets")

    class Meta:
        model = Sponsorship
        fields = ["status", "package", "year", "locked"]

    def filter_needs_assets(self, queryset, name, value):
        if value is None:
            return queryset
        missing = Sponsorship.objects.needing_assets().values("pk")
        return queryset.filter(pk__in=missing) if value else queryset.exclude(pk__in=missing)


class SponsorshipIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("sponsor", "package")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        review_url = reverse("sponsors_admin:review", args=[instance.pk])
        buttons.insert(0, ListingButton(_("Review"), url=review_url, icon_name="view", priority=1))
        return buttons

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("sponsors.review_sponsorship"):
            query = self.request.GET.urlencode()
            buttons.append(HeaderButton(_("Notify sponsors"), url=reverse("sponsors_admin:notify") + f"?{query}",
                                        icon_name="mail"))  # fmt: skip
        return buttons


class SponsorshipViewSet(SnippetViewSet):
    """Every sponsorship; the review queue is this list filtered to "Applied"."""

    model = Sponsorship
    icon = "clipboard-list"
    menu_label = _("Sponsorships")
    index_view_class = SponsorshipIndexView
    list_display = ["sponsor", "level_name", "year", "status", "locked", "applied_on", "sponsorship_fee"]
    filterset_class = SponsorshipFilterSet
    list_export = ["sponsor", "level_name", "year", "status", "locked", "sponsorship_fee", "start_date", "end_date",
                   "applied_on", "approved_on", "finalized_on", "renewal", "for_modified_package"]  # fmt: skip
    export_filename = "sponsorships"
    search_fields = ["sponsor__name", "level_name"]
    search_backend_name = None
    ordering = ["-applied_on", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = False
    # State changes go through the review page; here staff correct the agreed terms.
    panels = [FieldPanel(name) for name in ("level_name", "sponsorship_fee", "start_date", "end_date", "renewal",
                                            "for_modified_package")]  # fmt: skip


class SponsorViewSet(SnippetViewSet):
    model = Sponsor
    icon = "group"
    list_display = ["name", "landing_page_url", "country", "created_on"]
    list_export = ["name", "landing_page_url", "primary_phone", "full_address", "country_of_incorporation"]
    search_fields = ["name", "description", "contacts__name", "contacts__email"]
    search_backend_name = None
    copy_view_enabled = False


class PackageViewSet(SnippetViewSet):
    model = SponsorshipPackage
    icon = "pick"
    menu_label = _("Packages")
    list_display = ["name", "year", "sponsorship_amount", "advertise", "allow_a_la_carte", "order"]
    list_filter = ["year", "advertise"]
    ordering = ["-year", "order"]
    search_fields = ["name"]
    search_backend_name = None


class BenefitFilterSet(WagtailFilterSet):
    class Meta:
        model = SponsorshipBenefit
        fields = ["year", "program", "packages", "standalone", "package_only", "unavailable"]


class BenefitIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("program")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("sponsors.change_sponsorshipbenefit"):
            url = reverse("sponsors_admin:push_benefit", args=[instance.pk])
            buttons.append(ListingButton(_("Push to sponsorships"), url=url, icon_name="resubmit", priority=50))
        return buttons

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("sponsors.add_sponsorshipbenefit"):
            buttons.append(HeaderButton(_("Clone a year"), url=reverse("sponsors_admin:clone_year"),
                                        icon_name="copy"))  # fmt: skip
        return buttons


class BenefitViewSet(SnippetViewSet):
    model = SponsorshipBenefit
    icon = "list-ul"
    menu_label = _("Benefits")
    index_view_class = BenefitIndexView
    list_display = ["name", "program", "year", "internal_value", "capacity", "standalone", "package_only"]
    filterset_class = BenefitFilterSet
    ordering = ["-year", "program__order", "order"]
    search_fields = ["name", "description"]
    search_backend_name = None


class ProgramViewSet(SnippetViewSet):
    model = SponsorshipProgram
    icon = "folder-open-inverse"
    menu_label = _("Programs")
    list_display = ["name", "order"]


class LegalClauseViewSet(SnippetViewSet):
    model = LegalClause
    icon = "doc-full"
    menu_label = _("Legal clauses")
    list_display = ["internal_name", "order"]
    search_fields = ["internal_name", "clause"]
    search_backend_name = None


class ContractEditView(EditView):
    """Only a draft's text can change; a sent, executed or nullified contract is refused (400) as on the review page."""

    def refuse_unless_draft(self, request):
        if not self.object.is_editable:
            sponsorship = admin_views.reviewed_sponsorship(self.object.sponsorship_id)
            return admin_views.refused(request, sponsorship, TransitionNotAllowed(self.object, "edited"))
        return None

    # get and post run after the viewset's permission check.
    def get(self, request, *args, **kwargs):
        return self.refuse_unless_draft(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refuse_unless_draft(request) or super().post(request, *args, **kwargs)


class ContractViewSet(SnippetViewSet):
    model = Contract
    icon = "doc-full-inverse"
    edit_view_class = ContractEditView
    menu_label = _("Contracts")
    list_display = ["sponsorship", "status", "revision", "created_on", "sent_on", "executed_on"]
    list_filter = ["status"]
    add_view_enabled = False
    copy_view_enabled = False


class AssetIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("sponsor", "sponsorship")

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        query = self.request.GET.urlencode()
        buttons.append(HeaderButton(_("Export as ZIP"), url=reverse("sponsors_admin:assets_zip") + f"?{query}",
                                    icon_name="download"))  # fmt: skip
        return buttons


class AssetViewSet(SnippetViewSet):
    model = SponsorAsset
    icon = "image"
    menu_label = _("Assets")
    index_view_class = AssetIndexView
    list_display = ["internal_name", "sponsor", "sponsorship", "kind", "has_value", "updated_on"]
    filterset_class = AssetFilterSet
    list_export = ["internal_name", "sponsor", "sponsorship", "kind", "value", "updated_on"]
    search_fields = ["internal_name", "sponsor__name", "text"]
    search_backend_name = None
    panels = [FieldPanel(name) for name in ("sponsor", "sponsorship", "internal_name", "kind", "text", "file",
                                            "response")]  # fmt: skip


class SponsorsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Sponsors")
    menu_icon = "group"
    menu_order = 320
    items = (SponsorshipViewSet, SponsorViewSet, ContractViewSet, AssetViewSet, PackageViewSet, BenefitViewSet,
             ProgramViewSet, LegalClauseViewSet)  # fmt: skip

    def get_submenu_items(self):
        list_url = reverse("wagtailsnippets_sponsors_sponsorship:list")
        queue = ReviewMenuItem(_("Review queue"), f"{list_url}?status=applied", icon_name="tasks", order=0)
        notify = ReviewMenuItem(_("Notify sponsors"), reverse("sponsors_admin:notify"), icon_name="mail", order=900)
        return [queue, *super().get_submenu_items(), notify]


class SelectionBulkAction(SnippetBulkAction):
    """Opens a sponsors admin page (``url_name``) with the ticked rows as ``?id=…`` ("all" ticked: no ids)."""

    url_name = None
    action_priority = 10

    def get(self, request, *args, **kwargs):
        ids = request.GET.getlist("id")
        query = "" if "all" in ids else urlencode([("id", pk) for pk in ids])
        return redirect(reverse(self.url_name) + f"?{query}")


class ExportAssetsZipBulkAction(SelectionBulkAction):
    """ "Export as ZIP" for the assets ticked in the listing."""

    display_name = _("Export as ZIP")
    action_type = "export_zip"
    aria_label = _("Export the selected assets as one ZIP file")
    models = [SponsorAsset]
    url_name = "sponsors_admin:assets_zip"


hooks.register("register_bulk_action", ExportAssetsZipBulkAction)


class NotifySponsorsBulkAction(SelectionBulkAction):
    """ "Notify sponsors" for the sponsorships ticked in the listing: the notification page with them chosen."""

    display_name = _("Notify sponsors")
    action_type = "notify"
    aria_label = _("Email the contacts of the selected sponsorships")
    models = [Sponsorship]
    url_name = "sponsors_admin:notify"


hooks.register("register_bulk_action", NotifySponsorsBulkAction)


@hooks.register("register_admin_viewset")
def register_sponsors_viewsets():
    return SponsorsViewSetGroup()


@hooks.register("register_admin_urls")
def register_sponsors_admin_urls():
    return [path("sponsorships-review/", include((admin_views.urlpatterns, "sponsors_admin")))]


class SponsorsDashboardPanel(Component):
    """Sponsorships per state on the admin dashboard, with the applications waiting longest."""

    name = "sponsors_review"
    template_name = "sponsors/admin/dashboard_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        list_url = reverse("wagtailsnippets_sponsors_sponsorship:list")
        counts = [(label, count, f"{list_url}?status={value}", value == Sponsorship.Status.APPLIED)
                  for value, label, count in Sponsorship.objects.status_counts()]  # fmt: skip
        oldest = Sponsorship.objects.applied().select_related("sponsor").order_by("applied_on", "pk")[:5]
        return {
            "counts": counts,
            "oldest": oldest,
            "applied": next(count for _label, count, _url, is_queue in counts if is_queue),
            "needs_assets": Sponsorship.objects.exclude(status=Sponsorship.Status.REJECTED).needing_assets().count(),
            "needs_assets_url": f"{list_url}?needs_assets=true",
            "awaiting_signature": Contract.objects.awaiting_signature().count(),
        }


@hooks.register("construct_homepage_panels")
def add_sponsors_dashboard_panel(request, panels):
    if request.user.has_perm("sponsors.view_sponsorship"):
        panels.append(SponsorsDashboardPanel())


def placement_for(spot):
    place = placements.SPOTS[spot]
    return Placement(
        name=spot,
        template="sponsors/includes/logo_placement.html",
        get_context=lambda request: {
            "sponsors": placements.logos_for(place),
            "spot": spot,
            "sponsors_url": reverse("sponsors:sponsors_page"),
        },  # fmt: skip
    )


@hooks.register("register_placement")
def downloads_sidebar_logos():
    return placement_for("downloads_sidebar")


@hooks.register("register_placement")
def jobs_sidebar_logos():
    return placement_for("jobs_sidebar")


@hooks.register("register_placement")
def footer_logos():
    return placement_for("footer")
