"""Demo accounts, one per role (password "pydotorg"; for local development only)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from apps.users import roles

DEMO_PASSWORD = "pydotorg"  # noqa: S105 - documented demo password for local sites
DEMO_USERS = [
    # username, role group, is_superuser
    ("admin", None, True),
    ("editor", roles.EDITORS, False),
    ("moderator", roles.MODERATORS, False),
    ("jobsadmin", roles.JOB_BOARD_ADMINS, False),
    ("sponsorship", roles.SPONSORSHIP_TEAM, False),
    ("releasemanager", roles.RELEASE_MANAGERS, False),
    ("visitor", None, False),
]


def load(data_dir, stdout=None):
    User = get_user_model()
    created = 0
    for username, group_name, is_superuser in DEMO_USERS:
        user, new = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.com",
                "first_name": username.capitalize(),
                "is_staff": is_superuser or group_name is not None,
                "is_superuser": is_superuser,
            },
        )
        if new:
            user.set_password(DEMO_PASSWORD)
            user.save()
            created += 1
            _verify_email(user)
        if group_name:
            user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return f"{created} demo accounts created"


def _verify_email(user):
    # allauth asks for a verified address before login; the demo addresses are taken as verified.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
