import pytest
from wagtail.models import Page

from apps.pages.models import HomePage, SectionIndexPage, StandardPage
from tests.factories import SectionIndexPageFactory, StandardPageFactory


def test_homepage_only_at_the_root_and_only_once(home_page):
    root = Page.objects.get(depth=1)
    assert not HomePage.can_create_at(root), "there is already one homepage"
    assert not HomePage.can_create_at(home_page)


def test_sections_and_standard_pages_fit_under_the_homepage(home_page):
    assert SectionIndexPage.can_create_at(home_page)
    assert StandardPage.can_create_at(home_page)


def test_a_standard_page_cannot_hold_a_section(home_page):
    page = StandardPageFactory(parent=home_page)
    assert StandardPage.can_create_at(page)
    assert not SectionIndexPage.can_create_at(page)
    assert not HomePage.can_create_at(page)


def test_sections_nest(home_page):
    section = SectionIndexPageFactory(parent=home_page, slug="psf")
    assert SectionIndexPage.can_create_at(section)
    assert StandardPage.can_create_at(section)


@pytest.mark.parametrize("url", ["/psf/", "/psf/bylaws/"])
def test_section_lists_its_live_children(home_page, client, url):
    section = SectionIndexPageFactory(parent=home_page, slug="psf", title="Python Software Foundation")
    StandardPageFactory(parent=section, slug="bylaws", title="Bylaws")
    draft = StandardPageFactory(parent=section, slug="draft", title="Unpublished plans")
    draft.unpublish()
    response = client.get(url)
    assert response.status_code == 200
    if url == "/psf/":
        assert b"Bylaws" in response.content
        assert b"Unpublished plans" not in response.content
