"""/blogs/, its RSS, the homepage "Latest News" section, the News menu panel and search."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Page

from apps.blogs import importer
from apps.blogs.models import BlogEntry, BlogIndexPage, Feed, FeedAggregate
from apps.pages.models import HomePage
from tests.blogs.factories import BlogEntryFactory, FeedFactory

pytestmark = pytest.mark.django_db


def test_blogs_page_shows_the_newest_entry_first_then_the_list(client, blog_index, psf_feed, psf_feed_xml):
    importer.import_feed(psf_feed, psf_feed_xml)
    response = client.get("/blogs/")
    assert response.status_code == 200
    assert response.context["lead"].title == "Introducing Electronic Contributor Agreements"
    titles = [entry.title for entry in response.context["entries"]]
    assert titles[0] == "Announcing defusedxml, Fixes for XML Security Issues"
    assert len(titles) == 20  # the lead plus 24 others, 20 a page
    assert b"Page 1 of 2" in response.content
    second = client.get("/blogs/?page=2")
    assert len(second.context["entries"]) == 4 and second.context["lead"] is None


def test_a_featured_entry_is_shown_first(client, blog_index, psf_feed, psf_feed_xml):
    importer.import_feed(psf_feed, psf_feed_xml)
    BlogEntry.objects.filter(title="Python Bug Day this Saturday").update(featured=True)
    response = client.get("/blogs/")
    assert response.context["lead"].title == "Python Bug Day this Saturday"
    assert "Python Bug Day this Saturday" not in [entry.title for entry in response.context["entries"]]
    assert b"Featured" in response.content


def test_the_list_is_filtered_by_feed(client, blog_index):
    insider = FeedFactory(name="Python Insider", slug="python-insider")
    BlogEntryFactory(feed=insider, title="Python 3.15.0 beta 1 is out")
    BlogEntryFactory(title="PSF board election results")
    response = client.get("/blogs/?feed=python-insider")
    assert response.context["lead"].title == "Python 3.15.0 beta 1 is out"
    assert list(response.context["entries"]) == []
    assert b'<h1 class="page-title">Python Insider</h1>' in response.content
    assert client.get("/blogs/?feed=nope&page=abc").status_code == 404
    assert client.get("/blogs/feed/?feed=nope").status_code == 404


def test_editors_aggregates_filter_the_news_and_its_rss(client, blog_index, django_capture_on_commit_callbacks):
    # Rows without signals: the aggregate below is the only change this transaction waits to announce.
    insider, psf, pycon = Feed.objects.bulk_create(
        FeedFactory.build(name=name, slug=slug) for name, slug in
        [("Python Insider", "python-insider"), ("PSF News", "psf-news"), ("PyCon News", "pycon-news")]
    )  # fmt: skip
    BlogEntry.objects.bulk_create([
        BlogEntryFactory.build(feed=insider, title="Python 3.15.0 beta 1 is out"),
        BlogEntryFactory.build(feed=psf, title="PSF board election results"),
        BlogEntryFactory.build(feed=pycon, title="PyCon US call for proposals"),
    ])  # fmt: skip
    response = client.get("/blogs/")
    assert b"Core news" not in response.content
    with django_capture_on_commit_callbacks(execute=True):  # the sidebar follows the editor's change
        aggregate = FeedAggregate.objects.create(name="Core news", slug="core-news", description="Insider and PSF.")
        aggregate.feeds.add(insider, psf)

    response = client.get("/blogs/")
    assert b'href="?aggregate=core-news"' in response.content
    response = client.get("/blogs/?aggregate=core-news")
    assert response.status_code == 200
    assert b'<h1 class="page-title">Core news</h1>' in response.content
    shown = [response.context["lead"].title] + [entry.title for entry in response.context["entries"]]
    assert sorted(shown) == ["PSF board election results", "Python 3.15.0 beta 1 is out"]
    assert b'href="/blogs/feed/?aggregate=core-news"' in response.content

    rss = client.get("/blogs/feed/?aggregate=core-news")
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 - our own response
    assert sorted(item.findtext("title") for item in channel.findall("item")) == sorted(shown)
    assert channel.findtext("title") == "Python.org news: Core news"
    assert client.get("/blogs/?aggregate=nope").status_code == 404


def test_rss_of_blog_entries(client, blog_index, psf_feed, psf_feed_xml):
    importer.import_feed(psf_feed, psf_feed_xml)
    response = client.get("/blogs/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")  # noqa: S314 - our own response
    assert len(items) == 25
    assert items[0].findtext("title") == "Introducing Electronic Contributor Agreements"


def test_homepage_and_news_menu_show_the_newest_entries_and_follow_the_feed_job(client, home_page, psf_feed):
    BlogEntryFactory(feed=psf_feed, title="Older news", pub_date=timezone.now() - datetime.timedelta(days=3))
    first = client.get("/")
    assert b"Latest News" in first.content and b"Older news" in first.content
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>PSF</title><link>https://psf.example/</link>
    <description>d</description><item><title>PyCon US 2027 registration is open</title>
    <link>https://pyfound.blogspot.com/2026/11/pycon.html</link><guid>pycon-2027</guid>
    <pubDate>{}</pubDate></item></channel></rss>""".format(timezone.now().strftime("%a, %d %b %Y %H:%M:%S GMT"))
    from django.db import transaction

    with transaction.atomic():
        importer.import_feed(psf_feed, feed.encode())
    # on_commit does not fire inside the test transaction; run what the commit would run.
    from apps.blogs.signals import news_changed

    news_changed()
    content = client.get("/").content.decode()
    assert content.index("PyCon US 2027 registration is open") < content.index("Older news")
    nav = content[content.index('class="main-navigation"') :]
    assert "PyCon US 2027 registration is open" in nav  # the News dropdown


