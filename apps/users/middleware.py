from allauth.core import ratelimit
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIXES = ("/admin/", "/django-admin/", "/django-rq/")
ALWAYS_ALLOWED = ("/admin/logout/",)
# The admins' own sign-in forms, and Wagtail's sign-in for private pages, would skip two-factor and
# allauth's rate limits: every one of them sends the visitor to allauth's sign-in instead.
ADMIN_LOGIN_PATHS = ("/admin/login/", "/django-admin/login/")
FRONTEND_LOGIN_PATHS = ("/_util/login/",)
# Wagtail's own password reset sends mail without allauth's rate limits: allauth's reset does the same job.
ADMIN_PASSWORD_RESET_PREFIX = "/admin/password_reset/"  # noqa: S105 - a URL, not a secret


def has_admin_access(user):
    """Wagtail opens its admin to anyone with ``access_admin`` (a group grants it), staff flag or not."""
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


class StaffMFARequiredMiddleware:
    """Staff sign in through allauth, and those with admin access must turn on two-factor authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in ADMIN_LOGIN_PATHS or request.path in FRONTEND_LOGIN_PATHS:
            fallback = "/admin/" if request.path in ADMIN_LOGIN_PATHS else "/"
            next_url = request.GET.get("next", fallback)
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = fallback
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if request.path.startswith(ADMIN_PASSWORD_RESET_PREFIX):
            return redirect("account_reset_password")
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(ALWAYS_ALLOWED)
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            # Wagtail would send them to sign in again, which sends them straight back: say no instead.
            raise PermissionDenied(_("Your account does not have access to the python.org admin."))
        if (
            getattr(settings, "REQUIRE_STAFF_MFA", True)
            and request.path.startswith(ADMIN_PREFIXES)
            and not request.path.startswith(ALWAYS_ALLOWED)
            and user is not None
            and user.is_authenticated
            and has_admin_access(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(request, _("Staff accounts need two-factor authentication. Set it up to use the admin."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)


# The Django admin and the task-queue dashboard (which can delete and requeue jobs); the libraries
# open parts of them (e.g. django-rq's stats) to any staff member. Staff work in the Wagtail admin.
SUPERUSER_ONLY_PREFIXES = ("/django-rq/", "/django-admin/")


class SuperuserOnlyPathsMiddleware:
    """Signed-in users other than superusers get 403 from the Django admin and the queue dashboard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if request.path.startswith(SUPERUSER_ONLY_PREFIXES) and user is not None and user.is_authenticated:
            if not user.is_superuser:
                raise PermissionDenied(_("Only superusers may use this page."))
        return self.get_response(request)


# Wagtail's password forms for private pages and private documents; the restriction's id follows.
PAGE_PASSWORD_PREFIXES = ("/_util/authenticate_with_password/", "/documents/authenticate_with_password/")


class PagePasswordRateLimitMiddleware:
    """Password-protected pages and documents: guesses are rate limited per client address and per
    restriction (``ACCOUNT_RATE_LIMITS["page_password"]``), like allauth's sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = next((prefix for prefix in PAGE_PASSWORD_PREFIXES if request.path.startswith(prefix)), None)
        if request.method == "POST" and prefix is not None:
            key = prefix + request.path.removeprefix(prefix).split("/", 1)[0]
            refused = ratelimit.consume_or_429(request, action="page_password", key=key)
            if refused is not None:
                return refused
        return self.get_response(request)
