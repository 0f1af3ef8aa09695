"""Seed a demo site: every app's ``demo.py`` loader in INSTALLED_APPS order, then the search index.

Each loader is idempotent (get-or-create by natural keys), so running the
command twice changes nothing.
"""

import importlib
import json
import logging
import os
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

logger = logging.getLogger(__name__)


def default_data_dir():
    """The python.org data carried in the repository (``data/legacy-pydotorg``, see data/README.md)."""
    return Path(settings.BASE_DIR) / "data" / "legacy-pydotorg"


def demo_loaders():
    """(app label, load function) for each installed project app that has a demo module."""
    loaders = []
    for config in apps.get_app_configs():
        if not config.name.startswith("apps."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        loaders.append((config.label, module.load))
    return loaders


class Command(BaseCommand):
    help = "Load the demo site (page tree, navigation, snippets and every domain's demo content)."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, default=None, help="Folder with the legacy python.org data.")
        parser.add_argument("--skip-index", action="store_true", help="Do not rebuild the search index.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the site already has its content (fast restarts)."
        )

    def site_has_content(self):
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page__content_type").first()
        # A fresh install's site points at Wagtail's placeholder page, a plain wagtailcore.Page.
        return site is not None and site.root_page.content_type.app_label != "wagtailcore"

    def handle(self, *args, data_dir=None, skip_index=False, if_empty=False, **options):
        if if_empty and self.site_has_content():
            self.stdout.write("The site already has content; run without --if-empty to reload the demo data.")
            return
        data_dir = data_dir or Path(os.environ.get("DEMO_DATA_DIR") or default_data_dir())
        if not data_dir.is_dir():
            raise CommandError(f"Demo data folder {data_dir} not found; set DEMO_DATA_DIR or pass --data-dir.")
        # Thousands of saves would each queue a reference-index job ahead of real work (sign-up mail
        # included); run that bookkeeping inline here instead, and leave the queue to visitors.
        inline = {"default": {**settings.TASKS["default"], "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        with override_settings(TASKS=inline):
            for label, load in demo_loaders():
                try:
                    with transaction.atomic():
                        summary = load(data_dir=data_dir, stdout=self.stdout)
                except (FileNotFoundError, json.JSONDecodeError) as error:
                    # Nothing of this app's demo is half-loaded (the transaction rolled back); say what is missing.
                    raise CommandError(f"{label}: cannot load the demo data from {data_dir}: {error}") from error
                self.stdout.write(f"{label}: {summary or 'done'}")
        if not skip_index:
            call_command("update_index", verbosity=0)
            self.stdout.write("search index rebuilt")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
