import io

import pytest

from apps.users import demo
from apps.users.models import Membership, User

pytestmark = pytest.mark.django_db


def test_demo_accounts_load_once_without_credentials_or_privileges(data_dir):
    out = io.StringIO()
    demo.load(data_dir, out)
    users, members = User.objects.count(), Membership.objects.count()
    assert users == 80 and members == 78
    assert not User.objects.filter(is_staff=True).exists()
    assert not any(user.has_usable_password() for user in User.objects.all())
    demo.load(data_dir, io.StringIO())
    assert (User.objects.count(), Membership.objects.count()) == (users, members)
    assert "80 accounts and 78 memberships" in out.getvalue()
