"""The one schedule of periodic work, run by ``manage.py rqcron pydotorg.cron`` (the scheduler process).

Each entry is an idempotent management command, also runnable by hand (with
``--dry-run``). The scheduler enqueues ``run_command`` on the default queue,
where the RQ workers run it as a Django task.
"""

from rq import cron

from apps.core.tasks import run_command

# (management command, cron expression in UTC)
SCHEDULE = [
    ("publish_scheduled", "* * * * *"),  # Wagtail: pages and snippets whose go-live/expiry time has come
    ("publish_scheduled_banners", "* * * * *"),  # banners whose start or end time has come: purge the caches
    ("clearsessions", "17 4 * * *"),
    ("expire_jobs", "5 * * * *"),
    ("send_job_expiry_reminders", "20 8 * * *"),
    ("send_jobs_report", "0 7 1 * *"),
    ("refresh_release_cycle", "41 */6 * * *"),
    ("verify_release_signatures", "*/20 * * * *"),
    ("import_ics", "7 * * * *"),
    ("send_event_reminders", "*/15 * * * *"),
    ("update_blogs", "*/30 * * * *"),
    ("send_asset_reminders", "30 9 * * *"),
    ("create_conference_vouchers", "50 * * * *"),
]

for command, expression in SCHEDULE:
    cron.register(
        run_command.func,  # the worker resolves this path back to the task
        "default",
        args=(command,),
        cron=expression,
        meta={"backend_name": "default"},
        name=command,
    )
