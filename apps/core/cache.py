"""The site's one cache policy: HTTP caching, surrogate keys, purging and cached fragments.

Anonymous GET responses are public and cached by Varnish (locally, in docker/) or Fastly (production)
for ``CACHE_S_MAXAGE`` seconds, tagged with surrogate keys; anything personal, admin or non-GET is
private and never stored. A change purges exactly the responses tagged with the keys of what changed.

Surrogate keys (the vocabulary every app shares; see docs/architecture.md):

- ``site``: every cacheable response; ``nav``: every page with the header and footer.
- ``page-<id>``: a Wagtail page, and every response that shows its title or URL (listings, breadcrumbs).
- ``snippet-<id>``: a content snippet, wherever it is placed.
- a domain key (``downloads``, ``jobs``, ``events`` …) and per-object keys (``job-<id>``, ``event-<id>``).
- ``menu-<name>``: the live panel of a main-menu dropdown (on every page that has the header).

A response collects keys two ways: ``add_surrogate_keys(response, ...)`` in a view, or
``tag_response(...)`` anywhere while rendering (a template tag, a block, a homepage section); cached
fragments remember the keys their rendering tagged and tag them again when served from the cache.

Generations: ``generation(name)`` is a token that ``bump_generation(name)`` changes; cache keys of
derived data include it. All generations a request needs come from the cache in one round trip.
"""

import contextvars
import functools
import hashlib
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

# URL prefixes whose responses are personal or operational: never cached.
PRIVATE_PREFIXES = ("/admin/", "/accounts/", "/django-rq/", "/_health", "/django-admin/", "/users/menu/")
SURROGATE_KEY_HEADER = "Surrogate-Key"

FRAGMENT_VERSION_KEY = "site-fragments-version"
NAV_KEY = "nav"


@functools.cache
def code_version():
    """Changes with each deploy of new templates: the newest template file's modification time."""
    stamps = [
        path.stat().st_mtime_ns for folder in settings.TEMPLATES[0]["DIRS"] for path in Path(folder).rglob("*.html")
    ]
    return str(max(stamps, default=0))


# --- The request scope: generations read once, surrogate keys collected while rendering ------------


class RequestScope:
    __slots__ = ("generations", "keys")

    def __init__(self):
        self.generations = None  # filled on first use, in one round trip
        self.keys = []


_scope = contextvars.ContextVar("pydotorg_cache_scope", default=None)
# Fragment renders nest (a menu panel inside the header); each collects the keys its rendering tags.
_collectors = contextvars.ContextVar("pydotorg_cache_collectors", default=())

# Generations read together at the start of a request (apps add theirs with register_generation).
_known_generations = {FRAGMENT_VERSION_KEY}


@functools.cache
def _fragment_generation_keys():
    return {key for fragment in watched_fragments() for key in fragment.generation_keys}


def register_generation(*names):
    """Read these generations with every request's first generation lookup (one cache round trip)."""
    _known_generations.update(names)


def begin_request():
    return _scope.set(RequestScope())


def end_request(token):
    scope = _scope.get()
    _scope.reset(token)
    return scope


def _read_generations(names):
    from django.core.cache import cache

    try:
        found = cache.get_many(list(names))
    except Exception:  # the cache is down: nothing derived can be trusted, so nothing matches
        logger.warning("Cache unavailable; generations are fresh for this request", exc_info=True)
        return {name: time.time_ns() for name in names}
    missing = {name: time.time_ns() for name in names if name not in found}
    for name, value in missing.items():
        # add(): two processes starting a generation at once agree on the first one written.
        if not cache.add(name, value, None):
            value = cache.get(name) or value
        found[name] = value
    return found


def generations(*names):
    """The tokens of ``names``; within a request, every generation comes from one cache round trip."""
    scope = _scope.get()
    if scope is None:
        return [_read_generations(names)[name] for name in names]
    if scope.generations is None:
        scope.generations = _read_generations(_known_generations | _fragment_generation_keys() | set(names))
    unknown = [name for name in names if name not in scope.generations]
    if unknown:
        scope.generations.update(_read_generations(unknown))
    return [scope.generations[name] for name in names]


def generation(key):
    """A token for cache keys of data derived from ``key``'s sources; ``bump_generation`` changes it.

    A timestamp rather than a counter: if the token itself is evicted, the new one never matches
    entries cached under an old one.
    """
    return generations(key)[0]


def bump_generation(key):
    """Invalidate everything cached under ``key``'s generation; cached fragments that depend on it are
    re-rendered after the transaction commits and purged from the HTTP cache if they changed."""
    from django.core.cache import cache

    cache.set(key, time.time_ns(), None)
    scope = _scope.get()
    if scope is not None and scope.generations is not None:
        scope.generations.pop(key, None)
    if key in _fragment_generation_keys():
        transaction.on_commit(functools.partial(purge_changed_fragments, key))


