"""Python releases: operating systems, release pages with their files, release-cycle data, signing keys."""

import functools
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager, Revision
from wagtail.query import PageQuerySet
from wagtail.search import index

from apps.core.blocks import BodyStreamBlock
from apps.core.models import BasePage

SURROGATE_KEY = "downloads"
# Cached download fragments and API answers carry this key's generation (apps.core.cache.generation).
GENERATION_KEY = "downloads-generation"
# What download_home_context() gives the downloads index template.
DOWNLOAD_HOME_NAMES = ("latest_python3", "latest_pymanager", "download_buttons", "operating_systems", "active_cycles",
                       "releases", "cache_generation")  # fmt: skip

# "3.14.1", "3.15.0a1", "3.14.0rc2", "25.0" (the install manager); optional "Python " / "Python install manager ".
VERSION_RE = re.compile(
    r"^(?P<major>\d+)(?:\.(?P<minor>\d+))?(?:\.(?P<micro>\d+))?(?:(?P<pre>a|b|rc)(?P<pre_number>\d+))?$"
)
NAME_RE = re.compile(r"^Python (?:(?P<manager>install manager) )?(?P<version>\S+)$")
PRE_RANK = {"a": 0, "b": 1, "rc": 2, "": 3}
# Sidecar files published next to each artifact, and the suffix each must carry.
SIDECAR_SUFFIXES = {
    "gpg_signature_file": ".asc",
    "sigstore_signature_file": ".sig",
    "sigstore_cert_file": ".crt",
    "sigstore_bundle_file": ".sigstore",
    "sbom_spdx2_file": ".spdx.json",
}


def parse_version(version):
    """Split a version string into its numeric parts, or raise ValidationError."""
    match = VERSION_RE.match(version or "")
    if not match:
        raise ValidationError(_("“%(version)s” is not a Python version such as 3.14.1 or 3.15.0a1."),
                              params={"version": version}, code="invalid_version")  # fmt: skip
    pre = match["pre"] or ""
    return {
        "major": int(match["major"]),
        "minor": int(match["minor"] or 0),
        "micro": int(match["micro"] or 0),
        "pre_kind": pre,
        "pre_number": int(match["pre_number"] or 0),
    }


def version_from_name(name):
    """``("3.14.1", False)`` from "Python 3.14.1"; ``("25.0", True)`` from "Python install manager 25.0"."""
    match = NAME_RE.match((name or "").strip())
    if not match:
        raise ValidationError(_("A release name looks like “Python 3.14.1”."), code="invalid_name")
    return match["version"], bool(match["manager"])


def slug_for_version(version, manager=False):
    """The python.org slug: "python-3141", "python-3150a1", "pymanager-250"."""
    prefix = "pymanager" if manager else "python"
    return f"{prefix}-{version.replace('.', '')}"


class ReleasePageForm(WagtailAdminPageForm):
    """The editor types a version; the title and slug follow from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave empty to use the version, e.g. python-3141.")

    def clean(self):
        version = self.cleaned_data.get("version_number")
        if version:
            try:
                parse_version(version)
            except ValidationError as error:
                self.add_error("version_number", error)
            else:
                if not self.cleaned_data.get("slug"):
                    self.cleaned_data["slug"] = slug_for_version(version, self.cleaned_data.get("is_pymanager"))
        return super().clean()

    def is_valid(self):
        """The file rows are checked too: one download button per operating system (else an IntegrityError)."""
        valid = super().is_valid()
        formset = getattr(self, "formsets", {}).get("files")
        if formset is None:
            return valid
        first_row = {}
        for row in formset.forms:
            data = getattr(row, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("download_button") or data.get("os") is None:
                continue
            other = first_row.setdefault(data["os"].pk, row)
            if other is not row:
                message = _("Only one file per operating system can be its download button (%(os)s).") % {
                    "os": data["os"].name
                }
                for form in (other, row):
                    if "download_button" not in form.errors:
                        form.add_error("download_button", message)
                valid = False
        return valid


class OS(models.Model):
    """An operating system releases ship files for. Primary keys are part of the API contract."""

    WINDOWS, MACOS, SOURCE, ANDROID, IOS = 1, 2, 3, 4, 5

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("operating system")
        verbose_name_plural = _("operating systems")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("downloads:os", kwargs={"os_slug": self.slug})


class DownloadsIndexPage(BasePage):
    """The /downloads/ landing page; its children are the releases."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["downloads.ReleasePage"]
    max_count = 1
    surrogate_keys = (SURROGATE_KEY,)

    class Meta:
        verbose_name = _("downloads index page")

    def get_context(self, request, *args, **kwargs):
        from apps.downloads.selectors import download_home_context

        context = super().get_context(request, *args, **kwargs)
        # Queried only when the cached page body has to be rendered again (a new downloads generation).
        home = functools.cache(download_home_context)
        for name in DOWNLOAD_HOME_NAMES:
            context[name] = SimpleLazyObject(functools.partial(lambda name: home()[name], name))
        return context


