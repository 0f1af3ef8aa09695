"""The PSF sponsorship program: its yearly configuration, sponsors, sponsorships, contracts and assets.

Configuration (staff edit it): programs, packages per year, benefits per year and each benefit's
features (``BenefitFeatureConfiguration``), legal clauses, and ``SponsorshipSettings`` (the current
year, applications open or closed). An application copies the chosen benefits and their features
onto the sponsorship (``SponsorBenefit`` + ``BenefitFeature``), so later configuration changes only
reach a sponsorship when staff push them.

A sponsorship and its contract move through their states only through the transition methods
below; each checks the state it starts from and raises ``TransitionNotAllowed`` otherwise. Emails,
documents and cache purges are the callers' business (``apps.sponsors.services``).
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from apps.sponsors import validators


class TransitionNotAllowed(Exception):  # noqa: N818 - reads as the refusal it is
    """A transition was asked of a sponsorship or contract in a state it cannot leave that way."""

    def __init__(self, obj, action, reason=""):
        self.obj, self.action = obj, action
        state = obj.get_status_display().lower()
        message = reason or f"A {obj._meta.verbose_name} that is {state} cannot be {action}."
        super().__init__(message)


class Publisher(models.TextChoices):
    FOUNDATION = "psf", _("Foundation")
    PYCON = "pycon", _("PyCon")
    PYPI = "pypi", _("Python Package Index")
    CORE_DEV = "core", _("Core Dev")


class LogoPlace(models.TextChoices):
    SIDEBAR = "sidebar", _("Sidebar")
    SPONSORS_PAGE = "sponsors", _("Sponsors page")
    JOBS = "jobs", _("Jobs")
    BLOGPOST = "blogpost", _("Blog")
    FOOTER = "footer", _("Footer")
    DOCS = "docs", _("Docs")
    DOWNLOAD = "download", _("Downloads page")


class AssetsRelatedTo(models.TextChoices):
    SPONSOR = "sponsor", _("Sponsor")
    SPONSORSHIP = "sponsorship", _("Sponsorship")


class FeatureKind(models.TextChoices):
    LOGO_PLACEMENT = "logo_placement", _("Logo placement")
    TIERED_QUANTITY = "tiered_quantity", _("Tiered quantity")
    EMAIL_TARGETABLE = "email_targetable", _("Email targetable")
    REQUIRED_IMAGE = "required_image", _("Required image")
    REQUIRED_TEXT = "required_text", _("Required text")
    REQUIRED_RESPONSE = "required_response", _("Required yes/no response")
    PROVIDED_TEXT = "provided_text", _("Provided text")
    PROVIDED_FILE = "provided_file", _("Provided file")


REQUIRED_ASSET_KINDS = (FeatureKind.REQUIRED_IMAGE, FeatureKind.REQUIRED_TEXT, FeatureKind.REQUIRED_RESPONSE)
PROVIDED_ASSET_KINDS = (FeatureKind.PROVIDED_TEXT, FeatureKind.PROVIDED_FILE)
ASSET_KINDS = REQUIRED_ASSET_KINDS + PROVIDED_ASSET_KINDS


# Configuration


class SponsorshipProgram(models.Model):
    """A part of the PSF the money supports: Foundation, PyPI, Core Development, PyCon US."""

    name = models.CharField(max_length=64, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("sponsorship program")

    def __str__(self):
        return self.name


class PackageQuerySet(models.QuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def advertised(self):
        return self.filter(advertise=True)


class SponsorshipPackage(models.Model):
    """A level of a year's program (Visionary $150,000 … Associate $1,500), with the benefits it includes."""

    year = models.PositiveIntegerField(db_index=True, validators=[MinValueValidator(2020)])
    name = models.CharField(max_length=64)
    slug = models.SlugField(max_length=64)
    sponsorship_amount = models.PositiveIntegerField(help_text=_("In US dollars."))
    advertise = models.BooleanField(default=False, help_text=_("Offered on the application form."))
    logo_dimension = models.PositiveIntegerField(default=175, help_text=_("Logo size on the sponsors page, in px."))
    allow_a_la_carte = models.BooleanField(
        default=True, help_text=_("Applicants may add or remove benefits on top of this package.")
    )
    order = models.PositiveIntegerField(default=0, db_index=True)

    objects = PackageQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("order")]),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sponsorship_amount"),
        FieldPanel("advertise"),
        FieldPanel("allow_a_la_carte"),
        FieldPanel("logo_dimension"),
    ]

    class Meta:
        ordering = ["year", "order"]
        constraints = [models.UniqueConstraint(fields=["year", "slug"], name="sponsors_package_year_slug")]
        verbose_name = _("sponsorship package")

    def __str__(self):
        return f"{self.name} ({self.year})"


