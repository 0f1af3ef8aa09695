from django.urls import re_path

from apps.downloads import api

RESOURCE = r"(?P<resource>os|release|release_file)"
urlpatterns = [
    re_path(rf"^downloads/{RESOURCE}/schema/?$", api.V1SchemaView.as_view(), name="downloads_api_v1_schema"),
    re_path(rf"^downloads/{RESOURCE}/?$", api.V1ListView.as_view(), name="downloads_api_v1_list"),
    re_path(rf"^downloads/{RESOURCE}/(?P<pk>[^/]+)/?$", api.V1DetailView.as_view(), name="downloads_api_v1_detail"),
]
