"""Through the real Varnish: what is cached, for whom, and how precisely a change purges it."""

import time

from wagtail.models import Site

from apps.core.models import NavigationSettings
from apps.pages.models import ContentSnippet
from tests.factories import SectionIndexPageFactory, StandardPageFactory, UserFactory
from tests.varnish.conftest import fetch


def warm(*paths):
    """Request each path until Varnish answers it from the cache."""
    for path in paths:
        fetch(path)
        assert fetch(path).cache == "HIT", path


def shows_within_a_second(path, text):
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline:
        response = fetch(path)
        if text in response.text:
            return response
        time.sleep(0.05)
    raise AssertionError(f"{path} did not show {text!r} within a second")


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_an_anonymous_page_is_a_hit_after_the_first_request_and_tracking_parameters_share_it(varnish, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="About Python")
    first = fetch("/about/")
    assert first.status == 200
    assert first.cache == "MISS"
    assert "public" in first.headers["Cache-Control"]
    assert "Surrogate-Key" not in first.headers  # keys are for the cache, not for browsers
    second = fetch("/about/")
    assert second.cache == "HIT"
    assert second.text == first.text
    campaign = fetch("/about/?utm_source=newsletter&utm_campaign=3.14&fbclid=abc&gclid=xyz")
    assert campaign.cache == "HIT"
    assert fetch("/about/?page=2&utm_medium=email").cache == "MISS"  # real parameters still count


def test_signed_in_visitors_and_the_admin_are_never_cached(varnish, home_page, client):
    StandardPageFactory(parent=home_page, slug="about", title="About Python")
    user = UserFactory(username="guido")
    client.force_login(user)
    cookie = {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}
    for _ in range(2):
        response = fetch("/about/", cookie)
        assert response.status == 200
        assert response.cache == "PASS"
        assert "private" in response.headers["Cache-Control"]
    warm("/about/")  # the anonymous copy is cached …
    signed_in = fetch("/about/", cookie)
    assert signed_in.cache == "PASS"  # … and never served to a signed-in visitor
    for _ in range(2):
        admin = fetch("/admin/", cookie)
        assert admin.cache == "PASS"
        assert "no-store" in admin.headers["Cache-Control"]


def test_publishing_a_page_shows_within_a_second_and_unrelated_pages_stay_cached(varnish, home_page):
    about = SectionIndexPageFactory(parent=home_page, slug="about", title="About")
    StandardPageFactory(parent=about, slug="gettingstarted", title="Getting started")
    history = StandardPageFactory(parent=about, slug="history", title="History")
    StandardPageFactory(parent=home_page, slug="psf", title="Python Software Foundation")
    warm("/about/", "/about/gettingstarted/", "/about/history/", "/psf/")

    publish(history, title="History of Python")
    assert "History of Python" in shows_within_a_second("/about/history/", "History of Python").text
    assert "History of Python" in shows_within_a_second("/about/", "History of Python").text  # the listing
    assert fetch("/psf/").cache == "HIT"
    assert fetch("/about/gettingstarted/").cache == "HIT"

    publish(about, title="About Python")
    # Every page whose breadcrumbs show the section is purged; the unrelated page is not.
    shows_within_a_second("/about/gettingstarted/", "About Python")
    assert fetch("/psf/").cache == "HIT"


def test_unpublishing_a_page_removes_it_and_its_listing_entry(varnish, home_page):
    about = SectionIndexPageFactory(parent=home_page, slug="about", title="About")
    old = StandardPageFactory(parent=about, slug="old", title="An outdated page")
    StandardPageFactory(parent=home_page, slug="psf", title="PSF")
    warm("/about/", "/about/old/", "/psf/")
    old.unpublish()
    deadline = time.monotonic() + 1
    while fetch("/about/old/").status != 404:
        assert time.monotonic() < deadline, "the unpublished page is still served"
        time.sleep(0.05)
    assert "An outdated page" not in fetch("/about/").text
    assert fetch("/psf/").cache == "HIT"


def test_navigation_and_site_settings_purge_every_page_with_the_header(varnish, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="About")
    site = Site.objects.get(is_default_site=True)
    nav = NavigationSettings.for_site(site)
    nav.main_menu = [{"type": "section", "value": {"title": "About", "url": "/about/", "items": []}}]
    nav.save()
    warm("/", "/about/")
    nav.main_menu = [{"type": "section", "value": {"title": "Community", "url": "/community/", "items": []}}]
    nav.save()
    shows_within_a_second("/", 'href="/community/"')
    shows_within_a_second("/about/", 'href="/community/"')


