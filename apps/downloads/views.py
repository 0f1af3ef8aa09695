"""Download pages served outside the page tree: per-OS lists, the OS index, release pages, redirects, feeds."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from apps.core.cache import add_surrogate_keys
from apps.downloads.models import OS, SURROGATE_KEY, ReleaseFile, ReleasePage
from apps.downloads.selectors import LIST_FIELDS, release_list


def _tagged(response):
    return add_surrogate_keys(response, SURROGATE_KEY)


@require_safe
def os_list(request, os_slug):
    os = get_object_or_404(OS, slug=os_slug)
    files = ReleaseFile.objects.filter(os=os).order_by("sort_order", "pk")
    releases = list(
        release_list()
        .filter(files__os=os)
        .distinct()
        .prefetch_related(Prefetch("files", queryset=files, to_attr="os_files"))
    )
    context = {
        "os": os,
        "stable_releases": [r for r in releases if not r.pre_release],
        "pre_releases": [r for r in releases if r.pre_release],
    }
    return _tagged(render(request, "downloads/os_list.html", context))


@require_safe
def operating_systems(request):
    return _tagged(render(request, "downloads/operating_systems.html", {"operating_systems": OS.objects.all()}))


@require_safe
def release_detail(request, slug):
    page = ReleasePage.objects.live().public().filter(slug=slug).first()
    if page is None:
        raise Http404(_("No such release."))
    return page.serve(request)


def _redirect_to(release):
    if release is None:
        raise Http404(_("No such release."))
    return _tagged(redirect(release.url, permanent=False))


@require_safe
def latest_python3(request, minor=None):
    releases = ReleasePage.objects.only(*LIST_FIELDS)
    if minor is None:
        return _redirect_to(releases.latest_python3())
    return _redirect_to(releases.latest_feature(3, minor))


@require_safe
def latest_python2(request):
    return _redirect_to(ReleasePage.objects.only(*LIST_FIELDS).latest_python2())


@require_safe
def latest_prerelease(request):
    return _redirect_to(ReleasePage.objects.only(*LIST_FIELDS).latest_prerelease())


@require_safe
def latest_pymanager(request):
    return _redirect_to(ReleasePage.objects.only(*LIST_FIELDS).latest_pymanager())


@require_safe
def legacy_release(request, version):
    """/download/releases/3.14.1/ from the old site goes to the release page."""
    release = ReleasePage.objects.published().filter(version_number=version, is_pymanager=False).first()
    if release is None:
        raise Http404(_("No such release."))
    return redirect(release.url, permanent=True)


@require_safe
def doc_versions(request):
    """Every release's documentation, newest first."""
    releases = ReleasePage.objects.published().python3().stable().by_version().only(*LIST_FIELDS)
    python2 = ReleasePage.objects.published().python2().stable().by_version().only(*LIST_FIELDS)
    context = {"releases": list(releases) + list(python2)}
    return _tagged(render(request, "downloads/doc_versions.html", context))


class ReleaseFeed(Feed):
    title = _("Python releases")
    link = "/downloads/"
    description = _("The latest Python releases from python.org.")
    item_count = 25

    def __call__(self, request, *args, **kwargs):
        return _tagged(super().__call__(request, *args, **kwargs))

    def items(self):
        return ReleasePage.objects.published().order_by("-release_date").only(*LIST_FIELDS)[: self.item_count]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return _("%(name)s was released on %(date)s.") % {
            "name": item.name,
            "date": item.release_date.strftime("%B %-d, %Y"),
        }

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.release_date


@require_safe
def release_edit_button(request, pk):
    """The edit link a release page shows staff, fetched apart so the cached page stays the same for everyone."""
    html = ""
    if request.user.is_authenticated and request.user.is_staff:
        release = ReleasePage.objects.filter(pk=pk).first()
        if release is not None and release.permissions_for_user(request.user).can_edit():
            edit_url = reverse("wagtailadmin_pages:edit", args=[pk])
            html = format_html('<a class="button" href="{}">Edit this release</a>', edit_url)
    response = HttpResponse(html)
    response["Cache-Control"] = "private, no-store"
    return response
