from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Engine, Template, TemplateSyntaxError, engines
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import PreviewableMixin


def debug_engine():
    """The site's template engine with debug on, so syntax errors carry their line number."""
    engine = engines["django"].engine
    return Engine(debug=True, libraries=engine.libraries, builtins=engine.builtins, autoescape=False)


def template_syntax_error(source):
    """None, or "Line N: message" for the first syntax error in ``source``."""
    try:
        Template(source, engine=debug_engine())
    except TemplateSyntaxError as error:
        info = getattr(error, "template_debug", None) or {}
        line = info.get("line")
        return _("Line %(line)s: %(error)s") % {"line": line, "error": error} if line else str(error)
    return None


class Placeholder(str):
    """Stands in for a context value the preview has no example of: renders as ‹name›.

    Templates look up ``{{ job.title }}`` by item first, so ``placeholder["title"]`` gives ‹job.title›;
    filters that need a real date or number get a string and show nothing, as Django does for bad input.
    """

    def __new__(cls, name):
        placeholder = super().__new__(cls, f"‹{name}›")
        placeholder.name = name
        return placeholder

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(key)
        return Placeholder(f"{self.name}.{key}")


def with_dates(value):
    """Example values as JSON hold dates as ISO strings; turn those into datetimes for the date filters."""
    if isinstance(value, dict):
        return {key: with_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_dates(item) for item in value]
    if isinstance(value, str) and len(value) >= 10 and value[:4].isdigit() and value[4] == "-":
        parsed = parse_datetime(value) or parse_date(value)
        if parsed is not None:
            return parsed
    return value


class ExampleContext(dict):
    """The example values staff gave, and a placeholder for every other name."""

    def __contains__(self, key):
        return True

    def __missing__(self, key):
        return Placeholder(key)


class EmailTemplateQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class EmailTemplate(PreviewableMixin, models.Model):
    """An email whose subject and body staff edit in the admin; Django template syntax."""

    key = models.SlugField(max_length=100, unique=True, help_text=_("How the code refers to it, e.g. jobs-approved."))
    description = models.CharField(max_length=255, blank=True)
    subject = models.CharField(max_length=255)
    body = models.TextField(help_text=_("Plain text with {{ placeholders }} in Django template syntax."))
    example_context = models.JSONField(
        default=dict,
        blank=True,
        help_text=_(
            'Example values for the preview, as JSON: {"job": {"job_title": "Python Developer"}}. '
            "Names without an example show as ‹name›."
        ),
    )
    is_active = models.BooleanField(
        default=True, help_text=_("An inactive template sends nothing; each skipped email is logged.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmailTemplateQuerySet.as_manager()

    panels = [
        FieldPanel("key"),
        FieldPanel("description"),
        FieldPanel("subject"),
        FieldPanel("body"),
        FieldPanel("example_context"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.key

    def save(self, *args, **kwargs):
        # Never store a template that cannot render, whatever path saves it.
        if errors := self.syntax_errors():
            raise ValidationError(errors)
        super().save(*args, **kwargs)

    def render(self, context):
        """Return (subject, body) rendered with ``context``."""
        ctx = Context(context, autoescape=False)
        subject = " ".join(Template(self.subject).render(ctx).split())
        return subject, Template(self.body).render(ctx)

    def syntax_errors(self):
        errors = {field: template_syntax_error(getattr(self, field)) for field in ("subject", "body")}
        return {field: error for field, error in errors.items() if error}

    def clean(self):
        if errors := self.syntax_errors():
            raise ValidationError(errors)
        if not isinstance(self.example_context, dict):
            raise ValidationError({"example_context": _('Give the examples as a JSON object: {"name": value}.')})

    # Preview in the admin (the edit form's preview panel)

    def get_preview_template(self, request, mode_name):
        return "mailing/email_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["from_email"] = settings.DEFAULT_FROM_EMAIL
        if errors := self.syntax_errors():
            context["errors"] = errors.values()
            return context
        examples = ExampleContext(with_dates(self.example_context) if isinstance(self.example_context, dict) else {})
        try:
            context["subject"], context["body"] = self.render(examples)
        except Exception as error:  # noqa: BLE001 - a runtime error in the template is shown to its editor
            context["errors"] = [str(error)]
        return context


class EmailLogQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(status=EmailLog.Status.FAILED)


class EmailLog(models.Model):
    """One row per email the site sent, tried to send, or skipped; retries update the same row."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent (template missing or inactive)")

    template_key = models.CharField(max_length=100, blank=True, db_index=True)
    to = models.TextField()
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    attachments = models.JSONField(
        default=list, blank=True, help_text=_("Files attached from storage: name, path and type of each.")
    )
    status = models.CharField(max_length=10, choices=Status.choices, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = EmailLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email log entry")
        verbose_name_plural = _("email log")
        permissions = [("resend_emaillog", "Can resend emails that failed")]

    def __str__(self):
        return f"{self.subject or self.template_key} → {self.to}"

    @property
    def recipients(self):
        return [address.strip() for address in self.to.split(",") if address.strip()]

    @property
    def can_resend(self):
        return self.status == self.Status.FAILED and bool(self.recipients) and bool(self.subject)

    def record_attempt(self, error=None):
        self.attempts += 1
        if error is None:
            self.status, self.error, self.sent_at = self.Status.SENT, "", timezone.now()
        else:
            self.status, self.error = self.Status.FAILED, f"{type(error).__name__}: {error}"
        self.save(update_fields=["attempts", "status", "error", "sent_at"])