def test_a_snippet_change_purges_only_the_pages_that_show_it(varnish, home_page):
    snippet = ContentSnippet.objects.create(
        label="getting-started", body=[{"type": "markdown", "value": "Start with the tutorial."}]
    )
    StandardPageFactory(
        parent=home_page, slug="start", title="Start", body=[{"type": "content_snippet", "value": snippet.pk}]
    )
    StandardPageFactory(parent=home_page, slug="psf", title="PSF")
    warm("/start/", "/psf/")
    snippet.body = [{"type": "markdown", "value": "Start with the official tutorial."}]
    snippet.save()
    shows_within_a_second("/start/", "official tutorial")
    assert fetch("/psf/").cache == "HIT"


def test_public_pages_need_no_csp_nonce_so_visitors_never_share_one(varnish, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="About")
    first, second = fetch("/about/"), fetch("/about/")
    assert second.cache == "HIT"
    for response in (first, second):
        policy = response.headers["Content-Security-Policy"]
        assert "nonce" not in policy
        assert "script-src 'self'" in policy
        assert "nonce=" not in response.text


def test_purging_needs_the_acl_and_a_known_key_purges_nothing_else(varnish, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="About")
    warm("/about/")
    answer = fetch("/", {"xkey-purge": "no-such-key"}, method="PURGE")
    assert answer.status == 200
    assert "Purged 0 objects" in answer.text
    assert fetch("/about/").cache == "HIT"


def test_grace_serves_the_stale_copy_when_gunicorn_is_down(varnish, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="About Python")
    warm("/about/")
    varnish.stop_web()
    # Expire the copy (a soft purge keeps it for grace), as an elapsed s-maxage would.
    assert fetch("/", {"xkey-softpurge": "site"}, method="PURGE").status == 200
    time.sleep(3)  # the health probe notices the backend is gone
    stale = fetch("/about/")
    assert stale.status == 200
    assert "About Python" in stale.text
    assert stale.cache == "HIT"
    assert fetch("/about/?uncached=1").status == 503  # nothing stale to serve


def downloads_menu(site):
    nav = NavigationSettings.for_site(site)
    nav.main_menu = [{"type": "section", "value": {"title": "Downloads", "url": "/downloads/", "items": []}}]
    nav.save()


def release_with_installer(index, version, **kwargs):
    from apps.downloads.models import OS
    from tests.downloads.factories import ReleaseFileFactory, ReleasePageFactory

    release = ReleasePageFactory(parent=index, version_number=version, **kwargs)
    ReleaseFileFactory(
        release=release,
        os=OS.objects.get(slug="source"),
        name="XZ compressed source tarball",
        slug=f"{release.slug}-source",
        url=f"https://www.python.org/ftp/python/{version}/Python-{version}.tar.xz",
        is_source=True,
        download_button=True,
    )
    return release


def test_a_new_release_purges_downloads_home_and_the_dropdown_and_an_old_one_only_downloads(varnish, home_page):
    from tests.downloads.factories import DownloadsIndexPageFactory

    downloads_menu(Site.objects.get(is_default_site=True))
    index = DownloadsIndexPageFactory(parent=home_page)
    old = release_with_installer(index, "3.13.9")
    release_with_installer(index, "3.14.1", is_latest=True)
    StandardPageFactory(parent=home_page, slug="about", title="About")
    pages = ["/", "/downloads/", "/downloads/release/python-3141/", "/downloads/feed.rss", "/about/"]
    warm(*pages, "/api/v2/downloads/release/")
    assert "Python 3.14.1" in fetch("/about/").text  # the Downloads dropdown

    release_with_installer(index, "3.14.2", is_latest=True)
    for path in pages:  # the downloads pages, the feed, the homepage and the dropdown on every page
        shows_within_a_second(path, "3.14.2")
    shows_within_a_second("/api/v2/downloads/release/", "3.14.2")

    warm("/about/")
    old.release_notes_url = "https://docs.python.org/release/3.13.9/whatsnew/changelog.html"
    old.save()
    shows_within_a_second("/downloads/release/python-3139/", "whatsnew/changelog.html")
    assert fetch("/about/").cache == "HIT"  # the dropdown did not change: no purge of every page


