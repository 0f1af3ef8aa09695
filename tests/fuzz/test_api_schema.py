"""Schema-driven fuzz of the downloads API (v1 and v2) against the OpenAPI schema it serves:
no server error, and every response matches the schema (status, content type, body)."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks

from apps.downloads.openapi import build_schema
from tests.downloads.factories import ReleaseFileFactory

schema = schemathesis.openapi.from_dict(build_schema())
schema.app = WSGIHandler()
CASES_RUN = []
WRITE_STATUSES = []
BEYOND_THE_SCHEMA = [checks.positive_data_acceptance, checks.missing_required_header]
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


@pytest.fixture
def release_manager_credentials(published_release):
    """Writes are sent as a release manager, so their bodies reach validation (not just the 401)."""
    from apps.users.models import ApiCredential
    from tests.downloads.conftest import release_manager_user

    user = release_manager_user()
    credential = ApiCredential.objects.create(user=user)
    return {1: f"ApiKey {user.username}:{credential.regenerate_api_key()}", 2: f"Token {credential.regenerate_token()}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=SLOW_IS_FINE)
def test_api_answers_match_the_schema(case, release_manager_credentials):
    headers = None
    if case.method != "GET":
        headers = {"Authorization": release_manager_credentials[1 if case.path.startswith("/api/v1/") else 2]}
    # Excluded: "a schema-valid body is accepted" (the API also checks what a schema cannot say: version
    # numbers, file hosts, sidecar names; those answer 400) and "without the required header it is 401",
    # which replays with the credentials above (tests/downloads/test_api_write.py covers the 401s).
    response = case.call_and_validate(base_url="http://testserver", headers=headers, excluded_checks=BEYOND_THE_SCHEMA)
    CASES_RUN.append(case.operation.label)
    if headers:
        WRITE_STATUSES.append(response.status_code)


def test_report_how_many_api_cases_ran():
    # The writes were signed in: some were carried out, the rest refused for their content, not for auth.
    assert any(200 <= status < 300 for status in WRITE_STATUSES) and 400 in WRITE_STATUSES
    print(f"\nAPI fuzz writes: {len(WRITE_STATUSES)}, answered {sorted(set(WRITE_STATUSES))}")
    print(f"\nAPI fuzz: {len(CASES_RUN)} calls over {len(set(CASES_RUN))} operations, 0 server errors")
