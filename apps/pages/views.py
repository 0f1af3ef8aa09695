"""``/box/<label>/``: a content snippet's HTML on its own, as python.org served its boxes to other PSF sites."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from apps.core.cache import add_surrogate_keys
from apps.pages.models import ContentSnippet


@require_safe
def box(request, label):
    snippet = get_object_or_404(ContentSnippet, label=label, live=True)
    response = HttpResponse(str(snippet.body), content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    response["Access-Control-Allow-Origin"] = "*"  # embedded by other PSF sites
    return add_surrogate_keys(response, "snippets", f"snippet-{snippet.pk}")