class LegalClause(models.Model):
    """A paragraph the contract includes when a sponsorship has a benefit that cites it."""

    internal_name = models.CharField(max_length=1024, help_text=_("Friendly name, shown only to staff."))
    clause = models.TextField(help_text=_("Legal clause text to add to the contract (Markdown)."))
    notes = models.TextField(blank=True, help_text=_("PSF staff notes."))
    order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("legal clause")

    def __str__(self):
        return self.internal_name


class BenefitQuerySet(models.QuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def available(self):
        return self.filter(unavailable=False)

    def standalone(self):
        return self.filter(standalone=True)

    def a_la_carte(self):
        """Benefits an applicant may add without a package including them."""
        return self.filter(package_only=False, standalone=False)

    def with_usage(self):
        """Annotate ``used``: how many live sponsorships (not rejected) hold the benefit."""
        live = ~Q(sponsorbenefit__sponsorship__status=Sponsorship.Status.REJECTED) & Q(
            sponsorbenefit__sponsorship__isnull=False
        )
        return self.annotate(used=Count("sponsorbenefit", filter=live, distinct=True))


class SponsorshipBenefit(ClusterableModel):
    """One thing a sponsor gets (a logo placement, booth, passes …), configured per year."""

    year = models.PositiveIntegerField(db_index=True, validators=[MinValueValidator(2020)])
    program = models.ForeignKey(SponsorshipProgram, on_delete=models.PROTECT, related_name="benefits")
    name = models.CharField(max_length=1024, help_text=_("For display in the application form and statements."))
    description = models.TextField(blank=True, help_text=_("For display on the application form."))
    packages = ParentalManyToManyField(SponsorshipPackage, related_name="benefits", blank=True)
    package_only = models.BooleanField(
        default=False, help_text=_("Only available as part of a package, not à la carte.")
    )
    new = models.BooleanField(default=False, help_text=_("Shown with a “New” badge."))
    unavailable = models.BooleanField(default=False, help_text=_("Hidden from the application form."))
    standalone = models.BooleanField(default=False, help_text=_("Can be applied for without a package."))
    internal_description = models.TextField(blank=True, help_text=_("Staff-only description."))
    internal_value = models.PositiveIntegerField(null=True, blank=True, help_text=_("Value used internally, in USD."))
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("How many sponsorships can hold it. Empty: no limit.")
    )
    soft_capacity = models.BooleanField(default=False, help_text=_("Capacity may be exceeded (staff decide)."))
    conflicts = ParentalManyToManyField(
        "self", blank=True, symmetrical=True, help_text=_("Benefits that cannot be selected together with this one.")
    )
    legal_clauses = ParentalManyToManyField(LegalClause, blank=True, related_name="benefits")
    order = models.PositiveIntegerField(default=0, db_index=True)

    objects = BenefitQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("order")]),
        FieldPanel("program"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("packages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("package_only"), FieldPanel("standalone"), FieldPanel("new"), FieldPanel("unavailable")],
            heading=_("Availability"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("soft_capacity")]),
        FieldPanel("conflicts"),
        FieldPanel("legal_clauses"),
        MultiFieldPanel([FieldPanel("internal_description"), FieldPanel("internal_value")], heading=_("Internal")),
        InlinePanel("features", heading=_("Features"), label=_("Feature")),
    ]

    class Meta:
        ordering = ["year", "program__order", "order", "pk"]
        verbose_name = _("sponsorship benefit")

    def __str__(self):
        return f"{self.program} - {self.name} ({self.year})"

    def clean(self):
        if self.package_only and self.standalone:
            raise ValidationError(_("A benefit cannot be both package-only and standalone."))

    def remaining_capacity(self, used):
        return None if self.capacity is None else max(self.capacity - used, 0)

    def is_sold_out(self, used):
        return self.capacity is not None and not self.soft_capacity and used >= self.capacity

    @transaction.atomic
    def push_to_sponsorships(self):
        """Copy this benefit's current name, description and features onto the sponsorships holding it.

        Finalized or locked sponsorships keep what they signed; returns how many were updated.
        """
        updated = 0
        holders = (
            SponsorBenefit.objects.filter(sponsorship_benefit=self, sponsorship__locked=False)
            .exclude(sponsorship__status__in=[Sponsorship.Status.FINALIZED, Sponsorship.Status.REJECTED])
            .select_related("sponsorship__package")
        )
        configs = list(self.features.all())
        for held in holders:
            held.name, held.description, held.program = self.name, self.description, self.program
            held.program_name, held.benefit_internal_value = self.program.name, self.internal_value
            held.save()
            held.features.all().delete()
            BenefitFeature.objects.bulk_create(
                filter(None, (config.snapshot(held, held.sponsorship.package) for config in configs))
            )
            updated += 1
        return updated


