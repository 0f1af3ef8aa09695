"""Test settings: PostgreSQL and Redis on this machine, fast hashing, mail kept in memory."""

import os
import secrets

from .base import *  # noqa: F403
from .base import env

# A fresh key per test process: the production-settings servers some tests start accept no key from the repository.
SECRET_KEY = secrets.token_urlsafe(50)
# The same defaults as `make test`: never the database and Redis db the README runs the site on.
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/pydotorg_test")}
TEST_REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/15")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}
# Tasks run inline unless a test switches to the RQ backend (see tests/conftest.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": RQ_QUEUE_NAMES},  # noqa: F405
}
RQ_QUEUES = {name: {"URL": TEST_REDIS_URL, "DEFAULT_TIMEOUT": 60} for name in RQ_QUEUE_NAMES}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "tests" / "artifacts" / f"media-{os.getpid()}"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ACCOUNT_RATE_LIMITS = False
DATABASES["default"]["CONN_MAX_AGE"] = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Admin tests across the suite sign staff in without a TOTP device; tests/users covers the requirement.
REQUIRE_STAFF_MFA = False
