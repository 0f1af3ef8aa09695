"""Legacy news: blog feeds and their entries."""

import io

from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from apps.blogs.demo import blog_index
from apps.blogs.models import BlogEntry, Feed, FeedAggregate, RelatedBlog
from apps.core.legacy import importer
from apps.core.markup import sanitize_html


@importer("blogs.feed", group="blogs", order=10, fields={"name", "website_url", "feed_url", "last_import"})
def import_feed(row, target, ctx):
    blog_index(io.StringIO())  # python.org's /blogs/ page lists what is imported
    fields = row["fields"]
    feed = target or Feed.objects.filter(feed_url=fields["feed_url"]).first() or Feed(feed_url=fields["feed_url"])
    feed.name, feed.feed_url = fields["name"], fields["feed_url"]
    feed.website_url = fields["website_url"] or ""
    feed.slug = feed.slug or slugify(fields["name"])[:200] or f"feed-{row['pk']}"
    feed.last_import = parse_datetime(fields["last_import"]) if fields["last_import"] else None
    feed.save()
    return feed


@importer("blogs.blogentry", group="blogs", order=20, fields={"title", "summary", "pub_date", "url", "feed"})
def import_entry(row, target, ctx):
    fields = row["fields"]
    feed = ctx.require(Feed, "blogs.feed", fields["feed"], "feed")
    entry = target or BlogEntry.objects.filter(feed=feed, guid=fields["url"][:1000]).first()
    entry = entry or BlogEntry(feed=feed, guid=fields["url"][:1000])
    entry.feed = feed
    entry.title = fields["title"][:500]
    entry.summary = str(sanitize_html(fields["summary"] or ""))
    entry.pub_date = parse_datetime(fields["pub_date"])
    entry.url = fields["url"][:1000]
    entry.save()
    return entry


@importer("blogs.feedaggregate", group="blogs", order=30, fields={"name", "slug", "description", "feeds"})
def import_feed_aggregate(row, target, ctx):
    fields = row["fields"]
    aggregate = target or FeedAggregate.objects.filter(slug=fields["slug"]).first() or FeedAggregate()
    aggregate.name, aggregate.slug, aggregate.description = fields["name"], fields["slug"], fields["description"] or ""
    aggregate.save()
    aggregate.feeds.set(ctx.require(Feed, "blogs.feed", pk, "feed") for pk in fields["feeds"])
    return aggregate


RELATED_BLOG_FIELDS = {
    "name", "feed_url", "blog_url", "blog_name", "last_entry_published", "last_entry_title",
    "created", "updated", "creator", "last_modified_by",
}  # fmt: skip


@importer("blogs.relatedblog", group="blogs", order=40, fields=RELATED_BLOG_FIELDS)
def import_related_blog(row, target, ctx):
    """Listed by its displayed name; python.org's last-entry columns were refreshed from the feed, not kept."""
    fields = row["fields"]
    blog = target or RelatedBlog.objects.filter(url=fields["blog_url"][:500]).first() or RelatedBlog()
    blog.name = (fields["blog_name"] or fields["name"])[:200]
    blog.url = fields["blog_url"][:500]
    blog.sort_order = row["pk"]
    blog.save()
    return blog
