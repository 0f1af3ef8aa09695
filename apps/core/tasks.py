"""The one way to run work in the background.

Tasks are Django tasks (the ``django_tasks`` API Wagtail itself uses). With
``REDIS_URL`` set they go to RQ queues through ``django_tasks_rq`` and run on
``manage.py rqworker``; without Redis they run inline, so development and
simple deployments need no worker.
"""

import logging

from django.core.management import call_command
from django_tasks import task

__all__ = ["enqueue", "run_command", "task"]

logger = logging.getLogger(__name__)


def enqueue(task_function, *args, **kwargs):
    """Enqueue a ``@task`` function and return its TaskResult."""
    return task_function.enqueue(*args, **kwargs)


@task()
def run_command(name, *args, **options):
    """Run a management command as a task (used by the periodic schedule)."""
    logger.info("Running scheduled command %s %s %s", name, args, options)
    call_command(name, *args, **options)
    return name
