"""Site extras python.org has: the funding manifest, the interactive shell page, and boxes served on their own."""

import functools
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from apps.core.cache import add_surrogate_keys
from apps.pages.models import ContentSnippet


@functools.cache
def funding_manifest():
    """The floss.fund manifest, read once from the repository (``static/funding.json``)."""
    return (Path(settings.BASE_DIR) / "static" / "funding.json").read_bytes()


def funding_json(request):
    return HttpResponse(funding_manifest(), content_type="application/json")


def shell(request):
    """The interactive Python shell: an embedded console when one is configured, otherwise a way to start one."""
    return render(request, "pages/shell.html", {"embed_url": settings.SHELL_EMBED_URL})


@require_safe
def box(request, label):
    """``/box/<label>/``: a content snippet's HTML on its own, as python.org served its boxes to other PSF sites."""
    snippet = get_object_or_404(ContentSnippet, label=label, live=True)
    response = HttpResponse(str(snippet.body), content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    response["Access-Control-Allow-Origin"] = "*"  # embedded by other PSF sites
    return add_surrogate_keys(response, "snippets", f"snippet-{snippet.pk}")
