"""A Redis cache that degrades instead of failing when Redis is unreachable.

Every page reads the cache (navigation fragments, generations, API responses, rate limits). With
Django's ``RedisCache`` an unreachable Redis turns each of those reads into a 500. This backend
logs the error and answers as an empty cache would: reads miss (the caller computes the value
from the database), writes and deletes do nothing. After a failure it stops trying for
``RETRY_AFTER`` seconds, so a down Redis costs one short timeout every few seconds per process
rather than one per cache call. ``/_health`` calls ``ping()``, which always tries and raises.

While Redis is down allauth's rate limits cannot count attempts, so they let requests through (and a
two-factor code could be replayed within its 30 seconds);
``/_health`` answers 503 for the whole outage so operators are alerted (docs/operations.md).
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Failures that mean "Redis is not answering", as opposed to bugs in the caller.
UNAVAILABLE = (RedisError, OSError)


def _fallback(default_result):
    """Wrap a cache operation: on a connection failure, log, open the breaker and return a miss."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            fallback = default_result(*args, **kwargs) if callable(default_result) else default_result
            if self.is_suspended():
                return fallback
            try:
                return method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                self.suspend(error, method.__name__)
                return fallback

        return wrapper

    return decorate


def _get_default(key, default=None, version=None):
    return default


class FaultTolerantRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that treats an unreachable Redis as a cache miss.

    ``OPTIONS`` may hold ``RETRY_AFTER`` (seconds, default 5) besides redis-py's connection options;
    without explicit ones, connecting and reading time out after half a second.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        options.setdefault("retry_on_timeout", False)
        super().__init__(server, {**params, "OPTIONS": options})
        self._suspended_until = 0.0
        self._lock = threading.Lock()

    # --- the breaker ---------------------------------------------------------------------------

    def is_suspended(self):
        return time.monotonic() < self._suspended_until

    def suspend(self, error, operation):
        with self._lock:
            first = not self.is_suspended()
            self._suspended_until = time.monotonic() + self.retry_after
        if first:
            logger.error(
                "Cache unavailable (%s: %s during %s); serving without it for %ss.",
                type(error).__name__,
                error,
                operation,
                self.retry_after,
            )

    def ping(self):
        """Round-trip to Redis, ignoring the breaker; raises when Redis does not answer."""
        client = self._cache.get_client(None, write=True)
        client.ping()
        self._suspended_until = 0.0
        return True

    # --- operations ----------------------------------------------------------------------------

    @_fallback(_get_default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    # An empty cache stores what is added: answering False would fail every lock taken with add()
    # (allauth's rate limits turn that into a 429 on every sign-in, sign-up and password reset).
    @_fallback(True)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_fallback(None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_fallback(False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_fallback(False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_fallback(lambda *args, **kwargs: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_fallback(False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    def incr(self, key, delta=1, version=None):
        if self.is_suspended():
            raise ValueError(f"Key '{key}' not found (cache unavailable).")
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as error:
            self.suspend(error, "incr")
            raise ValueError(f"Key '{key}' not found (cache unavailable).") from None

    @_fallback(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_fallback(None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_fallback(False)
    def clear(self):
        return super().clear()
