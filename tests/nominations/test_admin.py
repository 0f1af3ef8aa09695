"""Staff review in the Wagtail admin: the queue, approve and reject, dashboard counts, cache purge."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from apps.nominations.models import Nomination, Nominee, Review
from tests.nominations.conftest import make_nomination

pytestmark = pytest.mark.django_db


def test_moderator_approves_an_accepted_nomination(client, moderator, open_election, nominator, nominee_user):
    nomination = make_nomination(open_election, nominator, accepted=True, nominee_user=nominee_user)
    client.force_login(moderator)
    url = reverse("nominations_admin:review", args=[nomination.pk])
    assert "Ada Candidate" in client.get(url).content.decode()
    with mock.patch("apps.nominations.signals.purge_surrogate_keys") as purge:
        response = client.post(url, {"action": "approve", "note": "Welcome aboard."})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.review == Review.APPROVED and nomination.reviewed_by == moderator
    assert nomination.nominee.review == Review.APPROVED
    purge.assert_any_call("nominations", f"election-{open_election.pk}")
    assert sorted(m.to[0] for m in mail.outbox) == ["candidate@example.com", "nominator@example.com"]
    assert all("Welcome aboard." in m.body for m in mail.outbox)


def test_unaccepted_nomination_cannot_be_approved(client, moderator, open_election, nominator):
    nomination = make_nomination(open_election, nominator)
    client.force_login(moderator)
    response = client.post(
        reverse("nominations_admin:review", args=[nomination.pk]), {"action": "approve"}, follow=True
    )
    assert "has not accepted" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.review == Review.PENDING


def test_reject_nominee(client, moderator, open_election, nominator):
    nomination = make_nomination(open_election, nominator, accepted=True)
    client.force_login(moderator)
    client.post(reverse("nominations_admin:review_nominee", args=[nomination.nominee_id]), {"action": "reject"})
    nomination.nominee.refresh_from_db()
    assert nomination.nominee.review == Review.REJECTED


def test_plain_users_and_editors_cannot_review(client, user, editor, open_election, nominator):
    nomination = make_nomination(open_election, nominator, accepted=True)
    # A plain user is refused the admin; an editor is sent back to the dashboard (Wagtail's permission denied).
    for person, status, location in ((user, 403, None), (editor, 302, "/admin/")):
        client.force_login(person)
        response = client.post(reverse("nominations_admin:review", args=[nomination.pk]), {"action": "approve"})
        assert (response.status_code, response.get("Location")) == (status, location)
        nomination.refresh_from_db()
        assert nomination.review == Review.PENDING


def test_queue_and_dashboard_counts(client, moderator, open_election, nominator, other_user):
    make_nomination(open_election, nominator, accepted=True)
    make_nomination(open_election, other_user, email="someone@example.com", name="Sam Someone")
    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "1 accepted nomination awaits review." in dashboard
    assert "1 nomination waits for the nominee" in dashboard
    queue = client.get(reverse("wagtailsnippets_nominations_nomination:list") + "?review=pending&acceptance=accepted")
    assert queue.status_code == 200
    assert "Ada Candidate" in queue.content.decode() and "Sam Someone" not in queue.content.decode()


def test_editing_a_nomination_purges_the_election(open_election, nominator):
    nomination = make_nomination(open_election, nominator)
    with mock.patch("apps.nominations.signals.purge_surrogate_keys") as purge:
        nomination.statement = "Changed"
        nomination.save()
    purge.assert_called_once_with("nominations", f"election-{open_election.pk}")


def test_staff_add_a_nomination_in_the_admin_for_an_election(client, superuser, open_election):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_nominations_nomination:add")
    fields = {"name": "Grace Admin", "email": "Grace@Example.com", "statement": "Added by staff.",
              "coc_acknowledged": "on"}  # fmt: skip
    response = client.post(url, fields)
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not Nomination.objects.exists()

    assert client.post(url, {**fields, "election": open_election.pk}).status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.email == "grace@example.com"
    assert (nomination.nominee.election, nomination.nominee.email) == (open_election, "grace@example.com")


def test_a_nominee_address_or_slug_taken_in_the_election_is_refused(client, superuser, open_election, nominator):
    first = make_nomination(open_election, nominator).nominee
    second = make_nomination(open_election, nominator, email="bob@example.com", name="Bob Second").nominee
    client.force_login(superuser)
    url = reverse("wagtailsnippets_nominations_nominee:edit", args=[second.pk])
    for change in ({"email": "CANDIDATE@example.com"}, {"slug": first.slug}):
        fields = {"name": second.name, "email": second.email, "slug": second.slug, **change}
        response = client.post(url, fields)
        assert response.status_code == 200
        assert "already exists" in response.content.decode()
        second.refresh_from_db()
        assert (second.email, second.slug) == ("bob@example.com", "bob-second")
    response = client.post(reverse("wagtailsnippets_nominations_nominee:add"),
                           {"name": "No Election", "email": "x@example.com", "slug": "x"})  # fmt: skip
    assert response.status_code == 200 and Nominee.objects.count() == 2
