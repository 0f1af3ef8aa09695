"""News: the blogs python.org follows (feeds), their entries, aggregates of feeds and related blogs.

Entries come only from the feed import (``apps.blogs.importer``); editors mark one as featured
and group feeds into aggregates. ``BlogIndexPage`` is /blogs/.
"""

import html
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from apps.core.markup import sanitize_html
from apps.core.models import BasePage, RoutableBasePage

SURROGATE_KEY = "blogs"
# The homepage news section and the News menu panel are cached under this key's generation.
GENERATION_KEY = "blogs-generation"
ENTRIES_PER_PAGE = 20


class FeedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Feed(models.Model):
    """A blog whose RSS or Atom feed the site imports (Python Insider, the PSF blog …)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    website_url = models.URLField(max_length=500, blank=True)
    feed_url = models.URLField(max_length=500, unique=True)
    active = models.BooleanField(default=True, help_text=_("Inactive feeds are not refreshed."))
    last_import = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed")

    def __str__(self):
        return self.name


class BlogEntryQuerySet(models.QuerySet):
    def newest(self):
        return self.select_related("feed").order_by("-pub_date", "-pk")

    def from_feed(self, slug):
        return self.filter(feed__slug=slug)

    def featured_first(self):
        """The entry /blogs/ shows first: the newest featured one, else the newest."""
        return self.newest().filter(featured=True).first() or self.newest().first()

    def search_text(self, text):
        queryset = self
        for word in text.split()[:8]:
            queryset = queryset.filter(models.Q(title__icontains=word) | models.Q(summary__icontains=word))
        return queryset


class BlogEntry(models.Model):
    """One post of a feed; ``guid`` (the entry id, or its link) makes the import idempotent."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True, help_text=_("Sanitised HTML from the feed."))
    pub_date = models.DateTimeField(db_index=True)
    url = models.URLField(max_length=1000)
    guid = models.CharField(max_length=1000)
    featured = models.BooleanField(default=False, help_text=_("Shown first on /blogs/."))

    objects = BlogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-pub_date"]
        verbose_name = _("blog entry")
        verbose_name_plural = _("blog entries")
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="blogs_entry_unique_guid")]
        indexes = [
            models.Index(fields=["feed", "-pub_date"], name="blogs_entry_feed_date"),
            # /blogs/: the lead (featured first) and the list (newest first), without a sort of every entry.
            models.Index(fields=["-featured", "-pub_date", "-id"], name="blogs_entry_lead"),
            models.Index(fields=["-pub_date", "-id"], name="blogs_entry_newest"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The summary is shown as HTML: whatever wrote it (the import or the admin), it is sanitised here.
        self.summary = str(sanitize_html(self.summary))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url

    @property
    def plain_summary(self):
        """The summary as plain text, for excerpts and search results."""
        return " ".join(html.unescape(strip_tags(self.summary)).split())


class FeedAggregate(models.Model):
    """A named group of feeds editors define (e.g. "Python news": Insider and the PSF blog)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    feeds = models.ManyToManyField(Feed, related_name="aggregates")

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed aggregate")

    def __str__(self):
        return self.name

    def entries(self):
        return BlogEntry.objects.filter(feed__aggregates=self).newest()


class RelatedBlog(models.Model):
    """A blog about Python listed beside the news (Planet Python, the PyPI blog …)."""

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    description = models.CharField(max_length=300, blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("related blog")

    def __str__(self):
        return self.name


class BlogIndexPage(RoutableBasePage):
    """/blogs/: the featured or newest entry first, then the others by date, filterable by feed."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    surrogate_keys = (SURROGATE_KEY,)
    snippet_fields = ("intro",)

    class Meta:
        verbose_name = _("news index page")

    def selection(self, request):
        """The feed (``?feed=``) or aggregate (``?aggregate=``) a visitor picked, and its entries; unknown: 404."""
        from apps.blogs.queries import sidebar

        feeds, aggregates, related_blogs = sidebar()
        selection = {"feeds": feeds, "aggregates": aggregates, "related_blogs": related_blogs,
                     "current_feed": None, "current_aggregate": None, "filter_query": ""}  # fmt: skip
        entries = BlogEntry.objects.newest()
        if "feed" in request.GET:
            current = next((feed for feed in feeds if feed.slug == request.GET["feed"]), None)
            if current is None:
                raise Http404(_("No such blog."))
            selection["current_feed"], entries = current, entries.filter(feed_id=current.pk)
            selection["filter_query"] = urlencode({"feed": current.slug})
        elif "aggregate" in request.GET:
            current = next((item for item in aggregates if item.slug == request.GET["aggregate"]), None)
            if current is None:
                raise Http404(_("No such collection of blogs."))
            selection["current_aggregate"], entries = current, entries.filter(feed_id__in=current.feed_ids)
            selection["filter_query"] = urlencode({"aggregate": current.slug})
        return selection, entries

    @path("")
    def index(self, request):
        context, entries = self.selection(request)
        lead = entries.order_by("-featured", "-pub_date", "-pk").first()
        rest = entries.exclude(pk=lead.pk) if lead else entries
        page_obj = Paginator(rest, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(lead=lead if page_obj.number == 1 else None, page_obj=page_obj, entries=page_obj.object_list)
        return self.render(request, context_overrides=context)

    @path("feed/", name="feed")
    def feed(self, request):
        from apps.blogs.feeds import LatestEntriesFeed

        context, entries = self.selection(request)
        current = context["current_feed"] or context["current_aggregate"]
        return LatestEntriesFeed(self.get_full_url(request), entries, getattr(current, "name", ""))(request)
