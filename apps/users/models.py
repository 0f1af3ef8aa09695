import hashlib
import hmac
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The site's user; profile, privacy and membership fields grow here."""

    email = models.EmailField(_("email address"), blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username


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
