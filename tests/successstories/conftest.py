import pytest

from tests.successstories.factories import StoryCategoryFactory, StoryIndexPageFactory


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def engineering(db):
    return StoryCategoryFactory(name="Engineering", slug="engineering")
