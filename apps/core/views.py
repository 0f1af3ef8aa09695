import time
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    key = "health-check"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_queue():
    import django_rq

    backend = settings.TASKS["default"]["BACKEND"]
    if "RQBackend" not in backend:
        return {"mode": "inline"}
    connection_ = django_rq.get_connection("default")
    connection_.ping()
    return {"mode": "rq", "queued": {name: django_rq.get_queue(name).count for name in settings.RQ_QUEUE_NAMES}}


@never_cache
@require_GET
def health(request):
    """Report database, cache and queue state; 503 when any dependency is down."""
    checks = {"database": _check_database, "cache": _check_cache, "queue": _check_queue}
    report, healthy = {}, True
    for name, check in checks.items():
        started = time.monotonic()
        try:
            detail = check() or {}
            report[name] = {"ok": True, **detail}
        except Exception as error:  # any failure of a dependency is reported, not raised
            healthy = False
            report[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        report[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": report}, status=200 if healthy else 503
    )


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /search/",
        "Disallow: /django-rq/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
@cache_control(public=True, max_age=86400)
def humans_txt(request):
    return render(request, "humans.txt", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the database may be why we are here.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def legacy_media(request, path):
    """``/m/<path>``: python.org's old media URLs, moved permanently to where media is served now."""
    parts = [part for part in PurePosixPath(path).parts if part not in ("/", ".", "..")]
    if not parts:
        raise Http404
    return HttpResponsePermanentRedirect(settings.MEDIA_URL + quote("/".join(parts)))
