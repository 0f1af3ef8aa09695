from django.core import mail

from apps.core.tasks import enqueue, task
from apps.mailing.emails import send_email
from apps.mailing.models import EmailLog

RESULTS = []


@task()
def record(value):
    RESULTS.append(value)
    return value * 2


def test_task_runs_inline_without_redis(db):
    RESULTS.clear()
    result = enqueue(record, 21)
    assert RESULTS == [21]
    assert result.return_value == 42


def test_task_waits_in_redis_until_a_burst_worker_runs_it(rq_queue):
    RESULTS.clear()
    enqueue(record, 5)
    assert RESULTS == []
    assert rq_queue.count("default") == 1
    rq_queue.run_worker()
    assert RESULTS == [5]
    assert rq_queue.count("default") == 0


def test_email_goes_through_the_mail_queue(rq_queue):
    send_email("guido@example.com", "Welcome", "Hello from python.org")
    assert mail.outbox == []
    assert rq_queue.count("mail") == 1
    rq_queue.run_worker()
    assert [m.subject for m in mail.outbox] == ["Welcome"]
    assert EmailLog.objects.get().status == EmailLog.Status.SENT