class FeatureFields(models.Model):
    """The columns every kind of benefit feature uses; one table per use keeps queries to one join."""

    kind = models.CharField(max_length=24, choices=FeatureKind.choices)
    # Logo placement
    publisher = models.CharField(max_length=8, choices=Publisher.choices, blank=True)
    logo_place = models.CharField(max_length=12, choices=LogoPlace.choices, blank=True)
    link_to_sponsors_page = models.BooleanField(default=False)
    describe_as_sponsor = models.BooleanField(default=False)
    # Tiered quantity
    quantity = models.PositiveIntegerField(null=True, blank=True)
    display_label = models.CharField(max_length=256, blank=True)
    # Assets
    related_to = models.CharField(max_length=12, choices=AssetsRelatedTo.choices, blank=True)
    internal_name = models.CharField(max_length=128, blank=True, db_index=True,
                                     help_text=_("Unique name, used in exports and the assets API."))  # fmt: skip
    label = models.CharField(max_length=256, blank=True, help_text=_("What the sponsor sees."))
    help_text = models.CharField(max_length=512, blank=True)
    due_date = models.DateField(null=True, blank=True)
    min_width = models.PositiveIntegerField(null=True, blank=True)
    max_width = models.PositiveIntegerField(null=True, blank=True)
    min_height = models.PositiveIntegerField(null=True, blank=True)
    max_height = models.PositiveIntegerField(null=True, blank=True)
    max_length = models.PositiveIntegerField(null=True, blank=True, help_text=_("Maximum text length."))
    shared = models.BooleanField(default=False, help_text=_("The same text or file for every sponsorship."))
    shared_text = models.TextField(blank=True)
    shared_file = models.FileField(upload_to="sponsors/shared_files/", blank=True,
                                   validators=[validators.validate_document_upload])  # fmt: skip

    class Meta:
        abstract = True

    def __str__(self):
        detail = {
            FeatureKind.LOGO_PLACEMENT: f"{self.get_publisher_display()} / {self.get_logo_place_display()}",
            FeatureKind.TIERED_QUANTITY: f"{self.quantity}",
        }.get(self.kind, self.internal_name)
        return f"{self.get_kind_display()}: {detail}"

    @property
    def is_required_asset(self):
        return self.kind in REQUIRED_ASSET_KINDS

    @property
    def is_provided_asset(self):
        return self.kind in PROVIDED_ASSET_KINDS

    def clean(self):
        errors = {}
        if self.kind == FeatureKind.LOGO_PLACEMENT:
            for field in ("publisher", "logo_place"):
                if not getattr(self, field):
                    errors[field] = _("A logo placement needs a publisher and a place.")
        elif self.kind == FeatureKind.TIERED_QUANTITY and self.quantity is None:
            errors["quantity"] = _("A tiered quantity needs a quantity.")
        elif self.kind in ASSET_KINDS:
            for field in ("internal_name", "label", "related_to"):
                if not getattr(self, field):
                    errors[field] = _("Assets need an internal name, a label and what they relate to.")
        if errors:
            raise ValidationError(errors)


FEATURE_COPY_FIELDS = [
    "kind", "publisher", "logo_place", "link_to_sponsors_page", "describe_as_sponsor", "quantity", "display_label",
    "related_to", "internal_name", "label", "help_text", "due_date", "min_width", "max_width", "min_height",
    "max_height", "max_length", "shared", "shared_text", "shared_file",
]  # fmt: skip


class BenefitFeatureConfiguration(FeatureFields):
    """A feature of a configured benefit; tiered quantities name the package they apply to."""

    benefit = ParentalKey(SponsorshipBenefit, on_delete=models.CASCADE, related_name="features")
    package = models.ForeignKey(SponsorshipPackage, null=True, blank=True, on_delete=models.CASCADE,
                                help_text=_("Tiered quantity: the package this quantity applies to."))  # fmt: skip

    panels = [
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("logo_place"), FieldPanel("link_to_sponsors_page"),
             FieldPanel("describe_as_sponsor")],
            heading=_("Logo placement"),
        ),
        MultiFieldPanel([FieldPanel("package"), FieldPanel("quantity"), FieldPanel("display_label")],
                        heading=_("Tiered quantity")),
        MultiFieldPanel(
            [FieldPanel("related_to"), FieldPanel("internal_name"), FieldPanel("label"), FieldPanel("help_text"),
             FieldPanel("due_date"),
             FieldRowPanel([FieldPanel("min_width"), FieldPanel("max_width"), FieldPanel("min_height"),
                            FieldPanel("max_height")]),
             FieldPanel("max_length"), FieldPanel("shared"), FieldPanel("shared_text"), FieldPanel("shared_file")],
            heading=_("Assets"),
        ),
    ]  # fmt: skip

    class Meta:
        ordering = ["pk"]
        verbose_name = _("benefit feature configuration")

    def clean(self):
        super().clean()
        if self.kind == FeatureKind.TIERED_QUANTITY and not self.package_id:
            raise ValidationError({"package": _("A tiered quantity applies to one package.")})

    def snapshot(self, sponsor_benefit, package):
        """The ``BenefitFeature`` this configuration gives ``sponsor_benefit`` (None if not for its package)."""
        if self.kind == FeatureKind.TIERED_QUANTITY and self.package_id != getattr(package, "pk", None):
            return None
        values = {name: getattr(self, name) for name in FEATURE_COPY_FIELDS}
        return BenefitFeature(sponsor_benefit=sponsor_benefit, **values)


