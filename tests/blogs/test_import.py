"""The feed import: the real PSF feed, idempotence, sanitising, and feeds that are down, slow or broken."""

import logging
import time

import pytest
from django.core.management import CommandError, call_command

from apps.blogs import importer
from apps.blogs.models import BlogEntry
from tests.blogs.factories import FeedFactory

pytestmark = pytest.mark.django_db

SCRIPTED_FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://t.example.org/</link><description>d</description>
<item><title>Release &lt;b&gt;day&lt;/b&gt;</title><link>https://t.example.org/1</link><guid>tag:t,1</guid>
<description>&lt;p onclick="steal()"&gt;Hello&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>No link here</title><guid>tag:t,2</guid></item>
</channel></rss>"""


def test_the_real_psf_feed_imports_its_25_entries(psf_feed, psf_feed_xml):
    report = importer.import_feed(psf_feed, psf_feed_xml)
    assert len(report.created) == 25
    newest = BlogEntry.objects.newest().first()
    assert newest.title == "Introducing Electronic Contributor Agreements"
    assert newest.url.startswith("http")
    assert newest.pub_date.year == 2013
    assert newest.feed == psf_feed
    assert "<script" not in "".join(BlogEntry.objects.values_list("summary", flat=True))


def test_importing_again_changes_nothing(psf_feed, psf_feed_xml):
    importer.import_feed(psf_feed, psf_feed_xml)
    report = importer.import_feed(psf_feed, psf_feed_xml)
    assert (len(report.created), len(report.updated), report.unchanged) == (0, 0, 25)
    assert BlogEntry.objects.count() == 25


def test_an_edited_entry_is_updated_not_duplicated(psf_feed, psf_feed_xml):
    importer.import_feed(psf_feed, psf_feed_xml)
    edited = psf_feed_xml.replace(
        b"Introducing Electronic Contributor Agreements", b"Electronic Contributor Agreements"
    )
    report = importer.import_feed(psf_feed, edited)
    assert [entry.title for entry in report.updated] == ["Electronic Contributor Agreements"]
    assert BlogEntry.objects.count() == 25


def test_script_and_markup_are_stripped_and_entries_without_link_skipped(psf_feed):
    report = importer.import_feed(psf_feed, SCRIPTED_FEED)
    entry = BlogEntry.objects.get()
    assert entry.title == "Release day"
    assert "<script" not in entry.summary and "onclick" not in entry.summary
    assert "Hello" in entry.summary
    assert report.skipped == [(2, "no link")]


@pytest.mark.parametrize("data", [b"<html><body>Not a feed</body></html>", b"\x00\x01garbage", b""])
def test_a_malformed_feed_is_refused_and_saves_nothing(psf_feed, data):
    with pytest.raises(importer.FeedError):
        importer.import_feed(psf_feed, data)
    assert BlogEntry.objects.count() == 0


def test_dry_run_reports_without_saving(psf_feed, data_dir, capsys):
    call_command("update_blogs", "--feed", "psf-news", "--file", str(data_dir / "psf_feed_example.xml"), "--dry-run")
    assert "[dry run] psf-news: 25 created" in capsys.readouterr().out
    assert BlogEntry.objects.count() == 0


def test_the_job_fetches_with_a_timeout_and_skips_broken_feeds(psf_feed, psf_feed_xml, http, caplog, capsys):
    down = FeedFactory(slug="down", feed_url="https://down.example.org/rss")
    slow = FeedFactory(slug="slow", feed_url="https://slow.example.org/rss")
    broken = FeedFactory(slug="broken", feed_url="https://broken.example.org/rss")
    http.serve = {
        psf_feed.feed_url: psf_feed_xml,
        slow.feed_url: TimeoutError("timed out"),
        broken.feed_url: b"<html>Oops, a login page</html>",
    }
    with caplog.at_level(logging.WARNING, logger="apps.blogs.importer"):
        call_command("update_blogs")
    assert BlogEntry.objects.filter(feed=psf_feed).count() == 25
    assert all(timeout == importer.FETCH_TIMEOUT for _url, timeout in http.calls)
    errors = capsys.readouterr().err
    for feed in (down, slow, broken):
        feed.refresh_from_db()
        assert feed.last_error
        assert f"{feed.slug}:" in errors
        assert feed.slug in caplog.text
    assert "timed out" in slow.last_error
    psf_feed.refresh_from_db()
    assert psf_feed.last_import is not None and psf_feed.last_error == ""


def test_the_job_fails_loudly_when_no_feed_works(psf_feed, http):
    with pytest.raises(CommandError):
        call_command("update_blogs")


def test_the_job_is_in_the_schedule():
    from pydotorg.cron import SCHEDULE

    assert "update_blogs" in dict(SCHEDULE)


@pytest.fixture
def trickling_server():
    """A local HTTP server that sends a feed one byte every 0.2 s: every read is quick, the whole is slow."""
    import http.server
    import threading

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                for byte in b'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>':
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:  # the importer hung up, as it should
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/rss"
    server.shutdown()
    server.server_close()


def test_a_feed_that_trickles_in_is_given_up_after_the_timeout(trickling_server, monkeypatch):
    monkeypatch.setattr(importer, "FETCH_TIMEOUT", 1)
    slow = FeedFactory(slug="trickle", feed_url=trickling_server)
    started = time.monotonic()
    with pytest.raises(importer.FeedError, match="took longer than 1 seconds"):
        importer.refresh_feed(slow)
    assert time.monotonic() - started < 5  # not the 14 s the server would take
    slow.refresh_from_db()
    assert "took longer" in slow.last_error
    assert BlogEntry.objects.filter(feed=slow).count() == 0
