"""The API's front doors: ``/api/v1/`` and ``/api/v2/`` list their endpoints, as python.org's did, and ``/api/``
documents them for people, linking the OpenAPI description (``/api/v2/schema/``, ``apps.downloads.openapi``)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

V1_RESOURCES = ["downloads/os", "downloads/release", "downloads/release_file", "pages/page"]
V2_RESOURCES = ["downloads/os", "downloads/release", "downloads/release_file", "pages/page"]


@require_safe
def v1_root(request):
    """Tastypie's top level: each resource's list endpoint and schema."""
    return JsonResponse({
        name: {"list_endpoint": f"/api/v1/{name}/", "schema": f"/api/v1/{name}/schema/"} for name in V1_RESOURCES
    })  # fmt: skip


@require_safe
def v2_root(request):
    """DRF's router root: each endpoint's absolute URL, plus the schema."""
    data = {name: request.build_absolute_uri(f"/api/v2/{name}/") for name in V2_RESOURCES}
    data["schema"] = request.build_absolute_uri("/api/v2/schema/")
    return JsonResponse(data)


ENDPOINTS = {
    "downloads/os": _("operating systems"),
    "downloads/release": _("releases (published ones, unless you are a release manager)"),
    "downloads/release_file": _("the files of each release, with checksums and signatures"),
    "pages/page": _("published content pages (read-only)"),
}


def rate(name):
    """A throttle rate as people read it: "2000/hour" is "2,000 per hour"."""
    count, _slash, period = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][name].partition("/")
    return _("%(count)s per %(period)s") % {"count": f"{int(count):,}", "period": period}


@require_safe
def index(request):
    """``/api/``: what the API offers, for people; clients read the version roots and the schema."""
    versions = [
        {
            "title": _("Version 1"),
            "description": _(
                'Lists answer {"meta": {…}, "objects": […]} and page with limit and offset; each resource has a schema.'
            ),
            "endpoints": [{"url": "/api/v1/", "description": _("the resources of version 1")}]
            + [{"url": f"/api/v1/{name}/", "description": what} for name, what in ENDPOINTS.items()],
        },
        {
            "title": _("Version 2"),
            "description": _("Lists answer plain JSON arrays."),
            "endpoints": [{"url": "/api/v2/", "description": _("the resources of version 2")}]
            + [{"url": f"/api/v2/{name}/", "description": what} for name, what in ENDPOINTS.items()]
            + [{"url": "/api/v2/schema/", "description": _("the OpenAPI schema")}],
        },
    ]
    context = {"versions": versions, "anon_rate": rate("anon"), "user_rate": rate("user")}
    return render(request, "api/index.html", context)
