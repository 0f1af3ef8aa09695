"""Demo news: the feeds python.org follows, the real PSF blog feed's 25 entries (read from the
repository's copy, never the network), an aggregate, related blogs and the /blogs/ page."""

from wagtail.models import Page, Site

from apps.blogs import importer
from apps.blogs.models import BlogIndexPage, Feed, FeedAggregate, RelatedBlog

FEEDS = [
    ("Python Insider", "python-insider", "https://blog.python.org",
     "https://blog.python.org/feeds/posts/default?alt=rss"),
    ("Python Software Foundation News", "psf-news", "https://pyfound.blogspot.com",
     "https://pyfound.blogspot.com/feeds/posts/default?alt=rss"),
]  # fmt: skip
RELATED_BLOGS = [
    ("Planet Python", "https://planetpython.org/", "Posts from Python developers and projects around the world."),
    ("PyPI blog", "https://blog.pypi.org/", "News from the Python Package Index team."),
    ("Python Insider", "https://blog.python.org/", "Releases and news from the CPython core developers."),
    ("Python Discourse", "https://discuss.python.org/", "Where the community discusses the language and its future."),
]


def blog_index(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("blogs: no default site; skipped")
        return None
    index = BlogIndexPage.objects.first()
    if index is None:
        # Until this app was installed /blogs/ may have been a plain content page; the app owns it now.
        for stub in Page.objects.child_of(site.root_page).filter(slug="blogs"):
            stub.delete()
        index = BlogIndexPage(
            title="Python News",
            slug="blogs",
            seo_title="Our Blogs",
            intro="<p>News from the Python core developers, the Python Software Foundation and the community.</p>",
        )
        site.root_page.add_child(instance=index)
        index.save_revision().publish()
    return index


def load(data_dir, stdout):
    blog_index(stdout)
    feeds = {}
    for name, slug, website, url in FEEDS:
        feeds[slug], _ = Feed.objects.get_or_create(
            slug=slug, defaults={"name": name, "website_url": website, "feed_url": url}
        )
    report = importer.import_feed(feeds["psf-news"], (data_dir / "psf_feed_example.xml").read_bytes())
    aggregate, _ = FeedAggregate.objects.get_or_create(
        slug="python-news",
        defaults={"name": "Python news", "description": "The core developers' and the PSF's blogs together."},
    )
    aggregate.feeds.add(*feeds.values())
    for order, (name, url, description) in enumerate(RELATED_BLOGS):
        RelatedBlog.objects.get_or_create(
            url=url, defaults={"name": name, "description": description, "sort_order": order}
        )
    return f"PSF feed: {report.summary()}"
