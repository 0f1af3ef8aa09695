from django.urls import path, re_path

from apps.downloads import views

app_name = "downloads"
# /downloads/ itself is the DownloadsIndexPage, served by Wagtail after these patterns.
urlpatterns = [
    re_path(r"^latest/python2/?$", views.latest_python2, name="latest_python2"),
    re_path(r"^latest/python3/?$", views.latest_python3, name="latest_python3"),
    re_path(r"^latest/python3\.(?P<minor>\d+)/?$", views.latest_python3, name="latest_python3x"),
    re_path(r"^latest/prerelease/?$", views.latest_prerelease, name="latest_prerelease"),
    re_path(r"^latest/pymanager/?$", views.latest_pymanager, name="latest_pymanager"),
    re_path(r"^latest/?$", views.latest_python3, name="latest"),
    path("feed.rss", views.ReleaseFeed(), name="feed"),
    path("operating-systems/", views.operating_systems, name="operating_systems"),
    path("release/<slug:slug>/", views.release_detail, name="release_detail"),
    path("<slug:os_slug>/", views.os_list, name="os"),
]
