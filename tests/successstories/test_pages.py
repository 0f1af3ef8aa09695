"""/success-stories/, its category lists, story pages, the homepage story and the menu panel."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from apps.pages.models import HomePage
from apps.successstories.models import StoryIndexPage, StoryPage
from apps.successstories.signals import stories_changed
from tests.successstories.factories import CompanyFactory, StoryCategoryFactory, StoryPageFactory, bulk_stories

pytestmark = pytest.mark.django_db


def test_index_shows_the_featured_story_and_stories_by_category(client, story_index, engineering):
    arts = StoryCategoryFactory(name="Arts", slug="arts")
    StoryPageFactory(parent=story_index, title="Bridges", category=engineering, featured=True,
                     pull_quote="Python turned a week of spreadsheets into a script.")  # fmt: skip
    StoryPageFactory(parent=story_index, title="Pumps", category=engineering)
    StoryPageFactory(parent=story_index, title="Theatre", category=arts)
    response = client.get("/success-stories/")
    assert response.status_code == 200
    assert response.context["featured"].title == "Bridges"
    groups = {category.name: [story.title for story in stories] for category, stories in response.context["groups"]}
    assert groups == {"Arts": ["Theatre"], "Engineering": ["Pumps"]}
    assert b"Python turned a week of spreadsheets into a script." in response.content
    assert b'href="/success-stories/category/arts/"' in response.content


def test_category_page_lists_its_stories_and_unknown_categories_are_404(client, story_index, engineering):
    StoryPageFactory(parent=story_index, title="Bridges", category=engineering)
    StoryPageFactory(parent=story_index, title="Theatre", category=StoryCategoryFactory(slug="arts"))
    response = client.get("/success-stories/category/engineering/")
    assert response.status_code == 200
    assert [story.title for story in response.context["page_obj"]] == ["Bridges"]
    assert b"Engineering success stories" in response.content
    assert client.get("/success-stories/category/no-such-thing/").status_code == 404


def test_story_page_shows_company_quote_and_body(client, story_index, engineering):
    company = CompanyFactory(name="Pittman-Cardenas", website="https://pittman.example.com/",
                             about="<p>Bridge inspectors.</p>")  # fmt: skip
    StoryPageFactory(
        parent=story_index, title="Faster bridge inspections", slug="bridges", company=company,
        category=engineering, author="Cynthia Allen", pull_quote="Reports in two days, not ten.",
    )  # fmt: skip
    response = client.get("/success-stories/bridges/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Faster bridge inspections", "Pittman-Cardenas", "Bridge inspectors.", "Cynthia Allen",
                 "Reports in two days, not ten.", "How we use Python every day.", "https://pittman.example.com/",
                 'href="/success-stories/category/engineering/"'):  # fmt: skip
        assert text in content


def test_homepage_and_menu_show_the_featured_story_live(client, story_index, engineering):
    StoryPageFactory(parent=story_index, title="Bridges", pull_quote="Python everywhere on the bridge.", featured=True)
    content = client.get("/").content.decode()
    assert "Python everywhere on the bridge." in content.split('class="main-navigation"')[1]  # menu panel
    assert 'class="success-story-widget"' in content
    newer = StoryPageFactory(parent=story_index, title="Theatre", pull_quote="Stage visuals in Python.")
    StoryPage.objects.filter(title="Bridges").update(featured=False)
    newer.featured = True
    newer.save_revision().publish()
    stories_changed()  # what the publish's on_commit runs
    content = client.get("/").content.decode()
    assert "Stage visuals in Python." in content and "Python everywhere on the bridge." not in content


@pytest.mark.parametrize("rows", [10, 1000])
def test_story_pages_queries_stay_constant(client, story_index, rows, django_assert_max_num_queries):
    categories = [StoryCategoryFactory() for _ in range(5)]
    companies = [CompanyFactory() for _ in range(5)]
    StoryPageFactory(parent=story_index, slug="featured-one", featured=True, category=categories[0])
    bulk_stories(story_index, rows, categories, companies)
    paths = ("/success-stories/", f"/success-stories/category/{categories[1].slug}/?page=2",
             "/success-stories/featured-one/", "/")  # fmt: skip
    counts = {}
    for path in paths:
        for _ in range(2):  # warm the per-process caches, as a running site has them
            client.get(path)
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        counts[path] = len(context.captured_queries)
    assert all(count <= 10 for count in counts.values()), counts
    assert len(client.get(paths[0]).context["groups"]) == 5
    assert client.get(paths[1]).context["page_obj"].paginator.count == rows // 5


def test_tree_rules(home_page, story_index):
    assert StoryIndexPage.can_create_at(home_page) is False  # one index (max_count)
    assert StoryIndexPage.allowed_parent_page_models() == [HomePage]
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert StoryPage.allowed_subpage_models() == []
    assert StoryPage.can_create_at(story_index)
    assert not StoryPage.can_create_at(home_page)
    assert Page.objects.get(url_path__endswith="/success-stories/").specific_class is StoryIndexPage


def test_stories_are_found_by_site_search(client, story_index):
    StoryPageFactory(parent=story_index, title="Forecasting demand", pull_quote="Buyers trust the model.")
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    response = client.get("/search/", {"q": "forecasting"})
    assert b"demand" in response.content and b"Success story" in response.content


def test_every_story_list_is_purged_when_stories_change(client, story_index, engineering):
    """The lists carry the keys a published or changed story purges, so the CDN never keeps an old list."""
    story = StoryPageFactory(parent=story_index, title="Bridges", category=engineering)
    for url in ("/success-stories/", "/success-stories/category/engineering/", story.url):
        keys = client.get(url)["Surrogate-Key"].split()
        assert {"success-stories", "pages"} <= set(keys), url
    assert f"page-{story_index.pk}" in client.get("/success-stories/")["Surrogate-Key"].split()
