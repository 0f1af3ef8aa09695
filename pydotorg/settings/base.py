"""Settings shared by every environment; values come from the environment."""

from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates override library ones.
    "apps.core",
    "apps.users",
    "apps.pages",
    "apps.search",
    "apps.mailing",
    "apps.downloads",
    "apps.jobs",
    "apps.events",
    # News, success stories and code samples (see docs/news.md)
    "apps.blogs",
    "apps.successstories",
    "apps.codesamples",
    "apps.community",
    "apps.minutes",
    "apps.banners",
    "apps.work_groups",
    "apps.sponsors",
    "apps.nominations",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.github",
    "allauth.socialaccount.providers.google",
    "allauth.mfa",
    # Queue, API
    "django_rq",
    "django_tasks",
    "django_tasks_rq",
    "rest_framework",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # Wagtail's search index on PostgreSQL
]

MIDDLEWARE = [
    # Outermost: every log line of a request carries its id (apps/core/monitoring.py).
    "apps.core.monitoring.RequestIdMiddleware",
    # First, so it sees the final response (cookies set by later middleware included).
    "apps.core.middleware.CachePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "apps.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "apps.core.middleware.PublicSiteCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "apps.core.middleware.RedisUnreachableMiddleware",
]

ROOT_URLCONF = "pydotorg.urls"
WSGI_APPLICATION = "pydotorg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pydotorg.context_processors.site_context",
            ],
        },
    },
]

# Database: SQLite is the zero-setup default; DATABASE_URL switches to Postgres.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Redis is optional: without REDIS_URL the cache is local memory and tasks run inline.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # An unreachable Redis is a cache miss, not a 500 (apps/core/cache_backends.py).
            "BACKEND": "apps.core.cache_backends.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="pydotorg"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_AFTER": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# "mail" has its own worker process (Procfile ``mailer``) so email never waits behind bulk work.
RQ_QUEUE_NAMES = ["default", "mail"]
# Workers must run jobs with the Django Tasks job class (manage.py rqworker default mail).
RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
RQ_QUEUES = {name: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600} for name in RQ_QUEUE_NAMES}
TASKS = {
    "default": {
        # Retried jobs, and tasks run inline when the queue is unreachable (apps/core/task_backends.py).
        "BACKEND": "apps.core.task_backends.ResilientRQBackend"
        if REDIS_URL
        else "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": RQ_QUEUE_NAMES,
        # A mail job that raises (SMTP down) is retried after 1, 5 and 15 minutes (apps.mailing).
        "OPTIONS": {"RETRY": {"mail": {"max": 3, "interval": [60, 300, 900]}}} if REDIS_URL else {},
    }
}
# A failed or abandoned job runs again up to "max" times, after these waits (seconds).
TASKS_RETRY = {"max": env.int("TASKS_RETRY_MAX", default=3), "interval": [30, 120, 600]}
# /_health is 503 when a queue has jobs but no worker, or its oldest job waited longer than this.
HEALTH_QUEUE_MAX_WAIT = env.int("HEALTH_QUEUE_MAX_WAIT", default=300)

