from django.urls import re_path

from apps.downloads import api, openapi

RESOURCE = r"(?P<resource>os|release|release_file)"
urlpatterns = [
    re_path(r"^schema/?$", openapi.schema_view, name="downloads_api_schema"),
    re_path(r"^downloads/release_file/delete_by_release/?$", api.DeleteByReleaseView.as_view()),
    re_path(rf"^downloads/{RESOURCE}/?$", api.ListView.as_view(), name="downloads_api_v2_list"),
    re_path(rf"^downloads/{RESOURCE}/(?P<pk>[^/]+)/?$", api.DetailView.as_view(), name="downloads_api_v2_detail"),
]
