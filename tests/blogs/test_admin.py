"""The admin's "Refresh now" and the news viewsets."""

import pytest

from apps.blogs.models import BlogEntry, Feed

pytestmark = pytest.mark.django_db


def refresh_url(feed):
    return f"/admin/news/feeds/refresh/{feed.pk}/"


def test_editor_refreshes_a_feed_now(client, editor, psf_feed, psf_feed_xml, http):
    http.serve = {psf_feed.feed_url: psf_feed_xml}
    client.force_login(editor)
    listing = client.get("/admin/news/feeds/")
    assert listing.status_code == 200 and refresh_url(psf_feed).encode() in listing.content
    assert client.get(refresh_url(psf_feed)).status_code == 200
    response = client.post(refresh_url(psf_feed), follow=True)
    assert BlogEntry.objects.count() == 25
    assert "refreshed: 25 created" in response.content.decode()


def test_refreshing_a_broken_feed_says_so(client, editor, psf_feed, http):
    client.force_login(editor)
    response = client.post(refresh_url(psf_feed), follow=True)
    assert "could not be refreshed" in response.content.decode()
    assert "connection refused" in Feed.objects.get().last_error


def test_refresh_now_runs_on_a_real_worker(client, editor, psf_feed, psf_feed_xml, http, rq_queue):
    http.serve = {psf_feed.feed_url: psf_feed_xml}
    client.force_login(editor)
    response = client.post(refresh_url(psf_feed), follow=True)
    assert "will be refreshed in a moment" in response.content.decode()
    assert rq_queue.count() == 1 and BlogEntry.objects.count() == 0
    rq_queue.run_worker()
    assert BlogEntry.objects.count() == 25


def test_visitors_cannot_refresh(client, user, psf_feed, http):
    user.is_staff = True
    user.save()
    client.force_login(user)
    # Staff flag without admin access: the admin's clear refusal.
    assert client.post(refresh_url(psf_feed)).status_code == 403
    assert http.calls == []


def test_editor_features_an_entry(client, editor, psf_feed, psf_feed_xml):
    from apps.blogs import importer

    importer.import_feed(psf_feed, psf_feed_xml)
    entry = BlogEntry.objects.last()
    client.force_login(editor)
    form = client.get(f"/admin/news/entries/edit/{entry.pk}/")
    assert form.status_code == 200
    data = {"title": entry.title, "featured": "on", "summary": entry.summary + "<script>x()</script>",
            "pub_date": entry.pub_date.strftime("%Y-%m-%d %H:%M"), "url": entry.url}  # fmt: skip
    response = client.post(f"/admin/news/entries/edit/{entry.pk}/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.featured and "<script" not in entry.summary
