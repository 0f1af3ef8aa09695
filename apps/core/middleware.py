from django.middleware.csp import ContentSecurityPolicyMiddleware

from apps.core.cache import apply_cache_policy, begin_request, end_request

# The Wagtail admin and its libraries use inline scripts; the CSP guards the public site.
CSP_EXEMPT_PREFIXES = ("/admin/", "/django-rq/", "/django-admin/")


class PublicSiteCSPMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(CSP_EXEMPT_PREFIXES):
            response._csp_config = {}
            response._csp_ro_config = {}
        return super().process_response(request, response)


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
