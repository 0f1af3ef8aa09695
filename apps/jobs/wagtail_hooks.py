from django.urls import include, path, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from apps.core.sections import HomepageSection
from apps.jobs import admin_views, services
from apps.jobs.models import Job, JobCategory, JobType
from apps.search.query import SOURCE_LIMIT, SearchResult, later

HOMEPAGE_JOBS = 5


class JobIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("jobs.moderate_job"):
            review_url = reverse("jobs_admin:moderate", args=[instance.pk])
            buttons.insert(0, ListingButton(_("Review"), url=review_url, icon_name="view", priority=1))
        return buttons


class JobViewSet(SnippetViewSet):
    """All jobs, with filters by state and text; the review queue is this list filtered to "In review"."""

    model = Job
    icon = "clipboard-list"
    menu_label = _("All jobs")
    index_view_class = JobIndexView
    list_display = ["job_title", "company_name", "status", "is_featured", "category", "created", "expires"]
    list_filter = ["status", "is_featured", "telecommuting", "category"]
    list_export = ["job_title", "company_name", "status", "is_featured", "display_location", "email", "created",
                   "published_at", "expires"]  # fmt: skip
    search_fields = ["job_title", "company_name", "description", "city", "country", "email"]
    search_backend_name = None  # plain ORM search: the admin sees every state, the index only live jobs
    ordering = ["-created"]
    copy_view_enabled = False
    inspect_view_enabled = True


class JobTypeViewSet(SnippetViewSet):
    model = JobType
    icon = "tag"
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    search_fields = ["name"]
    search_backend_name = None


class JobCategoryViewSet(SnippetViewSet):
    model = JobCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    search_fields = ["name"]
    search_backend_name = None


class JobsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Jobs")
    menu_icon = "clipboard-list"
    menu_order = 300
    items = (JobViewSet, JobTypeViewSet, JobCategoryViewSet)

    def get_submenu_items(self):
        queue = ReviewQueueMenuItem(
            _("Review queue"), reverse("wagtailsnippets_jobs_job:list") + "?status=review", icon_name="tasks", order=0
        )
        return [queue, *super().get_submenu_items()]


class ReviewQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("jobs.moderate_job")


@hooks.register("register_admin_viewset")
def register_jobs_viewsets():
    return JobsViewSetGroup()


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("jobs-moderation/", include((admin_views.urlpatterns, "jobs_admin")))]


class JobsDashboardPanel(Component):
    """Counts of jobs per state on the admin dashboard, each linking to the filtered list."""

    name = "jobs_moderation"
    template_name = "jobs/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        list_url = reverse("wagtailsnippets_jobs_job:list")
        counts = [(label, count, f"{list_url}?status={value}", value == Job.Status.REVIEW)
                  for value, label, count in Job.objects.status_counts()]  # fmt: skip
        oldest = Job.objects.in_review().order_by("submitted_at").only("id", "job_title", "company_name",
                                                                      "submitted_at")[:5]  # fmt: skip
        return {"counts": counts, "oldest": oldest, "in_review": Job.objects.in_review().count()}


@hooks.register("construct_homepage_panels")
def add_jobs_dashboard_panel(request, panels):
    if request.user.has_perm("jobs.moderate_job"):
        panels.append(JobsDashboardPanel())


@hooks.register("register_homepage_section")
def latest_jobs_section():
    return HomepageSection(
        slot="jobs",
        template="jobs/includes/homepage_jobs.html",
        get_context=lambda request: {"jobs": Job.objects.listed().order_by("-published_at")[:HOMEPAGE_JOBS]},
        generation_keys=(services.GENERATION_KEY,),
    )


def job_snippet(job):
    return Truncator(strip_tags(job.description_html())).words(40)


@hooks.register("register_search_source")
def search_live_jobs(query):
    """Approved, unexpired jobs only: a job leaves search as soon as it expires or is removed."""
    jobs = (
        Job.objects.live()
        .search_text(query)
        .only("id", "job_title", "company_name", "description")
        .order_by("-published_at")[:SOURCE_LIMIT]
    )
    return [
        SearchResult(
            title=f"{job.job_title}, {job.company_name}",
            url=job.get_absolute_url(),
            snippet=later(job_snippet, job),
            kind="Job",
        )
        for job in jobs
    ]
