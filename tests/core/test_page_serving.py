"""The page-serving path: generations in one cache round trip, routes from memory that follow the tree."""

from django.core.cache import cache

from apps.core.cache import bump_generation, cached_fragment, generation, local_cache
from tests.factories import SectionIndexPageFactory, StandardPageFactory


def test_a_page_reads_every_cache_key_it_needs_in_one_round_trip(client, home_page, monkeypatch):
    StandardPageFactory(parent=home_page, slug="about", title="About")
    for _ in range(2):
        client.get("/about/")
    calls = []
    for name in ("get", "get_many", "get_or_set", "add"):
        original = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda *a, _name=name, _original=original, **k: calls.append(_name) or _original(*a, **k)
        )
    response = client.get("/about/")
    assert response.status_code == 200
    assert calls == ["get_many"]


def test_a_fragment_is_rendered_once_per_generation_and_keeps_its_surrogate_keys(db):
    renders = []

    def render():
        renders.append(1)
        return f"<p>{len(renders)}</p>"

    first = cached_fragment("test", render, generation_keys=("test-generation",), surrogate_keys=("test-key",))
    again = cached_fragment("test", render, generation_keys=("test-generation",))
    assert first == again == "<p>1</p>"
    old = generation("test-generation")
    bump_generation("test-generation")
    assert generation("test-generation") != old
    assert cached_fragment("test", render, generation_keys=("test-generation",)) == "<p>2</p>"
    local_cache.clear()
    assert cached_fragment("test", render, generation_keys=("test-generation",)) == "<p>2</p>"  # from Redis
    assert len(renders) == 2


def test_routes_follow_publishing_moves_and_slug_changes(client, home_page):
    about = SectionIndexPageFactory(parent=home_page, slug="about", title="About")
    community = SectionIndexPageFactory(parent=home_page, slug="community", title="Community")
    page = StandardPageFactory(parent=about, slug="history", title="History")
    assert client.get("/about/history/").status_code == 200

    page.slug = "our-history"
    page.save_revision().publish()
    assert client.get("/about/history/").status_code == 404
    assert client.get("/about/our-history/").status_code == 200

    page.refresh_from_db()
    page.move(community, pos="last-child")
    assert client.get("/about/our-history/").status_code == 404
    assert client.get("/community/our-history/").status_code == 200

    page.refresh_from_db()
    page.unpublish()
    assert client.get("/community/our-history/").status_code == 404


def test_a_view_restriction_added_later_is_enforced(client, home_page):
    from wagtail.models import PageViewRestriction

    page = StandardPageFactory(parent=home_page, slug="board", title="Board")
    assert client.get("/board/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/board/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
