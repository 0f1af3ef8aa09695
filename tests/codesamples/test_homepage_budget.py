"""The homepage stays within its query budget with news, a featured story and code samples on it."""

import pytest

from apps.codesamples.models import CodeSample
from tests.blogs.factories import BlogEntryFactory
from tests.pages.test_query_budget import BUDGET, queries_for
from tests.successstories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def test_homepage_with_news_a_story_and_code_samples_stays_within_budget(client, home_page):
    BlogEntryFactory.create_batch(10)
    index = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=index, featured=True, pull_quote="Python everywhere.")
    for order in range(5):
        sample = CodeSample(title=f"Sample {order}", code=">>> 1 + 1\n2", description="<p>Sums.</p>", sort_order=order)
        sample.save()
        sample.save_revision().publish()
    small = queries_for(client, "/")

    BlogEntryFactory.create_batch(200)
    for number in range(20):
        StoryPageFactory(parent=index, title=f"Later story {number}")
    large = queries_for(client, "/")

    content = client.get("/").content.decode()
    assert "Latest News" in content and "Python everywhere." in content and "Sample 4" in content
    assert small <= BUDGET and large == small
