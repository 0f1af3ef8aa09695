"""Local development: DEBUG on, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Demo staff accounts can use the admin without setting up two-factor authentication locally.
REQUIRE_STAFF_MFA = env.bool("REQUIRE_STAFF_MFA", default=False)
