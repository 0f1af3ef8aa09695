"""Legacy job board: types, categories, jobs in every status and their review comments."""

from django.utils.dateparse import parse_datetime

from apps.core.legacy import Skip, importer
from apps.jobs.models import Job, JobCategory, JobHistory, JobType

TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}
TAXONOMY_FIELDS = {"name", "slug", "active"}


def taxonomy(model):
    def import_row(row, target, ctx):
        fields = row["fields"]
        found = target or model.objects.filter(slug=fields["slug"]).first() or model(slug=fields["slug"])
        found.name, found.slug, found.active = fields["name"][:60], fields["slug"][:60], fields["active"]
        found.save()
        return found

    return import_row


importer("jobs.jobtype", group="jobs", order=10, fields=TAXONOMY_FIELDS)(taxonomy(JobType))
importer("jobs.jobcategory", group="jobs", order=11, fields=TAXONOMY_FIELDS)(taxonomy(JobCategory))

JOB_FIELDS = {
    "category", "other_job_type", "company_name", "company_description", "company_description_markup_type",
    "job_title", "_company_description_rendered", "city", "region", "country", "location_slug", "country_slug",
    "description", "description_markup_type", "requirements", "_description_rendered", "requirements_markup_type",
    "contact", "_requirements_rendered", "email", "url", "submitted_by", "status", "expires", "telecommuting",
    "agencies", "is_featured", "job_types", *TIMESTAMPS,
}  # fmt: skip
COPIED = [
    "job_title", "company_name", "company_description", "other_job_type", "city", "region", "country",
    "telecommuting", "agencies", "description", "requirements", "contact", "email", "is_featured",
]  # fmt: skip


def remove_job(job, ctx):
    if job.status != Job.Status.REMOVED:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.REMOVED)


@importer("jobs.job", group="jobs", order=20, fields=JOB_FIELDS, remove=remove_job)
def import_job(row, target, ctx):
    fields = row["fields"]
    if fields["status"] not in Job.Status.values:
        raise Skip(f"unknown job status {fields['status']!r}")
    job = target or Job.objects.filter(legacy_id=row["pk"]).first() or Job(legacy_id=row["pk"])
    ctx.keep_legacy_pk(job, row["pk"])
    for name in COPIED:
        setattr(job, name, fields[name] if fields[name] is not None else "")
    job.url = fields["url"] or ""
    job.category = ctx.require(JobCategory, "jobs.jobcategory", fields["category"], "job category")
    job.creator = ctx.user(fields["creator"]) or ctx.user(fields["submitted_by"])
    job.status = fields["status"]
    job.expires = parse_datetime(fields["expires"]) if fields["expires"] else None
    job.created = parse_datetime(fields["created"]) or job.created
    if job.status != Job.Status.DRAFT and job.submitted_at is None:
        job.submitted_at = job.created
    if job.status in (Job.Status.APPROVED, Job.Status.ARCHIVED, Job.Status.EXPIRED) and job.published_at is None:
        job.published_at = parse_datetime(fields["updated"]) or job.created
    try:
        job.full_clean(exclude=["creator", "category", "legacy_id"])
    except Exception as error:  # noqa: BLE001 - reported per row
        raise Skip(f"invalid job: {error}") from error
    job.save()
    job.job_types.set(ctx.require(JobType, "jobs.jobtype", pk, "job type") for pk in fields["job_types"])
    return job


@importer(
    "jobs.jobreviewcomment", group="jobs", order=30, fields={"job", "comment", "comment_markup_type",
                                                             "_comment_rendered", *TIMESTAMPS}
)  # fmt: skip
def import_review_comment(row, target, ctx):
    fields = row["fields"]
    job = ctx.require(Job, "jobs.job", fields["job"], "job")
    entry = target or JobHistory(job=job, action="comment", from_status=job.status, to_status=job.status)
    entry.comment = fields["comment"] or ""
    entry.actor = ctx.user(fields["creator"])
    entry.created = parse_datetime(fields["created"]) or entry.created
    entry.save()
    return entry
