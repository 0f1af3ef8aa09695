"""The sponsorship program's public URLs; included at the site root before the users app's URLs."""

from django.urls import path

from apps.sponsors import views

app_name = "sponsors"

urlpatterns = [
    path("sponsors/application/", views.application, name="application"),
    path("sponsors/application/new/", views.application_new, name="application_new"),
    path("psf/sponsors/", views.sponsors_page, name="sponsors_page"),
    path("users/sponsorships/", views.dashboard, name="mine"),
    path("users/sponsorships/<int:pk>/", views.dashboard_detail, name="dashboard_detail"),
    path("users/sponsorships/<int:pk>/sponsor/", views.edit_sponsor, name="edit_sponsor"),
    path("users/sponsorships/<int:pk>/assets/", views.upload_assets, name="upload_assets"),
]
