"""Demo accounts and PSF memberships from the legacy database export (dump-a.json).

Accounts get unusable passwords and no staff rights: the export is public, so none of its
credentials or privileges are carried over. Idempotent (get-or-create by username).
"""

import json

from allauth.account.models import EmailAddress
from django.utils.dateparse import parse_datetime

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


def load(data_dir, stdout):
    dump = data_dir / "dump-a.json"
    if not dump.exists():
        stdout.write("users: dump-a.json not found; no demo accounts")
        return
    rows = json.loads(dump.read_text())
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
    stdout.write(f"users: {users_created} accounts and {members_created} memberships created")
