"""The admin's "Refresh now" for one feed: a confirmation, then the refresh as a background task."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.blogs.models import Feed
from apps.blogs.tasks import refresh_feed
from apps.core.tasks import enqueue


@require_http_methods(["GET", "POST"])
def refresh_now(request, pk):
    if not request.user.has_perm("blogs.change_feed"):
        raise PermissionDenied
    feed = get_object_or_404(Feed, pk=pk)
    if request.method == "POST":
        result = enqueue(refresh_feed, feed.pk)
        outcome = result.return_value if result.is_finished else None
        if outcome is None:
            messages.success(request, _("“%(feed)s” will be refreshed in a moment.") % {"feed": feed})
        elif outcome.startswith("failed"):
            messages.error(request, _("“%(feed)s” could not be refreshed: %(why)s") % {"feed": feed, "why": outcome})
        else:
            messages.success(request, _("“%(feed)s” refreshed: %(summary)s.") % {"feed": feed, "summary": outcome})
        return redirect("blogs_feed:index")
    context = {
        "feed": feed,
        "header_title": _("Refresh “%(feed)s” now") % {"feed": feed.name},
        "index_url": reverse("blogs_feed:index"),
    }
    return TemplateResponse(request, "blogs/admin/refresh_feed.html", context)