@register_setting(icon="tag")
class SponsorshipSettings(BaseGenericSetting):
    """The current sponsorship year and whether applications are open."""

    current_year = models.PositiveIntegerField(default=2022, validators=[MinValueValidator(2020)],
                                               help_text=_("The year new applications are for."))  # fmt: skip
    applications_open = models.BooleanField(default=True)
    closed_message = models.TextField(
        blank=True,
        default="Applications for sponsorship are closed for now. Write to sponsors@python.org and the "
        "sponsorship team will tell you when the next program opens.",
        help_text=_("Shown on the application page while applications are closed (Markdown)."),
    )

    panels = [FieldPanel("current_year"), FieldPanel("applications_open"), FieldPanel("closed_message")]

    class Meta:
        verbose_name = _("sponsorship settings")


# Sponsors and sponsorships


def logo_upload_to(instance, filename):
    return f"sponsors/logos/{slugify(instance.name)[:60]}-{uuid.uuid4().hex[:8]}-{filename[-40:]}"


class Sponsor(ClusterableModel):
    """A company or organisation that sponsors the PSF."""

    name = models.CharField(max_length=100, help_text=_("Name of the sponsor, for public display."))
    slug = models.SlugField(max_length=120, unique=True, editable=False)
    description = models.TextField(help_text=_("Brief description of the sponsor for public display."))
    landing_page_url = models.URLField(_("landing page URL"), blank=True)
    twitter_handle = models.CharField(max_length=32, blank=True)
    linked_in_page_url = models.URLField(_("LinkedIn page URL"), blank=True)
    web_logo = models.FileField(
        upload_to=logo_upload_to, validators=[validators.validate_web_logo],
        help_text=_("For display on our sites: PNG, JPEG, WebP or SVG, at least 200 px wide."),
    )  # fmt: skip
    white_logo = models.FileField(
        upload_to=logo_upload_to, blank=True, validators=[validators.validate_web_logo],
        help_text=_("For dark backgrounds (the PyPI footer): a white logo on transparency, PNG or SVG."),
    )  # fmt: skip
    print_logo = models.FileField(
        upload_to=logo_upload_to, blank=True, validators=[validators.validate_print_logo],
        help_text=_("For printed materials, signage and projection: SVG, EPS or PDF."),
    )  # fmt: skip
    primary_phone = models.CharField(max_length=32)
    mailing_address_line_1 = models.CharField(max_length=128)
    mailing_address_line_2 = models.CharField(max_length=128, blank=True)
    city = models.CharField(max_length=64)
    state = models.CharField(_("state, province or region"), max_length=64, blank=True)
    postal_code = models.CharField(max_length=64)
    country = models.CharField(max_length=64)
    country_of_incorporation = models.CharField(max_length=64, blank=True)
    state_of_incorporation = models.CharField(max_length=64, blank=True)
    created_on = models.DateTimeField(default=timezone.now)
    updated_on = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("landing_page_url"),
        FieldRowPanel([FieldPanel("twitter_handle"), FieldPanel("linked_in_page_url")]),
        FieldRowPanel([FieldPanel("web_logo"), FieldPanel("white_logo"), FieldPanel("print_logo")]),
        MultiFieldPanel(
            [FieldPanel("primary_phone"), FieldPanel("mailing_address_line_1"), FieldPanel("mailing_address_line_2"),
             FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("postal_code")]),
             FieldPanel("country"),
             FieldRowPanel([FieldPanel("country_of_incorporation"), FieldPanel("state_of_incorporation")])],
            heading=_("Address"),
        ),
        InlinePanel("contacts", heading=_("Contacts"), label=_("Contact"), min_num=1),
    ]  # fmt: skip

    class Meta:
        ordering = ["name"]
        verbose_name = _("sponsor")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:100] or "sponsor"
            slug, n = base, 2
            while Sponsor.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def full_address(self):
        parts = [self.mailing_address_line_1, self.mailing_address_line_2,
                 " ".join(p for p in (self.city, self.state, self.postal_code) if p), self.country]  # fmt: skip
        return ", ".join(p for p in parts if p)

    def contacts_of_types(self, types):
        return [c for c in self.contacts.all() if any(getattr(c, t, False) for t in types)]

    @property
    def primary_contact(self):
        return next((c for c in self.contacts.all() if c.primary), None)


