"""Site extras and python.org's old landing-page addresses (301s to where that content lives now)."""

from django.urls import path
from django.views.generic import RedirectView

from apps.pages import views

LANDING_REDIRECTS = {
    "psf-landing/": "/psf/",
    "docs-landing/": "/doc/",
    "pypl-landing/": "https://pypi.org/",
    "shop-landing/": "/community/merchandise/",
    "inner/": "/about/",
}

urlpatterns = [
    path("funding.json", views.funding_json, name="funding_json"),
    path("shell/", views.shell, name="shell"),
    *[path(old, RedirectView.as_view(url=new, permanent=True)) for old, new in LANDING_REDIRECTS.items()],
]
