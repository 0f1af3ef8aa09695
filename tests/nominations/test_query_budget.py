"""Each election page stays within 10 SQL queries whatever the number of nominations."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.nominations.models import Acceptance, Nomination, Nominee, Review
from tests.factories import UserFactory
from tests.nominations.conftest import close

pytestmark = pytest.mark.django_db


def fill(election, count, nominators):
    """``count`` accepted, approved nominations spread over count // 5 nominees."""
    nominees = Nominee.objects.bulk_create(
        Nominee(election=election, name=f"Nominee {i}", email=f"nominee{i}@example.com", slug=f"nominee-{i}",
                review=Review.APPROVED)
        for i in range(max(count // 5, 1))
    )  # fmt: skip
    Nomination.objects.bulk_create(
        Nomination(election=election, nominee=nominees[i % len(nominees)], nominator=nominators[i % len(nominators)],
                   name=nominees[i % len(nominees)].name, email=nominees[i % len(nominees)].email,
                   statement=f"Statement {i} with **markdown**.", acceptance=Acceptance.ACCEPTED,
                   accepted_at=timezone.now(), review=Review.APPROVED, coc_acknowledged=True)
        for i in range(count)
    )  # fmt: skip
    return nominees


@pytest.mark.parametrize("count", [10, 500])
def test_election_pages_query_budget(client, open_election, django_assert_max_num_queries, count):
    nominators = [UserFactory(username=f"member{i}") for i in range(20)]
    nominees = fill(open_election, count, nominators)
    close(open_election)
    urls = [
        "/nominations/elections/",
        reverse("nominations:election_detail", args=[open_election.slug]),
        reverse("nominations:nominee_list", args=[open_election.slug]),
        reverse("nominations:nominee_detail", args=[open_election.slug, nominees[0].slug]),
        reverse("nominations:nomination_detail", args=[Nomination.objects.first().pk]),
    ]
    for url in urls:
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200, url
    # Every approved nominee is listed.
    assert client.get(urls[2]).content.decode().count('href="/nominations/elections/2026-board/nominees/') == len(
        nominees
    )


@pytest.mark.parametrize("who", ["nominator", "moderator"])
def test_signed_in_election_pages_query_budget(client, request, open_election, django_assert_max_num_queries, who):
    person = request.getfixturevalue(who)
    fill(open_election, 500, [person])
    client.force_login(person)
    client.get("/nominations/elections/")  # header and footer fragments are cached after the first page
    for url in (open_election.get_absolute_url(), open_election.nominees_url()):
        # Session, user, permissions and the staff userbar come on top; the count does not grow with the data.
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200
