"""The one way to run work in the background.

Tasks are Django tasks (the ``django_tasks`` API Wagtail itself uses). With
``REDIS_URL`` set they go to RQ queues through ``apps.core.task_backends`` and run on
``manage.py rqworker``; without Redis they run inline, so development and
simple deployments need no worker.

``enqueue`` is how project code starts a task:

- inside a transaction it waits for the commit (``transaction.on_commit``), so a worker never
  looks for a row that is not committed yet, and nothing is sent for a rolled-back change;
- when the queue is unreachable the task runs inline and the caller's action still succeeds
  (the backend's rule, see ``apps.core.task_backends``);
- RQ retries a job that fails or whose worker died (``TASKS_RETRY``), so tasks must be safe to run
  twice.
"""

import logging

from django.core.management import call_command
from django.db import transaction
from django_tasks import task

__all__ = ["enqueue", "run_command", "task"]

logger = logging.getLogger(__name__)


def in_transaction(using=None):
    """True inside a transaction that has yet to commit (a test case's own wrapping block aside)."""
    connection = transaction.get_connection(using)
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def enqueue(task_function, *args, **kwargs):
    """Enqueue a ``@task`` function once the current transaction commits (now when there is none).

    Returns the TaskResult when enqueued now, None when it waits for the commit.
    """
    if in_transaction():
        transaction.on_commit(lambda: _send(task_function, args, kwargs), robust=True)
        return None
    return _send(task_function, args, kwargs)


def _send(task_function, args, kwargs):
    return task_function.enqueue(*args, **kwargs)


@task()
def run_command(name, *args, **options):
    """Run a management command as a task (used by the periodic schedule)."""
    logger.info("Running scheduled command %s %s %s", name, args, options)
    call_command(name, *args, **options)
    return name
