from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.nominations import demo
from apps.nominations.models import Election, Nomination, Nominee

pytestmark = pytest.mark.django_db


def test_election_dates_are_checked(board):
    now = timezone.now()
    election = Election(kind=board, name="E", slug="e", nominations_open_at=now, nominations_close_at=now)
    with pytest.raises(ValidationError) as refusal:
        election.full_clean()
    assert "close after they open" in str(refusal.value)
    election.nominations_close_at = now + timedelta(days=5)
    election.voting_open_at, election.voting_close_at = now + timedelta(days=1), now + timedelta(days=9)
    with pytest.raises(ValidationError) as refusal:
        election.full_clean()
    assert "before nominations close" in str(refusal.value)


def test_status_in_words(open_election, upcoming_election, closed_election):
    assert open_election.status() == "open" and open_election.status_text().startswith("Nominations open until")
    assert upcoming_election.status() == "upcoming"
    assert upcoming_election.status_text().startswith("Nominations not yet open")
    assert closed_election.status() == "closed"


def test_nominee_slugs_are_unique_per_election(open_election):
    first = Nominee.for_email(open_election, "Ada Lovelace", "ada@example.com")
    again = Nominee.for_email(open_election, "Ada L.", "ADA@example.com")
    namesake = Nominee.for_email(open_election, "Ada Lovelace", "other-ada@example.com")
    assert first == again
    assert (first.slug, namesake.slug) == ("ada-lovelace", "ada-lovelace-2")


def test_demo_data_is_idempotent(data_dir, user):
    import io

    demo.load(data_dir, io.StringIO())
    counts = (Election.objects.count(), Nominee.objects.count(), Nomination.objects.count())
    demo.load(data_dir, io.StringIO())
    assert counts == (Election.objects.count(), Nominee.objects.count(), Nomination.objects.count())
    statuses = {election.slug: election.status() for election in Election.objects.all()}
    assert statuses == {"2025-board": "finished", "2026-board": "open", "2027-packaging-council": "upcoming"}
    assert Nomination.objects.public().filter(election__slug="2025-board").count() == 8
    assert Nominee.objects.public().filter(election__slug="2025-board").count() == 4
