"""The job board: jobs, their types and categories, the moderation history and review comments.

A job moves through its states only through the transition methods of ``Job``
(``submit``, ``approve``, ``reject`` …); each checks the state it starts from,
records a ``JobHistory`` row and leaves emails and cache purges to the caller
(``apps.jobs.services``), so the model stays free of side effects but state.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin

from apps.core.markup import render_markdown

TELECOMMUTE_SLUG = "telecommute"


def expiry_days():
    return getattr(settings, "JOBS_EXPIRY_DAYS", 90)


def renewal_window():
    """How long before expiry an approved job may be renewed (the expiry reminder's window)."""
    return timedelta(days=getattr(settings, "JOBS_REMINDER_DAYS", 7))


class TransitionNotAllowed(Exception):  # noqa: N818 - reads as the refusal it is
    """A transition was asked of a job in a state it cannot leave that way."""

    def __init__(self, job, action):
        self.job, self.action = job, action
        super().__init__(f"A job that is {job.get_status_display().lower()} cannot be {action}.")


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class JobTaxonomy(models.Model):
    """A named, sluggable label jobs are filed under; inactive ones are hidden from forms and filters."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    active = models.BooleanField(default=True)

    objects = ActiveQuerySet.as_manager()

    url_name = ""  # the jobs list filtered by this label

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(self.url_name, args=[self.slug])


class JobType(JobTaxonomy):
    """What kind of work (Back end, Web, Data science …); a job has several."""

    url_name = "jobs:job_list_type"

    class Meta(JobTaxonomy.Meta):
        verbose_name = _("job type")


class JobCategory(JobTaxonomy):
    """The role (Software Engineer, Data Analyst …); a job has one."""

    url_name = "jobs:job_list_category"

    class Meta(JobTaxonomy.Meta):
        verbose_name = _("job category")
        verbose_name_plural = _("job categories")


class JobQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Job.Status.APPROVED)

    def live(self):
        """Approved and not past expiry: what the public sees, even before ``expire_jobs`` runs."""
        return self.approved().filter(Q(expires__isnull=True) | Q(expires__gt=timezone.now()))

    def in_review(self):
        return self.filter(status=Job.Status.REVIEW)

    def owned_by(self, user):
        return self.filter(creator=user) if user.is_authenticated else self.none()

    def due_to_expire(self, now=None):
        return self.approved().filter(expires__lte=now or timezone.now())

    def due_for_reminder(self, now=None):
        now = now or timezone.now()
        window = timedelta(days=getattr(settings, "JOBS_REMINDER_DAYS", 7))
        return self.approved().filter(expires__gt=now, expires__lte=now + window, expiry_reminder_sent_at__isnull=True)

    def listed(self):
        """Public listing order: featured first, then newest."""
        return self.live().select_related("category").order_by("-is_featured", "-published_at", "-pk")

    def search_text(self, text):
        """Every word in the title, company, description or location (plain ORM, any database)."""
        queryset = self
        for word in text.split()[:8]:
            queryset = queryset.filter(
                Q(job_title__icontains=word)
                | Q(company_name__icontains=word)
                | Q(description__icontains=word)
                | Q(city__icontains=word)
                | Q(country__icontains=word)
            )
        return queryset

    def locations(self):
        """(location_slug, city, region, country, count) of the live jobs, most jobs first."""
        return (
            self.live()
            .exclude(location_slug="")
            .values("location_slug", "city", "region", "country")
            .annotate(count=Count("pk"))
            .order_by("-count", "location_slug")
        )

    def status_counts(self):
        counts = dict(self.order_by().values_list("status").annotate(n=Count("pk")))
        return [(value, label, counts.get(value, 0)) for value, label in Job.Status.choices]


class Job(PreviewableMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        ARCHIVED = "archived", _("Archived")
        REMOVED = "removed", _("Removed")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # States the submitter may still edit; an approved job may be edited too, and goes back to review.
    EDITABLE = (Status.DRAFT, Status.REVIEW, Status.APPROVED)

    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    job_title = models.CharField(_("job title"), max_length=100)
    company_name = models.CharField(_("company name"), max_length=100)
    company_description = models.TextField(_("about the company"), blank=True, help_text=_("Markdown."))
    company_url = models.URLField(_("company website"), blank=True, max_length=200)
    category = models.ForeignKey(JobCategory, on_delete=models.PROTECT, related_name="jobs")
    job_types = models.ManyToManyField(JobType, related_name="jobs", blank=True)
    other_job_type = models.CharField(max_length=100, blank=True)
    city = models.CharField(max_length=100)
    region = models.CharField(_("state or region"), max_length=100, blank=True)
    country = models.CharField(max_length=100)
    location_slug = models.SlugField(max_length=350, editable=False, db_index=True)
    telecommuting = models.BooleanField(_("remote work possible"), default=False, db_index=True)
    agencies = models.BooleanField(_("agencies may apply"), default=True)
    description = models.TextField(help_text=_("Markdown."))
    requirements = models.TextField(help_text=_("Markdown."))
    contact = models.CharField(_("contact name"), max_length=100, blank=True)
    email = models.EmailField(_("contact email"), max_length=254)
    url = models.URLField(_("apply link"), blank=True, max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    is_featured = models.BooleanField(_("featured"), default=False)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, help_text=_("When the job was (last) approved."))
    expires = models.DateTimeField(null=True, blank=True)
    expiry_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    legacy_id = models.PositiveIntegerField(null=True, blank=True, unique=True, editable=False)

    objects = JobQuerySet.as_manager()

    # The admin edits content only: state, featuring and dates change through the transitions.
    panels = [
        FieldPanel("job_title"),
        MultiFieldPanel(
            [FieldPanel("company_name"), FieldPanel("company_url"), FieldPanel("company_description")],
            heading=_("Company"),
        ),
        MultiFieldPanel(
            [FieldPanel("city"), FieldPanel("region"), FieldPanel("country"), FieldPanel("telecommuting")],
            heading=_("Location"),
        ),
        FieldPanel("category"),
        FieldPanel("job_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("other_job_type"),
        FieldPanel("description"),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [FieldPanel("contact"), FieldPanel("email"), FieldPanel("url"), FieldPanel("agencies")],
            heading=_("How to apply"),
        ),
    ]

    class Meta:
        ordering = ["-created"]
        permissions = [("moderate_job", "Can moderate jobs (approve, reject, remove, feature)")]
        indexes = [
            models.Index(fields=["status", "-is_featured", "-published_at"], name="jobs_listing"),
            models.Index(fields=["status", "expires"], name="jobs_status_expires"),
        ]

    def __str__(self):
        return f"{self.job_title}, {self.company_name}"

    def save(self, *args, **kwargs):
        self.location_slug = slugify(f"{self.city} {self.region} {self.country}")[:350]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("jobs:job_detail", args=[self.pk])

    # Display

    @property
    def display_location(self):
        return ", ".join(part for part in (self.city, self.region, self.country) if part)

    @property
    def is_live(self):
        return self.status == self.Status.APPROVED and (self.expires is None or self.expires > timezone.now())

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    def type_list(self):
        # An unsaved job (the admin's preview of a new one) has no many-to-many rows yet.
        return list(self.job_types.all()) if self.pk else []

    def description_html(self):
        return render_markdown(self.description)

    def requirements_html(self):
        return render_markdown(self.requirements)

    def company_description_html(self):
        return render_markdown(self.company_description)

    def related_jobs(self, limit=5):
        return Job.objects.listed().filter(category_id=self.category_id).exclude(pk=self.pk)[:limit]

    # Wagtail preview (the edit view's side-by-side panel): the public page as it will look.

    def get_preview_template(self, request, mode_name):
        return "jobs/job_detail.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "job": self, "preview": True}

    # The state machine: one method per transition, each allowed only from the states listed.

    def _transition(self, action, allowed, to_status, by, comment="", **changes):
        if self.status not in allowed:
            raise TransitionNotAllowed(self, action)
        from_status = self.status
        with transaction.atomic():
            self.status = to_status
            for field, value in changes.items():
                setattr(self, field, value)
            self.save()
            entry = JobHistory.objects.create(
                job=self, actor=by, action=action, from_status=from_status, to_status=to_status, comment=comment
            )
        return entry

    def submit(self, by, comment=""):
        """The submitter asks for review of a draft."""
        return self._transition(
            "submitted", [self.Status.DRAFT], self.Status.REVIEW, by, comment, submitted_at=timezone.now()
        )

    def approve(self, by, comment=""):
        now = timezone.now()
        return self._transition(
            "approved",
            [self.Status.REVIEW],
            self.Status.APPROVED,
            by,
            comment,
            published_at=now,
            expires=now + timedelta(days=expiry_days()),
            expiry_reminder_sent_at=None,
        )

    def reject(self, by, reason):
        if not (reason or "").strip():
            raise ValueError("A rejection needs a reason the submitter can read.")
        return self._transition("rejected", [self.Status.REVIEW], self.Status.REJECTED, by, reason)

    def request_changes(self, by, comment):
        """Send a job in review back to its submitter as a draft, saying what to change."""
        if not (comment or "").strip():
            raise ValueError("Say which changes are needed.")
        return self._transition("changes requested", [self.Status.REVIEW], self.Status.DRAFT, by, comment)

    def return_to_review(self, by, comment=""):
        """An approved job the owner edited goes back to the queue."""
        now = timezone.now()
        return self._transition(
            "edited after approval", [self.Status.APPROVED], self.Status.REVIEW, by, comment, submitted_at=now
        )

    def withdraw(self, by, comment=""):
        return self._transition(
            "withdrawn",
            [self.Status.DRAFT, self.Status.REVIEW, self.Status.APPROVED],
            self.Status.WITHDRAWN,
            by,
            comment,
            is_featured=False,
        )

    def archive(self, by, comment=""):
        return self._transition(
            "archived",
            [self.Status.APPROVED, self.Status.EXPIRED],
            self.Status.ARCHIVED,
            by,
            comment,
            is_featured=False,
        )

    def remove(self, by, comment=""):
        """Take a job off the board for good (spam, abuse); from anywhere but removed."""
        allowed = [status for status in self.Status if status != self.Status.REMOVED]
        return self._transition("removed", allowed, self.Status.REMOVED, by, comment, is_featured=False)

    def expire(self, by=None, comment=""):
        return self._transition("expired", [self.Status.APPROVED], self.Status.EXPIRED, by, comment, is_featured=False)

    @property
    def renewable_from(self):
        """When the owner may renew: from the expiry reminder's window on (None for a job without expiry)."""
        return self.expires - renewal_window() if self.expires else None

    @property
    def can_renew(self):
        if self.status == self.Status.EXPIRED:
            return True
        approved = self.status == self.Status.APPROVED and self.expires is not None
        return approved and timezone.now() >= self.renewable_from

    @property
    def rejection_reason(self):
        """The moderator's reason for the latest rejection, for the owner's pages."""
        if self.status != self.Status.REJECTED:
            return ""
        entry = self.history.filter(to_status=self.Status.REJECTED).order_by("-created").first()
        return entry.comment if entry else ""

    def renew(self, by, comment=""):
        """Send a job near or past its expiry back to review; approval starts a new period on the board.

        Before the renewal window opens (``JOBS_REMINDER_DAYS`` before expiry) it cannot be renewed at all,
        so an approved job never gets more time without a moderator looking at it again.
        """
        if not self.can_renew:
            raise TransitionNotAllowed(self, "renewed")
        return self._transition(
            "renewed",
            [self.Status.APPROVED, self.Status.EXPIRED],
            self.Status.REVIEW,
            by,
            comment,
            submitted_at=timezone.now(),
            is_featured=False,
        )

    def feature(self, by, comment=""):
        if self.is_featured:
            raise TransitionNotAllowed(self, "featured again")
        return self._transition("featured", [self.Status.APPROVED], self.Status.APPROVED, by, comment,
                                is_featured=True)  # fmt: skip

    def unfeature(self, by, comment=""):
        if not self.is_featured:
            raise TransitionNotAllowed(self, "unfeatured")
        return self._transition("unfeatured", [self.Status.APPROVED], self.Status.APPROVED, by, comment,
                                is_featured=False)  # fmt: skip


class JobHistory(models.Model):
    """One row per transition: who moved the job, when, from which state to which, and why."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, choices=Job.Status.choices)
    to_status = models.CharField(max_length=20, choices=Job.Status.choices)
    comment = models.TextField(blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("job history entry")
        verbose_name_plural = _("job history")

    def __str__(self):
        return f"{self.job_id}: {self.from_status} → {self.to_status}"


class JobReviewComment(models.Model):
    """A message between the moderators and the submitter about one job."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="review_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    body = models.TextField(max_length=5000)
    from_moderator = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("review comment")

    def __str__(self):
        return f"Comment on job {self.job_id}"


class JobsReport(models.Model):
    """The monthly report sent to the moderators; one row per month so a rerun sends nothing twice."""

    month = models.DateField(unique=True, help_text=_("First day of the month reported."))
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-month"]

    def __str__(self):
        return f"Jobs report {self.month:%Y-%m}"
