import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from apps.users import roles

pytestmark = pytest.mark.django_db


def page_permissions(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list("permission__codename", flat=True)
    )


def collection_permissions(group_name):
    rows = GroupCollectionPermission.objects.filter(group__name=group_name)
    return set(rows.values_list("permission__codename", flat=True))


def test_every_role_group_exists_with_admin_access():
    for name in roles.STAFF_ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_editors_edit_and_publish_the_whole_page_tree():
    root = Page.objects.get(depth=1)
    assert set(
        GroupPagePermission.objects.filter(group__name=roles.EDITORS, page=root).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert collection_permissions(roles.EDITORS) == {
        "add_image", "change_image", "delete_image", "choose_image",
        "add_document", "change_document", "delete_document", "choose_document",
    }  # fmt: skip
    codenames = set(Group.objects.get(name=roles.EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_contentsnippet", "change_contentsnippet", "publish_contentsnippet", "change_navigationsettings",
            "change_sitesettings", "change_membershipsettings", "add_redirect"} <= codenames  # fmt: skip


def test_moderators_hold_no_permission_on_the_page_tree():
    """They approve through the workflow; what they approve is published without a page permission."""
    root = Page.objects.get(depth=1)
    assert not GroupPagePermission.objects.filter(group__name=roles.MODERATORS, page=root).exists()


def test_release_managers_write_only_the_downloads_section(home_page):
    from tests.downloads.factories import DownloadsIndexPageFactory

    downloads = DownloadsIndexPageFactory(parent=home_page)
    rows = GroupPagePermission.objects.filter(group__name=roles.RELEASE_MANAGERS)
    assert set(rows.values_list("page_id", flat=True)) == {downloads.pk}
    assert page_permissions(roles.RELEASE_MANAGERS) == {"add_page", "change_page", "publish_page"}


@pytest.mark.parametrize(
    "name,pages",
    [(roles.MODERATORS, set()), (roles.JOB_BOARD_ADMINS, set()), (roles.SPONSORSHIP_TEAM, set()),
     (roles.RELEASE_MANAGERS, set())],
)  # fmt: skip
def test_other_roles_only_choose_media_and_never_touch_pages(name, pages):
    assert page_permissions(name) == pages
    assert collection_permissions(name) == {"choose_image", "choose_document"}
    codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
    assert not codenames & {"add_image", "change_image", "delete_image", "add_document", "change_document"}
    assert "view_membership" not in codenames and "change_apicredential" not in codenames


def test_superusers_are_a_flag_not_a_group(superuser):
    assert superuser.is_superuser and not superuser.groups.exists()
