"""The PSF sponsors page and the logo placements on python.org's pages: content, caching, query budget."""

from datetime import date

import pytest

from apps.sponsors import services
from tests.sponsors.factories import BenefitFactory, pdf_upload, sponsorship_with_benefits

pytestmark = pytest.mark.django_db


def finalize(sponsorship, start=date(2026, 1, 1), end=date(2099, 12, 31)):
    contract = sponsorship.approve(start, end)
    contract.send()
    contract.execute(pdf_upload())
    services.purge_sponsors_cache()
    sponsorship.refresh_from_db()
    return sponsorship


@pytest.fixture
def finalized(program):
    return finalize(sponsorship_with_benefits([program.logo], package=program.gold))


def test_sponsors_page_by_level(client, finalized, program, home_page):
    applied = sponsorship_with_benefits([program.logo], package=program.gold)
    response = client.get("/psf/sponsors/")
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "Gold sponsors" in html and finalized.sponsor.name in html and f'id="{finalized.sponsor.slug}"' in html
    assert applied.sponsor.name not in html
    assert "sponsors" in response["Surrogate-Key"].split()


def test_ended_and_overlapped_sponsorships_leave_the_page(client, program, home_page):
    ended = finalize(
        sponsorship_with_benefits([program.logo], package=program.gold), start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    assert ended.sponsor.name not in client.get("/psf/sponsors/").content.decode()


def test_page_is_cached_and_purged_on_change(client, finalized, program, home_page, django_capture_on_commit_callbacks):
    assert finalized.sponsor.name in client.get("/psf/sponsors/").content.decode()
    newcomer = sponsorship_with_benefits([program.logo], package=program.gold)
    newcomer.approve(date(2026, 1, 1), date(2099, 1, 1))
    contract = newcomer.contract
    contract.send()
    contract.execute(pdf_upload())
    # The cached list is kept until a change is committed ...
    assert newcomer.sponsor.name not in client.get("/psf/sponsors/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        newcomer.sponsor.description = "Newcomer Widgets sponsors the PSF."
        newcomer.sponsor.save()
    # ... and purged when it is.
    assert "Newcomer Widgets sponsors the PSF." in client.get("/psf/sponsors/").content.decode()


def test_logo_placements_on_site_pages(client, finalized, home_page):
    from apps.core.sections import render_placement

    downloads = render_placement("downloads_sidebar", None)
    assert finalized.sponsor.name in downloads and "sponsor-logos--downloads_sidebar" in downloads
    assert render_placement("jobs_sidebar", None) == ""  # the logo benefit has no jobs placement
    footer = client.get("/psf/sponsors/").content.decode()
    assert "The PSF is supported by" in footer


@pytest.mark.parametrize("count", [1, 25])
def test_sponsors_page_query_budget(client, program, home_page, django_assert_max_num_queries, count):
    for n in range(count):
        finalize(sponsorship_with_benefits([program.logo, BenefitFactory(name=f"Extra {n}")], package=program.gold))
    client.get("/psf/sponsors/")
    with django_assert_max_num_queries(10):
        assert client.get("/psf/sponsors/").status_code == 200
    services.purge_sponsors_cache()
    with django_assert_max_num_queries(16):  # cold: the placements are read once
        assert client.get("/psf/sponsors/").status_code == 200