class SponsorContactQuerySet(models.QuerySet):
    def managed_by(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class SponsorContact(models.Model):
    """A person at the sponsor: primary (signs and decides), administrative, accounting, manager."""

    CONTACT_TYPES = ("primary", "administrative", "accounting", "manager")

    sponsor = ParentalKey(Sponsor, on_delete=models.CASCADE, related_name="contacts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="sponsor_contacts")  # fmt: skip
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=256)
    phone = models.CharField(_("contact phone"), max_length=32)
    primary = models.BooleanField(default=False, help_text=_("The main contact; the contract names them."))
    administrative = models.BooleanField(default=False, help_text=_("Handles the sponsorship's administration."))
    accounting = models.BooleanField(default=False, help_text=_("Receives invoices."))
    manager = models.BooleanField(default=False, help_text=_("Manages the sponsorship on python.org."))

    objects = SponsorContactQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("primary"), FieldPanel("administrative"), FieldPanel("accounting"),
                       FieldPanel("manager")]),
    ]  # fmt: skip

    class Meta:
        ordering = ["-primary", "name"]
        verbose_name = _("sponsor contact")

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def types(self):
        return [name for name in self.CONTACT_TYPES if getattr(self, name)]


class SponsorshipQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(status__in=[Sponsorship.Status.APPLIED, Sponsorship.Status.APPROVED])

    def applied(self):
        return self.filter(status=Sponsorship.Status.APPLIED)

    def finalized(self):
        return self.filter(status=Sponsorship.Status.FINALIZED)

    def enabled(self):
        """Finalized, running today and not replaced by a newer sponsorship: shown on the sites."""
        today = timezone.localdate()
        return (
            self.finalized()
            .filter(overlapped_by__isnull=True)
            .filter(
                Q(start_date__isnull=True) | Q(start_date__lte=today), Q(end_date__isnull=True) | Q(end_date__gte=today)
            )
        )

    def visible_to(self, user):
        """The sponsorships of sponsors the user is a contact of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(sponsor__contacts__user=user).distinct()

    def with_logo_placement(self, publisher=None, place=None):
        features = Q(benefits__features__kind=FeatureKind.LOGO_PLACEMENT)
        if publisher:
            features &= Q(benefits__features__publisher=publisher)
        if place:
            features &= Q(benefits__features__logo_place=place)
        return self.filter(pk__in=Sponsorship.objects.filter(features).values("pk"))

    def needing_assets(self):
        """Sponsorships with a required asset that has no value yet."""
        missing = BenefitFeature.objects.filter(
            sponsor_benefit__sponsorship=models.OuterRef("pk"), kind__in=REQUIRED_ASSET_KINDS
        ).exclude(
            internal_name__in=SponsorAsset.objects.filter(sponsorship=models.OuterRef(models.OuterRef("pk")))
            .with_value()
            .values("internal_name")
        )
        return self.filter(models.Exists(missing))

    def status_counts(self):
        counts = dict(self.order_by().values_list("status").annotate(n=Count("pk")))
        return [(value, label, counts.get(value, 0)) for value, label in Sponsorship.Status.choices]


class Sponsorship(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        REJECTED = "rejected", _("Rejected")
        APPROVED = "approved", _("Approved")
        FINALIZED = "finalized", _("Finalized")

    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="sponsorships")
    submited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="submitted_sponsorships")  # fmt: skip
    package = models.ForeignKey(SponsorshipPackage, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="sponsorships")  # fmt: skip
    year = models.PositiveIntegerField(db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True)
    locked = models.BooleanField(default=False, help_text=_("Locked sponsorships cannot be edited by the sponsor."))
    for_modified_package = models.BooleanField(
        default=False, help_text=_("The applicant changed the package's benefits (à la carte).")
    )
    level_name = models.CharField(max_length=64, blank=True)
    sponsorship_fee = models.PositiveIntegerField(null=True, blank=True, help_text=_("In US dollars."))
    renewal = models.BooleanField(default=False, help_text=_("The contract uses the renewal wording."))
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    applied_on = models.DateField(default=timezone.localdate)
    approved_on = models.DateField(null=True, blank=True)
    rejected_on = models.DateField(null=True, blank=True)
    finalized_on = models.DateField(null=True, blank=True)
    overlapped_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="overlapped", editable=False)  # fmt: skip
    updated_on = models.DateTimeField(auto_now=True)

    objects = SponsorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-applied_on", "-pk"]
        permissions = [
            ("review_sponsorship", "Can review sponsorships (approve, reject, roll back, lock, contracts)"),
            ("sponsor_publisher", "Can read the sponsor logo placements and assets APIs"),
        ]
        verbose_name = _("sponsorship")

    def __str__(self):
        level = self.level_name or (self.package.name if self.package_id and self.package else _("à la carte"))
        return f"{self.sponsor} - {level} ({self.year})"

    def get_absolute_url(self):
        return reverse("sponsors:dashboard_detail", args=[self.pk])

    # Derived

    @property
    def estimated_cost(self):
        return sum(b.benefit_internal_value or 0 for b in self.benefits.all())

    @property
    def agreed_fee(self):
        if self.sponsorship_fee is not None:
            return self.sponsorship_fee
        if self.package_id and not self.for_modified_package:
            return self.package.sponsorship_amount
        return None

    @property
    def is_overlapped(self):
        return self.overlapped_by_id is not None

    @property
    def is_open_to_sponsor(self):
        """The sponsor may still edit the application."""
        return not self.locked and self.status in (self.Status.APPLIED, self.Status.APPROVED)

    def features_of(self, kinds):
        return [f for b in self.benefits.all() for f in b.features.all() if f.kind in kinds]

    # Transitions

    def _require(self, action, *states):
        if self.status not in states:
            raise TransitionNotAllowed(self, action)

    @transaction.atomic
    def approve(self, start_date, end_date, package=None, sponsorship_fee=None, renewal=False):
        """Applied → approved, with the agreed dates and fee; a draft contract is created."""
        self._require("approved", self.Status.APPLIED)
        if start_date and end_date and end_date < start_date:
            raise ValidationError(_("The end date must be after the start date."))
        self.status, self.approved_on, self.locked = self.Status.APPROVED, timezone.localdate(), True
        self.start_date, self.end_date, self.renewal = start_date, end_date, renewal
        if package is not None:
            self.package = package
        if self.package_id:
            self.level_name = self.package.name
        self.sponsorship_fee = sponsorship_fee if sponsorship_fee is not None else self.agreed_fee
        self.save()
        return Contract.new(self)

    @transaction.atomic
    def reject(self):
        """Applied → rejected."""
        self._require("rejected", self.Status.APPLIED)
        self.status, self.rejected_on, self.locked = self.Status.REJECTED, timezone.localdate(), True
        self.save()

    @transaction.atomic
    def rollback_to_editing(self):
        """Approved (contract a draft or nullified) or rejected → applied and unlocked; the unsigned contract goes."""
        self._require("rolled back to editing", self.Status.APPROVED, self.Status.REJECTED)
        contract = Contract.objects.filter(sponsorship=self).first()
        if contract is not None and contract.status not in (Contract.Status.DRAFT, Contract.Status.NULLIFIED):
            raise TransitionNotAllowed(
                self, "rolled back", _("Its contract is %(state)s: nullify it first.") % {
                    "state": contract.get_status_display().lower()}
            )  # fmt: skip
        if contract is not None:
            contract.delete()
        self.status, self.locked = self.Status.APPLIED, False
        self.approved_on = self.rejected_on = None
        self.save()

    def lock(self):
        if self.locked:
            raise TransitionNotAllowed(self, "locked", _("This sponsorship is already locked."))
        self.locked = True
        self.save(update_fields=["locked", "updated_on"])

    def unlock(self):
        if not self.locked:
            raise TransitionNotAllowed(self, "unlocked", _("This sponsorship is not locked."))
        if self.status == self.Status.FINALIZED:
            raise TransitionNotAllowed(self, "unlocked", _("A finalized sponsorship stays locked."))
        self.locked = False
        self.save(update_fields=["locked", "updated_on"])

    @transaction.atomic
    def finalize(self):
        """Approved → finalized and locked (called when its contract is executed)."""
        self._require("finalized", self.Status.APPROVED)
        self.status, self.finalized_on, self.locked = self.Status.FINALIZED, timezone.localdate(), True
        self.save()
        return self.mark_older_overlapped()

    def mark_older_overlapped(self):
        """Earlier finalized sponsorships of the same sponsor whose dates overlap this one are replaced by it."""
        if not (self.start_date and self.end_date):
            return 0
        older = Sponsorship.objects.finalized().filter(
            sponsor_id=self.sponsor_id, overlapped_by__isnull=True,
            start_date__lte=self.end_date, end_date__gte=self.start_date,
        ).exclude(pk=self.pk).filter(Q(start_date__lt=self.start_date) | Q(pk__lt=self.pk))  # fmt: skip
        return sum(sponsorship.mark_overlapped(self) for sponsorship in older)

    def mark_overlapped(self, newer):
        """A finalized sponsorship is replaced on the sites by ``newer``."""
        self._require("marked as overlapped", self.Status.FINALIZED)
        if self.overlapped_by_id:
            raise TransitionNotAllowed(self, "overlapped", _("This sponsorship is already overlapped."))
        if newer.pk == self.pk or newer.sponsor_id != self.sponsor_id:
            raise TransitionNotAllowed(self, "overlapped", _("Only a newer sponsorship of the same sponsor."))
        self.overlapped_by = newer
        self.save(update_fields=["overlapped_by", "updated_on"])
        return 1

    @transaction.atomic
    def approve_with_signed_contract(self, signed_document, start_date, end_date, **kwargs):
        """Applied → approved → contract executed → finalized, for a contract signed outside the site."""
        self._require("approved", self.Status.APPLIED)
        contract = self.approve(start_date, end_date, **kwargs)
        contract.status = Contract.Status.AWAITING_SIGNATURE  # signed already: skip sending it
        contract.execute(signed_document)
        return contract


class SponsorBenefit(models.Model):
    """A benefit as the sponsorship holds it: a snapshot of the configured benefit at application time."""

    sponsorship = models.ForeignKey(Sponsorship, on_delete=models.CASCADE, related_name="benefits")
    sponsorship_benefit = models.ForeignKey(SponsorshipBenefit, null=True, blank=True, on_delete=models.SET_NULL,
                                            help_text=_("The configured benefit it was copied from."))  # fmt: skip
    program = models.ForeignKey(SponsorshipProgram, null=True, blank=True, on_delete=models.SET_NULL)
    program_name = models.CharField(max_length=64)
    name = models.CharField(max_length=1024)
    description = models.TextField(blank=True)
    benefit_internal_value = models.PositiveIntegerField(null=True, blank=True)
    added_by_user = models.BooleanField(default=False, help_text=_("Added à la carte by the applicant."))
    standalone = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("sponsor benefit")

    def __str__(self):
        return f"{self.program_name} - {self.name}"

    @classmethod
    def copy_from(cls, sponsorship, benefit, *, added_by_user=False, order=0):
        held = cls.objects.create(
            sponsorship=sponsorship, sponsorship_benefit=benefit, program=benefit.program,
            program_name=benefit.program.name, name=benefit.name, description=benefit.description,
            benefit_internal_value=benefit.internal_value, added_by_user=added_by_user,
            standalone=benefit.standalone, order=order,
        )  # fmt: skip
        features = (config.snapshot(held, sponsorship.package) for config in benefit.features.all())
        BenefitFeature.objects.bulk_create(f for f in features if f is not None)
        return held


class BenefitFeature(FeatureFields):
    """A feature as a sponsorship holds it (copied from the benefit's configuration)."""

    sponsor_benefit = models.ForeignKey(SponsorBenefit, on_delete=models.CASCADE, related_name="features")
    reminder_sent_on = models.DateField(null=True, blank=True, editable=False,
                                        help_text=_("When the sponsor was reminded this asset is due."))  # fmt: skip

    class Meta:
        ordering = ["pk"]
        verbose_name = _("benefit feature")


class ContractQuerySet(models.QuerySet):
    def awaiting_signature(self):
        return self.filter(status=Contract.Status.AWAITING_SIGNATURE)


def contract_upload_to(instance, filename):
    return f"sponsors/contracts/{instance.sponsorship_id}/{uuid.uuid4().hex[:8]}-{filename[-60:]}"


class Contract(models.Model):
    """The sponsorship agreement: a draft staff revise, then sent for signature, then executed or nullified."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_SIGNATURE = "awaiting_signature", _("Awaiting signature")
        EXECUTED = "executed", _("Executed")
        NULLIFIED = "nullified", _("Nullified")

    sponsorship = models.OneToOneField(Sponsorship, on_delete=models.CASCADE, related_name="contract")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    revision = models.PositiveIntegerField(default=0)
    sponsor_info = models.TextField(help_text=_("Sponsor name, address and phone as the contract names them."))
    sponsor_contact = models.TextField(help_text=_("The primary contact as the contract names them."))
    benefits_list = models.TextField(help_text=_("Markdown list of the benefits."))
    legal_clauses = models.TextField(blank=True, help_text=_("Markdown list of the legal clauses."))
    document = models.FileField(upload_to=contract_upload_to, blank=True, editable=False)
    document_docx = models.FileField(upload_to=contract_upload_to, blank=True, editable=False)
    signed_document = models.FileField(upload_to=contract_upload_to, blank=True, editable=False,
                                       validators=[validators.validate_signed_contract])  # fmt: skip
    created_on = models.DateField(default=timezone.localdate)
    last_update = models.DateTimeField(auto_now=True)
    sent_on = models.DateField(null=True, blank=True)
    executed_on = models.DateField(null=True, blank=True)

    objects = ContractQuerySet.as_manager()

    panels = [FieldPanel("sponsor_info"), FieldPanel("sponsor_contact"), FieldPanel("benefits_list"),
              FieldPanel("legal_clauses")]  # fmt: skip

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("contract")

    def __str__(self):
        return f"Contract: {self.sponsorship}"

    @classmethod
    def new(cls, sponsorship):
        """A draft contract with the sponsor's details, benefits and legal clauses as they are now."""
        sponsor = sponsorship.sponsor
        contact = sponsor.primary_contact
        benefits = list(sponsorship.benefits.select_related("sponsorship_benefit").order_by("order", "pk"))
        benefit_ids = [b.sponsorship_benefit_id for b in benefits if b.sponsorship_benefit_id]
        clauses = list(LegalClause.objects.filter(benefits__pk__in=benefit_ids).distinct().order_by("order", "pk"))
        lines = []
        for benefit in benefits:
            lines.append(f"- {benefit.program_name} - {benefit.name}")
        contract, _created = cls.objects.update_or_create(
            sponsorship=sponsorship,
            defaults={
                "status": cls.Status.DRAFT,
                "sponsor_info": f"{sponsor.name}, {sponsor.full_address}, {sponsor.primary_phone}",
                "sponsor_contact": f"{contact.name} - {contact.phone} | {contact.email}" if contact else "",
                "benefits_list": "\n".join(lines),
                "legal_clauses": "\n".join(f"- {clause.clause}" for clause in clauses),
            },
        )
        return contract

    def _require(self, action, *states):
        if self.status not in states:
            raise TransitionNotAllowed(self, action)

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    def send(self, document=None, document_docx=None):
        """Draft → awaiting signature, keeping the final PDF and DOCX sent to the sponsor."""
        self._require("sent", self.Status.DRAFT)
        if document is not None:
            self.document = document
        if document_docx is not None:
            self.document_docx = document_docx
        self.status, self.sent_on, self.revision = (
            self.Status.AWAITING_SIGNATURE,
            timezone.localdate(),
            self.revision + 1,
        )
        self.save()

    @transaction.atomic
    def execute(self, signed_document):
        """Awaiting signature → executed with the signed upload; the sponsorship is finalized and locked."""
        self._require("executed", self.Status.AWAITING_SIGNATURE)
        if not signed_document:
            raise ValidationError({"signed_document": _("Upload the signed contract.")})
        validators.validate_signed_contract(signed_document)
        self.signed_document = signed_document
        self.status, self.executed_on = self.Status.EXECUTED, timezone.localdate()
        self.save()
        return self.sponsorship.finalize()

    def nullify(self):
        """Draft or awaiting signature → nullified (a new draft can then be made)."""
        self._require("nullified", self.Status.DRAFT, self.Status.AWAITING_SIGNATURE)
        self.status = self.Status.NULLIFIED
        self.save(update_fields=["status", "last_update"])

    def redraft(self):
        """Nullified → a fresh draft from the sponsorship as it is now."""
        self._require("redrafted", self.Status.NULLIFIED)
        return Contract.new(self.sponsorship)


# Assets


class SponsorAssetQuerySet(models.QuerySet):
    def with_value(self):
        return self.filter(~Q(text="") | ~Q(file="") | Q(response__in=["yes", "no"]))

    def without_value(self):
        return self.filter(text="", file="").exclude(response__in=["yes", "no"])

    def for_benefit(self, benefit):
        """The assets a configured benefit asks for or provides, of the sponsorships that hold it."""
        held = BenefitFeature.objects.filter(
            sponsor_benefit__sponsorship=models.OuterRef("sponsorship"),
            sponsor_benefit__sponsorship_benefit=benefit,
            internal_name=models.OuterRef("internal_name"),
        )
        return self.filter(models.Exists(held))


def asset_upload_to(instance, filename):
    return f"sponsors/assets/{instance.sponsorship_id or 'sponsor'}/{uuid.uuid4().hex[:8]}-{filename[-60:]}"


class SponsorAsset(models.Model):
    """A sponsorship's value for a required asset (image, text, yes/no) or a provided one (text, file)."""

    class Response(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sponsor = models.ForeignKey(Sponsor, on_delete=models.CASCADE, related_name="assets")
    sponsorship = models.ForeignKey(Sponsorship, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="assets")  # fmt: skip
    internal_name = models.CharField(max_length=128, db_index=True)
    kind = models.CharField(max_length=24, choices=[(k.value, k.label) for k in ASSET_KINDS])
    text = models.TextField(blank=True)
    file = models.FileField(upload_to=asset_upload_to, blank=True)
    response = models.CharField(max_length=3, choices=Response.choices, blank=True)
    updated_on = models.DateTimeField(auto_now=True)

    objects = SponsorAssetQuerySet.as_manager()

    class Meta:
        ordering = ["internal_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sponsorship", "internal_name"], name="sponsors_asset_per_sponsorship",
                                    condition=Q(sponsorship__isnull=False)),
            models.UniqueConstraint(fields=["sponsor", "internal_name"], name="sponsors_asset_per_sponsor",
                                    condition=Q(sponsorship__isnull=True)),
        ]  # fmt: skip
        verbose_name = _("sponsor asset")

    def __str__(self):
        return f"{self.internal_name} ({self.sponsor})"

    @property
    def has_value(self):
        return bool(self.text or self.file or self.response)

    @property
    def is_file(self):
        return self.kind in (FeatureKind.REQUIRED_IMAGE, FeatureKind.PROVIDED_FILE)

    @property
    def value(self):
        if self.is_file:
            return self.file
        return self.response if self.kind == FeatureKind.REQUIRED_RESPONSE else self.text

    @property
    def content_type_name(self):
        return {
            FeatureKind.REQUIRED_IMAGE: "Image Asset", FeatureKind.REQUIRED_TEXT: "Text Asset",
            FeatureKind.REQUIRED_RESPONSE: "Response Asset", FeatureKind.PROVIDED_TEXT: "Text Asset",
            FeatureKind.PROVIDED_FILE: "File Asset",
        }[self.kind]  # fmt: skip
