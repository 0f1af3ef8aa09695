"""Announcement banners: site-wide or PSF-section, scheduled, optionally limited to URL prefixes.

Pages never query this table while rendering: ``apps.banners.active`` caches the set of banners
that are switched on and not yet over, keyed by a generation that every save bumps, and filters
it by time and path in Python.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Paths that make up the PSF section of the site.
PSF_PATH_PREFIXES = ("/psf/", "/membership/", "/nominations/", "/sponsors/")


class BannerQuerySet(models.QuerySet):
    def switched_on(self):
        return self.filter(active=True)

    def not_over(self, now=None):
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now or timezone.now()))

    def live(self, now=None):
        now = now or timezone.now()
        return self.switched_on().not_over(now).filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now))


class Banner(models.Model):
    class Scope(models.TextChoices):
        ALL = "all", _("All pages")
        PSF = "psf", _("PSF pages only")

    title = models.CharField(max_length=120, help_text=_("A short heading, e.g. “Maintenance window”."))
    message = models.CharField(max_length=500)
    link_url = models.CharField(
        max_length=500, blank=True, help_text=_("A full URL or a site path such as /psf/donations/.")
    )
    link_text = models.CharField(max_length=100, blank=True, default="Learn more")
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.ALL)
    path_prefixes = models.TextField(
        blank=True,
        help_text=_("Show only under these paths, one per line (e.g. /downloads/). Empty: every page in scope."),
    )
    show_on_site = models.BooleanField(default=True, help_text=_("Show the banner on web pages."))
    notify_api_clients = models.BooleanField(
        default=False, help_text=_("Also send the message as an X-API-Notice header on /api/ responses.")
    )
    active = models.BooleanField(default=False, help_text=_("Switch the banner on (it still waits for its start)."))
    starts_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty: as soon as it is active."))
    ends_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty: until switched off."))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-created"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if self.link_url and (
            not self.link_url.startswith(("/", "https://", "http://")) or self.link_url.startswith("//")
        ):
            errors["link_url"] = _("Use a site path such as /psf/ or an http(s) address.")
        bad = [prefix for prefix in self.prefixes if not prefix.startswith("/")]
        if bad:
            errors["path_prefixes"] = _("Paths start with “/”: %(paths)s") % {"paths": ", ".join(bad)}
        if not (self.show_on_site or self.notify_api_clients):
            errors["show_on_site"] = _("Show the banner on the site, to API clients, or both.")
        if errors:
            raise ValidationError(errors)

    @property
    def prefixes(self):
        return tuple(line.strip() for line in self.path_prefixes.splitlines() if line.strip())

    def is_live(self, now=None):
        now = now or timezone.now()
        return (
            self.active
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or self.ends_at > now)
        )

    is_live.boolean = True
    is_live.short_description = _("showing now")
