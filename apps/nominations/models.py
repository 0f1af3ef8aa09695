"""PSF elections: their kinds, the nomination window, nominees and the nominations members make.

A nomination moves through two independent decisions: the nominee's (accept or decline, at
``/nominations/<pk>/accept/``) and staff's (approve or reject, in the Wagtail admin). A nominee is the
person, once per election; staff can approve or reject the person too. Both change only through the
transition methods below; emails and cache purges are left to ``apps.nominations.services``.
"""

import random

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from apps.core.markup import render_markdown


def statement_max_length():
    return getattr(settings, "NOMINATIONS_STATEMENT_MAX_LENGTH", 10_000)


class NominationFormVariant(models.TextChoices):
    """Which questions a nomination asks; each election kind picks one."""

    BOARD = "board", _("Board of Directors: previous service, employer, affiliations, mission alignment")
    COUNCIL = "council", _("Council or working group: employer, affiliations, eligibility confirmation")


# The fields each variant asks, beyond name, email, statement and the code-of-conduct acknowledgement.
VARIANT_FIELDS = {
    NominationFormVariant.BOARD: ("previous_board_service", "employer", "other_affiliations", "mission_alignment"),
    NominationFormVariant.COUNCIL: ("employer", "other_affiliations", "eligibility_confirmed"),
}


class ElectionKind(models.Model):
    """Board of Directors, Packaging Council …: how its elections look and what their nominations ask."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#3776ab",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #3776ab."))],
        help_text=_("Shown on the election's pages, e.g. #3776ab."),
    )
    form_variant = models.CharField(
        _("nomination form"), max_length=20, choices=NominationFormVariant.choices, default=NominationFormVariant.BOARD
    )
    eligibility_text = models.TextField(
        blank=True,
        help_text=_("Markdown. Who may be nominated; shown on the nomination form and on each election."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("election kind")

    def __str__(self):
        return self.name

    @property
    def fields(self):
        return VARIANT_FIELDS[NominationFormVariant(self.form_variant)]

    def eligibility_html(self):
        return render_markdown(self.eligibility_text)


class ElectionQuerySet(models.QuerySet):
    def with_kind(self):
        return self.select_related("kind")

    def open_for_nominations(self, now=None):
        now = now or timezone.now()
        return self.filter(nominations_open_at__lte=now, nominations_close_at__gt=now)

    def upcoming(self, now=None):
        return self.filter(nominations_open_at__gt=now or timezone.now())

    def nominations_closed(self, now=None):
        return self.filter(nominations_close_at__lte=now or timezone.now())


class Election(index.Indexed, models.Model):
    kind = models.ForeignKey(ElectionKind, on_delete=models.PROTECT, related_name="elections")
    name = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150, unique=True, help_text=_("The election's address: /nominations/elections/<slug>/.")
    )
    description = models.TextField(blank=True, help_text=_("Markdown."))
    nominations_open_at = models.DateTimeField(_("nominations open"))
    nominations_close_at = models.DateTimeField(_("nominations close"))
    voting_open_at = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_close_at = models.DateTimeField(_("voting closes"), null=True, blank=True)

    objects = ElectionQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nominations_open_at"), FieldPanel("nominations_close_at")]),
                FieldRowPanel([FieldPanel("voting_open_at"), FieldPanel("voting_close_at")]),
            ],
            heading=_("Dates"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-nominations_open_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("nominations:election_detail", args=[self.slug])

    def clean(self):
        errors = {}
        if (
            self.nominations_open_at
            and self.nominations_close_at
            and self.nominations_close_at <= self.nominations_open_at
        ):
            errors["nominations_close_at"] = _("Nominations must close after they open.")
        if bool(self.voting_open_at) != bool(self.voting_close_at):
            errors["voting_close_at"] = _("Give both voting dates, or neither.")
        elif self.voting_open_at and self.voting_close_at <= self.voting_open_at:
            errors["voting_close_at"] = _("Voting must close after it opens.")
        elif self.voting_open_at and self.nominations_close_at and self.voting_open_at < self.nominations_close_at:
            errors["voting_open_at"] = _("Voting cannot open before nominations close.")
        if errors:
            raise ValidationError(errors)

    def nominees_url(self):
        return reverse("nominations:nominee_list", args=[self.slug])

    def create_url(self):
        return reverse("nominations:nomination_create", args=[self.slug])

    @property
    def surrogate_key(self):
        return f"election-{self.pk}"

    def description_html(self):
        return render_markdown(self.description)

    # The nomination window

    def nominations_open(self, now=None):
        now = now or timezone.now()
        return self.nominations_open_at <= now < self.nominations_close_at

    def nominations_not_yet_open(self, now=None):
        return (now or timezone.now()) < self.nominations_open_at

    def nominations_closed(self, now=None):
        return (now or timezone.now()) >= self.nominations_close_at

    def next_change(self, now=None):
        """The next moment the election's stage changes (and what its pages show), or None once voting closed."""
        now = now or timezone.now()
        moments = (self.nominations_open_at, self.nominations_close_at, self.voting_open_at, self.voting_close_at)
        return min((moment for moment in moments if moment and moment > now), default=None)

    def status(self, now=None):
        """One word for the election's stage: upcoming, open, closed, voting or finished."""
        now = now or timezone.now()
        if now < self.nominations_open_at:
            return "upcoming"
        if now < self.nominations_close_at:
            return "open"
        if self.voting_open_at and self.voting_open_at <= now < self.voting_close_at:
            return "voting"
        if self.voting_close_at and now >= self.voting_close_at:
            return "finished"
        return "closed"

    def status_text(self, now=None):
        """The stage in words, with the date that ends it."""
        when = lambda value: date_format(timezone.localtime(value), "j F Y, H:i T")  # noqa: E731
        return {
            "upcoming": _("Nominations not yet open: they open on %(date)s") % {"date": when(self.nominations_open_at)},
            "open": _("Nominations open until %(date)s") % {"date": when(self.nominations_close_at)},
            "closed": _("Nominations closed on %(date)s") % {"date": when(self.nominations_close_at)},
            "voting": _("Voting open until %(date)s") % {"date": when(self.voting_close_at)},
            "finished": _("Voting closed on %(date)s") % {"date": when(self.voting_close_at)},
        }[self.status(now)]


