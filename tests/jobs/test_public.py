"""The public board: listing, filters, index pages, job page, feed, search, homepage; bad input."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from apps.jobs.models import Job
from tests.jobs.factories import JobFactory


@pytest.fixture
def board(db, web, backend, engineer, analyst):
    """A handful of jobs covering every filter."""
    return {
        "berlin_web": JobFactory(job_title="Berlin Web Dev", job_types=[web], category=engineer),
        "remote_backend": JobFactory(job_title="Remote Backend", job_types=[backend], category=analyst,
                                     city="Toronto", region="ON", country="Canada", telecommuting=True),
        "berlin_backend": JobFactory(job_title="Berlin Data Pipelines", job_types=[backend], category=analyst,
                                     description="Airflow and pandas"),
        "featured_old": JobFactory(job_title="Featured Lead", job_types=[web], category=engineer, is_featured=True,
                                   published_at=timezone.now() - timedelta(days=30)),
        "draft": JobFactory(job_title="Secret Draft", status=Job.Status.DRAFT, job_types=[web]),
        "review": JobFactory(job_title="Waiting Review", status=Job.Status.REVIEW, job_types=[web]),
        "removed": JobFactory(job_title="Removed Spam", status=Job.Status.REMOVED),
        "past_expiry": JobFactory(job_title="Old Approved", expires=timezone.now() - timedelta(hours=1)),
    }  # fmt: skip


def titles(response):
    return [job.job_title for job in response.context["page_obj"].object_list]


def test_listing_shows_live_jobs_featured_first_then_newest(client, board):
    response = client.get("/jobs/")
    assert response.status_code == 200
    assert titles(response) == ["Featured Lead", "Berlin Data Pipelines", "Remote Backend", "Berlin Web Dev"]
    html = response.content.decode()
    assert html.count("<h1") == 1
    for hidden in ("Secret Draft", "Waiting Review", "Removed Spam", "Old Approved"):
        assert hidden not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=web", {"Berlin Web Dev", "Featured Lead"}),
        ("category=data-analyst", {"Remote Backend", "Berlin Data Pipelines"}),
        ("location=berlin-germany", {"Berlin Web Dev", "Berlin Data Pipelines", "Featured Lead"}),
        ("remote=on", {"Remote Backend"}),
        ("q=pandas", {"Berlin Data Pipelines"}),
        ("type=back-end&location=berlin-germany", {"Berlin Data Pipelines"}),
        ("type=back-end&remote=on", {"Remote Backend"}),
        ("type=web&category=data-analyst", set()),
        ("type=back-end&category=data-analyst&location=toronto-on-canada&remote=on&q=remote", {"Remote Backend"}),
        ("q=berlin+web", {"Berlin Web Dev"}),
    ],
)
def test_filters_combine_from_the_query_string(client, board, query, expected):
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/jobs/type/web/", {"Berlin Web Dev", "Featured Lead"}),
        ("/jobs/category/data-analyst/", {"Remote Backend", "Berlin Data Pipelines"}),
        ("/jobs/location/toronto-on-canada/", {"Remote Backend"}),
        ("/jobs/location/telecommute/", {"Remote Backend"}),
        ("/jobs/type/back-end/?location=berlin-germany", {"Berlin Data Pipelines"}),
    ],
)
def test_index_urls_filter(client, board, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_index_pages_list_types_categories_and_locations_with_counts(client, board):
    types = client.get("/jobs/type/").content.decode()
    assert "Web" in types and "/jobs/type/web/" in types and "2 jobs" in types
    categories = client.get("/jobs/category/").content.decode()
    assert "/jobs/category/data-analyst/" in categories
    locations = client.get("/jobs/location/").content.decode()
    assert "Berlin, Germany" in locations and "/jobs/location/berlin-germany/" in locations and "3 jobs" in locations
    assert "/jobs/location/telecommute/" in locations


def test_pagination_keeps_the_filters(client, web, engineer):
    for n in range(25):
        JobFactory(job_title=f"Web job {n}", job_types=[web], category=engineer)
    first = client.get("/jobs/?type=web")
    assert "?type=web&amp;page=2" in first.content.decode()
    second = client.get("/jobs/?type=web&page=2")
    assert len(titles(second)) == 5


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("type=no-such-type", 404, "There is no job type"),
        ("category=nope", 404, "There is no job category"),
        ("page=99", 404, "There is no page 99"),
        ("page=abc", 404, "There is no page abc"),
        ("type=<script>", 400, "could not be read"),
        ("q=" + "x" * 300, 400, "could not be read"),
    ],
)
def test_bad_filters_get_a_clear_message(client, board, query, status, message):
    response = client.get(f"/jobs/?{query}")
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert "<script>" not in html


def test_unknown_type_path_is_404(client, board):
    response = client.get("/jobs/type/no-such-type/")
    assert response.status_code == 404
    assert "There is no job type" in response.content.decode()


def test_unknown_location_is_an_empty_list(client, board):
    response = client.get("/jobs/location/atlantis/")
    assert response.status_code == 200
    assert "No jobs match these filters" in response.content.decode()


def test_job_page_shows_everything_with_sanitised_markdown(client, board, web, engineer):
    job = JobFactory(
        job_title="Pythonista", company_name="Camelot Health", company_description="About **us**",
        company_url="https://camelot.example.com/", description="Hello <script>alert(1)</script> **bold**",
        requirements="<img src=x onerror=alert(1)> * numpy", job_types=[web], category=engineer, region="BE",
    )  # fmt: skip
    response = client.get(f"/jobs/{job.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    expected = [
        "Pythonista", "Camelot Health", "<strong>us</strong>", "https://camelot.example.com/", "Berlin, BE, Germany",
        "Web", "<strong>bold</strong>", "Ada", "https://snakebyte.example.com/careers/",
        "mailto:jobs@snakebyte.example.com", "Expires", "Posted", "Related jobs", "Berlin Web Dev",
    ]  # fmt: skip
    for text in expected:
        assert text in html, text
    assert "<script>alert" not in html and "onerror" not in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("key", ["draft", "review", "removed", "past_expiry"])
def test_jobs_that_are_not_live_are_404_for_the_public(client, board, key):
    assert client.get(f"/jobs/{board[key].pk}/").status_code == 404


def test_owner_and_moderator_see_a_job_that_is_not_live(client, board, moderator):
    draft = board["draft"]
    client.force_login(draft.creator)
    response = client.get(f"/jobs/{draft.pk}/")
    assert response.status_code == 200 and "Status: Draft" in response.content.decode()
    client.force_login(moderator)
    assert client.get(f"/jobs/{draft.pk}/").status_code == 200


def test_missing_job_is_404(client, db):
    assert client.get("/jobs/999999/").status_code == 404


def test_public_pages_are_cacheable_with_surrogate_keys(client, board):
    response = client.get(f"/jobs/{board['berlin_web'].pk}/")
    assert "s-maxage" in response["Cache-Control"]
    assert "jobs" in response["Surrogate-Key"].split()


def test_rss_feed_lists_live_jobs(client, board):
    response = client.get("/jobs/feed/rss/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    entry_titles = [entry.title for entry in feed.entries]
    assert len(entry_titles) == 4
    assert any(title.startswith("Berlin Web Dev, Snakebyte Labs") for title in entry_titles)
    assert not any("Secret Draft" in title or "Old Approved" in title for title in entry_titles)
    assert feed.entries[0].link.endswith("/jobs/" + str(board["berlin_backend"].pk) + "/")


def test_site_search_finds_live_jobs_only(client, board, home_page):
    def found(query, job):
        response = client.get(f"/search/?q={query}")
        assert response.status_code == 200
        return f'href="/jobs/{job.pk}/"' in response.content.decode()

    assert found("berlin", board["berlin_web"])
    assert found("pipelines", board["berlin_backend"])
    board["berlin_web"].expire()
    assert not found("berlin", board["berlin_web"])
    board["berlin_backend"].remove(None)
    assert not found("pipelines", board["berlin_backend"])
    assert not found("secret", board["draft"])
    assert not found("old", board["past_expiry"])


def test_homepage_shows_latest_jobs(client, board, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Latest Python jobs" in html and "Berlin Data Pipelines" in html
    assert "Secret Draft" not in html


def test_listing_and_job_page_stay_within_the_query_budget(client, web, backend, engineer, home_page,
                                                           django_assert_max_num_queries):  # fmt: skip
    for n in range(60):
        JobFactory(job_title=f"Job {n}", job_types=[web, backend], category=engineer)
    client.get("/jobs/")  # the first request of a site creates its settings rows
    with django_assert_max_num_queries(12):
        assert client.get("/jobs/?type=web&location=berlin-germany&remote=&q=job").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/jobs/").status_code == 200
    job = Job.objects.first()
    with django_assert_max_num_queries(12):
        assert client.get(f"/jobs/{job.pk}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/jobs/location/").status_code == 200


@pytest.mark.parametrize("path", ["/jobs/99999999999999999999999/", "/jobs/99999999999999999999999/renew/",
                                  "/admin/jobs-moderation/99999999999999999999999/"])  # fmt: skip
def test_huge_ids_are_404(client, moderator, path):
    client.force_login(moderator)
    assert client.get(path).status_code == 404
