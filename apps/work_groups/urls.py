from django.urls import path

from apps.work_groups import views

app_name = "work_groups"
urlpatterns = [
    path("", views.work_group_list, name="list"),
    path("<slug:slug>/", views.work_group_detail, name="detail"),
]