class Review(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Acceptance(models.TextChoices):
    PENDING = "pending", _("Not yet answered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class TransitionNotAllowed(Exception):  # noqa: N818 - reads as the refusal it is
    pass


def verified_emails(user):
    """The addresses the account proved it owns (allauth), lower-cased."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_verified_emails"):  # one query per request, however many checks
        from allauth.account.models import EmailAddress

        emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        user._verified_emails = {email.lower() for email in emails}
    return user._verified_emails


def can_review(user):
    return user.is_authenticated and user.has_perm("nominations.review_nomination")


class NomineeQuerySet(models.QuerySet):
    def public(self, now=None):
        """Approved people with at least one public nomination, once the election's nominations closed."""
        public_nominations = Nomination.objects.public(now).filter(nominee=OuterRef("pk"))
        return self.filter(review=Review.APPROVED).filter(Exists(public_nominations))

    def visible_to(self, user, now=None):
        """Public nominees, plus for a signed-in user the nominees of their own nominations or themselves."""
        if can_review(user):
            return self
        public = Q(pk__in=self.public(now).values("pk"))
        if not user.is_authenticated:
            return self.filter(public)
        own = Q(user=user) | Q(email__in=verified_emails(user)) | Q(nominations__nominator=user)
        return self.filter(public | own).distinct()


class Nominee(models.Model):
    """A person nominated in one election (however many nominations they received)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="nominees")
    name = models.CharField(max_length=150)
    email = models.EmailField(help_text=_("The nominee's address; their account must have it verified to accept."))
    slug = models.SlugField(max_length=160)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominee_records",
        help_text=_("Set when the nominee accepts a nomination with this account."),
    )
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False)

    objects = NomineeQuerySet.as_manager()

    panels = [FieldPanel("election"), FieldPanel("name"), FieldPanel("email"), FieldPanel("slug"), FieldPanel("user")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["election", "slug"], name="nominee_unique_slug_per_election"),
            models.UniqueConstraint(fields=["election", "email"], name="nominee_unique_email_per_election"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("nominations:nominee_detail", args=[self.election.slug, self.slug])

    @classmethod
    def for_email(cls, election, name, email):
        """The election's nominee with this address, created (with a unique slug) the first time."""
        email = email.strip().lower()
        nominee = cls.objects.filter(election=election, email=email).first()
        if nominee:
            return nominee
        base = slugify(name)[:150] or "nominee"
        slug, n = base, 1
        while cls.objects.filter(election=election, slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return cls.objects.create(election=election, name=name.strip(), email=email, slug=slug)

    def approve(self):
        if self.review == Review.APPROVED:
            raise TransitionNotAllowed(_("This nominee is already approved."))
        self.review, self.reviewed_at = Review.APPROVED, timezone.now()
        self.save(update_fields=["review", "reviewed_at"])

    def reject(self):
        if self.review == Review.REJECTED:
            raise TransitionNotAllowed(_("This nominee is already rejected."))
        self.review, self.reviewed_at = Review.REJECTED, timezone.now()
        self.save(update_fields=["review", "reviewed_at"])


class NominationQuerySet(models.QuerySet):
    def public(self, now=None):
        """Accepted by the nominee, approved by staff (nomination and nominee), after nominations closed."""
        return self.filter(
            acceptance=Acceptance.ACCEPTED,
            review=Review.APPROVED,
            nominee__review=Review.APPROVED,
            election__nominations_close_at__lte=now or timezone.now(),
        )

    def visible_to(self, user, now=None):
        """What ``user`` may read: public ones; their own (made or received); everything for staff."""
        if can_review(user):
            return self
        public = Q(pk__in=self.public(now).values("pk"))
        if not user.is_authenticated:
            return self.filter(public)
        return self.filter(public | Q(nominator=user) | Q(nominee__user=user) | Q(email__in=verified_emails(user)))

    def made_by(self, user):
        return self.filter(nominator=user)

    def received_by(self, user):
        return self.filter(Q(nominee__user=user) | Q(email__in=verified_emails(user)))

    def awaiting_review(self):
        """Accepted by the nominee and not yet decided by staff: the admin queue."""
        return self.filter(acceptance=Acceptance.ACCEPTED, review=Review.PENDING)

    def review_counts(self):
        counts = dict(self.order_by().values_list("review").annotate(n=Count("pk")))
        return [(value, label, counts.get(value, 0)) for value, label in Review.choices]


class Nomination(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="nominations")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="nominations")
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="nominations_made"
    )
    name = models.CharField(_("nominee's name"), max_length=150)
    email = models.EmailField(_("nominee's email"))
    previous_board_service = models.CharField(
        _("previous board service"), max_length=300, blank=True,
        help_text=_("Years the nominee served on the PSF Board before, if any."),
    )  # fmt: skip
    employer = models.CharField(max_length=200, blank=True)
    other_affiliations = models.CharField(
        _("other affiliations"), max_length=500, blank=True,
        help_text=_("Organisations, projects or boards the nominee is involved with."),
    )  # fmt: skip
    statement = models.TextField(
        _("nomination statement"),
        help_text=_("Markdown. Why this person should serve; public once the nomination is approved."),
        validators=[MaxLengthValidator(statement_max_length)],
    )
    mission_alignment = models.TextField(
        _("mission alignment"), blank=True,
        help_text=_("How the nominee's work furthers the PSF's mission."),
        validators=[MaxLengthValidator(statement_max_length)],
    )  # fmt: skip
    eligibility_confirmed = models.BooleanField(_("eligibility confirmed"), default=False)
    coc_acknowledged = models.BooleanField(_("code of conduct acknowledged"), default=False)
    acceptance = models.CharField(max_length=10, choices=Acceptance.choices, default=Acceptance.PENDING, db_index=True)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    review_note = models.TextField(blank=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    objects = NominationQuerySet.as_manager()

    panels = [
        FieldPanel("election"),
        MultiFieldPanel([FieldPanel("name"), FieldPanel("email")], heading=_("Nominee")),
        FieldPanel("previous_board_service"),
        FieldPanel("employer"),
        FieldPanel("other_affiliations"),
        FieldPanel("statement"),
        FieldPanel("mission_alignment"),
        FieldPanel("eligibility_confirmed"),
        FieldPanel("coc_acknowledged"),
    ]

    class Meta:
        ordering = ["-created"]
        permissions = [("review_nomination", "Can approve or reject nominations and nominees")]
        indexes = [models.Index(fields=["election", "acceptance", "review"], name="nominations_public")]

    def __str__(self):
        return f"{self.name} ({self.election})"

    def save(self, *args, **kwargs):
        # A nomination staff add in the admin names the person by address; they become the election's nominee.
        if self.nominee_id is None and self.election_id is not None:
            self.email = self.email.strip().lower()
            self.nominee = Nominee.for_email(self.election, self.name, self.email)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("nominations:nomination_detail", args=[self.pk])

    def statement_html(self):
        return render_markdown(self.statement)

    def mission_alignment_html(self):
        return render_markdown(self.mission_alignment)

    @property
    def is_public(self):
        return (
            self.acceptance == Acceptance.ACCEPTED
            and self.review == Review.APPROVED
            and self.nominee.review == Review.APPROVED
            and self.election.nominations_closed()
        )

    @property
    def is_self_nomination(self):
        return self.nominator_id is not None and self.nominator_id == self.nominee.user_id

    def is_nominee(self, user):
        return user.is_authenticated and (
            self.nominee.user_id == user.pk or self.email.lower() in verified_emails(user)
        )

    def can_edit(self, user, now=None):
        """Nominator and nominee may edit while nominations are open."""
        return (
            user.is_authenticated
            and (self.nominator_id == user.pk or self.is_nominee(user))
            and self.election.nominations_open(now)
        )

    # Transitions

    def accept(self, user, now=None):
        if not self.election.nominations_open(now):
            raise TransitionNotAllowed(_("Nominations for this election are closed; it can no longer be accepted."))
        if self.acceptance == Acceptance.ACCEPTED:
            raise TransitionNotAllowed(_("You have already accepted this nomination."))
        self.acceptance, self.accepted_at = Acceptance.ACCEPTED, now or timezone.now()
        self.save(update_fields=["acceptance", "accepted_at", "updated"])
        if self.nominee.user_id != user.pk:
            self.nominee.user = user
            self.nominee.save(update_fields=["user"])

    def decline(self, user, now=None):
        if not self.election.nominations_open(now):
            raise TransitionNotAllowed(_("Nominations for this election are closed; the answer can no longer change."))
        if self.acceptance == Acceptance.DECLINED:
            raise TransitionNotAllowed(_("You have already declined this nomination."))
        self.acceptance, self.accepted_at = Acceptance.DECLINED, None
        self.save(update_fields=["acceptance", "accepted_at", "updated"])

    def approve(self, by, note=""):
        if self.review == Review.APPROVED:
            raise TransitionNotAllowed(_("This nomination is already approved."))
        if self.acceptance != Acceptance.ACCEPTED:
            raise TransitionNotAllowed(_("The nominee has not accepted this nomination; it cannot be approved yet."))
        self._review(Review.APPROVED, by, note)
        # Approving a nomination of a pending nominee approves the person too; a rejected one stays rejected.
        if self.nominee.review == Review.PENDING:
            self.nominee.approve()

    def reject(self, by, note=""):
        if self.review == Review.REJECTED:
            raise TransitionNotAllowed(_("This nomination is already rejected."))
        self._review(Review.REJECTED, by, note)

    def _review(self, decision, by, note):
        self.review, self.reviewed_by, self.reviewed_at, self.review_note = decision, by, timezone.now(), note
        self.save(update_fields=["review", "reviewed_by", "reviewed_at", "review_note", "updated"])

    def edited(self):
        """Content changed after staff decided: back to the queue."""
        if self.review != Review.PENDING:
            self.review, self.reviewed_by, self.reviewed_at = Review.PENDING, None, None


def shuffled(items, seed=None):
    """Nominees in random order: no one gains from being first in the alphabet."""
    items = list(items)
    random.Random(seed).shuffle(items)  # noqa: S311 - fairness of display, not security
    return items
