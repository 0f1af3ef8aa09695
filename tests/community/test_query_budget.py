"""Every new public page stays within 10 queries, the same at 10 and at 1,000 rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.banners.models import Banner
from apps.community.models import Post
from apps.minutes.models import Minutes
from apps.work_groups.models import WorkGroup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BUDGET = 10
FIRST_DAY = datetime.date(2000, 1, 1)


def queries_for(client, path):
    for _ in range(2):  # warm the per-process caches, as a running site has them
        client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(context.captured_queries)


def grow_to(rows, people):
    """Add community posts, minutes and work groups (with members) until each has ``rows`` rows."""
    have = Post.objects.count()
    Post.objects.bulk_create(
        Post(title=f"Post {n}", body="Text", status=Post.Status.PUBLIC, kind=Post.Kind.TEXT) for n in range(have, rows)
    )
    have = Minutes.objects.count()
    Minutes.objects.bulk_create(
        Minutes(date=FIRST_DAY + datetime.timedelta(days=7 * n), content="Board met.", live=True)
        for n in range(have, rows)
    )
    have = WorkGroup.objects.count()
    WorkGroup.objects.bulk_create(
        WorkGroup(
            name=f"Group {n}",
            slug=f"group-{n}",
            purpose="p",
            active_time="a",
            core_values="c",
            rules="r",
            communication="m",
            approved=True,
        )  # fmt: skip
        for n in range(have, rows)
    )
    first_group = WorkGroup.objects.get(slug="group-0")
    first_group.members.set(people[: rows // 10])
    first_group.organizers.set(people[:2])


def test_new_public_pages_stay_within_budget_as_data_grows(client, community_page):
    Banner.objects.create(title="Fundraiser", message="Support the PSF.", active=True)
    people = [UserFactory(username=f"person{n}") for n in range(100)]
    grow_to(10, people)
    post = Post.objects.order_by("pk").first()
    minutes = Minutes.objects.order_by("date").first()
    paths = [
        "/community/",
        post.get_absolute_url(),
        "/psf/records/board/minutes/",
        minutes.get_absolute_url(),
        "/psf/records/board/minutes/feed/",
        "/psf/workgroups/",
        "/psf/workgroups/group-0/",
        "/shell/",
        "/funding.json",
    ]
    small = {path: queries_for(client, path) for path in paths}
    grow_to(1000, people)
    large = {path: queries_for(client, path) for path in paths}

    assert all(count <= BUDGET for count in small.values()), small
    assert large == small
    print(small)  # noqa: T201 - the numbers behind the budget, shown with -s
