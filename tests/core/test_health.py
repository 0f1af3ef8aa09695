import django_rq
import pytest
from django.conf import settings
from django.test import override_settings

from apps.mailing.emails import send_email

DOWN_REDIS = "redis://127.0.0.1:1/0"


def test_health_reports_every_dependency(client, db):
    response = client.get("/_health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_the_real_queue(client, rq_queue):
    body = client.get("/_health").json()
    assert body["checks"]["queue"]["mode"] == "rq"
    assert body["checks"]["queue"]["queued"] == {"default": 0, "mail": 0}


def test_health_is_503_when_redis_is_unreachable(client, db):
    tasks = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "mail"]}}
    queues = {name: {"URL": DOWN_REDIS, "DEFAULT_TIMEOUT": 5} for name in ("default", "mail")}
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DOWN_REDIS}}
    with override_settings(TASKS=tasks, RQ_QUEUES=queues, CACHES=caches):
        from django.core.cache import caches as cache_handler

        cache_handler._settings = cache_handler.settings = cache_handler.configure_settings(None)
        response = client.get("/_health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["queue"]["ok"] is False
    assert body["checks"]["cache"]["ok"] is False


def test_robots_and_humans(client, db):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert b"Disallow: /admin/" in robots.content
    assert b"Sitemap: http://testserver/sitemap.xml" in robots.content
    humans = client.get("/humans.txt")
    assert humans.status_code == 200
    assert humans["Content-Type"].startswith("text/plain")


@pytest.fixture
def listening_worker(rq_queue):
    """A worker registered on every queue (as a running one is), taking no jobs."""
    worker = django_rq.get_worker(*settings.RQ_QUEUE_NAMES)
    worker.register_birth()
    yield worker
    worker.register_death()


def test_health_is_degraded_when_no_worker_listens(client, rq_queue):
    response = client.get("/_health")
    assert response.status_code == 200  # nothing is late yet: load balancers keep the node
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["queue"]["warning"] == "default: no worker; mail: no worker"
    assert body["checks"]["queue"]["queues"]["mail"] == {"queued": 0, "workers": 0, "oldest_job_age_s": None}


def test_health_is_503_when_jobs_wait_and_no_worker_takes_them(client, rq_queue):
    send_email("guido@example.com", "Welcome", "Hello")
    response = client.get("/_health")
    assert response.status_code == 503
    queue = response.json()["checks"]["queue"]
    assert queue["error"] == "QueueNotWorked: mail: 1 job(s) waiting and no worker"
    assert queue["queues"]["mail"]["workers"] == 0
    assert 0 <= queue["queues"]["mail"]["oldest_job_age_s"] < 60


def test_health_is_ok_while_workers_listen_and_503_once_a_job_waits_too_long(client, listening_worker, settings):
    assert client.get("/_health").json()["status"] == "ok"
    send_email("guido@example.com", "Welcome", "Hello")
    body = client.get("/_health").json()
    assert body["status"] == "ok" and body["checks"]["queue"]["queues"]["mail"]["workers"] == 1
    settings.HEALTH_QUEUE_MAX_WAIT = -1  # the job has now waited longer than allowed
    response = client.get("/_health")
    assert response.status_code == 503
    assert response.json()["checks"]["queue"]["error"].startswith("QueueNotWorked: mail: oldest job waiting")