class ReleaseQuerySet(PageQuerySet):
    """The query vocabulary every download page, the API, the feed and the homepage share."""

    def published(self):
        return self.filter(live=True)

    def python3(self):
        return self.filter(product=ReleasePage.PYTHON3)

    def python2(self):
        return self.filter(product=ReleasePage.PYTHON2)

    def pymanager(self):
        return self.filter(product=ReleasePage.PYMANAGER)

    def stable(self):
        return self.filter(pre_release=False)

    def pre_releases(self):
        return self.filter(pre_release=True)

    def on_download_page(self):
        return self.filter(show_on_download_page=True)

    def by_version(self):
        """Newest version first (3.15.0a1 before 3.14.9 before 3.14.10rc1 …)."""
        return self.order_by("-major", "-minor", "-micro", "-pre_rank", "-pre_number", "-release_date")

    def feature(self, major, minor):
        return self.filter(major=major, minor=minor)

    def _latest_of(self, queryset):
        return queryset.published().filter(is_latest=True).order_by("-release_date").first() or (
            queryset.published().stable().by_version().first()
        )

    def latest_python3(self):
        return self._latest_of(self.python3())

    def latest_python2(self):
        return self._latest_of(self.python2())

    def latest_pymanager(self):
        return self._latest_of(self.pymanager())

    def latest_prerelease(self):
        return self.published().python3().pre_releases().by_version().first()

    def latest_feature(self, major, minor):
        return self.published().stable().feature(major, minor).by_version().first()


class ReleaseManager(PageManager.from_queryset(ReleaseQuerySet)):
    pass


