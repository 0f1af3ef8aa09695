from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from apps.nominations.models import Acceptance, Election, ElectionKind, Nomination, Nominee, Review
from tests.factories import UserFactory

DAY = timedelta(days=1)


def verified(user, email=None):
    EmailAddress.objects.get_or_create(user=user, email=email or user.email, defaults={"verified": True})
    return user


@pytest.fixture
def board(db):
    return ElectionKind.objects.create(
        name="Board of Directors", slug="board", accent_colour="#3776ab", form_variant="board"
    )


@pytest.fixture
def council(db):
    return ElectionKind.objects.create(
        name="Packaging Council", slug="packaging-council", accent_colour="#2e7d32", form_variant="council",
        eligibility_text="Active packaging contributors only.",
    )  # fmt: skip


def make_election(kind, slug, opens, closes, **extra):
    now = timezone.now()
    return Election.objects.create(
        kind=kind, slug=slug, name=f"Election {slug}", description="Three **seats**.",
        nominations_open_at=now + opens, nominations_close_at=now + closes, **extra,
    )  # fmt: skip


@pytest.fixture
def open_election(board):
    return make_election(board, "2026-board", -2 * DAY, 10 * DAY)


@pytest.fixture
def upcoming_election(council):
    return make_election(council, "2027-packaging", 5 * DAY, 20 * DAY)


@pytest.fixture
def closed_election(board):
    return make_election(board, "2025-board", -40 * DAY, -10 * DAY)


@pytest.fixture
def nominator(db):
    return verified(UserFactory(username="nominator", email="nominator@example.com"))


@pytest.fixture
def nominee_user(db):
    return verified(UserFactory(username="candidate", email="candidate@example.com"))


@pytest.fixture
def other_user(db):
    return verified(UserFactory(username="other", email="other@example.com"))


def make_nomination(election, nominator, email="candidate@example.com", name="Ada Candidate", *, accepted=False,
                    approved=False, nominee_user=None, statement="I nominate Ada: she **cares**."):  # fmt: skip
    nominee = Nominee.for_email(election, name, email)
    nomination = Nomination.objects.create(
        election=election, nominee=nominee, nominator=nominator, name=name, email=email, statement=statement,
        coc_acknowledged=True,
    )  # fmt: skip
    if accepted:
        Nomination.objects.filter(pk=nomination.pk).update(acceptance=Acceptance.ACCEPTED, accepted_at=timezone.now())
        if nominee_user:
            Nominee.objects.filter(pk=nominee.pk).update(user=nominee_user)
    if approved:
        Nomination.objects.filter(pk=nomination.pk).update(review=Review.APPROVED)
        Nominee.objects.filter(pk=nominee.pk).update(review=Review.APPROVED)
    nomination.refresh_from_db()
    return nomination


def close(election):
    """Move the election's nomination window into the past."""
    now = timezone.now()
    Election.objects.filter(pk=election.pk).update(nominations_open_at=now - 30 * DAY, nominations_close_at=now - DAY)
    election.refresh_from_db()
