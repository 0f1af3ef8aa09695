"""Public pages render with a small number of queries that does not grow with the page tree."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SectionIndexPageFactory, StandardPageFactory

BUDGET = 12


def queries_for(client, path):
    for _ in range(2):  # warm the per-process caches, as a running site has them
        client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_homepage_and_standard_page_stay_within_budget_as_the_tree_grows(client, home_page):
    section = SectionIndexPageFactory(parent=home_page, slug="psf", title="PSF")
    StandardPageFactory(parent=section, slug="bylaws", title="Bylaws")
    small = {path: queries_for(client, path) for path in ("/", "/psf/bylaws/")}

    for number in range(40):
        StandardPageFactory(parent=section, slug=f"page-{number}", title=f"Page {number}")
    large = {path: queries_for(client, path) for path in ("/", "/psf/bylaws/")}

    assert all(count <= BUDGET for count in small.values()), small
    assert large == small
