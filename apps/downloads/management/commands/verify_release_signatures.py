"""Queue GPG verification for release files whose signature has not been checked yet."""

from django.core.management.base import BaseCommand

from apps.core.tasks import enqueue
from apps.downloads.models import ReleaseFile
from apps.downloads.tasks import verify_release_file


class Command(BaseCommand):
    help = "Verify the GPG signatures of release files (those not yet checked, or all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Check every signed file again.")
        parser.add_argument("--release", help="Only this release's files (its slug).")
        parser.add_argument("--limit", type=int, default=200, help="At most this many files per run.")
        parser.add_argument("--dry-run", action="store_true", help="List the files without queueing.")

    def handle(self, *args, **options):
        files = ReleaseFile.objects.published().exclude(gpg_signature_file="").order_by("-release__release_date")
        if not options["all"]:
            files = files.filter(gpg_verified__isnull=True)
        if options["release"]:
            files = files.filter(release__slug=options["release"])
        files = list(files.values_list("pk", "url")[: options["limit"]])
        for pk, url in files:
            if options["dry_run"]:
                self.stdout.write(f"would verify {url}")
            else:
                enqueue(verify_release_file, pk)
        verb = "Would queue" if options["dry_run"] else "Queued"
        self.stdout.write(f"{verb} {len(files)} signature checks.")
