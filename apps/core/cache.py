"""The site's one cache policy and CDN purging.

Anonymous GET responses are public and cached by the CDN for ``CACHE_S_MAXAGE``
seconds, tagged with surrogate keys; anything personal, admin or non-GET is
private and never stored. Publishing purges by URL and by surrogate key.
"""

import functools
import logging
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

# URL prefixes whose responses are personal or operational: never cached.
PRIVATE_PREFIXES = ("/admin/", "/accounts/", "/django-rq/", "/_health", "/django-admin/")
SURROGATE_KEY_HEADER = "Surrogate-Key"


FRAGMENT_VERSION_KEY = "site-fragments-version"


@functools.cache
def code_version():
    """Changes with each deploy of new templates: the newest template file's modification time."""
    from django.conf import settings

    stamps = [
        path.stat().st_mtime_ns for folder in settings.TEMPLATES[0]["DIRS"] for path in Path(folder).rglob("*.html")
    ]
    return str(max(stamps, default=0))


def generation(key):
    """A token for cache keys of data derived from ``key``'s sources; ``bump_generation`` changes it.

    A timestamp rather than a counter: if the token itself is evicted, the new one never matches
    entries cached under an old one.
    """
    from django.core.cache import cache

    return cache.get_or_set(key, time.time_ns, None)


def bump_generation(key):
    from django.core.cache import cache

    cache.set(key, time.time_ns(), None)


def fragment_version():
    """A token that changes whenever navigation, site settings, snippets or templates change."""
    return f"{generation(FRAGMENT_VERSION_KEY)}-{code_version()}"


def bump_fragment_version(**kwargs):
    """Signal receiver: invalidate cached header and footer fragments."""
    bump_generation(FRAGMENT_VERSION_KEY)


def add_surrogate_keys(response, *keys):
    existing = response.get(SURROGATE_KEY_HEADER, "").split()
    merged = list(dict.fromkeys([*existing, *keys]))
    response[SURROGATE_KEY_HEADER] = " ".join(merged)
    return response


def is_private(request, response):
    user = getattr(request, "user", None)
    return (
        request.method not in ("GET", "HEAD")
        or (user is not None and user.is_authenticated)
        or request.path.startswith(PRIVATE_PREFIXES)
        or bool(response.cookies)
        or response.status_code >= 500
    )


def apply_cache_policy(request, response):
    """Decide Cache-Control for a response the view left undecided."""
    if response.has_header("Cache-Control"):
        return response
    if is_private(request, response):
        patch_cache_control(response, private=True, no_cache=True, no_store=True, max_age=0)
        return response
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.CACHE_S_MAXAGE,
        stale_while_revalidate=settings.CACHE_STALE_WHILE_REVALIDATE,
    )
    add_surrogate_keys(response, "site")
    return response


class FastlyBackend(BaseBackend):
    """Purge Fastly by URL (soft purge) and by surrogate key through its API."""

    api_root = "https://api.fastly.com"

    def __init__(self, params):
        super().__init__(params)
        self.api_key = params["API_KEY"]
        self.service_id = params["SERVICE_ID"]

    def _send(self, method, url, headers=None):
        request = urllib.request.Request(  # noqa: S310 - fixed https API host
            url, method=method, headers={"Fastly-Key": self.api_key, "Fastly-Soft-Purge": "1", **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status
        except OSError:
            logger.exception("Fastly purge failed: %s %s", method, url)
            return None

    def purge(self, url):
        self._send("PURGE", url)

    def purge_keys(self, keys):
        for key in keys:
            self._send("POST", f"{self.api_root}/service/{self.service_id}/purge/{key}")


def purge_surrogate_keys(*keys):
    """Purge every configured CDN by surrogate key; a no-op when none is configured."""
    purged = []
    for backend in get_backends().values():
        if hasattr(backend, "purge_keys"):
            backend.purge_keys(keys)
            purged.extend(keys)
    return purged
