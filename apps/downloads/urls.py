from django.urls import path, register_converter

from apps.downloads import views


class MinorVersionConverter:
    regex = r"\d+"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(MinorVersionConverter, "minor")

app_name = "downloads"
# /downloads/ itself is the DownloadsIndexPage, served by Wagtail after these patterns.
# URLs without their trailing slash redirect here through APPEND_SLASH.
urlpatterns = [
    path("latest/", views.latest_python3, name="latest"),
    path("latest/python2/", views.latest_python2, name="latest_python2"),
    path("latest/python3/", views.latest_python3, name="latest_python3"),
    path("latest/python3.<minor:minor>/", views.latest_python3, name="latest_python3x"),
    path("latest/prerelease/", views.latest_prerelease, name="latest_prerelease"),
    path("latest/pymanager/", views.latest_pymanager, name="latest_pymanager"),
    path("feed.rss", views.ReleaseFeed(), name="feed"),
    path("operating-systems/", views.operating_systems, name="operating_systems"),
    path("release/<slug:slug>/", views.release_detail, name="release_detail"),
    path("<slug:os_slug>/", views.os_list, name="os"),
]
