"""The site's URLs plus one view that fails, for the error-reporting tests."""

from django.urls import path

from pydotorg.urls import handler404, handler500  # noqa: F401
from pydotorg.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise ZeroDivisionError("a bug in a view")


urlpatterns = [path("boom/", broken_view), *site_urlpatterns]
