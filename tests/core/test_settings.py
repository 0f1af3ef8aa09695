"""Production settings refuse to start half-configured and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "sqlite:////tmp/pydotorg-deploy-check.sqlite3",
    "ALLOWED_HOSTS": "www.python.org",
}


def manage(*args, env):
    ignored = {*PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Production settings need the {missing} environment variable" in result.stderr


def test_tests_never_use_the_database_or_redis_db_the_readme_runs_the_site_on():
    """Bare ``pytest`` empties its Redis db and makes ``test_<name>``: the same ones as ``make test``."""
    readme = (BASE_DIR / "README.md").read_text()
    makefile = (BASE_DIR / "Makefile").read_text()
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    script = "from django.conf import settings; print(settings.DATABASES['default']['NAME'], settings.TEST_REDIS_URL)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    database, redis_url = result.stdout.split()
    assert f"TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/{database}" in makefile
    assert f"TEST_REDIS_URL ?= {redis_url}" in makefile
    assert f"5432/{database} " not in readme and f"{redis_url} " not in readme


def test_every_middleware_runs_once_per_request(settings):
    assert len(settings.MIDDLEWARE) == len(set(settings.MIDDLEWARE))
