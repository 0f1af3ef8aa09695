"""Error reporting and request ids.

Sentry (Django, RQ and logging integrations) is set up from ``SENTRY_DSN`` by the production
settings and does nothing without it. Every request gets an id (the proxy's ``X-Request-ID`` when it
sends a sane one, else a new one) that is in each log line, in the response's ``X-Request-ID``
header and on the Sentry event, so one failure can be followed from nginx to the traceback.
"""

import contextvars
import logging
import re
import uuid

request_id_var = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_RE = re.compile(r"[A-Za-z0-9._-]{8,64}")


def init_sentry(dsn, *, environment="production", traces_sample_rate=0.0, release=None, transport=None):
    """Start the Sentry SDK; a no-op (returns False) without a DSN."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration
    from sentry_sdk.integrations.rq import RqIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,  # no emails, IPs or cookies of visitors
        integrations=[
            DjangoIntegration(),
            RqIntegration(),
            LoggingIntegration(level=logging.INFO, event_level=logging.ERROR),
        ],
        transport=transport,
    )
    return True


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` ("-" outside a request) for the log format."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if REQUEST_ID_RE.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request.id)
        try:
            try:
                import sentry_sdk

                sentry_sdk.set_tag("request_id", request.id)
            except ImportError:  # pragma: no cover - sentry-sdk is in the base requirements
                pass
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request.id
        return response