class ReleasePage(BasePage):
    """One Python release. The version string is the single source of the name, slug and version parts."""

    PYTHON1, PYTHON2, PYTHON3, PYMANAGER = 1, 2, 3, 100
    PRODUCT_CHOICES = [
        (PYTHON3, "Python 3.x.x"),
        (PYTHON2, "Python 2.x.x"),
        (PYTHON1, "Python 1.x.x"),
        (PYMANAGER, "Python install manager"),
    ]

    version_number = models.CharField(
        _("version"), max_length=30, help_text=_("The release's version, e.g. 3.14.1 or 3.15.0a1.")
    )
    is_pymanager = models.BooleanField(_("Python install manager"), default=False)
    release_date = models.DateTimeField(default=timezone.now, db_index=True)
    is_latest = models.BooleanField(
        _("latest release"),
        default=False,
        db_index=True,
        help_text=_("The latest release of its major version; the previous one is demoted automatically."),
    )
    pre_release = models.BooleanField(
        default=False, db_index=True, help_text=_("Alpha, beta or release candidate (set from the version).")
    )
    show_on_download_page = models.BooleanField(default=True, db_index=True)
    release_notes_url = models.URLField(_("release notes URL"), blank=True)
    content = StreamField(BodyStreamBlock(), blank=True, use_json_field=True, verbose_name=_("release notes"))

    # Derived from version_number on save, for sorting and the "latest" queries.
    product = models.PositiveSmallIntegerField(choices=PRODUCT_CHOICES, default=PYTHON3, editable=False)
    major = models.PositiveSmallIntegerField(default=3, editable=False)
    minor = models.PositiveSmallIntegerField(default=0, editable=False)
    micro = models.PositiveSmallIntegerField(default=0, editable=False)
    pre_rank = models.PositiveSmallIntegerField(default=3, editable=False)
    pre_number = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = ReleaseManager()
    base_form_class = ReleasePageForm

    content_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version_number"), FieldPanel("is_pymanager")]),
                FieldRowPanel([FieldPanel("release_date"), FieldPanel("release_notes_url")]),
                FieldRowPanel(
                    [FieldPanel("is_latest"), FieldPanel("pre_release"), FieldPanel("show_on_download_page")]
                ),
            ],
            heading=_("Release"),
        ),
        FieldPanel("content"),
        InlinePanel("files", heading=_("Files"), label=_("file")),
    ]
    promote_panels = BasePage.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("version_number"),
        index.SearchField("version_spellings"),
        index.SearchField("content"),
    ]
    search_kind = _("Release")

    parent_page_types = ["downloads.DownloadsIndexPage"]
    subpage_types = []
    surrogate_keys = (SURROGATE_KEY,)

    class Meta:
        verbose_name = _("release")
        indexes = [
            models.Index(fields=["major", "minor", "micro", "pre_rank", "pre_number"], name="release_version_idx")
        ]

    # The title and slug come from the version, so editors fill in one field.
    def full_clean(self, *args, **kwargs):
        self.derive_from_version()
        super().full_clean(*args, **kwargs)

    def derive_from_version(self):
        parts = parse_version(self.version_number)
        self.title = self.name
        if not self.slug:
            self.slug = slug_for_version(self.version_number, self.is_pymanager)
        self.major, self.minor, self.micro = parts["major"], parts["minor"], parts["micro"]
        self.pre_rank, self.pre_number = PRE_RANK[parts["pre_kind"]], parts["pre_number"]
        if parts["pre_kind"]:
            self.pre_release = True
        self.product = self.PYMANAGER if self.is_pymanager else min(parts["major"], self.PYTHON3)

    def save(self, *args, **kwargs):
        self.derive_from_version()
        with transaction.atomic():
            if self.pk and "files" in getattr(self, "_cluster_related_objects", {}):
                # The file rows are written back one by one: lift the stored buttons first, so moving the
                # button from one file to another of the same OS never meets the one-button constraint.
                ReleaseFile.objects.filter(release_id=self.pk, download_button=True).update(download_button=False)
            super().save(*args, **kwargs)
            # Publishing saves the whole page live; saving a draft or scheduling only writes a revision
            # (``update_fields``) or keeps the page offline, and must not touch the live site's latest release.
            if self.is_latest and self.live and kwargs.get("update_fields") is None:
                self.demote_other_latest()

    def demote_other_latest(self):
        """Only one latest release per major version: this one, now that it is published."""
        others = ReleasePage.objects.filter(product=self.product, is_latest=True).exclude(pk=self.pk)
        set_latest(others, False)

    def hand_over_latest(self):
        """Unpublished while the latest: the newest published stable release of the major version takes over."""
        if not self.is_latest:
            return None
        ReleasePage.objects.filter(pk=self.pk).update(is_latest=False)
        self.is_latest = False
        successor = (
            ReleasePage.objects.published()
            .stable()
            .filter(product=self.product)
            .exclude(pk=self.pk)
            .by_version()
            .first()
        )
        if successor is not None:
            set_latest(ReleasePage.objects.filter(product=self.product, is_latest=True).exclude(pk=successor.pk), False)
            set_latest(ReleasePage.objects.filter(pk=successor.pk), True)
        return successor

    @property
    def name(self):
        if self.is_pymanager:
            return f"Python install manager {self.version_number}"
        return f"Python {self.version_number}"

    @property
    def feature_version(self):
        return f"{self.major}.{self.minor}"

    snippet_fields = ("content",)

    def get_meta_description(self):
        described = super().get_meta_description()
        if described:
            return described
        return _("%(name)s, released on %(date)s: installers, source code, checksums and signatures.") % {
            "name": self.name,
            "date": date_format(self.release_date, "j F Y"),
        }

    def version_spellings(self):
        """The ways people type a version, so "3.14", "Python 3.14", "python3.14" and "314" all find it."""
        if self.is_pymanager:
            return f"pymanager {self.version_number} install manager"
        version, feature = self.version_number, self.feature_version
        spellings = [version, feature, f"python {feature}", f"python{feature}", f"python{version}",
                     f"py{feature}", feature.replace(".", ""), version.replace(".", "")]  # fmt: skip
        return " ".join(dict.fromkeys(spellings))

    @property
    def is_published(self):
        return self.live

    def get_url_parts(self, request=None):
        # Releases live at /downloads/release/<slug>/ whatever their place in the tree.
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, _path = parts
        return site_id, root_url, reverse("downloads:release_detail", kwargs={"slug": self.slug})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("os").order_by("os_id", "sort_order", "pk")
        context["release_cycle"] = ReleaseCycle.objects.filter(feature_version=self.feature_version).first()
        return context


