"""/success-stories/create/: signed-in visitors submit, moderators approve in the workflow, emails follow."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from apps.successstories.models import Company, StoryPage, StorySubmission
from apps.successstories.services import SUBMISSIONS_PER_DAY

pytestmark = pytest.mark.django_db
URL = "/success-stories/create/"


def story_data(engineering, **overrides):
    data = {
        "title": "Python at the observatory",
        "company_name": "Skyward Instruments",
        "company_url": "https://skyward.example.com",
        "category": engineering.pk,
        "author": "Grace Hopper",
        "pull_quote": "Python runs every telescope night.",
        "body": "We schedule **every** observation with Python.\n\n<script>alert('x')</script>",
        "nickname": "",
    }
    return {**data, **overrides}


def png(size=(40, 40)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#306998").save(buffer, format="PNG")
    return buffer.getvalue()


def test_anonymous_visitors_are_sent_to_sign_in(client, story_index):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_submission_becomes_a_draft_in_moderation_and_the_psf_is_emailed(
    client, user, story_index, engineering, django_capture_on_commit_callbacks
):
    client.force_login(user)
    assert client.get(URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, story_data(engineering, image=SimpleUploadedFile("sky.png", png(), "image/png")))
    assert response.status_code == 200
    assert "sent to the PSF for review" in response.content.decode()
    story = StoryPage.objects.get()
    assert not story.live and story.company.name == "Skyward Instruments"
    assert story.image is not None
    body = str(story.body[0].value)
    assert "<strong>every</strong>" in body and "<script" not in body
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert StorySubmission.objects.get().submitted_by == user
    subjects = {message.subject: message.to for message in mail.outbox}
    assert subjects["New success story for review: “Python at the observatory”"] == ["psf-success-stories@python.org"]
    assert subjects["We received your success story “Python at the observatory”"] == ["visitor@example.com"]
    assert client.get(f"/success-stories/{story.slug}/").status_code == 404  # not public until approved


def test_moderator_approves_and_the_submitter_is_told(
    client, user, moderator, story_index, engineering, django_capture_on_commit_callbacks
):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, story_data(engineering))
    story = StoryPage.objects.get()
    mail.outbox.clear()
    task_state = story.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, moderator, "approve")
    story.refresh_from_db()
    assert story.live
    ours = [message for message in mail.outbox if message.subject.startswith("Your success story")]
    assert [message.subject for message in ours] == ["Your success story “Python at the observatory” is on python.org"]
    assert ours[0].to == ["visitor@example.com"]
    assert f"/success-stories/{story.slug}/" in ours[0].body
    client.logout()
    assert b"Python runs every telescope night." in client.get(f"/success-stories/{story.slug}/").content
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert len([m for m in mail.outbox if m.subject.startswith("Your success story")]) == 1  # told once


def test_moderators_may_review_stories_in_the_admin(client, user, moderator, story_index, engineering):
    client.force_login(user)
    client.post(URL, story_data(engineering))
    story = StoryPage.objects.get()
    client.force_login(moderator)
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200


def test_the_honeypot_refuses_bots_and_saves_nothing(client, user, story_index, engineering):
    client.force_login(user)
    response = client.post(URL, story_data(engineering, nickname="buy cheap pills"))
    assert response.status_code == 400
    assert not StoryPage.objects.exists() and not Company.objects.exists() and not mail.outbox


def test_an_oversized_image_is_refused_with_a_clear_message(client, user, story_index, engineering, settings):
    client.force_login(user)
    big = SimpleUploadedFile("big.png", png() + b"\0" * (2 * 1024 * 1024 + 1), "image/png")
    response = client.post(URL, story_data(engineering, image=big))
    assert response.status_code == 400
    assert "larger than 2 MB" in response.content.decode()
    assert not StoryPage.objects.exists() and not get_image_model().objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client, user, story_index, engineering):
    client.force_login(user)
    fake = SimpleUploadedFile("story.png", b"#!/bin/sh\nrm -rf /\n", "image/png")
    response = client.post(URL, story_data(engineering, image=fake))
    assert response.status_code == 400
    assert not StoryPage.objects.exists()


def test_missing_fields_are_reported_and_nothing_saved(client, user, story_index, engineering):
    client.force_login(user)
    response = client.post(URL, story_data(engineering, title="", category="999"))
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert not StoryPage.objects.exists()


def test_submissions_are_rate_limited(client, user, story_index, engineering):
    client.force_login(user)
    for number in range(SUBMISSIONS_PER_DAY):
        assert client.post(URL, story_data(engineering, title=f"Story {number}")).status_code == 200
    response = client.post(URL, story_data(engineering, title="One too many"))
    assert response.status_code == 429
    assert "try again tomorrow" in response.content.decode()
    assert StoryPage.objects.count() == SUBMISSIONS_PER_DAY
