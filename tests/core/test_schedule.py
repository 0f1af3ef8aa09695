import django_rq
from django.contrib.sessions.models import Session
from django.core.management import get_commands
from django.utils import timezone
from django_rq.cron import DjangoCronScheduler


def load_schedule():
    scheduler = DjangoCronScheduler()
    scheduler.load_config_from_file("pydotorg.cron")
    return scheduler


def test_every_scheduled_entry_is_a_management_command(db):
    from pydotorg.cron import SCHEDULE

    commands = get_commands()
    assert SCHEDULE, "the schedule lists the periodic jobs"
    for command, expression in SCHEDULE:
        assert command in commands, f"{command} is not a management command"
        assert len(expression.split()) == 5


def test_a_scheduled_job_runs_on_a_real_worker(rq_queue):
    Session.objects.create(session_key="expired", session_data="", expire_date=timezone.now() - timezone.timedelta(1))
    scheduler = load_schedule()
    job = next(cron_job for cron_job in scheduler.get_jobs() if cron_job.name == "clearsessions")
    job.enqueue(django_rq.get_connection("default"))
    assert rq_queue.count("default") == 1
    rq_queue.run_worker()
    assert not Session.objects.filter(session_key="expired").exists()
