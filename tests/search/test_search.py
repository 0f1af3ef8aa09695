import pytest

from apps.search.query import MAX_QUERY_LENGTH, clean_query
from tests.factories import StandardPageFactory


@pytest.fixture
def pages(home_page):
    StandardPageFactory(
        parent=home_page,
        title="Python Software Foundation bylaws",
        slug="bylaws",
        search_description="The bylaws of the foundation that holds the Python trademark.",
    )
    StandardPageFactory(parent=home_page, title="Merchandise", slug="merchandise")


@pytest.fixture
def many_pages(home_page):
    for number in range(45):
        StandardPageFactory(parent=home_page, title=f"Release notes {number}", slug=f"notes-{number}")


def test_search_finds_pages_and_highlights_the_words(client, pages):
    response = client.get("/search/", {"q": "bylaws"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Python Software Foundation <mark>bylaws</mark>" in html
    assert "The <mark>bylaws</mark> of the foundation" in html
    assert "Merchandise" not in html
    assert "1 result" in html


def test_search_paginates(client, many_pages):
    first = client.get("/search/", {"q": "release notes"}).content.decode()
    assert "45 results" in first
    assert "Page 1 of 3" in first
    last = client.get("/search/", {"q": "release notes", "page": 3}).content.decode()
    assert "Page 3 of 3" in last
    past_the_end = client.get("/search/", {"q": "release notes", "page": 99})
    assert past_the_end.status_code == 200
    assert "Page 3 of 3" in past_the_end.content.decode()
    not_a_number = client.get("/search/", {"q": "release notes", "page": "x"})
    assert "Page 1 of 3" in not_a_number.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word or two"),
        ("   ", "Type a word or two"),
        ('"" ** ()', "no words we could look for"),
        ("x" * 10_240, "shortened to its first 200 characters"),
        ('bylaws" OR 1=1 --', "No results found for “bylaws OR 1 1”"),
        ("bylaws & | ! :*", "1 result"),
        ("Pythön 🐍 ünïcode", "No results found"),
        ("\x1f bylaws", "1 result"),
    ],
)
def test_odd_queries_get_a_clear_page_never_an_error(client, pages, query, message):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_nul_character_in_the_query_is_a_clear_400(client, pages):
    response = client.get("/search/", {"q": "\x00 bylaws"})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_search_refuses_other_methods(client, pages):
    assert client.post("/search/", {"q": "bylaws"}).status_code == 405


def test_clean_query_keeps_words_and_drops_syntax():
    assert clean_query('  "python" AND (3.14) ') == "python AND 3.14"
    assert len(clean_query("a" * 5000)) == MAX_QUERY_LENGTH
    assert clean_query("\u0000\u200b") == ""
