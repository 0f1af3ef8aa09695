from django.test import override_settings

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
