from django.db import models
from django.template import Context, Template, TemplateSyntaxError
from django.utils.translation import gettext_lazy as _


class EmailTemplateQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class EmailTemplate(models.Model):
    """An email whose subject and body staff edit in the admin; Django template syntax."""

    key = models.SlugField(max_length=100, unique=True, help_text=_("How the code refers to it, e.g. jobs-approved."))
    description = models.CharField(max_length=255, blank=True)
    subject = models.CharField(max_length=255)
    body = models.TextField(help_text=_("Plain text with {{ placeholders }} in Django template syntax."))
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmailTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.key

    def render(self, context):
        """Return (subject, body) rendered with ``context``."""
        ctx = Context(context, autoescape=False)
        subject = " ".join(Template(self.subject).render(ctx).split())
        return subject, Template(self.body).render(ctx)

    def clean(self):
        from django.core.exceptions import ValidationError

        for field in ("subject", "body"):
            try:
                Template(getattr(self, field))
            except TemplateSyntaxError as error:
                raise ValidationError({field: str(error)}) from error


class EmailLog(models.Model):
    """One row per email the site sent or failed to send."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    template_key = models.CharField(max_length=100, blank=True, db_index=True)
    to = models.TextField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"
