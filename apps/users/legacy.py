"""Legacy accounts: users with their password hashes, email addresses, groups, memberships, API keys."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.dateparse import parse_datetime

from apps.core.legacy import Skip, importer
from apps.users import roles
from apps.users.models import ApiCredential, Membership, User, _digest

EMAIL_PRIVACY = {0: User.EmailPrivacy.PUBLIC, 1: User.EmailPrivacy.LOGGED_IN, 2: User.EmailPrivacy.NEVER}
SEARCH_VISIBILITY = {0: User.SearchVisibility.PRIVATE, 1: User.SearchVisibility.PUBLIC}
MEMBERSHIP = {
    0: Membership.Type.BASIC,
    1: Membership.Type.SUPPORTING,
    2: Membership.Type.SPONSOR,
    4: Membership.Type.CONTRIBUTING,
    5: Membership.Type.FELLOW,
}
# Legacy group names that are one of the roles here.
GROUPS = {"Job Board Admin": roles.JOB_BOARD_ADMINS, "psf-staff": roles.EDITORS, "Sponsorship": roles.SPONSORSHIP_TEAM}
TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}


def when(value):
    return parse_datetime(value) if value else None


def group_name(natural_key):
    name = natural_key[0] if isinstance(natural_key, list) else str(natural_key)
    return GROUPS.get(name, name)


@importer("auth.group", group="users", order=5, fields={"name", "permissions"})
def import_group(row, target, ctx):
    group, _ = Group.objects.get_or_create(name=group_name(row["fields"]["name"]))
    return group


USER_FIELDS = {
    "password", "last_login", "is_superuser", "username", "first_name", "last_name", "email", "is_staff",
    "is_active", "date_joined", "bio", "bio_markup_type", "search_visibility", "_bio_rendered", "email_privacy",
    "public_profile", "groups", "user_permissions",
}  # fmt: skip


@importer("users.user", group="users", order=10, fields=USER_FIELDS)
def import_user(row, target, ctx):
    fields = row["fields"]
    if not fields["username"]:
        raise Skip("a user without a username")
    user = target or User.objects.filter(username=fields["username"]).first() or User(username=fields["username"])
    user.username = fields["username"]
    user.password = fields["password"] or "!"  # the hash as it is: the same password signs in here
    user.email = fields["email"] or ""
    user.first_name = fields["first_name"][:150]
    user.last_name = fields["last_name"][:150]
    user.is_active = fields["is_active"]
    user.is_staff = fields["is_staff"]
    user.is_superuser = fields["is_superuser"]
    user.date_joined = when(fields["date_joined"]) or user.date_joined
    user.last_login = when(fields["last_login"])
    user.bio = (fields.get("bio") or "")[:5000]
    user.email_privacy = EMAIL_PRIVACY.get(fields.get("email_privacy"), User.EmailPrivacy.NEVER)
    user.search_visibility = SEARCH_VISIBILITY.get(fields.get("search_visibility"), User.SearchVisibility.PUBLIC)
    if fields.get("public_profile") is False:
        user.search_visibility = User.SearchVisibility.PRIVATE
    user.full_clean(exclude=["password", "bio"], validate_unique=False)
    user.save()
    user.groups.set([Group.objects.get_or_create(name=group_name(key))[0] for key in fields["groups"]])
    return user


@importer("account.emailaddress", group="users", order=20, fields={"user", "email", "verified", "primary"})
def import_email(row, target, ctx):
    fields = row["fields"]
    user = ctx.user(fields["user"])
    if user is None:
        raise Skip("email address of a user not in the dump")
    address = target or EmailAddress.objects.filter(user=user, email__iexact=fields["email"]).first()
    address = address or EmailAddress(user=user, email=fields["email"])
    address.user, address.email = user, fields["email"]
    address.verified, address.primary = fields["verified"], fields["primary"]
    address.save()
    return address


MEMBERSHIP_FIELDS = {
    "membership_type", "legal_name", "preferred_name", "email_address", "city", "region", "country",
    "postal_code", "psf_code_of_conduct", "psf_announcements", "votes", "last_vote_affirmation", *TIMESTAMPS,
}  # fmt: skip


@importer("users.membership", group="users", order=30, fields=MEMBERSHIP_FIELDS)
def import_membership(row, target, ctx):
    fields = row["fields"]
    user = ctx.user(fields["creator"])
    if user is None:
        raise Skip("membership of a user not in the dump")
    membership = target or Membership.objects.filter(user=user).first() or Membership(user=user)
    membership.membership_type = MEMBERSHIP.get(fields["membership_type"], Membership.Type.BASIC)
    membership.legal_name = fields["legal_name"] or user.get_full_name() or user.username
    membership.preferred_name = fields["preferred_name"] or user.first_name or user.username
    membership.email_address = fields["email_address"] or user.email
    for name in ("city", "region", "country", "postal_code"):
        setattr(membership, name, fields[name] or "")
    membership.psf_code_of_conduct = bool(fields["psf_code_of_conduct"])
    membership.psf_announcements = bool(fields["psf_announcements"])
    membership.votes = fields["votes"]
    membership.last_vote_affirmation = when(fields["last_vote_affirmation"])
    membership.created = when(fields["created"]) or membership.created
    membership.save()
    return membership


def credential(user):
    return ApiCredential.objects.get_or_create(user=user)[0]


@importer("tastypie.apikey", group="users", order=40, fields={"user", "key", "created"})
def import_api_key(row, target, ctx):
    user = ctx.user(row["fields"]["user"])
    if user is None:
        raise Skip("API key of a user not in the dump")
    key = row["fields"]["key"]
    found = credential(user)
    found.api_key_hash, found.api_key_hint = _digest(key), key[:6]
    found.save(update_fields=["api_key_hash", "api_key_hint", "updated_at"])
    return found


@importer("authtoken.token", group="users", order=41, fields={"user", "created"})
def import_token(row, target, ctx):
    user = ctx.user(row["fields"]["user"])
    if user is None:
        raise Skip("API token of a user not in the dump")
    key = str(row["pk"])
    found = credential(user)
    found.token_hash, found.token_hint = _digest(key), key[:6]
    found.save(update_fields=["token_hash", "token_hint", "updated_at"])
    return found