def test_an_approved_job_shows_on_the_board_and_the_homepage_and_nothing_else_is_purged(varnish, home_page):
    from apps.jobs import services
    from apps.jobs.models import Job
    from tests.jobs.factories import JobFactory

    moderator = UserFactory(username="moderator", is_staff=True)
    job = JobFactory(job_title="Python Developer at Parrot Robotics", status=Job.Status.REVIEW, published_at=None)
    StandardPageFactory(parent=home_page, slug="about", title="About")
    warm("/", "/jobs/", "/about/")
    services.approve(job, moderator)
    shows_within_a_second("/jobs/", "Python Developer at Parrot Robotics")
    shows_within_a_second("/", "Python Developer at Parrot Robotics")
    assert fetch("/about/").cache == "HIT"

    services.expire(Job.objects.get(pk=job.pk))
    deadline = time.monotonic() + 1
    while "Python Developer at Parrot Robotics" in fetch("/jobs/").text:
        assert time.monotonic() < deadline, "the expired job is still listed"
        time.sleep(0.05)


def test_a_banner_shows_on_cached_pages_when_saved_and_when_its_start_time_comes(varnish, home_page):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from apps.banners.models import Banner

    StandardPageFactory(parent=home_page, slug="about", title="About")
    warm("/", "/about/")
    Banner.objects.create(title="Board election open", message="Vote by Friday.", active=True)
    shows_within_a_second("/about/", "Board election open")

    # A banner scheduled to start later: saved now, its start passes with no save; the minute job purges.
    Banner.objects.create(
        title="Maintenance on Saturday", message="Read-only.", active=True,
        starts_at=timezone.now() + timedelta(seconds=1),
    )  # fmt: skip
    warm("/about/")
    time.sleep(1.2)
    assert "Maintenance on Saturday" not in fetch("/about/").text  # still the cached copy
    call_command("publish_scheduled_banners")
    shows_within_a_second("/about/", "Maintenance on Saturday")


def test_an_approved_event_shows_on_the_calendar_and_the_homepage_and_nothing_else_is_purged(varnish, home_page):
    from apps.events.models import Event
    from tests.events.factories import CalendarFactory, EventFactory

    moderator = UserFactory(username="moderator", is_staff=True)
    calendar = CalendarFactory(slug="python-events", name="Python Events")
    event = EventFactory(calendar=calendar, title="PyCon Lisbon Sprint", status=Event.Status.PENDING)
    StandardPageFactory(parent=home_page, slug="about", title="About")
    warm("/", "/events/", "/events/python-events/", "/about/")
    event.approve(moderator)
    shows_within_a_second("/events/python-events/", "PyCon Lisbon Sprint")
    shows_within_a_second("/events/", "PyCon Lisbon Sprint")
    shows_within_a_second("/", "PyCon Lisbon Sprint")
    assert fetch("/about/").cache == "HIT"


def test_the_feed_job_purges_the_news_page_and_a_published_story_the_story_list(varnish, home_page):
    from django.utils import timezone

    from apps.blogs import importer
    from tests.blogs.factories import BlogIndexPageFactory, FeedFactory
    from tests.successstories.factories import StoryCategoryFactory, StoryIndexPageFactory, StoryPageFactory

    BlogIndexPageFactory(parent=home_page)
    stories = StoryIndexPageFactory(parent=home_page)
    feed = FeedFactory(slug="psf-news")
    warm("/blogs/", "/blogs/feed/", "/success-stories/")
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>PSF</title><link>https://psf.example/</link>
    <description>d</description><item><title>PyCon US 2027 registration is open</title>
    <link>https://pyfound.blogspot.com/2027/pycon.html</link><guid>pycon-2027</guid>
    <pubDate>{timezone.now():%a, %d %b %Y %H:%M:%S GMT}</pubDate></item></channel></rss>"""
    importer.refresh_feed(feed, data=rss.encode())
    shows_within_a_second("/blogs/", "PyCon US 2027 registration is open")
    shows_within_a_second("/blogs/feed/", "PyCon US 2027 registration is open")

    story = StoryPageFactory(parent=stories, title="Bridges inspected by Python", live=False,
                             category=StoryCategoryFactory(slug="engineering"))  # fmt: skip
    story.save_revision().publish()
    shows_within_a_second("/success-stories/", "Bridges inspected by Python")
