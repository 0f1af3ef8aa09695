"""Site extras python.org has: the funding manifest and the interactive shell page."""

import functools
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render


@functools.cache
def funding_manifest():
    """The floss.fund manifest, read once from the repository (``static/funding.json``)."""
    return (Path(settings.BASE_DIR) / "static" / "funding.json").read_bytes()


def funding_json(request):
    return HttpResponse(funding_manifest(), content_type="application/json")


def shell(request):
    """The interactive Python shell: an embedded console when one is configured, otherwise a way to start one."""
    return render(request, "pages/shell.html", {"embed_url": settings.SHELL_EMBED_URL})
