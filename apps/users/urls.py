from django.urls import path

from apps.users import views

app_name = "users"

urlpatterns = [
    path("menu/", views.account_menu, name="menu"),
    path("me/", views.my_profile, name="my_profile"),
    path("edit/", views.edit_profile, name="edit"),
    path("delete/", views.delete_account, name="delete"),
    path("membership/", views.membership, name="membership"),
    path("membership/edit/", views.membership_edit, name="membership_edit"),
    path("membership/cancel/", views.membership_cancel, name="membership_cancel"),
    path("membership/affirm/", views.membership_affirm_vote, name="membership_affirm"),
    # Last: every other single segment is a username (reserved names are refused at signup).
    path("<str:username>/", views.profile, name="profile"),
]