def fragment_version():
    """A token that changes whenever navigation, site settings, snippets or templates change."""
    return f"{generation(FRAGMENT_VERSION_KEY)}-{code_version()}"


def bump_fragment_version(**kwargs):
    """Navigation, site settings or a menu snippet changed: re-render and purge the header and footer."""
    bump_generation(FRAGMENT_VERSION_KEY)
    transaction.on_commit(functools.partial(purge_surrogate_keys, NAV_KEY))


# --- Surrogate keys on responses --------------------------------------------------------------------


def add_surrogate_keys(response, *keys):
    existing = response.get(SURROGATE_KEY_HEADER, "").split()
    merged = list(dict.fromkeys([*existing, *keys]))
    response[SURROGATE_KEY_HEADER] = " ".join(merged)
    return response


def tag_response(*keys):
    """While rendering: the response being built shows data purged by these keys."""
    for collector in _collectors.get():
        collector.extend(keys)
    scope = _scope.get()
    if scope is not None:
        scope.keys.extend(keys)


def page_key(page_or_id):
    return f"page-{getattr(page_or_id, 'pk', page_or_id)}"


def snippet_key(snippet_or_id):
    return f"snippet-{getattr(snippet_or_id, 'pk', snippet_or_id)}"


# --- Cached fragments: process memory first, then the shared cache, then a render ------------------


class LocalCache:
    """A small LRU dict with expiry, per process: a hit costs no network round trip."""

    def __init__(self, size=512):
        self.size = size
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            item = self.items.get(key)
            if item is None:
                return None
            if item[0] < time.monotonic():
                del self.items[key]
                return None
            self.items.move_to_end(key)
            return item[1]

    def set(self, key, value, timeout):
        with self.lock:
            self.items[key] = (time.monotonic() + timeout, value)
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self):
        with self.lock:
            self.items.clear()


local_cache = LocalCache()


def content_generation_keys():
    """Every generation a domain declared for its homepage section or menu panel, plus the page tree's:
    data derived from all content (search results) is keyed by these."""
    return tuple(sorted(_fragment_generation_keys() | {"page-routes-generation"}))


def cached_value(name, compute, *, generation_keys=(), timeout=60, vary=()):
    """``compute()``'s value, kept in process memory (not shared) until a generation moves or ``timeout``."""
    tokens = generations(*generation_keys) if generation_keys else []
    key = ("value", name, *tokens, translation.get_language(), *vary)  # process memory only: any hashable key
    value = local_cache.get(key)
    if value is None:
        value = compute()
        local_cache.set(key, value, timeout)
    return value


def cached_fragment(name, render, *, generation_keys=(), surrogate_keys=(), timeout=300, vary=()):
    """HTML from ``render()``, cached under ``name``, the generations of ``generation_keys``, the
    templates' version, the language and ``vary``; the surrogate keys tagged while rendering (and
    ``surrogate_keys``) are tagged again on every hit."""
    tokens = generations(*generation_keys) if generation_keys else []
    parts = ":".join(str(part) for part in (*tokens, code_version(), translation.get_language(), *vary))
    key = f"fragment:{name}:{hashlib.sha1(parts.encode(), usedforsecurity=False).hexdigest()}"
    entry = local_cache.get(key)
    if entry is None:
        from django.core.cache import cache

        entry = cache.get(key)
        if entry is None:
            collected = list(surrogate_keys)
            token = _collectors.set((*_collectors.get(), collected))
            try:
                html = str(render())
            finally:
                _collectors.reset(token)
            entry = (html, tuple(dict.fromkeys(collected)))
            cache.set(key, entry, timeout)
        local_cache.set(key, entry, timeout)
    html, keys = entry
    tag_response(*keys)
    return mark_safe(html)  # noqa: S308 - the HTML of a template render


def watched_fragments():
    """Fragments shown on many pages whose changes are purged precisely (menu panels, homepage sections)."""
    from apps.core.sections import homepage_sections, menu_panels

    return [*menu_panels().values(), *homepage_sections()]


def purge_changed_fragments(changed_generation):
    """Re-render the fragments that depend on a bumped generation; purge the keys of those whose HTML changed.

    A new release changes the Downloads dropdown on every page, a fix to an old release's notes does not:
    comparing the rendered HTML keeps the second from purging the whole site.
    """
    from django.core.cache import cache

    to_purge = []
    for fragment in watched_fragments():
        if changed_generation not in fragment.generation_keys or not fragment.surrogate_key:
            continue
        try:
            with translation.override(settings.LANGUAGE_CODE):
                html = fragment.render_uncached()
        except Exception:  # a broken panel must not stop the purge of the others
            logger.exception("Could not render %s to compare it", fragment.surrogate_key)
            to_purge.append(fragment.surrogate_key)
            continue
        digest_key = f"fragment-digest:{fragment.surrogate_key}"
        digest = hashlib.sha256(html.encode()).hexdigest()
        if cache.get(digest_key) != digest:
            cache.set(digest_key, digest, None)
            to_purge.append(fragment.surrogate_key)
    # Search results list every domain's content: any content change purges them.
    to_purge.append("search")
    purge_surrogate_keys(*to_purge)
    return to_purge


