"""The active banner set, cached until a banner changes, filtered by time and path without SQL."""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone

from apps.banners.models import PSF_PATH_PREFIXES, Banner
from apps.core.cache import bump_generation, generation

GENERATION_KEY = "banners-generation"


@dataclass(frozen=True)
class ActiveBanner:
    pk: int
    title: str
    message: str
    link_url: str
    link_text: str
    scope: str
    prefixes: tuple
    show_on_site: bool
    notify_api_clients: bool
    starts_at: datetime | None
    ends_at: datetime | None
    version: int

    @property
    def key(self):
        """Identifies this wording of the banner: an edited banner shows again to those who dismissed it."""
        return f"{self.pk}-{self.version}"

    def is_live(self, now):
        return (self.starts_at is None or self.starts_at <= now) and (self.ends_at is None or self.ends_at > now)

    def applies_to(self, path):
        if self.scope == Banner.Scope.PSF and not path.startswith(PSF_PATH_PREFIXES):
            return False
        return not self.prefixes or path.startswith(self.prefixes)


def _load():
    return [
        ActiveBanner(
            pk=banner.pk,
            title=banner.title,
            message=banner.message,
            link_url=banner.link_url,
            link_text=banner.link_text,
            scope=banner.scope,
            prefixes=banner.prefixes,
            show_on_site=banner.show_on_site,
            notify_api_clients=banner.notify_api_clients,
            starts_at=banner.starts_at,
            ends_at=banner.ends_at,
            version=int(banner.updated.timestamp()),
        )
        for banner in Banner.objects.switched_on().not_over().order_by("starts_at", "pk")
    ]


def scheduled_banners():
    """Switched-on banners not yet over (scheduled ones included), from the cache while none changed."""
    key = f"banners:{generation(GENERATION_KEY)}"
    banners = cache.get(key)
    if banners is None:
        banners = _load()
        cache.set(key, banners, None)
    return banners


def invalidate():
    bump_generation(GENERATION_KEY)


def banners_for_page(path, now=None):
    now = now or timezone.now()
    return [b for b in scheduled_banners() if b.show_on_site and b.is_live(now) and b.applies_to(path)]


def api_notice(path, now=None):
    """The X-API-Notice header value for an /api/ request: live API banners' messages, or ""."""
    now = now or timezone.now()
    notices = []
    for banner in scheduled_banners():
        if (
            banner.notify_api_clients
            and banner.is_live(now)
            and (not banner.prefixes or path.startswith(banner.prefixes))
        ):
            text = f"{banner.title}: {banner.message}"
            if banner.link_url:
                text += f" ({banner.link_url})"
            notices.append(" ".join(text.split()))
    return " | ".join(notices)
