"""python.org's nomination URLs (included at the site root: they live under /nominations/ and /users/)."""

from django.urls import path

from apps.nominations import views

app_name = "nominations"
urlpatterns = [
    path("nominations/elections/", views.election_list, name="election_list"),
    path("nominations/elections/<slug:slug>/", views.election_detail, name="election_detail"),
    path("nominations/election/<slug:slug>/", views.election_legacy, name="election_legacy"),
    path("nominations/elections/<slug:slug>/nominees/", views.nominee_list, name="nominee_list"),
    path(
        "nominations/elections/<slug:slug>/nominees/<slug:nominee_slug>/", views.nominee_detail, name="nominee_detail"
    ),  # fmt: skip
    path("nominations/election-kinds.css", views.kind_styles, name="kind_styles"),
    path("nominations/statement-preview/", views.statement_preview, name="statement_preview"),
    path("nominations/<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("nominations/<int:pk>/edit/", views.nomination_edit, name="nomination_edit"),
    path("nominations/<int:pk>/accept/", views.nomination_accept, name="nomination_accept"),
    path("nominations/<slug:slug>/create/", views.nomination_create, name="nomination_create"),
    path("users/nominations/", views.my_nominations, name="mine"),
]
