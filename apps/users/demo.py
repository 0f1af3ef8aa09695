"""Demo accounts: one per staff role (password "pydotorg", for local sites only), then the
accounts and PSF memberships of the legacy database export (dump-a.json).

Legacy accounts get unusable passwords and no staff rights: the export is public, so none of its
credentials or privileges are carried over. Idempotent (get-or-create by username).
"""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.dateparse import parse_datetime

from apps.users import roles
from apps.users.models import Membership, User

# Legacy integer choices (python/pythondotorg users/models.py).
LEGACY_EMAIL_PRIVACY = {0: User.EmailPrivacy.PUBLIC, 1: User.EmailPrivacy.LOGGED_IN, 2: User.EmailPrivacy.NEVER}
LEGACY_SEARCH = {0: User.SearchVisibility.PRIVATE, 1: User.SearchVisibility.PUBLIC}
LEGACY_MEMBERSHIP = {
    0: Membership.Type.BASIC,
    1: Membership.Type.SUPPORTING,
    2: Membership.Type.SPONSOR,
    4: Membership.Type.CONTRIBUTING,
    5: Membership.Type.FELLOW,
}

DEMO_PASSWORD = "pydotorg"  # noqa: S105 - documented demo password for local sites
ROLE_ACCOUNTS = [
    # username, role group, is_superuser
    ("admin", None, True),
    ("editor", roles.EDITORS, False),
    ("moderator", roles.MODERATORS, False),
    ("jobsadmin", roles.JOB_BOARD_ADMINS, False),
    ("sponsorship", roles.SPONSORSHIP_TEAM, False),
    ("releasemanager", roles.RELEASE_MANAGERS, False),
    ("visitor", None, False),
]


def load_role_accounts():
    created = 0
    for username, group_name, is_superuser in ROLE_ACCOUNTS:
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
            # allauth asks for a verified address before login; the demo addresses count as verified.
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            created += 1
        if group_name:
            user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return created


def load(data_dir, stdout):
    role_accounts = load_role_accounts()
    rows = json.loads((data_dir / "dump-a.json").read_text())  # a missing file stops load_demo_data
    users_created = members_created = 0
    for row in (r for r in rows if r["model"] == "users.user"):
        fields = row["fields"]
        user, created = User.objects.get_or_create(
            username=fields["username"],
            defaults={
                "email": fields["email"],
                "first_name": fields["first_name"],
                "last_name": fields["last_name"],
                "bio": fields.get("bio", "")[:5000],
                "email_privacy": LEGACY_EMAIL_PRIVACY.get(fields.get("email_privacy"), User.EmailPrivacy.NEVER),
                "search_visibility": LEGACY_SEARCH.get(fields.get("search_visibility"), User.SearchVisibility.PUBLIC),
                "date_joined": parse_datetime(fields["date_joined"]),
                "is_active": fields["is_active"],
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            if user.email:
                EmailAddress.objects.get_or_create(
                    user=user, email=user.email, defaults={"verified": True, "primary": True}
                )
            users_created += 1
    for row in (r for r in rows if r["model"] == "users.membership"):
        fields = row["fields"]
        creator = (fields.get("creator") or [None])[0]
        user = User.objects.filter(username=creator).first()
        if user is None or Membership.objects.filter(user=user).exists():
            continue
        Membership.objects.create(
            user=user,
            membership_type=LEGACY_MEMBERSHIP.get(fields["membership_type"], Membership.Type.BASIC),
            legal_name=fields["legal_name"] or user.get_full_name() or user.username,
            preferred_name=fields["preferred_name"] or user.first_name or user.username,
            email_address=fields["email_address"] or user.email,
            city=fields["city"], region=fields["region"], country=fields["country"], postal_code=fields["postal_code"],
            psf_code_of_conduct=bool(fields["psf_code_of_conduct"]),
            psf_announcements=bool(fields["psf_announcements"]),
            votes=fields["votes"],
            last_vote_affirmation=parse_datetime(fields["last_vote_affirmation"] or "") or None,
            created=parse_datetime(fields["created"]),
        )  # fmt: skip
        members_created += 1
    return f"{role_accounts} role accounts, {users_created} legacy accounts and {members_created} memberships created"
