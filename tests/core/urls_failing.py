"""The site's URLs plus one view that fails, for the error-reporting tests."""

from django.urls import path

from pydotorg.urls import handler404, handler500, urlpatterns as site_urlpatterns  # noqa: F401


def broken_view(request):
    raise ZeroDivisionError("a bug in a view")


urlpatterns = [path("boom/", broken_view), *site_urlpatterns]
