"""Banners: scheduling, PSF-only scope, path prefixes, the API notice header and the cached active set."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.banners.active import banners_for_page
from apps.banners.models import Banner
from tests.factories import SectionIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def make_banner(**fields):
    values = {"title": "Maintenance window", "message": "python.org is read-only on Saturday.", "active": True}
    return Banner.objects.create(**{**values, **fields})


@pytest.fixture
def pages(home_page):
    psf = SectionIndexPageFactory(parent=home_page, slug="psf", title="Python Software Foundation")
    StandardPageFactory(parent=psf, slug="grants", title="Grants")
    StandardPageFactory(parent=home_page, slug="about", title="About")
    return home_page


def banner_titles(client, path):
    html = client.get(path).content.decode()
    return [banner.title for banner in Banner.objects.all() if f">{banner.title}<" in html]


def test_a_live_site_wide_banner_shows_on_every_page_with_its_link(client, pages):
    make_banner(link_url="/psf/donations/", link_text="Read more")
    for path in ("/", "/about/", "/psf/grants/"):
        html = client.get(path).content.decode()
        assert "Maintenance window" in html and "python.org is read-only on Saturday." in html
        assert 'href="/psf/donations/"' in html and "Read more" in html
        assert 'src="/static/js/banners.js"' in html
        assert "<script>" not in html  # the dismiss code is a static file


def test_scheduling_shows_a_banner_only_between_its_start_and_end(client, pages):
    now = timezone.now()
    make_banner(title="Not yet", starts_at=now + timedelta(hours=1))
    make_banner(title="Over", starts_at=now - timedelta(days=2), ends_at=now - timedelta(minutes=1))
    make_banner(title="Running", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    make_banner(title="Switched off", active=False)
    assert banner_titles(client, "/") == ["Running"]
    # The cached set holds the scheduled banner too: it starts showing when its time comes, without a save.
    later = [banner.title for banner in banners_for_page("/", now=now + timedelta(hours=2))]
    assert later == ["Not yet"]


def test_psf_only_banners_show_on_psf_pages_only(client, pages):
    make_banner(title="PSF elections", scope=Banner.Scope.PSF)
    assert banner_titles(client, "/psf/grants/") == ["PSF elections"]
    assert banner_titles(client, "/about/") == []
    assert banner_titles(client, "/") == []


def test_path_prefixes_limit_where_a_banner_shows(client, pages):
    make_banner(title="About notice", path_prefixes="/about/\n/downloads/")
    assert banner_titles(client, "/about/") == ["About notice"]
    assert banner_titles(client, "/psf/grants/") == []


def test_no_banner_query_when_none_is_active(client, pages):
    client.get("/about/")  # the first view loads (and caches) the empty set
    with CaptureQueriesContext(connection) as context:
        response = client.get("/about/")
    assert response.status_code == 200
    assert not [q for q in context.captured_queries if "banners_banner" in q["sql"]]


def test_saving_a_banner_shows_it_at_once_and_purges_the_cdn(
    client, pages, monkeypatch, django_capture_on_commit_callbacks
):
    purged = []
    monkeypatch.setattr("apps.banners.signals.purge_surrogate_keys", lambda *keys: purged.extend(keys))
    assert banner_titles(client, "/about/") == []
    with django_capture_on_commit_callbacks(execute=True):
        banner = make_banner()
    assert banner_titles(client, "/about/") == ["Maintenance window"]
    assert purged == ["site"]
    banner.active = False
    banner.save()
    assert banner_titles(client, "/about/") == []


def test_api_clients_get_the_notice_header_only_from_api_banners(client, db):
    make_banner(title="Site only")
    response = client.get("/api/v2/downloads/release/")
    assert "X-API-Notice" not in response.headers
    make_banner(title="Release uploads paused", message="Uploads are off from 14:00 to 16:00 UTC.",
                notify_api_clients=True, show_on_site=False, link_url="https://status.python.org/")  # fmt: skip
    response = client.get("/api/v2/downloads/release/")
    assert response.status_code == 200
    assert response["X-API-Notice"] == (
        "Release uploads paused: Uploads are off from 14:00 to 16:00 UTC. (https://status.python.org/)"
    )
    assert "X-API-Notice" not in client.get("/robots.txt").headers


def test_an_api_only_banner_is_not_shown_on_pages(client, pages):
    make_banner(title="API only", notify_api_clients=True, show_on_site=False)
    assert banner_titles(client, "/") == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"starts_at": timezone.now(), "ends_at": timezone.now() - timedelta(hours=1)}, "ends_at"),
        ({"path_prefixes": "downloads/"}, "path_prefixes"),
        ({"link_url": "javascript:alert(1)"}, "link_url"),
        ({"link_url": "//evil.example/phish"}, "link_url"),  # another site, written like a path
        ({"show_on_site": False, "notify_api_clients": False}, "show_on_site"),
    ],
)
def test_inconsistent_banners_are_refused_in_the_admin(client, superuser, fields, field):
    client.force_login(superuser)
    data = {"title": "Bad", "message": "Bad banner", "link_url": "", "link_text": "", "scope": "all",
            "path_prefixes": "", "show_on_site": "on", "active": "on", "starts_at": "", "ends_at": ""}  # fmt: skip
    for name, value in fields.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else value
    response = client.post("/admin/snippets/banners/banner/add/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Banner.objects.exists()


def test_editors_manage_banners_and_visitors_cannot(client, editor, user):
    client.force_login(editor)
    assert client.get("/admin/snippets/banners/banner/").status_code == 200
    client.force_login(user)
    # A signed-in visitor gets the admin's clear 403 page, not a sign-in loop.
    assert client.get("/admin/snippets/banners/banner/").status_code == 403


def test_a_scheduled_banner_purges_the_caches_once_when_it_starts_and_once_when_it_ends(db, monkeypatch):
    from django.core.cache import cache
    from django.core.management import call_command

    purged = []
    monkeypatch.setattr(
        "apps.banners.management.commands.publish_scheduled_banners.purge_surrogate_keys",
        lambda *keys: purged.extend(keys),
    )
    now = timezone.now()
    make_banner(starts_at=now + timedelta(minutes=5), ends_at=now + timedelta(hours=1))
    cache.set("banners-schedule-checked", now - timedelta(minutes=1), None)
    call_command("publish_scheduled_banners")
    assert purged == []  # nothing started yet

    # Six minutes later the banner has started: one purge, and a second run purges nothing more.
    monkeypatch.setattr("django.utils.timezone.now", lambda: now + timedelta(minutes=6))
    call_command("publish_scheduled_banners")
    call_command("publish_scheduled_banners")
    assert purged == ["site"]

    monkeypatch.setattr("django.utils.timezone.now", lambda: now + timedelta(minutes=61))
    call_command("publish_scheduled_banners", "--dry-run")
    assert purged == ["site"]  # a dry run only lists
    call_command("publish_scheduled_banners")
    assert purged == ["site", "site"]


def test_a_switched_off_banner_passing_its_start_purges_nothing(db, monkeypatch):
    from django.core.cache import cache
    from django.core.management import call_command

    purged = []
    monkeypatch.setattr(
        "apps.banners.management.commands.publish_scheduled_banners.purge_surrogate_keys",
        lambda *keys: purged.extend(keys),
    )
    make_banner(active=False, starts_at=timezone.now() - timedelta(seconds=30))
    cache.set("banners-schedule-checked", timezone.now() - timedelta(minutes=1), None)
    call_command("publish_scheduled_banners")
    assert purged == []
