from django.urls import path, reverse_lazy
from django.views.generic import RedirectView

from apps.jobs import views
from apps.jobs.feeds import LatestJobsFeed

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("feed/rss/", LatestJobsFeed(), name="job_rss"),
    path("type/", views.job_types, name="job_types"),
    path("type/<slug:type_slug>/", views.job_list, name="job_list_type"),
    path("category/", views.job_categories, name="job_categories"),
    path("category/<slug:category_slug>/", views.job_list, name="job_list_category"),
    path("location/", views.job_locations, name="job_locations"),
    path("location/telecommute/", views.job_list, {"location_slug": "telecommute"}, name="job_list_telecommute"),
    path("location/<slug:location_slug>/", views.job_list, name="job_list_location"),
    path("create/", views.job_create, name="job_create"),
    path("mine/", views.my_jobs, name="my_jobs"),
    path("<int:pk>/", views.job_detail, name="job_detail"),
    path("<int:pk>/edit/", views.job_edit, name="job_edit"),
    path("<int:pk>/preview/", views.job_preview, name="job_preview"),
    path("<int:pk>/submit/", views.job_submit, name="job_submit"),
    path("<int:pk>/withdraw/", views.job_withdraw, name="job_withdraw"),
    path("<int:pk>/renew/", views.job_renew, name="job_renew"),
    path("<int:pk>/comment/", views.job_comment, name="job_comment"),
    # python.org's older job URLs, moved to their equivalents here.
    path("types/", RedirectView.as_view(pattern_name="jobs:job_types", permanent=True)),
    path("categories/", RedirectView.as_view(pattern_name="jobs:job_categories", permanent=True)),
    path("locations/", RedirectView.as_view(pattern_name="jobs:job_locations", permanent=True)),
    path("thanks/", RedirectView.as_view(pattern_name="jobs:my_jobs", permanent=True)),
    path("<int:pk>/remove/", RedirectView.as_view(pattern_name="jobs:job_detail", permanent=True)),
    path(
        "review/",
        RedirectView.as_view(url=reverse_lazy("wagtailsnippets_jobs_job:list"), query_string=False, permanent=True),
    ),
    path("moderate/", RedirectView.as_view(url=reverse_lazy("wagtailsnippets_jobs_job:list"), permanent=True)),
]
