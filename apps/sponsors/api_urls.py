from django.urls import path

from apps.sponsors import api

urlpatterns = [
    path("sponsors/logo-placement/", api.LogoPlacementList.as_view(), name="sponsors_api_logo_placement"),
    path("sponsors/sponsorship-assets/", api.SponsorshipAssetList.as_view(), name="sponsors_api_assets"),
]
