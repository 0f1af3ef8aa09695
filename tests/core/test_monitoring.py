"""Errors in a view and in a task reach Sentry's transport; every request has an id in logs and headers."""

import logging

import pytest
import sentry_sdk
from django.test import override_settings
from sentry_sdk.transport import Transport

from apps.core.monitoring import init_sentry
from apps.core.tasks import enqueue, task

pytestmark = pytest.mark.django_db


class RecordingTransport(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            event = item.get_event()
            if event is not None:
                self.events.append(event)


@pytest.fixture
def sentry():
    transport = RecordingTransport()
    assert init_sentry("https://public@sentry.example.invalid/1", environment="test", transport=transport)
    yield transport
    sentry_sdk.flush()
    sentry_sdk.init()  # back to a client without a DSN: nothing is sent


def messages(events):
    return [value["value"] for event in events for value in event.get("exception", {}).get("values", [])]


def test_without_a_dsn_nothing_is_set_up():
    assert init_sentry("") is False


@override_settings(ROOT_URLCONF="tests.core.urls_failing")
def test_an_error_in_a_view_reaches_sentry_with_the_request_id(client, sentry):
    client.raise_request_exception = False
    response = client.get("/boom/", HTTP_X_REQUEST_ID="req-1234567890")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-1234567890"
    sentry_sdk.flush()
    assert "a bug in a view" in messages(sentry.events)
    event = next(e for e in sentry.events if "a bug in a view" in messages([e]))
    assert event["tags"]["request_id"] == "req-1234567890"


@task()
def failing_task():
    raise RuntimeError("a bug in a task")


def test_an_error_in_a_task_reaches_sentry(rq_queue, sentry, settings):
    settings.TASKS_RETRY = {"max": 1, "interval": [0]}
    enqueue(failing_task)
    rq_queue.run_worker()
    sentry_sdk.flush()
    assert "a bug in a task" in messages(sentry.events)


@override_settings(ROOT_URLCONF="tests.core.urls_failing")
def test_log_lines_carry_the_request_id(client, home_page, caplog):
    from apps.core.monitoring import RequestIdFilter

    client.raise_request_exception = False
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/boom/", HTTP_X_REQUEST_ID="trace-abcdef123")
    assert response.status_code == 500
    assert [r.request_id for r in caplog.records if r.name == "django.request"] == ["trace-abcdef123"]


def test_a_malformed_request_id_is_replaced(client, home_page):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID="bad id\nwith newline")
    assert len(response["X-Request-ID"]) == 32 and "\n" not in response["X-Request-ID"]
