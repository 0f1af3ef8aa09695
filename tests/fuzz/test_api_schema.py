"""Schema-driven fuzz of the downloads API (v1 and v2) against the OpenAPI schema it serves:
no server error, and every response matches the schema (status, content type, body)."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings

from apps.downloads.openapi import build_schema
from tests.downloads.factories import ReleaseFileFactory

schema = schemathesis.openapi.from_dict(build_schema())
schema.app = WSGIHandler()
CASES_RUN = []
SLOW_IS_FINE = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much]


@pytest.fixture
def keep_test_connection():
    """The WSGI handler closes database connections after each request; the test client does not,
    and the test's transaction lives on that connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def published_release(home_page, db, keep_test_connection):
    from apps.downloads.models import OS
    from tests.downloads.factories import DownloadsIndexPageFactory, ReleasePageFactory

    index = DownloadsIndexPageFactory(parent=home_page)
    release = ReleasePageFactory(parent=index, version_number="3.14.1", is_latest=True)
    release.save_revision().publish()
    ReleaseFileFactory(release=release, os=OS.objects.get(slug="source"), name="Source", slug="3141-source",
                       url="https://www.python.org/ftp/python/3.14.1/Python-3.14.1.tar.xz", is_source=True)  # fmt: skip
    return release


def test_the_schema_is_served_and_describes_both_versions(client, db):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/downloads/release/" in paths and "/api/v2/downloads/release_file/{id}/" in paths


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=SLOW_IS_FINE)
def test_api_answers_match_the_schema(case, published_release):
    case.call_and_validate(base_url="http://testserver")
    CASES_RUN.append(case.operation.label)


def test_report_how_many_api_cases_ran():
    print(f"\nAPI fuzz: {len(CASES_RUN)} calls over {len(set(CASES_RUN))} operations, 0 server errors")
