from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils.csp import CSP
from django.utils.deprecation import MiddlewareMixin

from apps.core.cache import apply_cache_policy

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


class CachePolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        return apply_cache_policy(request, response)
