"""Staff review in the Wagtail admin: one page per nomination (and per nominee) with approve and reject."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from apps.nominations import services
from apps.nominations.forms import ReviewForm
from apps.nominations.models import Nomination, Nominee, TransitionNotAllowed, can_review

QUEUE_URL_QUERY = "?review=pending&acceptance=accepted"


def queue_url():
    return reverse("wagtailsnippets_nominations_nomination:list") + QUEUE_URL_QUERY


class ReviewMixin(WagtailAdminTemplateMixin):
    header_icon = "check"

    def dispatch(self, request, pk):
        if not can_review(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(self.get_queryset(), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.object)

    def post(self, request, pk):
        action = request.POST.get("action")
        form = ReviewForm(request.POST)
        if action not in self.actions or not form.is_valid():
            messages.error(request, _("Choose approve or reject; a note may be at most 2000 characters."))
            return redirect(request.path)
        try:
            self.actions[action](self.object, request.user, form.cleaned_data["note"])
        except TransitionNotAllowed as refusal:
            messages.error(request, str(refusal))
            return redirect(request.path)
        state = self.object.get_review_display().lower()
        messages.success(request, _("%(object)s: %(state)s.") % {"object": self.object, "state": state})
        return redirect(request.path)


class ReviewNominationView(ReviewMixin, TemplateView):
    template_name = "nominations/admin/review_nomination.html"
    page_title = gettext_lazy("Review nomination")
    actions = {"approve": services.approve, "reject": services.reject}

    def get_queryset(self):
        return Nomination.objects.select_related("election__kind", "nominee", "nominator", "reviewed_by")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": queue_url(), "label": _("Nominations to review")},
                {"url": "", "label": str(self.object)}]  # fmt: skip

    def get_context_data(self, **kwargs):
        nomination = self.object
        return {
            **super().get_context_data(**kwargs),
            "nomination": nomination,
            "others": nomination.nominee.nominations.exclude(pk=nomination.pk).select_related("nominator"),
            "form": ReviewForm(),
            "edit_url": reverse("wagtailsnippets_nominations_nomination:edit", args=[nomination.pk]),
            "nominee_url": reverse("nominations_admin:review_nominee", args=[nomination.nominee_id]),
        }


def approve_nominee(nominee, by, note=""):
    nominee.approve()


def reject_nominee(nominee, by, note=""):
    nominee.reject()


class ReviewNomineeView(ReviewMixin, TemplateView):
    template_name = "nominations/admin/review_nominee.html"
    page_title = gettext_lazy("Review nominee")
    actions = {"approve": approve_nominee, "reject": reject_nominee}

    def get_queryset(self):
        return Nominee.objects.select_related("election", "user")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "nominee": self.object,
            "nominations": self.object.nominations.select_related("nominator"),
            "form": ReviewForm(),
        }


urlpatterns = [
    path("<int:pk>/", ReviewNominationView.as_view(), name="review"),
    path("nominee/<int:pk>/", ReviewNomineeView.as_view(), name="review_nominee"),
]
