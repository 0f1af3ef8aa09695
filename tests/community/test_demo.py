"""The demo loaders of community, minutes, banners and work groups: real content, idempotent."""

import pytest

from apps.banners import demo as banners_demo
from apps.banners.models import Banner
from apps.community import demo as community_demo
from apps.community.models import CommunityIndexPage, Post
from apps.minutes import demo as minutes_demo
from apps.minutes.models import Minutes
from apps.pages.models import SectionIndexPage
from apps.work_groups import demo as work_groups_demo
from apps.work_groups.models import WorkGroup
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_community_stub_becomes_the_community_page_keeping_its_tree(client, home_page, data_dir):
    body = [{"type": "rich_text", "value": "<p>Great software is supported by great people.</p>"}]
    stub = SectionIndexPage(title="Community", slug="community", body=body)
    home_page.add_child(instance=stub)
    stub.save_revision().publish()
    StandardPageFactory(parent=stub, slug="irc", title="IRC")

    community_demo.load(data_dir)
    community_demo.load(data_dir)  # a second run changes nothing

    page = CommunityIndexPage.objects.get()
    assert page.url_path == "/home/community/"
    assert not SectionIndexPage.objects.filter(slug="community").exists()
    html = client.get("/community/").content.decode()
    assert "Great software is supported by great people." in html
    assert client.get("/community/irc/").status_code == 200
    microbit = client.get("/community/microbit/")
    assert microbit.status_code == 200 and "https://python.microbit.org/" in microbit.content.decode()
    assert set(Post.objects.values_list("kind", flat=True)) == {"link", "photo", "text", "video"}
    assert Post.objects.count() == 6 and Post.objects.public().count() == 5
    for post in Post.objects.public():
        assert client.get(post.get_absolute_url()).status_code == 200


def test_a_year_of_minutes_with_the_newest_awaiting_approval(client, db, data_dir):
    minutes_demo.load(data_dir)
    minutes_demo.load(data_dir)
    assert Minutes.objects.count() == 12
    assert Minutes.objects.published().count() == 11
    assert not Minutes.objects.newest_first().first().live
    html = client.get("/psf/records/board/minutes/2026-10-14/").content.decode()
    assert "Directors present:" in html and "RESOLVED, that Amara Okafor is elected Chair" in html


def test_one_active_banner_and_the_psf_work_groups(client, home_page, data_dir):
    UserFactory.create_batch(5)
    banners_demo.load(data_dir)
    banners_demo.load(data_dir)
    work_groups_demo.load(data_dir)
    work_groups_demo.load(data_dir)
    assert Banner.objects.live().count() == 1
    assert "year-end fundraiser" in client.get("/").content.decode()
    assert WorkGroup.objects.approved().count() == 8
    html = client.get("/psf/workgroups/").content.decode()
    assert "Packaging Work Group" in html and "Code of Conduct Work Group" in html
    assert WorkGroup.objects.get(slug="packaging").organizers.exists()
