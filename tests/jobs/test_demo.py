from io import StringIO

from apps.jobs import demo
from apps.jobs.models import Job, JobCategory, JobHistory, JobType


def test_demo_loads_jobs_in_every_state_with_history_and_is_idempotent(db, data_dir):
    demo.load(data_dir=data_dir, stdout=StringIO())
    counts = {value: count for value, _, count in Job.objects.status_counts()}
    assert all(count > 0 for count in counts.values()), counts
    assert 38 <= Job.objects.count() <= 45
    assert Job.objects.filter(legacy_id__isnull=False).count() == 13
    assert JobCategory.objects.filter(slug="data-analyst").exists() and JobType.objects.count() >= 10
    assert Job.objects.live().exists()
    assert not Job.objects.exclude(status="draft").filter(history__isnull=True).exists()
    assert JobHistory.objects.filter(action="approved", actor__username="jobs-moderator").exists()
    before = (Job.objects.count(), JobHistory.objects.count())
    demo.load(data_dir=data_dir, stdout=StringIO())
    assert (Job.objects.count(), JobHistory.objects.count()) == before
