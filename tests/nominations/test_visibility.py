"""Who sees a nomination and a nominee: public only once accepted, approved and closed; before that only
staff, the nominator and the nominee."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.nominations.models import Election, Nomination
from tests.nominations.conftest import close, make_nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(nominator, nominee_user, other_user, moderator):
    return {"anonymous": None, "nominator": nominator, "nominee": nominee_user, "other": other_user, "staff": moderator}


def client_for(person):
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def pages(nomination):
    election = nomination.election
    return {
        "nomination": reverse("nominations:nomination_detail", args=[nomination.pk]),
        "nominee": reverse("nominations:nominee_detail", args=[election.slug, nomination.nominee.slug]),
        "nominee_list": reverse("nominations:nominee_list", args=[election.slug]),
        "election": reverse("nominations:election_detail", args=[election.slug]),
    }


def sees(person, nomination):
    """Which of the pages show the nomination (detail pages 200, lists naming the nominee)."""
    client = client_for(person)
    urls = pages(nomination)
    seen = set()
    for name in ("nomination", "nominee"):
        status = client.get(urls[name]).status_code
        assert status in (200, 404)
        if status == 200:
            seen.add(name)
    for name in ("nominee_list", "election"):
        response = client.get(urls[name])
        assert response.status_code == 200
        if nomination.name in response.content.decode():
            seen.add(name)
    return seen


EVERYTHING = {"nomination", "nominee", "nominee_list", "election"}


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        # (accepted, approved, closed) -> who sees it
        ((False, False, False), {"nominator", "nominee", "staff"}),
        ((True, False, True), {"nominator", "nominee", "staff"}),
        ((True, True, False), {"nominator", "nominee", "staff"}),
        ((False, True, True), {"nominator", "nominee", "staff"}),
        ((True, True, True), {"anonymous", "nominator", "nominee", "other", "staff"}),
    ],
)
def test_visibility(people, open_election, nominator, nominee_user, state, expected):
    accepted, approved, closed = state
    nomination = make_nomination(open_election, nominator, accepted=accepted, approved=approved,
                                 nominee_user=nominee_user)  # fmt: skip
    if closed:
        close(open_election)
    for role, person in people.items():
        seen = sees(person, nomination)
        if role in expected:
            assert seen == EVERYTHING, f"{role} should see the nomination everywhere, saw {seen}"
        else:
            assert seen == set(), f"{role} should not see the nomination, saw {seen}"


def test_rejected_nominee_hides_their_approved_nominations(open_election, nominator, nominee_user):
    nomination = make_nomination(open_election, nominator, accepted=True, approved=True)
    close(open_election)
    nomination.nominee.reject()
    assert sees(None, nomination) == set()
    assert not Nomination.objects.public().exists()


def test_public_nominee_page_lists_only_public_nominations(client, open_election, nominator, other_user):
    public = make_nomination(open_election, nominator, accepted=True, approved=True, statement="Public statement")
    make_nomination(open_election, other_user, accepted=True, statement="Pending statement")
    close(open_election)
    page = client.get(pages(public)["nominee"]).content.decode()
    assert "Public statement" in page and "Pending statement" not in page
    assert "Nominated by" in page


def test_unknown_slugs_are_404(client, open_election):
    assert client.get(reverse("nominations:election_detail", args=["nope"])).status_code == 404
    assert client.get(reverse("nominations:nominee_list", args=["nope"])).status_code == 404
    assert client.get(reverse("nominations:nominee_detail", args=[open_election.slug, "nobody"])).status_code == 404
    assert client.get(reverse("nominations:nomination_detail", args=[99999])).status_code == 404


def test_legacy_election_url_redirects(client, open_election):
    response = client.get(f"/nominations/election/{open_election.slug}/")
    assert response.status_code == 301 and response["Location"] == f"/nominations/elections/{open_election.slug}/"
    assert client.get("/nominations/election/nope/").status_code == 404


def test_election_list_states_and_description(client, open_election, upcoming_election, closed_election):
    page = client.get("/nominations/elections/").content.decode()
    assert "Nominations open until" in page
    assert "Nominations not yet open" in page
    assert "Nominations closed on" in page
    assert "<strong>seats</strong>" in page
    assert page.count("<h1") == 1


def test_election_description_is_sanitised(client, open_election):
    open_election.description = "Hi <script>alert(1)</script><a href='javascript:alert(1)'>x</a>"
    open_election.save()
    page = client.get(open_election.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "javascript:" not in page


def test_accent_colour_stylesheet(client, board, council):
    response = client.get(reverse("nominations:kind_styles"))
    assert response["Content-Type"].startswith("text/css")
    assert ".election-kind-board { --accent: #3776ab; }" in response.content.decode()


def test_my_nominations_lists_made_and_received(client, open_election, nominator, nominee_user, other_user):
    make_nomination(open_election, nominator, name="Ada Candidate")
    make_nomination(open_election, other_user, email="nominator@example.com", name="Nina Nominator")
    client.force_login(nominator)
    page = client.get("/users/nominations/").content.decode()
    made, received = page.split("Nominations you made")[1], page.split("Nominations you made")[0]
    assert "Ada Candidate" in made and "Nina Nominator" in received
    assert "/users/nominations/" in client.get(reverse("users:menu")).content.decode()


def test_anonymous_election_pages_are_cached_with_the_election_key(client, open_election):
    response = client.get(open_election.get_absolute_url())
    assert "s-maxage" in response["Cache-Control"]
    assert f"election-{open_election.pk}" in response["Surrogate-Key"].split()


def test_shared_caches_keep_election_pages_no_later_than_the_window_closes(client, open_election, closed_election):
    """Closing the window publishes the nominees with no save to purge the cache: the pages expire by then."""
    Election.objects.filter(pk=open_election.pk).update(nominations_close_at=timezone.now() + timedelta(seconds=90))
    for url in (open_election.get_absolute_url(), open_election.nominees_url(), "/nominations/elections/"):
        cache_control = client.get(url)["Cache-Control"]
        s_maxage = int(re.search(r"s-maxage=(\d+)", cache_control).group(1))
        assert 0 < s_maxage <= 90 and "stale-while-revalidate=0" in cache_control, url
    long_closed = client.get(closed_election.get_absolute_url())["Cache-Control"]
    assert f"s-maxage={settings.CACHE_S_MAXAGE}" in long_closed
