"""Task backends: RQ with a retry policy per queue (a module of its own: ``apps.core.tasks`` creates tasks
at import time, which loads the configured backend)."""

import django_rq
from django_tasks.base import TASK_MAX_PRIORITY, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id
from django_tasks_rq.backend import Job as RQJob
from django_tasks_rq.backend import RQBackend, failed_callback, success_callback
from rq import Retry
from rq.job import Callback, JobStatus


class RetryingRQBackend(RQBackend):
    """``django_tasks_rq.RQBackend`` that gives the jobs of some queues an RQ ``Retry`` (OPTIONS["RETRY"]).

    ``OPTIONS = {"RETRY": {"mail": {"max": 3, "interval": [60, 300, 900]}}}``: a mail job that raises (an
    SMTP server down) runs again after 1, 5 and 15 minutes before RQ marks it failed.
    """

    def retry_for(self, queue_name):
        policy = self.options.get("RETRY", {}).get(queue_name)
        return Retry(max=policy["max"], interval=policy.get("interval", 0)) if policy else None

    def enqueue(self, task, args, kwargs):
        # RQBackend.enqueue, with retry= passed to create_job.
        self.validate_task(task)
        task_result = TaskResult(
            task=task, id=get_random_id(), status=TaskResultStatus.READY, enqueued_at=None, started_at=None,
            last_attempted_at=None, finished_at=None, args=args, kwargs=kwargs, backend=self.alias, errors=[],
            worker_ids=[],
        )  # fmt: skip
        queue = django_rq.get_queue(task.queue_name, job_class=RQJob)
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
