"""PSF board minutes: list by year, detail by date, bad dates, drafts, RSS, search, admin."""

import datetime

import feedparser
import pytest

from apps.minutes.models import Minutes

pytestmark = pytest.mark.django_db

CONTENT = """Attendance
----------
**Directors present:** Amara Okafor (Chair), Jonas Becker (Secretary).

Resolutions
-----------
1. RESOLVED, that the Python Software Foundation grant $4,000 USD to PyCon Tanzania.

   Approved, 8 in favour, 0 opposed, 0 abstaining.
"""


def minutes(date, live=True, content=CONTENT):
    return Minutes.objects.create(date=date, content=content, content_markup="restructuredtext", live=live)


@pytest.fixture
def meetings(db):
    return {
        "old": minutes(datetime.date(2025, 12, 10)),
        "jan": minutes(datetime.date(2026, 1, 14)),
        "mar": minutes(datetime.date(2026, 3, 11)),
        "draft": minutes(datetime.date(2026, 11, 11), live=False),
    }


def test_the_list_shows_published_minutes_newest_first_by_year(client, meetings):
    response = client.get("/psf/records/board/minutes/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(">2026</h2>") < html.index(">2025</h2>")
    assert html.index("March 11, 2026") < html.index("January 14, 2026") < html.index("December 10, 2025")
    assert "November 11, 2026" not in html
    assert 'href="/psf/records/board/minutes/feed/"' in html


def test_minutes_are_shown_by_meeting_date(client, meetings):
    response = client.get("/psf/records/board/minutes/2026-01-14/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "PSF Board Meeting Minutes January 14, 2026" in html
    assert "RESOLVED, that the Python Software Foundation grant $4,000 USD" in html
    assert "<strong>Directors present:</strong>" in html
    assert 'href="/psf/records/board/minutes/2026-03-11/"' in html  # same-year navigation
    assert html.count("<h1") == 1


@pytest.mark.parametrize(
    "path",
    [
        "2026-02-30",  # no such day
        "2026-13-01",  # no such month
        "0000-01-01",  # no year zero
        "2026-01-15",  # a real date without a meeting
        "2026-11-11",  # a draft
        "2026-1-14",  # not the URL's format
    ],
)
def test_missing_invalid_and_unpublished_dates_are_404(client, meetings, path):
    assert client.get(f"/psf/records/board/minutes/{path}/").status_code == 404


def test_the_rss_feed_lists_published_minutes(client, meetings):
    response = client.get("/psf/records/board/minutes/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.feed.title == "PSF board meeting minutes"
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "PSF Board Meeting Minutes March 11, 2026",
        "PSF Board Meeting Minutes January 14, 2026",
        "PSF Board Meeting Minutes December 10, 2025",
    ]
    first = feed.entries[0]
    assert first.link.endswith("/psf/records/board/minutes/2026-03-11/")
    assert "PyCon Tanzania" in first.summary


def test_published_minutes_are_found_by_site_search(client, meetings):
    html = client.get("/search/?q=Tanzania").content.decode()
    assert 'href="/psf/records/board/minutes/2026-03-11/"' in html and "Board minutes" in html
    assert "/psf/records/board/minutes/2026-11-11/" not in html


def test_markup_in_minutes_is_sanitised(client, db):
    minutes(datetime.date(2026, 5, 27), content="Report\n\n.. raw:: html\n\n   <script>alert(1)</script>\n")
    html = client.get("/psf/records/board/minutes/2026-05-27/").content.decode()
    assert "<script>alert" not in html


def test_editors_publish_and_unpublish_minutes_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/minutes/minutes/add/",
        {"date": "2026-06-10", "content_markup": "markdown", "content": "Board **met**.", "action-publish": "on"},
    )
    assert response.status_code == 302
    item = Minutes.objects.get(date=datetime.date(2026, 6, 10))
    assert item.live and item.live_revision is not None
    assert client.get("/psf/records/board/minutes/2026-06-10/").status_code == 200
    client.post(f"/admin/snippets/minutes/minutes/unpublish/{item.pk}/")
    item.refresh_from_db()
    assert not item.live
    client.logout()
    assert client.get("/psf/records/board/minutes/2026-06-10/").status_code == 404


def test_a_second_set_of_minutes_for_a_date_is_refused(client, editor, meetings):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/minutes/minutes/add/", {"date": "2026-01-14", "content_markup": "markdown", "content": "x"}
    )
    assert response.status_code == 200 and "date" in response.context["form"].errors
    assert Minutes.objects.count() == 4