LANGUAGE_CODE = "en-us"
LANGUAGES = [("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

MAILERS = {"default": {"BACKEND": env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Python.org <noreply@python.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Python.org"
# Approvers publish what they approve without holding "publish" on the page tree (apps/core/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "apps.core.workflows.publish_approved"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_I18N_ENABLED = False
# Accounts reset passwords through allauth (its emails are database templates); the admin has no reset of its own.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Autosave off unless asked for: its background saves replay a pending workflow action (an approval sent
# twice fails with a server error) and create half-typed release pages as drafts. 500 (ms) turns it on.
WAGTAIL_AUTOSAVE_INTERVAL = env.int("WAGTAIL_AUTOSAVE_INTERVAL", default=0)

# Front-end cache: Fastly purges by surrogate key when configured, otherwise a no-op.
WAGTAILFRONTENDCACHE = {}
if env("FASTLY_API_KEY", default=""):
    WAGTAILFRONTENDCACHE["fastly"] = {
        "BACKEND": "apps.core.cache.FastlyBackend",
        "API_KEY": env("FASTLY_API_KEY"),
        "SERVICE_ID": env("FASTLY_SERVICE_ID"),
    }
# Varnish (docker/varnish/default.vcl, `make varnish`): purged by URL and by surrogate key (xkey).
if env("VARNISH_URL", default=""):
    WAGTAILFRONTENDCACHE["varnish"] = {"BACKEND": "apps.core.cache.VarnishBackend", "LOCATION": env("VARNISH_URL")}
CACHE_S_MAXAGE = env.int("CACHE_S_MAXAGE", default=600)
CACHE_STALE_WHILE_REVALIDATE = env.int("CACHE_STALE_WHILE_REVALIDATE", default=60)

# Accounts (django-allauth)
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A provider's sign-in button shows only when it is configured: client id in the environment here, or a
# SocialApp row made in the admin (allauth lists only providers that have an app).
SOCIALACCOUNT_PROVIDERS = {
    "github": {"SCOPE": ["user:email"]},
    "google": {"SCOPE": ["profile", "email"]},
}
for _provider in SOCIALACCOUNT_PROVIDERS:
    if _client_id := env(f"{_provider.upper()}_CLIENT_ID", default=""):
        SOCIALACCOUNT_PROVIDERS[_provider]["APP"] = {
            "client_id": _client_id,
            "secret": env(f"{_provider.upper()}_CLIENT_SECRET", default=""),
        }

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Generous per-client limits (docs/api.md): release tooling, Renovate and cibuildwheel make a few calls a run.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_ANON_RATE", default="2000/hour"),
        "user": env("API_USER_RATE", default="10000/hour"),
    },
}

# Content Security Policy (public site; the Wagtail admin is exempt, see core.middleware).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "https:"],
    "font-src": [CSP.SELF],
    "frame-src": ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF, "https://github.com", "https://accounts.google.com"],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN

SITE_ID = 1
PYDOTORG = {
    "DONATE_URL": "https://psfmember.org/civicrm/contribute/transact/?reset=1&id=2",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "apps.core.monitoring.RequestIdFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}

# Jobs board (apps.jobs)
JOBS_EXPIRY_DAYS = env.int("JOBS_EXPIRY_DAYS", default=90)  # an approved job stays up this long
JOBS_REMINDER_DAYS = env.int("JOBS_REMINDER_DAYS", default=7)  # expiry reminder this many days before
JOBS_MODERATORS_EMAIL = env("JOBS_MODERATORS_EMAIL", default="jobs@python.org")
JOBS_SUBMISSIONS_PER_DAY = env.int("JOBS_SUBMISSIONS_PER_DAY", default=5)
JOBS_TRUSTED_ACCOUNT_DAYS = env.int("JOBS_TRUSTED_ACCOUNT_DAYS", default=90)
JOBS_TRUSTED_MIN_APPROVED_JOBS = env.int("JOBS_TRUSTED_MIN_APPROVED_JOBS", default=3)
# Downloads: release files, release-cycle data and signature verification.
DOWNLOADS_ALLOWED_FILE_HOSTS = env.list("DOWNLOADS_ALLOWED_FILE_HOSTS", default=["www.python.org"])
DOWNLOADS_RELEASE_CYCLE_URL = env(
    "DOWNLOADS_RELEASE_CYCLE_URL", default="https://peps.python.org/api/release-cycle.json"
)
DOWNLOADS_FETCH_TIMEOUT = 30
DOWNLOADS_VERIFY_MAX_BYTES = 200 * 1024 * 1024
DOWNLOADS_GPG_BINARY = env("DOWNLOADS_GPG_BINARY", default="gpg")
# Events
EVENTS_ENDLESS_RULE_YEARS = env.int("EVENTS_ENDLESS_RULE_YEARS", default=2)  # imported endless RRULEs stop after this
EVENTS_REMINDER_HOURS = env.int("EVENTS_REMINDER_HOURS", default=24)  # reminders go out this long before a start
# Who hears of a submitted event: this address, or (empty) every active member of the Moderators group.
EVENTS_MODERATORS_EMAIL = env("EVENTS_MODERATORS_EMAIL", default="")
# Success stories (apps.successstories): where submitted stories are announced for review
SUCCESS_STORIES_EMAIL = env("SUCCESS_STORIES_EMAIL", default="psf-success-stories@python.org")
# Accounts, profiles and PSF membership (apps.users; see docs/accounts.md)
ACCOUNT_ADAPTER = "apps.users.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "apps.users.adapters.SocialAccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Python.org] "
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Emails are private: sign-up and password reset answer the same for known and unknown addresses (the
# owner of a known address gets an email saying so instead). Usernames are public on profiles anyway.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Bots fill every field; people never see this one (hidden by CSS in the signup template).
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_FORMS = {"signup": "apps.users.forms.SignupForm"}
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/180s/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Wagtail's password-protected pages and documents (apps.users.middleware.PagePasswordRateLimitMiddleware).
    "page_password": "10/m/ip,20/10m/key",
}
ACCOUNT_USERNAME_MIN_LENGTH = 2
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Python.org"
# Staff who can reach the admin must have two-factor authentication turned on.
REQUIRE_STAFF_MFA = env.bool("REQUIRE_STAFF_MFA", default=True)
MIDDLEWARE += [
    "apps.users.middleware.StaffMFARequiredMiddleware",
    "apps.users.middleware.SuperuserOnlyPathsMiddleware",
    "apps.users.middleware.PagePasswordRateLimitMiddleware",
]
# Page serving: the Site and the page route come from process memory (apps.core.routing).
MIDDLEWARE += ["apps.core.routing.SiteRouteMiddleware"]
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Community posts, board minutes, banners, work groups, site extras (see docs/community.md)
COMMUNITY_PHOTO_MAX_BYTES = env.int("COMMUNITY_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
MIDDLEWARE += ["apps.banners.middleware.ApiNoticeMiddleware"]  # X-API-Notice on /api/ responses
# /shell/ embeds this console (python.org uses https://console.python.org/python-dot-org-console/); empty: none.
SHELL_EMBED_URL = env("SHELL_EMBED_URL", default="")
if SHELL_EMBED_URL:
    from urllib.parse import urlsplit

    _shell = urlsplit(SHELL_EMBED_URL)
    SECURE_CSP["frame-src"] = [*SECURE_CSP["frame-src"], f"{_shell.scheme}://{_shell.netloc}"]

# Sponsorship program (apps.sponsors)
SPONSORS_PSF_EMAIL = env("SPONSORS_PSF_EMAIL", default="sponsors@python.org")  # applications and contracts go here
SPONSORS_ASSET_REMINDER_DAYS = env.int("SPONSORS_ASSET_REMINDER_DAYS", default=7)  # remind before an asset is due
SPONSORS_VOUCHER_API_URL = env("SPONSORS_VOUCHER_API_URL", default="")  # the conference's voucher API
SPONSORS_VOUCHER_API_KEY = env("SPONSORS_VOUCHER_API_KEY", default="")
# Nominations (apps.nominations; see docs/nominations.md)
NOMINATIONS_STAFF_EMAIL = env("NOMINATIONS_STAFF_EMAIL", default="psf-elections@python.org")
NOMINATIONS_STATEMENT_MAX_LENGTH = env.int("NOMINATIONS_STATEMENT_MAX_LENGTH", default=10_000)  # characters
NOMINATIONS_PREVIEWS_PER_MINUTE = env.int("NOMINATIONS_PREVIEWS_PER_MINUTE", default=30)
