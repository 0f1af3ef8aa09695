"""The API's front doors: ``/api/v1/`` and ``/api/v2/`` list their endpoints, as python.org's did
(``/api/v2/schema/``, the OpenAPI description, is served by ``apps.downloads.openapi``)."""

from django.http import JsonResponse
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
