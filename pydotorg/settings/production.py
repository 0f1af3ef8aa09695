"""Production: every secret and host comes from the environment; nothing has a default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

for required in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"):
    if not env(required, default=""):
        raise ImproperlyConfigured(f"Production settings need the {required} environment variable.")

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
# Keys that have ever been in the repository (the development default) or are too short to be secret.
KNOWN_KEYS = {"insecure-development-key-do-not-use-in-production", "change-me-in-production-please-0123456789abcdefghijklmnop"}
if SECRET_KEY in KNOWN_KEYS or len(set(SECRET_KEY)) < 5 or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("SECRET_KEY must be a long random value that is not in the repository.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^_health$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

MAILERS = {
    "default": {
        "BACKEND": env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env("EMAIL_HOST", default="localhost"),
            "port": env.int("EMAIL_PORT", default=25),
            "use_tls": env.bool("EMAIL_USE_TLS", default=False),
            "username": env("EMAIL_HOST_USER", default=""),
            "password": env("EMAIL_HOST_PASSWORD", default=""),
            "timeout": 20,
        },
    }
}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="https://www.python.org")

# Client addresses behind the proxy (allauth's rate limits count per client address). Behind one nginx
# (docker/nginx.conf.example, which appends to X-Forwarded-For) the client is the last entry: 1. With a
# CDN in front of nginx the CDN's address is appended after the client's: 2; or, when the CDN sends the
# client's address in a header of its own (Fastly-Client-IP, CF-Connecting-IP), name that header in
# TRUSTED_CLIENT_IP_HEADER and make sure the web tier is reachable only through the CDN.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default=None)

# Error reporting: Sentry when SENTRY_DSN is set, nothing otherwise (apps/core/monitoring.py).
SENTRY_DSN = env("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="production")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
if SENTRY_DSN:
    from apps.core.monitoring import init_sentry

    init_sentry(SENTRY_DSN, environment=SENTRY_ENVIRONMENT, traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE)
