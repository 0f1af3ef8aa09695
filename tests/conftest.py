"""Fixtures shared by the whole suite: the site and its homepage, users by role, a real RQ queue."""

import os
from pathlib import Path

import django_rq
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connections
from django.test import override_settings
from rq import SimpleWorker, Worker
from wagtail.models import Page, Site

from apps.pages.demo import ensure_root
from tests.factories import HomePageFactory, UserFactory

DATA_DIR = Path(settings.BASE_DIR) / "data" / "legacy-pydotorg"
ARTIFACTS = Path(settings.BASE_DIR) / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (cached fragments must not leak between tests)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data_dir():
    return DATA_DIR


@pytest.fixture
def home_page(db):
    root = ensure_root()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, title="Welcome to Python.org", slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Python.org"},
    )
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def user(db):
    return UserFactory(username="visitor", email="visitor@example.com")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", email="admin@example.com", is_staff=True, is_superuser=True)


def staff_member(username, group_name):
    member = UserFactory(username=username, email=f"{username}@example.com", is_staff=True)
    member.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return member


@pytest.fixture
def editor(db):
    return staff_member("editor", "Editors")


@pytest.fixture
def moderator(db):
    return staff_member("moderator", "Moderators")


@pytest.fixture
def rq_queue(db):
    """Route tasks to the real Redis through RQ; call ``run_worker()`` to drain the queues in burst mode.

    The queues are shared by every test process of the run (pytest-xdist): a lock in Redis lets one test
    at a time use them, so no test drains or empties another's jobs.
    """
    redis_url = os.environ.get("REDIS_URL", settings.TEST_REDIS_URL)
    tasks = {"default": {"BACKEND": "apps.core.task_backends.ResilientRQBackend", "QUEUES": settings.RQ_QUEUE_NAMES}}
    queues = {name: {"URL": redis_url, "DEFAULT_TIMEOUT": 60} for name in settings.RQ_QUEUE_NAMES}
    with override_settings(TASKS=tasks, RQ_QUEUES=queues):
        connection = django_rq.get_connection("default")
        lock = connection.lock("pydotorg-tests:rq-queues", timeout=300, blocking_timeout=900)
        assert lock.acquire(), "another test process held the RQ queues for 15 minutes"
        empty_queues()

        class Runner:
            def count(self, name="default"):
                return django_rq.get_queue(name).count

            def run_worker(self):
                # SimpleWorker runs jobs in this process, inside the test's database transaction.
                worker = django_rq.get_worker(*settings.RQ_QUEUE_NAMES, worker_class=SimpleWorker)
                return worker.work(burst=True)

        try:
            yield Runner()
        finally:
            empty_queues()
            lock.release()
            connection.close()


def empty_queues():
    """No job of another test is left waiting, scheduled for a retry, started or failed, and no worker a test
    killed still counts as listening (its registration outlives it until its heartbeat lapses)."""
    for name in settings.RQ_QUEUE_NAMES:
        queue = django_rq.get_queue(name)
        for worker in Worker.all(queue=queue):
            worker.register_death()
        queue.empty()
        for registry in (queue.scheduled_job_registry, queue.started_job_registry, queue.failed_job_registry,
                         queue.deferred_job_registry, queue.finished_job_registry):  # fmt: skip
            for job_id in registry.get_job_ids():
                registry.remove(job_id, delete_job=True)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser_page(live_server, django_db_serialized_rollback, monkeypatch):
    """A Playwright page in Debian's chromium, pointed at the live test server (``page.base_url``).

    Serialized rollback puts back what migrations created (root page, groups, email templates, OSes)
    after the live-server test empties the database.
    """
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.base_url = live_server.url
        yield page
        context.close()
        browser.close()
        # While Playwright's event loop runs, the ORM calls of fixtures and tests get their own connection
        # (Django keeps connections per async context); close it here, or it outlives the run and the test
        # database cannot be dropped.
        connections.close_all()


def screenshot(page, name):
    """Save a screenshot under tests/artifacts/ and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
