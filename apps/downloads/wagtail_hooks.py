import django_filters
from django.db.models import Count
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import BooleanRadioSelect

from apps.core.sections import HomepageSection, MenuPanel
from apps.downloads.models import GENERATION_KEY, OS, VERSION_RE, ReleaseCycle, ReleasePage, SigningKey
from apps.downloads.selectors import download_buttons, latest_releases, release_list


class OSViewSet(ModelViewSet):
    model = OS
    name = "downloads_os"
    url_prefix = "downloads/operating-systems"
    icon = "desktop"
    menu_label = _("Operating systems")
    form_fields = ["name", "slug"]
    list_display = ["name", "slug", "pk"]
    search_fields = ["name", "slug"]
    list_export = ["pk", "name", "slug"]


class ReleaseCycleViewSet(ModelViewSet):
    model = ReleaseCycle
    name = "downloads_releasecycle"
    url_prefix = "downloads/release-cycle"
    icon = "date"
    menu_label = _("Release cycle")
    form_fields = ["feature_version", "branch", "status", "first_release", "end_of_life", "pep", "release_manager"]
    list_display = ["feature_version", "status", "first_release", "end_of_life", "release_manager"]
    list_filter = ["status"]
    search_fields = ["feature_version", "release_manager"]
    list_export = ["feature_version", "branch", "status", "first_release", "end_of_life", "pep", "release_manager"]


class SigningKeyViewSet(ModelViewSet):
    model = SigningKey
    name = "downloads_signingkey"
    url_prefix = "downloads/signing-keys"
    icon = "key"
    menu_label = _("Signing keys")
    form_fields = ["owner", "public_key", "is_active"]
    list_display = ["owner", "fingerprint", "is_active", "created"]
    list_filter = ["is_active"]
    search_fields = ["owner", "fingerprint"]
    list_export = ["owner", "fingerprint", "is_active"]


VERSION_ORDER = ("major", "minor", "micro", "pre_rank", "pre_number")


class ReleaseFilterSet(PageFilterSet):
    live = django_filters.ChoiceFilter(
        label=_("Status"), choices=[("true", _("Published")), ("false", _("Draft"))], method="filter_live",
        empty_label=_("Any"),
    )  # fmt: skip
    version = django_filters.CharFilter(
        label=_("Version"), method="filter_version", help_text=_("e.g. 3, 3.14 or 3.14.1")
    )
    pre_release = django_filters.BooleanFilter(label=_("Pre-release"), widget=BooleanRadioSelect)
    os = django_filters.ModelMultipleChoiceFilter(
        label=_("Has files for"), field_name="files__os", queryset=OS.objects.all(), distinct=True,
        widget=CheckboxSelectMultiple,
    )  # fmt: skip

    class Meta:
        model = ReleasePage
        fields = []

    def filter_live(self, queryset, name, value):
        return queryset.filter(live=value == "true") if value else queryset

    def filter_version(self, queryset, name, value):
        """ "3" is every 3.x release, "3.14" every 3.14 release, "3.14.1" that release and its pre-releases."""
        match = VERSION_RE.match(value.strip().removeprefix("Python ").strip())
        if not match:
            return queryset.none()
        for part in ("major", "minor", "micro"):
            if match[part] is not None:
                queryset = queryset.filter(**{part: int(match[part])})
        return queryset


class ReleaseIndexView(IndexView):
    """Releases newest version first (3.15.0a1 before 3.14.10 before 3.14.9)."""

    default_ordering = "-version"

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "version", "-version"]

    def order_queryset(self, queryset):
        if self.ordering == "version":
            return queryset.order_by(*VERSION_ORDER)
        if self.ordering == "-version":
            return queryset.order_by(*(f"-{field}" for field in VERSION_ORDER))
        return super().order_queryset(queryset)

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(file_count=Count("files"))


class ReleasePageListingViewSet(PageListingViewSet):
    model = ReleasePage
    name = "downloads_releases"
    url_prefix = "downloads/releases"
    icon = "download"
    menu_label = _("Releases")
    index_view_class = ReleaseIndexView
    filterset_class = ReleaseFilterSet
    columns = [
        *IndexView.base_columns[:2],  # bulk actions, title (with its edit and live links)
        Column("version_number", label=_("Version"), sort_key="version"),
        DateColumn("release_date", label=_("Released"), sort_key="release_date"),
        BooleanColumn("is_latest", label=_("Latest"), sort_key="is_latest"),
        BooleanColumn("pre_release", label=_("Pre-release"), sort_key="pre_release"),
        Column("file_count", label=_("Files")),
        *IndexView.base_columns[-1:],  # status
    ]


class DownloadsViewSetGroup(ViewSetGroup):
    menu_label = _("Downloads")
    menu_icon = "download"
    menu_order = 300
    items = (ReleasePageListingViewSet, OSViewSet, ReleaseCycleViewSet, SigningKeyViewSet)


@hooks.register("register_admin_viewset")
def register_downloads_viewsets():
    return DownloadsViewSetGroup()


def homepage_downloads_context(request):
    python3, pymanager = latest_releases()
    return {
        "latest_python3": python3,
        "download_buttons": download_buttons(python3, pymanager),
        "recent_releases": release_list().stable()[:5],
    }


@hooks.register("register_menu_panel")
def downloads_menu_panel():
    return MenuPanel(
        url="/downloads/",
        template="downloads/includes/supernav.html",
        get_context=lambda: {"download_buttons": download_buttons(*latest_releases())},
        generation_keys=(GENERATION_KEY,),
        name="downloads",
    )


@hooks.register("register_homepage_section")
def latest_releases_section():
    return HomepageSection(
        slot="downloads",
        template="downloads/includes/homepage_downloads.html",
        get_context=homepage_downloads_context,
        generation_keys=(GENERATION_KEY,),
    )
