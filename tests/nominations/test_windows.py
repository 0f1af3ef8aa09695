"""Nominating, accepting and editing: allowed only while nominations are open; refused before and after."""

import pytest
from django.core import mail
from django.urls import reverse

from apps.nominations.models import Acceptance, Nomination
from tests.nominations.conftest import close, make_nomination

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Ada Candidate", "email": "candidate@example.com", "previous_board_service": "", "employer": "Example Ltd",
    "other_affiliations": "PyLadies", "statement": "Ada has run **PyCon** twice.",
    "mission_alignment": "She teaches Python to new programmers.", "coc_acknowledged": "on",
}  # fmt: skip


def test_create_during_window_saves_and_emails_nominee_and_nominator(client, open_election, nominator):
    client.force_login(nominator)
    response = client.post(reverse("nominations:nomination_create", args=[open_election.slug]), FORM)
    nomination = Nomination.objects.get()
    assert response.status_code == 302 and response["Location"] == nomination.get_absolute_url()
    assert nomination.nominator == nominator and nomination.acceptance == Acceptance.PENDING
    assert nomination.nominee.slug == "ada-candidate"
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["candidate@example.com", "nominator@example.com"]
    invite = next(m for m in mail.outbox if m.to == ["candidate@example.com"])
    assert f"/nominations/{nomination.pk}/accept/" in invite.body


@pytest.mark.parametrize("which", ["upcoming_election", "closed_election"])
def test_create_outside_window_refused(client, request, nominator, which):
    election = request.getfixturevalue(which)
    client.force_login(nominator)
    url = reverse("nominations:nomination_create", args=[election.slug])
    assert client.get(url).status_code == 403
    response = client.post(url, FORM)
    assert response.status_code == 403
    assert "not open" in response.content.decode() or "closed" in response.content.decode()
    assert not Nomination.objects.exists()


def test_create_requires_sign_in(client, open_election):
    response = client.post(reverse("nominations:nomination_create", args=[open_election.slug]), FORM)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Nomination.objects.exists()


def test_create_unknown_election_is_404(client, nominator):
    client.force_login(nominator)
    assert client.post(reverse("nominations:nomination_create", args=["no-such-election"]), FORM).status_code == 404


def test_statement_over_the_limit_refused(client, open_election, nominator):
    client.force_login(nominator)
    response = client.post(
        reverse("nominations:nomination_create", args=[open_election.slug]), {**FORM, "statement": "x" * 100_000}
    )
    assert response.status_code == 400
    assert "at most 10000 characters" in response.content.decode().replace(",", "")
    assert not Nomination.objects.exists()


def test_council_form_asks_for_eligibility(client, council, nominator):
    from tests.nominations.conftest import DAY, make_election

    election = make_election(council, "pc", -DAY, DAY)
    client.force_login(nominator)
    url = reverse("nominations:nomination_create", args=[election.slug])
    page = client.get(url).content.decode()
    assert 'name="eligibility_confirmed"' in page and 'name="previous_board_service"' not in page
    data = {k: v for k, v in FORM.items() if k not in ("mission_alignment",)}
    assert client.post(url, data).status_code == 400
    assert client.post(url, {**data, "eligibility_confirmed": "on"}).status_code == 302


def test_self_nomination_is_accepted_at_once(client, open_election, nominator):
    client.force_login(nominator)
    client.post(reverse("nominations:nomination_create", args=[open_election.slug]),
                {**FORM, "email": "Nominator@Example.com"})  # fmt: skip
    nomination = Nomination.objects.get()
    assert nomination.acceptance == Acceptance.ACCEPTED and nomination.nominee.user == nominator


