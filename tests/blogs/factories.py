import datetime

import factory
import wagtail_factories
from django.utils import timezone

from apps.blogs.models import BlogEntry, BlogIndexPage, Feed


class FeedFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Blog {n}")
    slug = factory.Sequence(lambda n: f"blog-{n}")
    website_url = factory.LazyAttribute(lambda f: f"https://{f.slug}.example.org/")
    feed_url = factory.LazyAttribute(lambda f: f"https://{f.slug}.example.org/feed.rss")

    class Meta:
        model = Feed
        django_get_or_create = ("slug",)


class BlogEntryFactory(factory.django.DjangoModelFactory):
    feed = factory.SubFactory(FeedFactory)
    title = factory.Sequence(lambda n: f"Python news item {n}")
    summary = "<p>Something happened in the Python world.</p>"
    pub_date = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(hours=n + 1))
    url = factory.Sequence(lambda n: f"https://blog.example.org/posts/{n}/")
    guid = factory.LazyAttribute(lambda e: e.url)

    class Meta:
        model = BlogEntry


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Python News"
    slug = "blogs"
    intro = "<p>News from the Python blogs.</p>"

    class Meta:
        model = BlogIndexPage
