"""Feed import: ``fetch_feed(url)`` is the one network call; ``import_feed(feed, data)`` creates or
updates entries by guid (the entry id, else its link), so running it again changes nothing.

A feed that cannot be fetched or parsed raises ``FeedError``; the caller logs it and moves on.
"""

import calendar
import logging
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from apps.blogs.models import BlogEntry
from apps.core.markup import sanitize_html

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 20
READ_CHUNK = 64 * 1024


class FeedError(ValueError):
    """The whole feed cannot be used: unreachable, too slow, too large or not a feed."""


def fetch_feed(url, timeout=None):
    timeout = timeout or FETCH_TIMEOUT
    if not url.startswith(("https://", "http://")):
        raise FeedError(f"Not an http(s) address: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "python.org news importer"})  # noqa: S310
    # The socket timeout bounds each read; the deadline bounds the whole download (a server may trickle).
    deadline = time.monotonic() + timeout
    chunks, size = [], 0
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            while chunk := response.read1(READ_CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_FEED_BYTES:
                    raise FeedError(f"{url} is larger than {MAX_FEED_BYTES} bytes.")
                if time.monotonic() > deadline:
                    raise FeedError(f"{url} took longer than {timeout} seconds to download.")
    except FeedError:
        raise
    except (OSError, ValueError) as error:  # URLError, HTTPError and socket timeouts are OSErrors
        raise FeedError(f"Could not fetch {url}: {error}") from error
    return b"".join(chunks)


def parse_feed(data):
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        raise FeedError(f"Not an RSS or Atom feed: {reason}")
    return parsed


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (position, reason)

    def summary(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped"
        )


def entry_date(entry):
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


def entry_values(entry):
    link = (entry.get("link") or "").strip()
    guid = (entry.get("id") or link).strip()
    title = " ".join(strip_tags(entry.get("title") or "").split())
    if not guid or not link.startswith(("https://", "http://")):
        raise ValueError("no link")
    if not title:
        raise ValueError("no title")
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value", "")
    return guid[:1000], {
        "title": title[:500],
        "url": link[:1000],
        "summary": str(sanitize_html(summary)),
        "pub_date": entry_date(entry) or timezone.now(),
    }


@transaction.atomic
def import_feed(feed, data, dry_run=False):
    parsed = parse_feed(data)
    report = ImportReport()
    existing = {entry.guid: entry for entry in feed.entries.all()}
    for position, item in enumerate(parsed.entries, start=1):
        try:
            guid, values = entry_values(item)
        except ValueError as error:
            report.skipped.append((position, str(error)))
            continue
        entry = existing.get(guid)
        if entry is None:
            entry = BlogEntry(feed=feed, guid=guid, **values)
            if not dry_run:
                entry.save()
            existing[guid] = entry
            report.created.append(entry)
            continue
        # The publication date of a known entry stays as first seen; a feed without dates would move it.
        changes = {key: value for key, value in values.items() if key != "pub_date" and getattr(entry, key) != value}
        if not changes:
            report.unchanged += 1
            continue
        for key, value in changes.items():
            setattr(entry, key, value)
        if not dry_run:
            entry.save(update_fields=list(changes))
        report.updated.append(entry)
    if not dry_run:
        # update(), not save(): a refresh that adds nothing must not invalidate the news caches.
        feed.last_import, feed.last_error = timezone.now(), ""
        type(feed).objects.filter(pk=feed.pk).update(last_import=feed.last_import, last_error="")
    return report


def refresh_feed(feed, dry_run=False, data=None):
    """Fetch (unless ``data`` is given) and import one feed; a failure is recorded on the feed and re-raised."""
    try:
        report = import_feed(feed, fetch_feed(feed.feed_url) if data is None else data, dry_run=dry_run)
    except FeedError as error:
        logger.warning("Feed %s skipped: %s", feed.slug, error)
        if not dry_run:
            type(feed).objects.filter(pk=feed.pk).update(last_error=str(error)[:2000])
        raise
    logger.info("Feed %s: %s", feed.slug, report.summary())
    return report
