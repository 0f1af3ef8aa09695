"""Search as visitors type it: versions in any spelling, calendar names, results named in plain words, once."""

import datetime

import pytest

from apps.search.query import SearchResult, search_everything
from tests.downloads.factories import DownloadsIndexPageFactory, ReleasePageFactory
from tests.events.factories import CalendarFactory, EventFactory, in_days
from tests.factories import SectionIndexPageFactory, StandardPageFactory


@pytest.fixture
def releases(home_page):
    index = DownloadsIndexPageFactory(parent=home_page)
    made = {}
    for version in ("3.14.0", "3.14.2", "3.13.5", "3.12.0"):
        made[version] = ReleasePageFactory(
            parent=index, version_number=version, release_date=datetime.datetime(2025, 10, 7, tzinfo=datetime.UTC)
        )
    return made


def titles(client, query):
    html = client.get("/search/", {"q": query}).content.decode()
    return [part.split("</a>")[0] for part in html.split('<h2><a href="')[1:]], html


@pytest.mark.parametrize("query", ["3.14", "Python 3.14", "python3.14", "314", "3.14.0", "python 3.14.0"])
def test_a_release_is_found_by_any_spelling_of_its_version(client, releases, query):
    found, html = titles(client, query)
    text = " ".join(found).replace("<mark>", "").replace("</mark>", "")
    assert "3.14.0" in text and "3.13.5" not in text and "3.12.0" not in text
    assert '<p class="search-kind">Release</p>' in html


def test_python_3_13_finds_the_313_releases(client, releases):
    found, _html = titles(client, "python 3.13")
    assert len(found) == 1 and "3.13" in found[0]


def test_the_calendar_name_finds_the_calendar(client, site):
    calendar = CalendarFactory(slug="python-events", name="Python Events", description="Conferences worldwide.")
    event = EventFactory(calendar=calendar, title="EuroPython", start=in_days(20))
    found, html = titles(client, "Python Events")
    assert found[0].startswith('/events/python-events/"')
    assert f'href="{event.get_absolute_url()}"' in html  # its upcoming events match by their calendar's name too
    assert "Event calendar" in html


def test_results_say_what_they_are_in_plain_words(client, home_page):
    section = SectionIndexPageFactory(parent=home_page, title="About the bylaws", slug="about")
    StandardPageFactory(parent=section, title="Foundation bylaws", slug="bylaws")
    _found, html = titles(client, "bylaws")
    kinds = [part.split("</p>")[0] for part in html.split('<p class="search-kind">')[1:]]
    assert kinds == ["Page", "Page"]
    assert "Standard Page" not in html and "Section Index Page" not in html


def test_a_url_is_listed_once_whatever_the_sources(home_page, monkeypatch):
    StandardPageFactory(parent=home_page, title="Twice bylaws", slug="twice")
    from wagtail import hooks

    def echo_source(query):
        return [SearchResult(title="Twice bylaws", url="/twice/", kind="Page")]

    with hooks.register_temporarily("register_search_source", echo_source):
        results = search_everything("bylaws")
    assert [result.url for result in results].count("/twice/") == 1


def test_a_result_titled_as_the_query_comes_before_pages_that_merely_mention_it(client, home_page):
    for number in range(3):
        StandardPageFactory(parent=home_page, title=f"Conferences {number}", slug=f"conferences-{number}",
                            search_description="Python events and conferences around the world.")  # fmt: skip
    CalendarFactory(slug="python-events", name="Python Events", description="Conferences worldwide.")
    found, _html = titles(client, "python events")
    assert len(found) == 4
    assert found[0].startswith('/events/python-events/"')
