from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.sponsors.services import clone_year


class Command(BaseCommand):
    help = "Copy one year's sponsorship packages and benefits into another year (existing ones are kept)."

    def add_arguments(self, parser):
        parser.add_argument("from_year", type=int)
        parser.add_argument("to_year", type=int)

    def handle(self, *args, from_year, to_year, **options):
        try:
            packages, benefits = clone_year(from_year, to_year)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"{packages} packages and {benefits} benefits copied from {from_year} into {to_year}")