def test_accept_during_window(client, open_election, nominator, nominee_user):
    nomination = make_nomination(open_election, nominator)
    client.force_login(nominee_user)
    url = reverse("nominations:nomination_accept", args=[nomination.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.acceptance == Acceptance.ACCEPTED and nomination.nominee.user == nominee_user
    assert {m.to[0] for m in mail.outbox} == {"nominator@example.com", "psf-elections@python.org"}


def test_accept_after_close_refused(client, open_election, nominator, nominee_user):
    nomination = make_nomination(open_election, nominator)
    close(open_election)
    client.force_login(nominee_user)
    response = client.post(reverse("nominations:nomination_accept", args=[nomination.pk]), {"answer": "accept"})
    assert response.status_code == 403 and "closed" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.acceptance == Acceptance.PENDING


def test_accept_with_mismatched_account_refused(client, open_election, nominator, other_user):
    nomination = make_nomination(open_election, nominator)
    client.force_login(other_user)
    response = client.post(reverse("nominations:nomination_accept", args=[nomination.pk]), {"answer": "accept"})
    assert response.status_code == 403
    assert "another email address" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.acceptance == Acceptance.PENDING and nomination.nominee.user is None


def test_accept_with_unverified_address_refused(client, open_election, nominator):
    from tests.factories import UserFactory

    unverified = UserFactory(username="sneaky", email="candidate@example.com")  # address not verified
    nomination = make_nomination(open_election, nominator)
    client.force_login(unverified)
    assert (
        client.post(reverse("nominations:nomination_accept", args=[nomination.pk]), {"answer": "accept"}).status_code
        == 403
    )
    nomination.refresh_from_db()
    assert nomination.acceptance == Acceptance.PENDING


def test_nominator_cannot_accept_for_the_nominee(client, open_election, nominator):
    nomination = make_nomination(open_election, nominator)
    client.force_login(nominator)
    assert (
        client.post(reverse("nominations:nomination_accept", args=[nomination.pk]), {"answer": "accept"}).status_code
        == 403
    )


def test_decline(client, open_election, nominator, nominee_user):
    nomination = make_nomination(open_election, nominator)
    client.force_login(nominee_user)
    client.post(reverse("nominations:nomination_accept", args=[nomination.pk]), {"answer": "decline"})
    nomination.refresh_from_db()
    assert nomination.acceptance == Acceptance.DECLINED
    assert [m.to for m in mail.outbox] == [["nominator@example.com"]]


@pytest.mark.parametrize("who", ["nominator", "nominee_user"])
def test_edit_during_window_by_nominator_and_nominee(client, request, open_election, nominator, who):
    nomination = make_nomination(open_election, nominator, approved=True, accepted=True)
    client.force_login(request.getfixturevalue(who))
    url = reverse("nominations:nomination_edit", args=[nomination.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**FORM, "statement": "A better statement.", "email": "hijack@example.com"})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.statement == "A better statement."
    assert nomination.email == "candidate@example.com"  # who is nominated does not change
    assert nomination.review == "pending"  # an edit goes back to staff


def test_edit_after_close_refused(client, open_election, nominator):
    nomination = make_nomination(open_election, nominator)
    close(open_election)
    client.force_login(nominator)
    response = client.post(reverse("nominations:nomination_edit", args=[nomination.pk]), {**FORM, "statement": "Late"})
    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.statement != "Late"


def test_edit_someone_elses_nomination_refused(client, open_election, nominator, other_user):
    nomination = make_nomination(open_election, nominator)
    client.force_login(other_user)
    response = client.post(reverse("nominations:nomination_edit", args=[nomination.pk]), {**FORM, "statement": "Mine"})
    assert response.status_code == 404
    nomination.refresh_from_db()
    assert nomination.statement != "Mine"


def test_script_in_statement_is_stored_but_never_rendered(client, open_election, nominator):
    client.force_login(nominator)
    evil = "Hello <script>alert('x')</script> <img src=x onerror=alert(1)> **bold**"
    client.post(reverse("nominations:nomination_create", args=[open_election.slug]), {**FORM, "statement": evil})
    nomination = Nomination.objects.get()
    page = client.get(nomination.get_absolute_url()).content.decode()
    assert "<strong>bold</strong>" in page
    assert "<script>alert" not in page and "onerror" not in page


def test_the_same_person_cannot_be_nominated_twice_by_one_member(client, open_election, nominator):
    client.force_login(nominator)
    url = reverse("nominations:nomination_create", args=[open_election.slug])
    assert client.post(url, FORM).status_code == 302
    response = client.post(url, {**FORM, "email": "CANDIDATE@example.com"})
    assert response.status_code == 400 and "already nominated this person" in response.content.decode()
    assert Nomination.objects.count() == 1


def test_accept_needs_a_clear_answer(client, open_election, nominator, nominee_user):
    nomination = make_nomination(open_election, nominator)
    client.force_login(nominee_user)
    response = client.post(reverse("nominations:nomination_accept", args=[nomination.pk]), {"answer": "maybe"})
    assert response.status_code == 400
    nomination.refresh_from_db()
    assert nomination.acceptance == Acceptance.PENDING
