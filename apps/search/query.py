"""The query layer over every indexed model.

Pages are searched here; domain apps add their own models (jobs, events …) with the
``register_search_source`` hook, a callable ``(query) -> iterable of SearchResult``
that returns at most ``SOURCE_LIMIT`` best matches, so the search page stays bounded.

A result's ``snippet`` may be a callable (``later(function, *args)``): the page shows 20 of up to
hundreds of matches, and the template computes only the snippets it shows.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
SOURCE_LIMIT = 200
# Characters that carry query syntax in some backends; searched as plain words instead.
_OPERATORS = re.compile(r"[\"'`^~*:()\[\]{}<>|&!\\+=-]+")


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: str = ""
    kind: str = "Page"


def later(function, *args):
    """A snippet computed when the template shows it, not for every match."""
    return functools.partial(function, *args)


def page_snippet(page, query):
    text = page.get_search_snippet_text() if hasattr(page, "get_search_snippet_text") else page.search_description
    return excerpt(text, query)


def clean_query(raw: str) -> str:
    """Turn any user input into plain words: normalised, no control characters or operators, bounded."""
    text = unicodedata.normalize("NFKC", raw or "")[:MAX_QUERY_LENGTH]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _OPERATORS.sub(" ", text)
    return " ".join(text.split())


def excerpt(text: str, query: str, length: int = 240) -> str:
    """About ``length`` characters of ``text`` around the first word of ``query`` it contains."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in query.split() if word.lower() in lowered]
    start = max(0, min(positions) - length // 3) if positions else 0
    snippet = text[start : start + length]
    return ("… " if start else "") + snippet + (" …" if start + length < len(text) else "")


def search_pages(query: str, request=None):
    pages = Page.objects.live().public().specific().search(query, operator="and")[:SOURCE_LIMIT]
    return [
        SearchResult(
            title=page.title,
            url=page.get_url(request),  # with the request, site root paths are looked up once
            snippet=later(page_snippet, page, query),
            kind=str(getattr(page, "search_kind", _("Page"))),
        )
        for page in pages
    ]


def search_everything(query: str, request=None):
    """Results from pages and every registered source, each URL once: whatever is titled exactly as the query
    first (a visitor typing "Python Events" wants that calendar), then pages, then the other sources."""
    results = search_pages(query, request)
    for source in hooks.get_hooks("register_search_source"):
        results.extend(list(source(query))[:SOURCE_LIMIT])
    seen, unique = set(), []
    for result in results:
        if result.url not in seen:
            seen.add(result.url)
            unique.append(result)
    wanted = query.casefold()
    return sorted(unique, key=lambda result: " ".join(result.title.split()).casefold() != wanted)
