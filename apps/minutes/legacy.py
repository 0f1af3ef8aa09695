"""Legacy PSF board minutes: one per meeting date, markup kept."""

from django.utils.dateparse import parse_date

from apps.core.legacy import Skip, importer
from apps.minutes.models import Minutes

FIELDS = {"date", "content", "content_markup_type", "_content_rendered", "is_published",
          "created", "updated", "creator", "last_modified_by"}  # fmt: skip
MARKUPS = {"markdown", "restructuredtext", "html"}


def unpublish(minutes, ctx):
    if minutes.live:
        minutes.unpublish()


@importer("minutes.minutes", group="minutes", order=10, fields=FIELDS, remove=unpublish)
def import_minutes(row, target, ctx):
    fields = row["fields"]
    date = parse_date(fields["date"] or "")
    if date is None:
        raise Skip(f"minutes without a valid meeting date ({fields['date']!r})")
    minutes = target or Minutes.objects.filter(date=date).first() or Minutes(date=date, live=False)
    minutes.date = date
    minutes.content = fields["content"] or ""
    markup = fields["content_markup_type"]
    minutes.content_markup = markup if markup in MARKUPS else "restructuredtext"
    minutes.save()
    if fields["is_published"]:
        minutes.save_revision().publish()
    elif minutes.live:
        minutes.unpublish()
    return minutes
