import io
import urllib.error

import pytest

from tests.blogs.factories import BlogIndexPageFactory, FeedFactory


@pytest.fixture
def psf_feed_xml(data_dir):
    """The PSF blog's real RSS (25 entries), as the repository carries it."""
    return (data_dir / "psf_feed_example.xml").read_bytes()


@pytest.fixture
def psf_feed(db):
    return FeedFactory(
        name="Python Software Foundation News", slug="psf-news",
        feed_url="https://pyfound.blogspot.com/feeds/posts/default?alt=rss",
    )  # fmt: skip


@pytest.fixture
def blog_index(home_page):
    return BlogIndexPageFactory(parent=home_page)


class FakeResponse(io.BytesIO):
    status = 200

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture
def http(monkeypatch):
    """The HTTP boundary: ``http.serve[url] = bytes or an exception``; ``http.calls`` records (url, timeout)."""

    class Http:
        serve = {}
        calls = []

    def urlopen(request, timeout=None):
        url = request.full_url
        Http.calls.append((url, timeout))
        answer = Http.serve.get(url)
        if answer is None:
            raise urllib.error.URLError("connection refused")
        if isinstance(answer, BaseException):
            raise answer
        return FakeResponse(answer)

    Http.serve, Http.calls = {}, []
    monkeypatch.setattr("apps.blogs.importer.urllib.request.urlopen", urlopen)
    return Http
