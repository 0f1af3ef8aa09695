from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from apps.core.sections import HomepageSection, MenuPanel
from apps.downloads.models import GENERATION_KEY, OS, ReleaseCycle, SigningKey
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


class DownloadsViewSetGroup(ViewSetGroup):
    menu_label = _("Downloads")
    menu_icon = "download"
    menu_order = 300
    items = (OSViewSet, ReleaseCycleViewSet, SigningKeyViewSet)


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
