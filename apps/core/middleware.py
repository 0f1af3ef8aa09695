import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils.csp import CSP

from apps.core.cache import apply_cache_policy, begin_request, end_request
from apps.core.inputs import has_nul

# The Wagtail admin and its libraries use inline scripts; the CSP guards the public site.
CSP_EXEMPT_PREFIXES = ("/admin/", "/django-rq/", "/django-admin/")


class PublicSiteCSPMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(CSP_EXEMPT_PREFIXES):
            response._csp_config = {}
            response._csp_ro_config = {}
        elif getattr(request, "is_preview", False):
            # Wagtail shows previews in an admin iframe: the site may frame itself there.
            policy = getattr(response, "_csp_config", None) or settings.SECURE_CSP
            response._csp_config = {**policy, "frame-ancestors": [CSP.SELF]}
        return super().process_response(request, response)


class RejectNulMiddleware:
    """A NUL character in the path, the query string or a submitted form is never valid input here
    (PostgreSQL cannot store it, and no URL of the site contains it): answer 400 before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or has_nul(list(request.GET.lists())):
            return bad_request(request, "The address contains a NUL character.")
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            if has_nul(list(request.POST.lists())):
                return bad_request(request, "The form contains a NUL character.")
        return self.get_response(request)


def bad_request(request, message):
    from django.http import JsonResponse
    from django.template import loader

    if request.path.startswith("/api/"):
        return JsonResponse({"error_message": message, "detail": message}, status=400)

    content = loader.get_template("400.html").render({"message": message})
    return HttpResponseBadRequest(content)


class RedisUnreachableMiddleware:
    """Pages served from the database survive a Redis outage (the cache treats errors as misses, tasks run
    inline); what exists only in Redis (the queue dashboard) answers a clear 503 instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.template import loader
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        if not isinstance(exception, RedisConnectionError | RedisTimeoutError):
            return None
        logging.getLogger(__name__).warning("Redis unreachable on %s: %s", request.path, exception)
        message = "The task queue is unreachable right now. Please try again in a few minutes."
        response = HttpResponse(loader.get_template("503.html").render({"message": message}), status=503)
        response["Retry-After"] = "60"
        return response


class CachePolicyMiddleware:
    """Opens the request's cache scope (generations read once, surrogate keys collected while
    rendering) and decides the response's Cache-Control."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = begin_request()
        try:
            response = self.get_response(request)
        finally:
            scope = end_request(token)
        return apply_cache_policy(request, response, scope.keys)
