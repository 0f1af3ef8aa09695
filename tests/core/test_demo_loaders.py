"""load_demo_data stops with a clear message, and a non-zero exit, when the data it loads is missing."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from apps.events import demo as events_demo
from apps.jobs import demo as jobs_demo
from apps.pages import demo as pages_demo
from apps.users import demo as users_demo

pytestmark = pytest.mark.django_db


def test_a_missing_data_folder_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("load_demo_data", data_dir=tmp_path / "nowhere", skip_index=True)


def test_a_missing_data_file_stops_the_command_with_its_name(tmp_path, data_dir):
    shutil.copytree(data_dir, tmp_path / "data")
    (tmp_path / "data" / "boxes.json").unlink()
    with pytest.raises(CommandError, match=r"pages: cannot load the demo data .*boxes\.json"):
        call_command("load_demo_data", data_dir=tmp_path / "data", skip_index=True)


@pytest.mark.parametrize("loader", [events_demo, jobs_demo, users_demo, pages_demo], ids=lambda m: m.__name__)
def test_every_loader_refuses_an_empty_folder(loader, tmp_path, home_page):
    with pytest.raises(FileNotFoundError):
        loader.load(tmp_path, stdout=None)


def test_the_command_exits_non_zero(tmp_path):
    # The real command line, as `make run` calls it (DEMO_DATA_DIR pointing at a folder that does not exist).
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo_data", "--skip-index"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEMO_DATA_DIR": str(tmp_path / "nowhere")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "not found" in result.stderr