class ReleaseFileQuerySet(models.QuerySet):
    def published(self):
        return self.filter(release__live=True)

    def download_buttons(self):
        return self.filter(download_button=True)


def validate_file_host(url):
    host = urlsplit(url).hostname or ""
    allowed = settings.DOWNLOADS_ALLOWED_FILE_HOSTS
    if "*" not in allowed and host not in allowed:
        raise ValidationError(
            _("Files must be hosted on %(hosts)s, not “%(host)s”."),
            params={"hosts": ", ".join(allowed), "host": host},
            code="file_host",
        )


class ReleaseFile(Orderable):
    """A downloadable artifact of a release, with its checksums and signatures."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    os = models.ForeignKey(OS, related_name="release_files", on_delete=models.PROTECT, verbose_name=_("OS"))
    release = ParentalKey(ReleasePage, related_name="files", on_delete=models.CASCADE)
    description = models.TextField(blank=True)
    is_source = models.BooleanField(_("source distribution"), default=False)
    url = models.URLField(_("URL"), max_length=500, unique=True, validators=[validate_file_host])
    gpg_signature_file = models.URLField(_("GPG signature URL"), max_length=500, blank=True)
    sigstore_signature_file = models.URLField(_("Sigstore signature URL"), max_length=500, blank=True)
    sigstore_cert_file = models.URLField(_("Sigstore certificate URL"), max_length=500, blank=True)
    sigstore_bundle_file = models.URLField(_("Sigstore bundle URL"), max_length=500, blank=True)
    sbom_spdx2_file = models.URLField(_("SPDX SBOM URL"), max_length=500, blank=True)
    md5_sum = models.CharField(_("MD5 sum"), max_length=200, blank=True)
    sha256_sum = models.CharField(_("SHA-256 sum"), max_length=200, blank=True)
    filesize = models.PositiveBigIntegerField(default=0)
    download_button = models.BooleanField(default=False, help_text=_("The big download button for this OS."))
    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(auto_now=True)
    # Set by the signature verification job.
    gpg_verified = models.BooleanField(null=True, editable=False)
    gpg_verified_at = models.DateTimeField(null=True, editable=False)
    gpg_verification_note = models.CharField(max_length=255, blank=True, editable=False)

    objects = ReleaseFileQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("os"), FieldPanel("is_source"), FieldPanel("download_button")]),
        FieldPanel("description"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("md5_sum"), FieldPanel("sha256_sum"), FieldPanel("filesize")]),
        FieldPanel("gpg_signature_file"),
        FieldRowPanel([FieldPanel("sigstore_signature_file"), FieldPanel("sigstore_cert_file")]),
        FieldRowPanel([FieldPanel("sigstore_bundle_file"), FieldPanel("sbom_spdx2_file")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("release file")
        constraints = [
            models.UniqueConstraint(
                fields=["os", "release"],
                condition=Q(download_button=True),
                name="one_download_button_per_os_per_release",
                violation_error_message=_("Only one file per OS and release can have the download button."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for field, suffix in SIDECAR_SUFFIXES.items():
            value = getattr(self, field)
            if value and self.url and value != self.url + suffix:
                errors[field] = _("Must be the file's URL followed by “%(suffix)s”: %(expected)s") % {
                    "suffix": suffix,
                    "expected": self.url + suffix,
                }
        if errors:
            raise ValidationError(errors)

    # The slug is not typed: it comes from the file's name when none is given (the API may still send one).
    def full_clean(self, *args, **kwargs):
        self.derive_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.derive_slug()
        super().save(*args, **kwargs)

    def derive_slug(self):
        if not self.slug and self.url:
            self.slug = self.unique_slug(slug_for_filename(self.filename))

    def unique_slug(self, base):
        taken = set(
            ReleaseFile.objects.filter(slug__startswith=base).exclude(pk=self.pk).values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base[:190]}-{number}", number + 1
        return slug

    @property
    def filename(self):
        return self.url.rsplit("/", 1)[-1]


def set_latest(releases, value):
    """Set "latest" on these releases and on the drafts they have waiting, so that publishing such a draft
    later keeps the hand-over instead of restoring the flag the draft was saved with."""
    releases = releases.exclude(is_latest=value)
    drafts = list(
        Revision.objects.filter(pk__in=releases.filter(has_unpublished_changes=True).values("latest_revision"))
    )
    releases.update(is_latest=value)
    for draft in drafts:
        draft.content["is_latest"] = value
        draft.save(update_fields=["content"])


def slug_for_filename(filename):
    """The slug of a file from its name: "python-3.14.1-amd64.exe" gives "python-3141-amd64-exe"."""
    compact = re.sub(r"(?<=\d)\.(?=\d)", "", filename)
    return slugify(compact.replace(".", "-"))[:200] or "file"


class ReleaseCycleQuerySet(models.QuerySet):
    ACTIVE_STATUSES = ("feature", "prerelease", "bugfix", "security")

    def active(self):
        return self.filter(status__in=self.ACTIVE_STATUSES).order_by("-major", "-minor")


class ReleaseCycle(models.Model):
    """A feature version's lifecycle (from the release-cycle JSON that the devguide publishes)."""

    feature_version = models.CharField(max_length=10, unique=True)
    major = models.PositiveSmallIntegerField(editable=False)
    minor = models.PositiveSmallIntegerField(editable=False)
    branch = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20)
    first_release = models.CharField(max_length=10, blank=True, help_text=_("YYYY-MM-DD or YYYY-MM."))
    end_of_life = models.CharField(max_length=10, blank=True, help_text=_("YYYY-MM-DD or YYYY-MM."))
    pep = models.PositiveIntegerField(null=True, blank=True)
    release_manager = models.CharField(max_length=200, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ReleaseCycleQuerySet.as_manager()

    class Meta:
        ordering = ["-major", "-minor"]
        verbose_name = _("release cycle")

    def __str__(self):
        return f"{self.feature_version} ({self.status})"

    def save(self, *args, **kwargs):
        major, minor = self.feature_version.split(".", 1)
        self.major, self.minor = int(major), int(minor)
        super().save(*args, **kwargs)

    @property
    def is_end_of_life(self):
        return self.status == "end-of-life"

    @property
    def pep_url(self):
        return f"https://peps.python.org/pep-{self.pep:04d}/" if self.pep else ""


class SigningKey(models.Model):
    """A release manager's OpenPGP public key; release files' GPG signatures are checked against these."""

    owner = models.CharField(max_length=200, help_text=_("Release manager, e.g. Hugo van Kemenade."))
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    public_key = models.TextField(help_text=_("ASCII-armoured public key block."))
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["owner"]
        verbose_name = _("signing key")

    def __str__(self):
        return f"{self.owner} ({self.fingerprint[-16:] or '?'})"

    def clean(self):
        from apps.downloads.verification import fingerprint_of

        fingerprint = fingerprint_of(self.public_key)
        if not fingerprint:
            raise ValidationError({"public_key": _("This is not an OpenPGP public key block.")})
        self.fingerprint = fingerprint
