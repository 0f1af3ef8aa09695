"""allauth adapter: site rules for usernames, and every account and MFA email sent through the mail queue."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django import forms
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.utils.translation import gettext as _

from apps.mailing.emails import send_templated_email
from apps.users.models import RESERVED_USERNAMES


def email_template_key(template_prefix):
    """``account/email/password_reset_key`` becomes the database template key ``account-password-reset-key``."""
    app, _email, name = template_prefix.partition("/email/")
    return f"{app}-{name}".replace("_", "-")


def queue_allauth_mail(template_prefix, email, context):
    """Send an allauth email from its database template; a missing or inactive one is logged and sends nothing."""
    return send_templated_email(email_template_key(template_prefix), [email], context)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_name": "Python.org",
            **context,
        }
        user = full_context.get("user")
        if user is not None:
            full_context.setdefault("username", user.username)
        queue_allauth_mail(template_prefix, email, full_context)

    def clean_username(self, username, shallow=False):
        if username.lower() in RESERVED_USERNAMES or username.lower().startswith("deleted-"):
            raise forms.ValidationError(_("This username is reserved; please choose another."))
        return super().clean_username(username, shallow=shallow)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def get_app(self, request, provider, client_id=None):
        """A provider that is not configured (no client id, no social application) is a 404, not a 500."""
        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist:
            raise Http404(_("Signing in with this provider is not available.")) from None
