import pytest

from apps.community.models import CommunityIndexPage


@pytest.fixture
def community_page(home_page):
    page = CommunityIndexPage(title="Community", slug="community", intro="<p>Python's community is vast.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
