"""Legacy homepage code samples: the listing as plain text, the copy's heading as the title."""

import html
import re

from django.utils.html import strip_tags

from apps.codesamples.models import CodeSample
from apps.core.legacy import importer
from apps.core.markup import sanitize_html

TITLE = re.compile(r"<h1>(.*?)</h1>", re.DOTALL)
FIELDS = {
    "created", "updated", "creator", "last_modified_by", "code", "code_markup_type", "copy", "_code_rendered",
    "copy_markup_type", "is_published", "_copy_rendered",
}  # fmt: skip


@importer("codesamples.codesample", group="codesamples", order=10, fields=FIELDS)
def import_sample(row, target, ctx):
    fields = row["fields"]
    match = TITLE.search(fields["copy"] or "")
    title = html.unescape(strip_tags(match.group(1))).strip()[:100] if match else f"Sample {row['pk']}"
    sample = target or CodeSample.objects.filter(title=title).first() or CodeSample(title=title, language="pycon")
    sample.title = title
    sample.code = html.unescape(strip_tags(fields["code"] or "")).strip("\n")
    sample.description = str(sanitize_html(TITLE.sub("", fields["copy"] or "", count=1))).strip()
    if sample.pk is None:
        sample.sort_order = row["pk"]
        sample.live = False
        sample.save()
    if fields["is_published"]:
        sample.save_revision().publish()
    else:
        sample.live = False
        sample.save()
    return sample
