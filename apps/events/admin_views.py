"""The moderation screen of one submitted event in the Wagtail admin: approve, or reject with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.events import notifications
from apps.events.forms import RejectionForm
from apps.events.models import Event

QUEUE_URL_NAME = "events_event:index"


def queue_url():
    return reverse(QUEUE_URL_NAME) + f"?status={Event.Status.PENDING}"


@require_http_methods(["GET", "POST"])
def moderate_event(request, pk):
    if not request.user.has_perm("events.change_event"):
        raise PermissionDenied
    event = get_object_or_404(Event.objects.with_display_relations().select_related("submitted_by"), pk=pk)
    form = RejectionForm(request.POST if request.POST.get("action") == "reject" else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "approve":
            event.approve(request.user)
            notifications.event_approved(event)
            messages.success(request, _("“%(title)s” approved; the submitter has been emailed.") % {"title": event})
            return redirect(queue_url())
        if action == "reject" and form.is_valid():
            event.reject(request.user, form.cleaned_data["reason"])
            notifications.event_rejected(event)
            messages.success(request, _("“%(title)s” rejected; the submitter has been emailed.") % {"title": event})
            return redirect(queue_url())
        if action not in ("approve", "reject"):
            messages.error(request, _("Choose approve or reject."))
        status = 400
    context = {
        "event": event,
        "form": form,
        "queue_url": queue_url(),
        "edit_url": reverse("events_event:edit", args=[event.pk]),
        "header_title": _("Moderate “%(title)s”") % {"title": event.title},
    }
    return TemplateResponse(request, "events/admin/moderate.html", context, status=status)
