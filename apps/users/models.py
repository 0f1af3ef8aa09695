import hashlib
import hmac
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.core.cache import cache
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField

from apps.core.markup import render_markdown

BIO_MAX_LENGTH = 5000
# Paths under /users/ that are not profiles; nobody may take them as a username.
RESERVED_USERNAMES = frozenset({"menu", "edit", "delete", "membership", "me", "admin", "api", "static", "media"})


class User(AbstractUser):
    """The site's user with profile and privacy choices."""

    class EmailPrivacy(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        LOGGED_IN = "logged_in", _("Only signed-in users")
        NEVER = "never", _("Nobody")

    class SearchVisibility(models.TextChoices):
        PUBLIC = "public", _("Search engines may index my profile")
        PRIVATE = "private", _("Ask search engines not to index my profile")

    email = models.EmailField(_("email address"), blank=True)
    bio = models.TextField(
        _("bio"),
        blank=True,
        validators=[MaxLengthValidator(BIO_MAX_LENGTH)],
        help_text=_("Markdown; at most %(max)d characters.") % {"max": BIO_MAX_LENGTH},
    )
    email_privacy = models.CharField(
        _("who may see my email address"), max_length=10, choices=EmailPrivacy.choices, default=EmailPrivacy.NEVER
    )
    search_visibility = models.CharField(
        _("search engines"), max_length=10, choices=SearchVisibility.choices, default=SearchVisibility.PUBLIC
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("users:profile", kwargs={"username": self.username})

    @property
    def display_name(self):
        """How content credits this user; anonymised accounts show no name."""
        if self.anonymised_at:
            return str(_("Deleted user"))
        return self.get_full_name() or self.username

    @cached_property
    def bio_html(self):
        if not self.bio:
            return ""
        # Rendering Markdown costs more than the rest of the profile page; the key changes with the text.
        key = "user-bio:" + hashlib.sha256(self.bio.encode()).hexdigest()
        html = cache.get(key)
        if html is None:
            html = str(render_markdown(self.bio))
            cache.set(key, html, 24 * 3600)
        return mark_safe(html)  # noqa: S308 - sanitised by render_markdown before caching

    def email_visible_to(self, viewer):
        """Whether ``viewer`` (a user, possibly anonymous) may see this user's email address."""
        if not self.email:
            return False
        if viewer.is_authenticated and viewer.pk == self.pk:
            return True
        if self.email_privacy == self.EmailPrivacy.PUBLIC:
            return True
        return self.email_privacy == self.EmailPrivacy.LOGGED_IN and viewer.is_authenticated

    @property
    def is_indexable(self):
        return self.search_visibility == self.SearchVisibility.PUBLIC

    @transaction.atomic
    def anonymise(self):
        """Erase personal data but keep the row, so content pointing at it stays valid (docs/accounts.md)."""
        from allauth.account.models import EmailAddress
        from allauth.mfa.models import Authenticator
        from allauth.socialaccount.models import SocialAccount

        EmailAddress.objects.filter(user=self).delete()
        SocialAccount.objects.filter(user=self).delete()
        Authenticator.objects.filter(user=self).delete()
        ApiCredential.objects.filter(user=self).delete()
        Membership.objects.filter(user=self).delete()
        self.groups.clear()
        self.user_permissions.clear()
        self.username = f"deleted-{self.pk}"
        self.first_name = self.last_name = self.email = self.bio = ""
        self.email_privacy = self.EmailPrivacy.NEVER
        self.search_visibility = self.SearchVisibility.PRIVATE
        self.is_active = self.is_staff = self.is_superuser = False
        self.set_unusable_password()
        self.anonymised_at = timezone.now()
        self.save()


def _digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiCredentialQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(user__is_active=True, user__is_staff=True)

    def user_for_api_key(self, username, key):
        """The staff user whose legacy ``ApiKey username:key`` matches, or None."""
        if not username or not key:
            return None
        credential = self.usable().select_related("user").filter(user__username=username).first()
        if credential and credential.api_key_hash and hmac.compare_digest(credential.api_key_hash, _digest(key)):
            return credential.user
        return None

    def user_for_token(self, key):
        """The staff user whose ``Token key`` matches, or None."""
        if not key:
            return None
        credential = self.usable().select_related("user").filter(token_hash=_digest(key)).first()
        return credential.user if credential else None


class ApiCredential(models.Model):
    """A staff user's API key (v1 ``ApiKey user:key``) and token (v2 ``Token key``), stored as SHA-256 digests."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="api_credential")
    api_key_hash = models.CharField(max_length=64, blank=True, editable=False)
    api_key_hint = models.CharField(
        max_length=8, blank=True, editable=False, help_text=_("First characters of the key.")
    )
    token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    token_hint = models.CharField(max_length=8, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApiCredentialQuerySet.as_manager()

    class Meta:
        verbose_name = _("API credential")

    def __str__(self):
        return f"API credential of {self.user.username}"

    def regenerate_api_key(self):
        """Set a new API key and return it; only its digest is kept."""
        key = secrets.token_hex(20)
        self.api_key_hash, self.api_key_hint = _digest(key), key[:6]
        self.save(update_fields=["api_key_hash", "api_key_hint", "updated_at"])
        return key

    def regenerate_token(self):
        """Set a new token and return it; only its digest is kept."""
        key = secrets.token_hex(20)
        self.token_hash, self.token_hint = _digest(key), key[:6]
        self.save(update_fields=["token_hash", "token_hint", "updated_at"])
        return key


class MembershipQuerySet(models.QuerySet):
    def voting(self):
        return self.filter(votes=True)

    def needing_vote_affirmation(self, now=None):
        cutoff = (now or timezone.now()) - Membership.VOTE_AFFIRMATION_PERIOD
        return self.voting().filter(
            models.Q(last_vote_affirmation__isnull=True) | models.Q(last_vote_affirmation__lt=cutoff)
        )


class Membership(models.Model):
    """A user's PSF membership. Basic members sign up here; staff set the other types."""

    VOTE_AFFIRMATION_PERIOD = timedelta(days=365)

    class Type(models.TextChoices):
        BASIC = "basic", _("Basic member")
        SUPPORTING = "supporting", _("Supporting member")
        SPONSOR = "sponsor", _("Sponsor member")
        CONTRIBUTING = "contributing", _("Contributing member")
        FELLOW = "fellow", _("Fellow")

    # Only these types may vote in PSF elections (PSF bylaws, article IV).
    VOTING_TYPES = frozenset({Type.SUPPORTING, Type.SPONSOR, Type.CONTRIBUTING, Type.FELLOW})

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="membership")
    membership_type = models.CharField(_("membership type"), max_length=20, choices=Type.choices, default=Type.BASIC)
    legal_name = models.CharField(_("legal name"), max_length=100)
    preferred_name = models.CharField(_("preferred name"), max_length=100)
    email_address = models.EmailField(_("email address"), max_length=100)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("state, province or region"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    psf_code_of_conduct = models.BooleanField(_("I agree to the PSF Code of Conduct"), default=False)
    psf_announcements = models.BooleanField(_("send me PSF announcements"), default=False)
    votes = models.BooleanField(_("voting member"), default=False)
    last_vote_affirmation = models.DateTimeField(_("last vote affirmation"), null=True, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("PSF membership")
        verbose_name_plural = _("PSF memberships")

    def __str__(self):
        return f"{self.preferred_name or self.legal_name} ({self.get_membership_type_display()})"

    @property
    def is_voting_eligible(self):
        return self.membership_type in self.VOTING_TYPES

    @property
    def needs_vote_affirmation(self):
        """A voting member must affirm their intention to vote once a year."""
        if not self.votes:
            return False
        if self.last_vote_affirmation is None:
            return True
        return timezone.now() - self.last_vote_affirmation > self.VOTE_AFFIRMATION_PERIOD

    def affirm_vote(self):
        self.votes = True
        self.last_vote_affirmation = timezone.now()
        self.save(update_fields=["votes", "last_vote_affirmation", "updated"])

    def withdraw_vote(self):
        self.votes = False
        self.save(update_fields=["votes", "updated"])


@register_setting(icon="group")
class MembershipSettings(BaseGenericSetting):
    """Switches the public /membership/ landing page and holds its text."""

    landing_page_enabled = models.BooleanField(
        _("show the membership landing page"),
        default=True,
        help_text=_("When off, /membership/ answers 404 and the header links hide it."),
    )
    landing_intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown at the top of /membership/; a default text is used when empty."),
    )

    panels = [FieldPanel("landing_page_enabled"), FieldPanel("landing_intro")]

    class Meta:
        verbose_name = _("PSF membership page")
