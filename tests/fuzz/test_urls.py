"""Property-based: every public URL pattern, with generated path arguments and the query parameters
the views read, answers without a server error (a 500 fails the test with its traceback)."""

import re
import string
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.downloads.api import RESOURCES
from apps.events.forms import EventFilterForm
from apps.jobs.forms import JobFilterForm
from tests.downloads.factories import DownloadsIndexPageFactory

NOT_PUBLIC = ("admin/", "django-admin/", "django-rq/")
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
MAX_EXAMPLES = 250
EXAMPLES_RUN = []

# Query parameters the views read: filter forms, search, pagination, sign-in redirects, the API.
QUERY_PARAMS = sorted(
    {"q", "page", "next", "format", "release", "limit", "offset"}
    | set(EventFilterForm.base_fields)
    | set(JobFilterForm.base_fields)
    | {name for _, filtersets, _ in RESOURCES.values() for name in filtersets[1].base_filters}
)

# Values that broke views before: unicode, NUL, huge and negative numbers, empty, 10 KB.
NASTY = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.ascii_letters + string.digits + "-_.", max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "\x00", "a\x00b", "²", "١٢", "0", "-1", "99999999999", "1e309", "nan", "../..", "%",
                     "2026-02-30", "0000-01-01", "true", "None", "[]", "x" * 10_240]),
)  # fmt: skip
SEGMENT = st.one_of(
    NASTY.filter(lambda value: "/" not in value and value not in ("", ".", "..")),
    st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=20),
)
INTEGER = st.one_of(st.integers(min_value=0, max_value=10**25).map(str), st.sampled_from(["1", "2", "3"]))


def converter_value(kind):
    if kind == "int":
        return INTEGER
    if kind == "path":
        return st.lists(SEGMENT, min_size=1, max_size=3).map("/".join)
    if kind == "slug":
        return st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True)
    if kind == "uuid":
        return st.uuids().map(str)
    return SEGMENT


def route_strategy(parts):
    """A strategy for request paths matching a chain of URL patterns."""
    pieces = []
    for part in parts:
        if isinstance(part, RoutePattern):
            text, at = str(part._route), 0
            for match in CONVERTER.finditer(text):
                pieces.append(st.just(text[at : match.start()]))
                pieces.append(converter_value(match.group(1) or "str").map(lambda v: quote(v, safe="/")))
                at = match.end()
            pieces.append(st.just(text[at:]))
        elif isinstance(part, RegexPattern):
            regex = part._regex.removeprefix("^").removesuffix("$")
            pieces.append(st.from_regex(regex, fullmatch=True).filter(lambda v: len(v) < 300).map(quote))
    return st.tuples(*pieces).map(lambda values: "/" + "".join(values))


def public_routes(patterns=None, parents=()):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        chain = (*parents, pattern.pattern)
        if not parents and str(pattern.pattern).startswith(NOT_PUBLIC):
            continue
        if isinstance(pattern, URLResolver):
            yield from public_routes(pattern.url_patterns, chain)
        elif isinstance(pattern, URLPattern):
            yield chain


ROUTES = list(public_routes())
REQUESTS = st.tuples(
    st.one_of(*(route_strategy(chain) for chain in ROUTES)),
    st.dictionaries(st.sampled_from(QUERY_PARAMS), NASTY, max_size=4),
)


def test_the_fuzz_covers_the_site():
    assert len(ROUTES) > 40
    assert {"q", "limit", "offset", "release_date__year", "calendar", "location"} <= set(QUERY_PARAMS)


@pytest.fixture
def sample_site(home_page, db):
    DownloadsIndexPageFactory(parent=home_page)
    return home_page


CLEAR_ANSWERS = {200, 301, 302, 400, 401, 403, 404, 405, 410, 429}


@pytest.mark.django_db
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure here is a bug, not bad luck
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(request=REQUESTS)
def test_no_public_url_answers_500(client, sample_site, request):
    path, params = request
    url = path + ("?" + urlencode(params) if params else "")
    response = client.get(url)  # a server error raises here, with its traceback
    # A page, a redirect to one, or a clear refusal of the input: never a server error or anything odd.
    assert response.status_code in CLEAR_ANSWERS, f"{url} answered {response.status_code}"
    EXAMPLES_RUN.append(url)


def test_report_how_many_examples_ran():
    """Runs after the fuzz test (same module, file order) and prints the count for the record."""
    print(f"\nURL fuzz: {len(EXAMPLES_RUN)} requests, 0 server errors")
