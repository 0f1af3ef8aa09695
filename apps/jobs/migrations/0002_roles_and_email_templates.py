"""Give the moderating roles the job board's permissions, and create the job board's email templates."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.users.roles import JOB_BOARD_ADMINS, MODERATORS, grant

MODELS = ("job", "jobtype", "jobcategory", "jobhistory", "jobreviewcomment", "jobsreport")
ALL_PERMISSIONS = [f"{verb}_{model}" for model in MODELS for verb in ("add", "change", "delete", "view")]
MODERATOR_PERMISSIONS = [
    "moderate_job", "view_job", "change_job", "view_jobtype", "view_jobcategory",
    "view_jobhistory", "view_jobreviewcomment", "add_jobreviewcomment", "view_jobsreport",
]  # fmt: skip

TEMPLATES = {
    "jobs-submitted": (
        "A job was submitted for review",
        "Job submitted: {{ job.job_title }} at {{ job.company_name }}",
        "{{ job.job_title }} at {{ job.company_name }} ({{ job.display_location }}) is waiting for review.\n\n"
        "Submitted by: {{ owner.username|default:'unknown' }} <{{ job.email }}>\n\n"
        "Review it here: {{ review_url }}\n",
    ),
    "jobs-approved": (
        "To the submitter when a moderator approves the job",
        "Your job is live: {{ job.job_title }}",
        "Hello,\n\nYour job posting \"{{ job.job_title }}\" at {{ job.company_name }} was approved and is now on "
        "the Python job board:\n\n{{ job_url }}\n\nIt stays up until {{ job.expires|date:'j F Y' }}.\n"
        "{% if comment %}\nThe moderator wrote:\n{{ comment }}\n{% endif %}\nThank you for posting on python.org.\n",
    ),
    "jobs-rejected": (
        "To the submitter when a moderator rejects the job, with the reason",
        "Your job was not accepted: {{ job.job_title }}",
        "Hello,\n\nYour job posting \"{{ job.job_title }}\" at {{ job.company_name }} was not accepted for the "
        "Python job board.\n\nReason:\n{{ reason }}\n\nYour jobs: {{ my_jobs_url }}\n",
    ),
    "jobs-changes-requested": (
        "To the submitter when a moderator asks for changes",
        "Changes requested: {{ job.job_title }}",
        "Hello,\n\nA moderator looked at \"{{ job.job_title }}\" and asks for changes before it can be approved:\n\n"
        "{{ comment }}\n\nThe job is a draft again: edit it and submit it for review here:\n{{ my_jobs_url }}\n",
    ),
    "jobs-comment-to-submitter": (
        "To the submitter when a moderator comments on the job",
        "A moderator commented on {{ job.job_title }}",
        "Hello,\n\nA moderator wrote about your job posting \"{{ job.job_title }}\":\n\n{{ comment.body }}\n\n"
        "Reply from your jobs page: {{ my_jobs_url }}\n",
    ),
    "jobs-comment-to-moderators": (
        "To the moderators when the submitter answers",
        "The submitter answered on {{ job.job_title }}",
        "{{ owner.username|default:'The submitter' }} wrote about \"{{ job.job_title }}\":\n\n{{ comment.body }}\n\n"
        "Review page: {{ review_url }}\n",
    ),
    "jobs-expiring": (
        "To the submitter a few days before the job expires, with a renew link",
        "Your job expires in {{ days_left }} day{{ days_left|pluralize }}: {{ job.job_title }}",
        "Hello,\n\nYour job posting \"{{ job.job_title }}\" expires on {{ job.expires|date:'j F Y' }}.\n\n"
        "To keep it on the board, renew it here:\n{{ renew_url }}\n",
    ),
    "jobs-expired": (
        "To the submitter when the job has expired",
        "Your job has expired: {{ job.job_title }}",
        "Hello,\n\nYour job posting \"{{ job.job_title }}\" has expired and is no longer on the job board.\n\n"
        "If the position is still open, renew it here (a moderator will check it again):\n{{ renew_url }}\n",
    ),
    "jobs-report": (
        "Monthly report to the moderators",
        "Python job board report for {{ month|date:'F Y' }}",
        "Python job board, {{ month|date:'F Y' }}\n\n"
        "Submitted: {{ submitted }}\nApproved: {{ approved }}\nRejected: {{ rejected }}\nRemoved: {{ removed }}\n"
        "Expired: {{ expired }}\n\nNow live: {{ live }}\nWaiting for review: {{ in_review }}\n",
    ),
}


def forwards(apps, schema_editor):
    # Permissions are normally created after migrate; create them now from the real app config. The
    # migration state's stub config has no ``models_module``, which grant() reads; None makes its own
    # create_permissions() call a no-op, and it then finds the rows created here.
    create_permissions(global_apps.get_app_config("jobs"), apps=apps, verbosity=0)
    apps.get_app_config("jobs").models_module = None
    grant(apps, JOB_BOARD_ADMINS, "jobs", [*ALL_PERMISSIONS, "moderate_job"])
    grant(apps, MODERATORS, "jobs", MODERATOR_PERMISSIONS)
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, (description, subject, body) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(key=key, defaults={"description": description, "subject": subject,
                                                               "body": body})


def backwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=TEMPLATES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("users", "0003_roles"),
        ("mailing", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
