"""The real HTTP cache: Varnish (docker/varnish/default.vcl, started by `make varnish`) in front of gunicorn
with production settings, on this test database and a shared Redis, purged by the test process through
Wagtail's frontend cache.

Ports come from TEST_VARNISH_PORT / TEST_VARNISH_ADMIN_PORT / TEST_WEB_PORT (defaults 6081, 6082, 8108).
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

ROOT = Path(settings.BASE_DIR)
VARNISH_PORT = int(os.environ.get("TEST_VARNISH_PORT", "6081"))
VARNISH_ADMIN_PORT = int(os.environ.get("TEST_VARNISH_ADMIN_PORT", "6082"))
WEB_PORT = int(os.environ.get("TEST_WEB_PORT", "8108"))
VARNISH_URL = f"http://127.0.0.1:{VARNISH_PORT}"
KEY_PREFIX = "varnish-tests"


def database_url():
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def redis_url():
    return os.environ.get("REDIS_URL", settings.TEST_REDIS_URL)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body

    @property
    def cache(self):
        return self.headers.get("X-Cache")


def fetch(path, headers=None, method="GET"):
    url = path if path.startswith("http") else f"{VARNISH_URL}{path}"
    request = urllib.request.Request(url, method=method, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return Response(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read().decode())


class Stack:
    """gunicorn (production settings, 2 workers) behind Varnish started with `make varnish`."""

    def __init__(self):
        self.web = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "pydotorg.settings.production",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url(),
            "CACHE_KEY_PREFIX": KEY_PREFIX,
            "SECRET_KEY": settings.SECRET_KEY,  # sessions signed in by the tests are valid there
            "ALLOWED_HOSTS": "*",
            "SECURE_SSL_REDIRECT": "false",
            "VARNISH_URL": VARNISH_URL,
            "CACHE_S_MAXAGE": "600",
            "REQUIRE_STAFF_MFA": "false",
            "CONN_MAX_AGE": "0",
        }

    def make(self, target):
        subprocess.run(  # noqa: S603
            ["make", "-s", target, f"VARNISH_PORT={VARNISH_PORT}", f"VARNISH_ADMIN_PORT={VARNISH_ADMIN_PORT}",  # noqa: S607
             f"VARNISH_BACKEND=127.0.0.1:{WEB_PORT}"],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip

    def start_web(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.web = subprocess.Popen(  # noqa: S603
            [str(gunicorn), "pydotorg.wsgi:application", "--bind", f"127.0.0.1:{WEB_PORT}", "--workers", "2",
             "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        # gunicorn itself first, then through Varnish (whose health probe must see the backend up again).
        self.wait_until(lambda: fetch(f"http://127.0.0.1:{WEB_PORT}/robots.txt").status == 200, "gunicorn")
        self.wait_until(lambda: fetch("/robots.txt").status == 200, "gunicorn behind Varnish")
        # Load each worker's code and templates (the page templates too, through a 404 page) before a test
        # times its first page: a cold render on a loaded machine can outlast Varnish's first-byte timeout.
        for n in range(4):
            fetch("/_health")
            fetch(f"/warm-up-{n}/")

    def stop_web(self):
        if self.web is not None:
            self.web.send_signal(signal.SIGTERM)
            self.web.wait(timeout=30)
            self.web = None

    @staticmethod
    def wait_until(condition, what, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}")

    def start(self):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=self.env, check=True
        )
        self.make("varnish")
        self.start_web()

    def stop(self):
        self.stop_web()
        self.make("varnish-stop")


@pytest.fixture(scope="session")
def varnish_stack(django_db_setup, django_db_blocker):
    stack = Stack()
    stack.start()
    yield stack
    stack.stop()


@pytest.fixture
def varnish(varnish_stack, transactional_db, django_db_serialized_rollback):
    """The stack, with this process sharing gunicorn's Redis cache and purging the real Varnish."""
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url(),
            "KEY_PREFIX": KEY_PREFIX,
        }
    }
    frontend = {"varnish": {"BACKEND": "apps.core.cache.VarnishBackend", "LOCATION": VARNISH_URL}}
    with override_settings(CACHES=caches, WAGTAILFRONTENDCACHE=frontend, CACHE_S_MAXAGE=600):
        cache.clear()
        fetch("/", {"xkey-purge": "site"}, method="PURGE")
        if varnish_stack.web is None:
            varnish_stack.start_web()
        yield varnish_stack
        cache.clear()
