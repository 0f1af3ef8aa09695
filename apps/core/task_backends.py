"""The RQ task backend the site runs with: retried jobs, and no lost work when Redis is down.

``django_tasks_rq.RQBackend`` plus rules that hold for every task, the project's and
Wagtail's own (reference index, image focal points, file deletion):

- each job is created with RQ's ``Retry`` (``TASKS_RETRY``: attempts and the waits between them),
  so a job that raises, or whose worker died mid-job (SIGKILL, out of memory, a redeploy), runs
  again. Tasks must therefore be safe to repeat.
- when the queue cannot be reached the task runs inline, in the request, and the outcome is
  logged: the action the user took still succeeds and its work is done, only slower.
- inside a transaction a job is queued once it commits (none for a rolled-back one), so a worker
  never looks for a row that does not exist yet.
"""

import logging

import django_rq
from django.conf import settings
from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TASK_MAX_PRIORITY, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id
from django_tasks_rq.backend import Job, RQBackend, failed_callback, success_callback
from redis.exceptions import RedisError
from rq import Retry
from rq.job import Callback, JobStatus

logger = logging.getLogger(__name__)

DEFAULT_RETRY = {"max": 3, "interval": [30, 120, 600]}


def retry_policy():
    """RQ's ``Retry`` from ``settings.TASKS_RETRY`` (``{"max": n, "interval": [seconds, …]}``)."""
    policy = {**DEFAULT_RETRY, **getattr(settings, "TASKS_RETRY", {})}
    return Retry(max=policy["max"], interval=policy["interval"])


class ResilientRQBackend(RQBackend):
    def retry_for(self, queue_name):
        """A queue's own policy (``OPTIONS["RETRY"][queue]``, e.g. mail) or the site-wide one."""
        policy = self.options.get("RETRY", {}).get(queue_name)
        return Retry(max=policy["max"], interval=policy.get("interval", 0)) if policy else retry_policy()

    def enqueue(self, task, args, kwargs):
        from apps.core.tasks import in_transaction  # here: apps.core.tasks defines tasks, which load this backend

        self.validate_task(task)
        if in_transaction():
            # Wagtail queues its own tasks (search and reference index, cache purges) from save signals: like the
            # project's, they wait for the commit, so a rolled-back change (a dry run, a failed import) sends nothing.
            pending = self._pending_result(task, args, kwargs)
            # The job keeps the id returned now, so a caller can look it up once it is queued.
            transaction.on_commit(lambda: self._enqueue_now(task, args, kwargs, job_id=pending.id), robust=True)
            return pending
        return self._enqueue_now(task, args, kwargs)

    def _pending_result(self, task, args, kwargs):
        return TaskResult(
            task=task, id=get_random_id(), status=TaskResultStatus.READY, enqueued_at=None, started_at=None,
            last_attempted_at=None, finished_at=None, args=args, kwargs=kwargs, backend=self.alias, errors=[],
            worker_ids=[],
        )  # fmt: skip

    def _enqueue_now(self, task, args, kwargs, job_id=None):
        try:
            return self._enqueue_on_rq(task, args, kwargs, job_id=job_id)
        except (RedisError, OSError) as error:
            logger.error(
                "Task queue unreachable (%s: %s); running %s inline.", type(error).__name__, error, task.module_path
            )
            result = self._inline_backend().enqueue(task, args, kwargs)
            if result.status == TaskResultStatus.FAILED:
                logger.error("Inline run of %s failed: %s", task.module_path, result.errors[-1].traceback)
            return result

    def _inline_backend(self):
        return ImmediateBackend(self.alias, {"QUEUES": list(self.queues)})

    def _enqueue_on_rq(self, task, args, kwargs, job_id=None):
        task_result = TaskResult(
            task=task,
            id=job_id or get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        queue = django_rq.get_queue(task.queue_name, job_class=Job)
        job = queue.create_job(
            task.module_path,
            args=args,
            kwargs=kwargs,
            job_id=task_result.id,
            status=JobStatus.SCHEDULED if task.run_after else JobStatus.QUEUED,
            on_failure=Callback(failed_callback),
            on_success=Callback(success_callback),
            meta={"backend_name": self.alias},
            retry=self.retry_for(task.queue_name),
        )
        if task.run_after is None:
            job = queue.enqueue_job(job, at_front=task.priority == TASK_MAX_PRIORITY)
        else:
            job = queue.schedule_job(job, task.run_after)
        object.__setattr__(task_result, "enqueued_at", job.enqueued_at)
        task_enqueued.send(type(self), task_result=task_result)
        return task_result
