"""Moderation in the Wagtail admin: the review page of one job (preview beside history, comments and actions)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from apps.jobs import services
from apps.jobs.forms import CommentForm, ModerationForm
from apps.jobs.models import Job, TransitionNotAllowed


def moderated_job(request, pk):
    if not request.user.has_perm("jobs.moderate_job"):
        raise PermissionDenied
    return get_object_or_404(Job.objects.select_related("category", "creator").prefetch_related("job_types"), pk=pk)


class ModerateJobView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "jobs/admin/moderate.html"
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        self.job = moderated_job(request, pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Review job")

    def get_page_subtitle(self):
        return str(self.job)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items,
                {"url": reverse("wagtailsnippets_jobs_job:list") + "?status=review", "label": _("Review queue")},
                {"url": "", "label": str(self.job)}]  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actions = services.available_actions(self.job)
        context.update(
            job=self.job,
            actions=[
                (name, services.MODERATION_ACTIONS[name][2], services.MODERATION_ACTIONS[name][1]) for name in actions
            ],  # fmt: skip
            history=self.job.history.select_related("actor"),
            comments=self.job.review_comments.select_related("author"),
            moderation_form=ModerationForm(),
            comment_form=CommentForm(),
            edit_url=reverse("wagtailsnippets_jobs_job:edit", args=[self.job.pk]),
            preview_url=reverse("jobs_admin:preview", args=[self.job.pk]),
        )
        return context


@xframe_options_sameorigin
def preview_job(request, pk):
    """The job as the public will see it, for the frame beside the moderation controls."""
    job = moderated_job(request, pk)
    return render(request, "jobs/job_detail.html", {"job": job, "preview": True, "related_jobs": []})


@require_POST
def moderate_action(request, pk, action):
    job = moderated_job(request, pk)
    if action not in services.MODERATION_ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect("jobs_admin:moderate", pk=job.pk)
    service, needs_comment, label = services.MODERATION_ACTIONS[action]
    form = ModerationForm(request.POST)
    comment = form.cleaned_data["comment"].strip() if form.is_valid() else ""
    if not form.is_valid() or (needs_comment and not comment):
        messages.error(request, _("“%(action)s” needs a comment the submitter can read (at most 5000 characters).")
                       % {"action": label})  # fmt: skip
        return redirect("jobs_admin:moderate", pk=job.pk)
    try:
        service(job, request.user, comment)
    except TransitionNotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("jobs_admin:moderate", pk=job.pk)
    messages.success(request, _("%(action)s: done for “%(job)s”.") % {"action": label, "job": job})
    return redirect("jobs_admin:moderate", pk=job.pk)


@require_POST
def moderate_comment(request, pk):
    job = moderated_job(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(job, request.user, form.cleaned_data["body"], from_moderator=True)
        messages.success(request, _("Comment sent to the submitter."))
    else:
        messages.error(request, _("The comment was empty or too long; nothing was sent."))
    return redirect("jobs_admin:moderate", pk=job.pk)


urlpatterns = [
    path("<int:pk>/", ModerateJobView.as_view(), name="moderate"),
    path("<int:pk>/preview/", preview_job, name="preview"),
    path("<int:pk>/comment/", moderate_comment, name="comment"),
    path("<int:pk>/<slug:action>/", moderate_action, name="action"),
]
