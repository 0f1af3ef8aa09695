"""Who may open which admin and private URL, for every role, generated from the URL conf.

Every route the resolver knows is checked, so new URLs are covered as soon as they exist:
- admin URLs (``/admin/``, ``/django-admin/``, ``/django-rq/``) deny anonymous visitors and plain users,
  with or without arguments; superusers may open every argument-less one;
- for staff roles the expectation of an argument-less admin URL comes from its viewset's permission
  policy (list, add and chooser views) or, for Wagtail's own views, from ``ADMIN_VIEW_RULES`` below;
  an admin URL matching neither fails the test until it is classified here;
- private site URLs (anonymous visitors are sent to sign in) open for every signed-in role.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group
from django.test import Client
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission
from wagtail.permissions import policy_registry

from apps.users import roles
from tests.factories import UserFactory
from tests.users.urlconf import all_routes

document_policy = policy_registry.get_by_type(get_document_model())
image_policy = policy_registry.get_by_type(get_image_model())

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "user",
    "editor",
    "moderator",
    "job_board_admin",
    "sponsorship_team",
    "release_manager",
    "superuser",
)
ROLE_GROUPS = {
    "editor": roles.EDITORS,
    "moderator": roles.MODERATORS,
    "job_board_admin": roles.JOB_BOARD_ADMINS,
    "sponsorship_team": roles.SPONSORSHIP_TEAM,
    "release_manager": roles.RELEASE_MANAGERS,
}
LOGIN_PATHS = ("/accounts/login/", "/admin/login/", "/django-admin/login/")

# Admin URLs anyone may open: sign-in and password-reset screens, static admin assets.
PUBLIC_ADMIN_URLS = {
    "wagtailadmin_login", "wagtailadmin_password_reset", "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete", "wagtailadmin_password_reset_confirm", "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "admin:login", "admin:logout",
}  # fmt: skip
# Not checked: views that fail on purpose (Wagtail's error-page preview), sign-out (it would end the
# test's session), redirects for everyone (the old snippets index), and Django admin endpoints that
# answer 403 to everyone without parameters (autocomplete) or by design (django-rq's dashboard "add").
SKIPPED_ADMIN_URLS = {
    "wagtailadmin_error_test", "wagtailadmin_logout", "wagtailsnippets:index", "admin:autocomplete",
    "admin:django_rq_dashboard_add",
}  # fmt: skip


def any_staff(user):
    return user.has_perm("wagtailadmin.access_admin")


def edits_pages(user):
    return user.is_superuser or GroupPagePermission.objects.filter(group__user=user).exists()


def page_permission(codename):
    """Holds this Wagtail page permission somewhere in the tree (moderators hold only "publish")."""
    return lambda user: (
        user.is_superuser
        or GroupPagePermission.objects.filter(group__user=user, permission__codename=codename).exists()
    )


def needs(*perms):
    return lambda user: any(user.has_perm(perm) for perm in perms)


def superuser_only(user):
    return user.is_superuser


def media_library(policy):
    """Image and document libraries: collection permissions decide."""
    return lambda user: policy.user_has_any_permission(user, ["add", "change", "delete"])


# Wagtail's own admin views that no model viewset describes: who may open them.
ADMIN_VIEW_RULES = {
    "wagtailadmin_home": any_staff,
    "wagtailadmin_account": any_staff,
    "wagtailadmin_dismissibles": any_staff,
    "wagtailadmin_block_preview": any_staff,
    "wagtailadmin_tag_autocomplete": any_staff,
    "wagtailadmin_api:": any_staff,
    "wagtailadmin_choose_page": any_staff,
    "wagtailadmin_workflows:task_chooser": any_staff,
    "wagtailadmin_reports:site_history": any_staff,
    "wagtailsearchpromotions:chooser": any_staff,
    "wagtailsearchpromotions:chooserresults": any_staff,
    "wagtailembeds:": any_staff,
    "wagtailadmin_explore_root": edits_pages,
    "wagtailadmin_pages:search": edits_pages,
    "wagtailadmin_reports:locked_pages": page_permission("unlock_page"),
    "wagtailadmin_reports:": edits_pages,
    "wagtailforms:": edits_pages,
    "wagtailadmin_collections:": needs("wagtailcore.add_collection", "wagtailcore.change_collection"),
    "wagtailadmin_workflows:": needs("wagtailcore.add_workflow", "wagtailcore.change_workflow"),
    "wagtailredirects:": needs("wagtailredirects.add_redirect", "wagtailredirects.change_redirect"),
    "wagtailsearchpromotions:": needs("wagtailsearchpromotions.add_query", "wagtailsearchpromotions.change_query"),
    "wagtailimages:": media_library(image_policy),
    "wagtaildocs:": media_library(document_policy),
    "admin:": superuser_only,
    "django_rq:": superuser_only,
    "sponsors_admin:notify": needs("sponsors.review_sponsorship"),
    "sponsors_admin:assets_zip": needs("sponsors.view_sponsorasset"),
    "sponsors_admin:clone_year": needs("sponsors.add_sponsorshipbenefit"),
}
LIST_ACTIONS = {"index", "index_results", "list", "list_results"}
ADD_ACTIONS = {"add", "new", "add_multiple", "preview_on_add", "create", "start_import", "process_import"}
CHOOSE_ACTIONS = {"choose", "choose_results", "chosen_multiple"}


def viewsets_by_namespace():
    found = {}
    for viewset in admin_viewsets.viewsets:
        # Viewsets without a name (the page tree's) have no URLs of their own.
        if getattr(viewset, "model", None) is not None and getattr(viewset, "name", None):
            found[viewset.url_namespace] = viewset
            chooser = getattr(viewset, "chooser_viewset", None)
            if chooser is not None:
                found[chooser.url_namespace] = chooser
    return found


def rule_for(route, viewsets):
    """A predicate user -> may open, or None when nothing describes this admin URL."""
    viewset = viewsets.get(route.namespace)
    if viewset is not None:
        model = apps.get_model(viewset.model) if isinstance(viewset.model, str) else viewset.model
        policy = policy_registry.get_by_type(model)
        if isinstance(viewset, PageListingViewSet):
            # Flat page listings (Downloads → Releases) open for anyone with a page permission; their
            # "choose parent" step lists only the pages where the user may add one (none for other staff).
            return edits_pages if route.action in LIST_ACTIONS else any_staff
        if isinstance(viewset, ChooserViewSet) and not isinstance(viewset, ModelViewSet):
            if route.action in CHOOSE_ACTIONS:
                return any_staff
            if route.action in ADD_ACTIONS:
                return lambda user: policy.user_has_permission(user, "add")
        if route.action in LIST_ACTIONS:
            return lambda user: policy.user_has_any_permission(user, ["add", "change", "delete", "view"])
        if route.action in ADD_ACTIONS:
            return lambda user: policy.user_has_permission(user, "add")
        if route.action in CHOOSE_ACTIONS:
            return any_staff
    if route.path.startswith("/django-rq/"):
        return superuser_only
    for prefix, rule in ADMIN_VIEW_RULES.items():
        if route.name == prefix or (prefix.endswith(":") and route.name.startswith(prefix)):
            return rule
        if route.name.startswith(prefix) and route.name[len(prefix) : len(prefix) + 1] in ("_", ""):
            return rule
    return None


@pytest.fixture
def people(home_page):
    people = {
        "anonymous": AnonymousUser(),
        "user": UserFactory(username="plain"),
        "superuser": UserFactory(username="root", is_staff=True, is_superuser=True),
    }
    for role, group_name in ROLE_GROUPS.items():
        person = UserFactory(username=role, is_staff=True)
        person.groups.add(Group.objects.get(name=group_name))
        people[role] = person
    return people


# URLs whose view needs input that a bare GET does not carry: with access they answer this status
# (a lookup without its query, a POST-only step, two-factor pages for a user without two-factor).
NEEDS_INPUT = {
    "/admin/api/main/pages/find/": 404,
    "/admin/api/main/documents/find/": 404,
    "/admin/api/main/images/find/": 404,
    "/admin/block-preview/": 404,
    "/admin/redirects/import/process/": 405,
    "/accounts/2fa/totp/deactivate/": 404,
    "/accounts/2fa/recovery-codes/": 404,
    "/accounts/2fa/recovery-codes/download/": 404,
}


def is_denial(response, path):
    location = response.get("Location", "")
    if response.status_code in (401, 403) or location.startswith(LOGIN_PATHS):
        return True
    # Wagtail sends users without permission back to the dashboard with a message.
    return response.status_code == 302 and location == "/admin/" and path != "/admin/"


def outcome(client, path):
    """'allow' or 'deny' as a visitor experiences it, or what was wrong ('broken: …').

    'allow' is a page that renders (2xx), or redirects that end, within a few hops, at one that does
    without passing a sign-in page; anything else (404, 405, a loop) is reported as broken.
    """
    response = client.get(path)  # a server error raises here; any other unexpected status is "broken: …"
    if is_denial(response, path):
        return "deny"
    hops, seen = 0, {path}
    while 300 <= response.status_code < 400 and hops < 5:
        target = response["Location"]
        if target in seen:
            return f"broken: redirect loop at {target}"
        seen.add(target)
        response = client.get(target)
        if response.status_code in (401, 403) or target.startswith(LOGIN_PATHS):
            return "deny"
        hops += 1
    if 200 <= response.status_code < 300 or (hops == 0 and NEEDS_INPUT.get(path) == response.status_code):
        return "allow"
    return f"broken: {response.status_code}"


def client_for(person):
    client = Client()
    if person.is_authenticated:
        client.force_login(person)
    return client


def test_routes_are_discovered():
    names = {route.name for route in all_routes()}
    assert {"users:edit", "users:membership", "membership:index", "apicredential:index", "wagtailadmin_home"} <= names


def test_admin_urls_with_arguments_deny_anonymous_and_plain_users(people):
    routes = [r for r in all_routes() if r.is_admin and r.has_args and r.name not in PUBLIC_ADMIN_URLS]
    assert routes
    for role in ("anonymous", "user"):
        client = client_for(people[role])
        failures = [r.path for r in routes if r.name not in SKIPPED_ADMIN_URLS and outcome(client, r.path) != "deny"]
        assert failures == [], f"{role} may open {failures}"


def test_admin_urls_matrix(people):
    viewsets = viewsets_by_namespace()
    routes = [
        r for r in all_routes()
        if r.is_admin and not r.has_args and r.name and r.name not in PUBLIC_ADMIN_URLS | SKIPPED_ADMIN_URLS
    ]  # fmt: skip
    unclassified = [r.name for r in routes if rule_for(r, viewsets) is None]
    assert unclassified == [], f"classify these admin URLs in ADMIN_VIEW_RULES: {unclassified}"

    clients = {role: client_for(person) for role, person in people.items()}
    mismatches = []
    for route in routes:
        rule = rule_for(route, viewsets)
        for role in ROLES:
            person = people[role]
            if role in ("anonymous", "user"):
                expected = "deny"
            elif role == "superuser":
                expected = "allow"
            else:
                expected = "allow" if rule(person) else "deny"
            actual = outcome(clients[role], route.path)
            if actual != expected:
                mismatches.append(f"{role} {route.path} ({route.name}): expected {expected}, got {actual}")
    assert mismatches == [], "\n".join(mismatches)


# Private pages of this app that must never become public by accident.
KNOWN_PRIVATE = {
    "users:my_profile", "users:edit", "users:delete", "users:membership", "users:membership_edit",
    "users:membership_cancel", "users:membership_affirm", "account_email", "account_change_password",
    "account_set_password", "account_reauthenticate", "mfa_index", "mfa_activate_totp", "socialaccount_connections",
}  # fmt: skip


# Sign-in forms of libraries that send everyone to the site's sign-in (apps.users.middleware).
SIGN_IN_ENTRY_POINTS = {"/_util/login/"}


def test_private_urls_need_sign_in_and_open_for_every_role(people):
    anonymous = Client()
    private = []
    for route in all_routes():
        if route.is_admin or route.has_args or route.path in SIGN_IN_ENTRY_POINTS:
            continue
        response = anonymous.get(route.path)
        if response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="):
            private.append(route)
    assert KNOWN_PRIVATE <= {route.name for route in private}

    mismatches = []
    for role in ROLES[1:]:
        client = client_for(people[role])
        for route in private:
            actual = outcome(client, route.path)
            if actual != "allow":
                mismatches.append(f"{role} {route.path}: {actual}")
    assert mismatches == [], "\n".join(mismatches)
