import io

import pytest

from apps.users import demo
from apps.users.models import Membership, User

pytestmark = pytest.mark.django_db


def test_demo_accounts_load_once_without_credentials_or_privileges(data_dir):
    summary = demo.load(data_dir, io.StringIO())
    role_usernames = [username for username, _, _ in demo.ROLE_ACCOUNTS]
    legacy = User.objects.exclude(username__in=role_usernames)
    users, members = User.objects.count(), Membership.objects.count()
    assert members == 78
    assert legacy.count() == users - len(role_usernames)
    # Legacy accounts carry no credentials or privileges from the public export.
    assert not legacy.filter(is_staff=True).exists()
    assert not any(user.has_usable_password() for user in legacy)
    # One account per role, with the documented demo password.
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(demo.DEMO_PASSWORD)
    assert User.objects.get(username="releasemanager").groups.filter(name="Release managers").exists()
    demo.load(data_dir, io.StringIO())
    assert (User.objects.count(), Membership.objects.count()) == (users, members)
    assert "78 memberships created" in summary
