"""Story submission and moderation: a visitor's story becomes a draft page in the moderation workflow."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from apps.core.markup import render_markdown
from apps.mailing.emails import send_templated_email
from apps.successstories.models import Company, StoryPage, StorySubmission
from apps.users.roles import MODERATORS

WORKFLOW_NAME = "Success story moderation"
SUBMISSIONS_PER_DAY = 3


def psf_email():
    return getattr(settings, "SUCCESS_STORIES_EMAIL", "psf-success-stories@python.org")


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def ensure_moderation_workflow(index):
    """The index's workflow: moderators approve each story before it is published."""
    # The index's own workflow, not one inherited from the root (Wagtail's default "Moderators approval").
    assigned = WorkflowPage.objects.filter(page=index).select_related("workflow").first()
    workflow = assigned.workflow if assigned else Workflow.objects.get_or_create(name=WORKFLOW_NAME)[0]
    if not workflow.workflow_tasks.exists():
        task, created = GroupApprovalTask.objects.get_or_create(name="Moderators approve the story")
        if created:
            task.groups.set([Group.objects.get_or_create(name=MODERATORS)[0]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if assigned is None:
        WorkflowPage.objects.create(page=index, workflow=workflow)
    # Moderators open submitted stories in the page editor to review them.
    moderators = Group.objects.get_or_create(name=MODERATORS)[0]
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return workflow


def over_rate_limit(user, now=None):
    since = (now or timezone.now()) - timedelta(days=1)
    return StorySubmission.objects.filter(submitted_by=user, created__gte=since).count() >= SUBMISSIONS_PER_DAY


def unique_slug(index, title):
    base = slugify(title)[:80] or "story"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def company_for(name, website):
    company = Company.objects.filter(name__iexact=name).first()
    if company is None:
        slug = slugify(name)[:190] or "company"
        if Company.objects.filter(slug=slug).exists():
            slug = f"{slug}-{Company.objects.count() + 1}"
        company = Company.objects.create(name=name, slug=slug, website=website or "")
    return company


@transaction.atomic
def submit_story(index, user, data, image_file=None):
    """Create the draft story page, start moderation and email the PSF; returns the page."""
    image = None
    if image_file is not None:
        image = get_image_model().objects.create(title=data["title"][:255], file=image_file, uploaded_by_user=user)
    page = StoryPage(
        title=data["title"],
        slug=unique_slug(index, data["title"]),
        company=company_for(data["company_name"], data.get("company_url")),
        category=data["category"],
        author=data["author"],
        author_email=user.email,
        pull_quote=data["pull_quote"],
        body=[{"type": "rich_text", "value": str(render_markdown(data["body"]))}],
        image=image,
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    StorySubmission.objects.create(page=page, submitted_by=user)
    ensure_moderation_workflow(index).start(page, user)
    context = {
        "title": page.title,
        "company": page.company.name,
        "user": user.get_full_name() or user.username,
        "email": user.email,
        "review_url": site_url(f"/admin/pages/{page.pk}/edit/"),
        "revision": revision.pk,
    }
    transaction.on_commit(lambda: send_templated_email("successstories-submitted", [psf_email()], context))
    if user.email:
        transaction.on_commit(lambda: send_templated_email("successstories-received", [user.email], context))
    return page


def notify_published(page):
    """Email the submitter the first time their story goes live."""
    submission = StorySubmission.objects.filter(page=page, published_notice_sent_at__isnull=True).first()
    if submission is None or not submission.submitted_by.email:
        return False
    StorySubmission.objects.filter(pk=submission.pk).update(published_notice_sent_at=timezone.now())
    user = submission.submitted_by
    context = {"title": page.title, "user": user.get_full_name() or user.username, "url": site_url(page.url or "")}
    send_templated_email("successstories-published", [user.email], context)
    return True
