"""The five code samples of python.org's homepage, from the legacy dump (code as plain text)."""

import html
import json
import re

from django.utils.html import strip_tags

from apps.codesamples.models import CodeSample
from apps.core.markup import sanitize_html

_TITLE = re.compile(r"<h1>(.*?)</h1>", re.DOTALL)


def legacy_samples(data_dir):
    with open(data_dir / "dump-a.json", encoding="utf-8") as handle:
        rows = [row for row in json.load(handle) if row["model"] == "codesamples.codesample"]
    for row in sorted(rows, key=lambda row: row["pk"]):
        fields = row["fields"]
        copy = fields["copy"]
        match = _TITLE.search(copy)
        title = html.unescape(strip_tags(match.group(1))).strip() if match else f"Sample {row['pk']}"
        description = str(sanitize_html(_TITLE.sub("", copy, count=1))).strip()
        code = html.unescape(strip_tags(fields["code"])).strip("\n")
        yield title, code, description, fields.get("is_published", True) in (True, "True")


def load(data_dir, stdout):
    created = 0
    for order, (title, code, description, published) in enumerate(legacy_samples(data_dir)):
        if CodeSample.objects.filter(title=title).exists():
            continue
        sample = CodeSample(title=title, code=code, description=description, language="pycon", sort_order=order)
        sample.live = False
        sample.save()
        if published:
            sample.save_revision().publish()
        created += 1
    return f"{created} code samples created"