# --- The HTTP cache policy ----------------------------------------------------------------------------


def is_private(request, response):
    user = getattr(request, "user", None)
    return (
        request.method not in ("GET", "HEAD")
        or (user is not None and user.is_authenticated)
        or request.path.startswith(PRIVATE_PREFIXES)
        or bool(response.cookies)
        or response.status_code >= 500
    )


def uses_csp_nonce(request):
    """A response whose rendering used the CSP nonce must not be shared: every visitor needs their own.

    Public templates load scripts and styles from files (allowed by 'self'), so they never touch it.
    """
    return bool(getattr(request, "_csp_nonce", None))


def apply_cache_policy(request, response, collected_keys=()):
    """Decide Cache-Control for a response the view left undecided; tag public ones with surrogate keys."""
    if response.has_header("Cache-Control"):
        if collected_keys and "public" in response["Cache-Control"]:
            add_surrogate_keys(response, *collected_keys)
        return response
    if is_private(request, response) or uses_csp_nonce(request):
        patch_cache_control(response, private=True, no_cache=True, no_store=True, max_age=0)
        if response.has_header(SURROGATE_KEY_HEADER):
            del response[SURROGATE_KEY_HEADER]
        return response
    s_maxage, stale = settings.CACHE_S_MAXAGE, settings.CACHE_STALE_WHILE_REVALIDATE
    limit = getattr(response, "shared_cache_limit", None)
    if limit is not None and limit < s_maxage:
        s_maxage, stale = limit, 0  # content that changes by the clock is never served stale past that moment
    patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage, stale_while_revalidate=stale)
    add_surrogate_keys(response, "site", *collected_keys)
    return response


def cache_no_longer_than(response, seconds):
    """Keep a public response in the shared cache at most ``seconds``: what it shows changes at a known time
    (a window opens or closes) without any save that would purge it."""
    seconds = max(0, int(seconds))
    current = getattr(response, "shared_cache_limit", None)
    response.shared_cache_limit = seconds if current is None else min(current, seconds)
    return response


# --- Purging: Wagtail frontend-cache backends that also purge by surrogate key -----------------------


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
        # One request purges up to 256 keys (Fastly's batch surrogate-key purge).
        keys = list(keys)
        for start in range(0, len(keys), 256):
            batch = " ".join(keys[start : start + 256])
            self._send("POST", f"{self.api_root}/service/{self.service_id}/purge", {"Surrogate-Key": batch})


class VarnishBackend(BaseBackend):
    """Purge Varnish (docker/varnish/default.vcl) by URL (``PURGE``) and by surrogate key (xkey).

    ``LOCATION`` is Varnish's address; the VCL accepts purges only from its ``purgers`` ACL.
    ``SOFT`` purges (the default) keep the old copy for grace while the new one is fetched.
    """

    def __init__(self, params):
        super().__init__(params)
        location = urllib.parse.urlsplit(params["LOCATION"])
        self.root = f"{location.scheme}://{location.netloc}"
        self.soft = params.get("SOFT", False)
        self.timeout = params.get("TIMEOUT", 5)

    def _send(self, path, headers):
        request = urllib.request.Request(f"{self.root}{path}", method="PURGE", headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured host
                return response.status
        except urllib.error.HTTPError as error:
            logger.error("Varnish purge of %s answered %s", path, error.code)
            return error.code
        except OSError:
            logger.exception("Varnish purge failed: %s", path)
            return None

    def purge(self, url):
        parts = urllib.parse.urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        host = parts.netloc or "localhost"
        return self._send(path or "/", {"Host": host})

    def purge_keys(self, keys):
        header = "xkey-softpurge" if self.soft else "xkey-purge"
        return self._send("/", {header: " ".join(keys)})


def purge_surrogate_keys(*keys):
    """Purge every configured HTTP cache by surrogate key; a no-op when none is configured."""
    keys = [key for key in dict.fromkeys(keys) if key]
    purged = []
    if not keys:
        return purged
    for backend in get_backends().values():
        if hasattr(backend, "purge_keys"):
            backend.purge_keys(keys)
            purged.extend(keys)
    return purged


def purge_surrogate_keys_on_commit(*keys):
    transaction.on_commit(functools.partial(purge_surrogate_keys, *keys))
