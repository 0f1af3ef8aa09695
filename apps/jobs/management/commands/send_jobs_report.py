"""The monthly job board report to the moderators' address; a month is reported once."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q
from django.utils import timezone

from apps.jobs import services
from apps.jobs.models import Job, JobHistory, JobsReport
from apps.mailing.emails import send_templated_email
from apps.mailing.models import EmailTemplate


def previous_month(today):
    first_of_this_month = today.replace(day=1)
    return (first_of_this_month - datetime.timedelta(days=1)).replace(day=1)


def month_figures(month):
    """Transitions recorded during ``month`` and the board's state now."""
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(month, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(next_month, datetime.time.min, tzinfo=tz)
    counted = JobHistory.objects.filter(created__gte=start, created__lt=end).aggregate(
        submitted=Count("pk", filter=Q(action="submitted")),
        approved=Count("pk", filter=Q(action="approved")),
        rejected=Count("pk", filter=Q(action="rejected")),
        removed=Count("pk", filter=Q(action="removed")),
        expired=Count("pk", filter=Q(action="expired")),
    )
    return {**counted, "live": Job.objects.live().count(), "in_review": Job.objects.in_review().count()}


class Command(BaseCommand):
    help = "Send last month's job board figures to JOBS_MODERATORS_EMAIL (once per month)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the report; send and record nothing.")
        parser.add_argument("--month", help="Report this month (YYYY-MM) instead of the previous one.")

    def handle(self, *args, dry_run=False, month=None, **options):
        if month:
            try:
                report_month = datetime.datetime.strptime(month, "%Y-%m").date()
            except ValueError as error:
                raise CommandError("--month must look like 2026-10") from error
        else:
            report_month = previous_month(timezone.localdate())
        if JobsReport.objects.filter(month=report_month).exists():
            self.stdout.write(f"report for {report_month:%Y-%m} already sent")
            return
        context = {"month": report_month, **month_figures(report_month)}
        template = EmailTemplate.objects.active().filter(key="jobs-report").first()
        body = template.render(context)[1] if template else str(context)
        if dry_run:
            self.stdout.write(body)
            self.stdout.write(f"would send the report for {report_month:%Y-%m} to {services.moderators_email()}")
            return
        send_templated_email("jobs-report", [services.moderators_email()], context)
        JobsReport.objects.create(month=report_month, body=body)
        self.stdout.write(f"report for {report_month:%Y-%m} sent to {services.moderators_email()}")
