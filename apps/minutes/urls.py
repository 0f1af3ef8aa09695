from django.urls import path, re_path

from apps.minutes import views
from apps.minutes.feeds import MinutesFeed

app_name = "minutes"
urlpatterns = [
    path("", views.minutes_list, name="list"),
    path("feed/", MinutesFeed(), name="feed"),
    re_path(r"^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})/$", views.minutes_detail, name="detail"),
]
