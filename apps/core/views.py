import datetime
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
    if hasattr(cache, "ping"):  # the Redis cache answers misses while down; ask it directly
        cache.ping()
    key = "health-check"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was stored")


class QueueNotWorked(Exception):
    """Jobs are waiting and no worker takes them (or they have waited too long)."""

    def __init__(self, message, detail):
        super().__init__(message)
        self.detail = detail


def _check_queue():
    """Per queue: jobs waiting, workers listening, and how long the oldest job has waited."""
    import django_rq
    from rq import Worker

    if "RQBackend" not in settings.TASKS["default"]["BACKEND"]:
        return {"mode": "inline"}
    django_rq.get_connection("default").ping()
    now = datetime.datetime.now(datetime.UTC)
    report, problems, warnings = {}, [], []
    for name in settings.RQ_QUEUE_NAMES:
        queue = django_rq.get_queue(name)
        queued = queue.count
        workers = Worker.count(queue=queue)
        oldest = None
        first = queue.get_job_ids(0, 1)
        job = queue.fetch_job(first[0]) if first else None
        if job is not None and job.enqueued_at is not None:
            enqueued = job.enqueued_at if job.enqueued_at.tzinfo else job.enqueued_at.replace(tzinfo=datetime.UTC)
            oldest = round((now - enqueued).total_seconds(), 1)
        report[name] = {"queued": queued, "workers": workers, "oldest_job_age_s": oldest}
        if queued and not workers:
            problems.append(f"{name}: {queued} job(s) waiting and no worker")
        elif oldest is not None and oldest > settings.HEALTH_QUEUE_MAX_WAIT:
            problems.append(f"{name}: oldest job waiting {oldest:.0f}s")
        elif not workers:
            warnings.append(f"{name}: no worker")
    detail = {"mode": "rq", "queued": {name: queue["queued"] for name, queue in report.items()}, "queues": report}
    if problems:
        raise QueueNotWorked("; ".join(problems), detail)
    if warnings:  # nothing is late yet, but the next job will be: a monitor alerts on "degraded"
        detail["warning"] = "; ".join(warnings)
    return detail


@never_cache
@require_GET
def health(request):
    """Report database, cache and queue state; 503 when any dependency is down, "degraded" (still 200, so
    load balancers keep the node) when a queue has no worker but no job waits yet."""
    checks = {"database": _check_database, "cache": _check_cache, "queue": _check_queue}
    report, healthy = {}, True
    for name, check in checks.items():
        started = time.monotonic()
        try:
            detail = check() or {}
            report[name] = {"ok": True, **detail}
        except Exception as error:  # any failure of a dependency is reported, not raised
            healthy = False
            report[name] = {"ok": False, "error": f"{type(error).__name__}: {error}", **getattr(error, "detail", {})}
        report[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    status = "unavailable" if not healthy else "degraded" if any("warning" in r for r in report.values()) else "ok"
    return JsonResponse({"status": status, "checks": report}, status=200 if healthy else 503)


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
