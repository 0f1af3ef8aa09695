"""Resolve the Site and the page route of a request from process memory instead of a query per tree level.

Both are kept per process under a generation (``SITES_GENERATION``, ``ROUTES_GENERATION``) that
changes when a Site is saved or a page is published, unpublished, moved or deleted, so every process
sees a change on its next request. A cached route only says which page a path led to; the page itself
is loaded (one query) and asked to route the rest of the path, so ``live`` and routable sub-pages are
checked on every request.
"""

import threading

from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from apps.core.cache import generations, register_generation

SITES_GENERATION = "wagtail-sites-generation"
ROUTES_GENERATION = "page-routes-generation"
register_generation(SITES_GENERATION, ROUTES_GENERATION)

MAX_ROUTES = 20_000

_lock = threading.Lock()
_sites = {"token": None, "sites": [], "root_paths": None}
_routes = {"token": None, "paths": {}, "restricted": ()}


def _load_sites():
    # Site rows without their root page: routing loads the page itself, fresh, when it needs it.
    return list(Site.objects.order_by("-root_page__url_path", "-is_default_site", "hostname"))


def _site_for(hostname, port, sites):
    """Wagtail's rules (Site._find_for_request): hostname and port, then a unique hostname, then the default."""
    by_host = [site for site in sites if site.hostname == hostname]
    for site in by_host:
        if site.port == port:
            return site
    if len(by_host) == 1:
        return by_host[0]
    return next((site for site in sites if site.is_default_site), None)


def find_site(request):
    sites_token, routes_token = generations(SITES_GENERATION, ROUTES_GENERATION)
    if _sites["token"] != sites_token:
        sites = _load_sites()
        with _lock:
            _sites.update(token=sites_token, sites=sites, root_paths=None)
    if _routes["token"] != routes_token:
        restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        with _lock:
            _routes.update(token=routes_token, paths={}, restricted=restricted)
            _sites["root_paths"] = None
    try:
        port = int(request.get_port())
    except ValueError:
        port = None
    return _site_for(split_domain_port(request._get_raw_host())[0], port, _sites["sites"])


def site_root_paths():
    """Wagtail's site root paths (for page URLs), kept per process under both generations."""
    root_paths = _sites["root_paths"]
    if root_paths is None:
        root_paths = _sites["root_paths"] = Site.get_site_root_paths()
    return root_paths


def _mark_view_restrictions(result):
    """Tell the routed page (BasePage.get_view_restrictions) when no view restriction covers it."""
    if result is not None:
        page = result[0]
        page._no_view_restrictions = not any(page.path.startswith(path) for path in _routes["restricted"])
    return result


def route(request, site, path):
    """Wagtail's RouteResult for ``path`` on ``site``, or None (404); one query for a known path."""
    components = [component for component in path.split("/") if component]
    paths = _routes["paths"]
    for length in range(len(components), -1, -1):
        known = paths.get((site.pk, tuple(components[:length])))
        if known is None:
            continue
        model, pk = known
        page = model.objects.filter(pk=pk).first()
        if page is None:
            break
        try:
            return page.route(request, components[length:])
        except Http404:
            return None
    try:
        root = Page.objects.get(pk=site.root_page_id).specific
        result = root.route(request, components)
    except (Http404, Page.DoesNotExist):
        return None
    page = result[0]
    root_path = root.url_path
    if page.url_path.startswith(root_path) and len(paths) < MAX_ROUTES:
        own = tuple(part for part in page.url_path[len(root_path) :].split("/") if part)
        if own == tuple(components[: len(own)]):
            with _lock:
                paths[(site.pk, own)] = (type(page), page.pk)
    return result


class SiteRouteMiddleware:
    """Give Wagtail the request's Site and page route before its serve view asks (it would query for both)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if view_func is not serve or hasattr(request, "_wagtail_site"):
            return
        site = request._wagtail_site = find_site(request)
        request._wagtail_cached_site_root_paths = site_root_paths()
        if site is not None:
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            result = route(request, site, path)
            request._wagtail_route_for_request = _mark_view_restrictions(result)