def test_homepage_news_costs_no_query_once_cached(client, home_page, django_assert_max_num_queries):
    BlogEntryFactory.create_batch(3)
    client.get("/")
    from apps.blogs.queries import latest_entries

    with django_assert_max_num_queries(0):
        assert len(latest_entries()) == 3


@pytest.mark.parametrize("rows", [10, 1000])
def test_blogs_page_queries_stay_constant(client, blog_index, rows, django_assert_max_num_queries):
    feeds = [FeedFactory(), FeedFactory()]
    now = timezone.now()
    BlogEntry.objects.bulk_create(
        BlogEntry(feed=feeds[n % 2], title=f"Entry {n}", summary="<p>Text</p>", url=f"https://e.example/{n}",
                  guid=f"g{n}", pub_date=now - datetime.timedelta(minutes=n))
        for n in range(rows)
    )  # fmt: skip
    for path in ("/blogs/", f"/blogs/?feed={feeds[0].slug}&page=2", "/blogs/feed/"):
        for _ in range(2):  # warm the per-process caches, as a running site has them
            client.get(path)
        with django_assert_max_num_queries(10):
            assert client.get(path).status_code == 200


def test_blog_entries_are_found_by_site_search(client, home_page, psf_feed, psf_feed_xml):
    importer.import_feed(psf_feed, psf_feed_xml)
    response = client.get("/search/", {"q": "defusedxml"})
    assert b"Fixes for XML Security Issues" in response.content
    assert b"News" in response.content


def test_tree_rules(home_page, blog_index):
    assert BlogIndexPage.can_create_at(home_page) is False  # one /blogs/ only (max_count)
    assert BlogIndexPage.allowed_parent_page_models() == [HomePage]
    assert BlogIndexPage.allowed_subpage_models() == []
    assert Page.objects.get(url_path__endswith="/blogs/").specific_class is BlogIndexPage


def test_news_lists_are_purged_when_the_feed_job_adds_entries(client, blog_index, psf_feed):
    """/blogs/ and its RSS carry the "blogs" key the feed job purges, so the CDN never keeps old news."""
    BlogEntryFactory(feed=psf_feed)
    for url in ("/blogs/", "/blogs/?feed=psf-news", "/blogs/feed/"):
        keys = client.get(url)["Surrogate-Key"].split()
        assert {"blogs", "pages", f"page-{blog_index.pk}"} <= set(keys), url
