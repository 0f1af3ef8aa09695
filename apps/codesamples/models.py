"""The code samples of the homepage carousel: snippets editors write, order, publish and unpublish."""

from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from apps.core.markup import highlight_code

GENERATION_KEY = "codesamples-generation"


class CodeSampleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True).order_by("sort_order", "pk")


class CodeSample(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """One slide: a short interactive-session listing beside a title and a few lines about it."""

    LANGUAGES = [("pycon", _("Python console session")), ("python", _("Python source")), ("text", _("Plain text"))]

    title = models.CharField(max_length=100, help_text=_("e.g. Functions Defined"))
    code = models.TextField(help_text=_("The listing, as plain text; it is highlighted on the page."))
    language = models.CharField(max_length=20, choices=LANGUAGES, default="pycon")
    description = RichTextField(features=["bold", "italic", "link", "code"])
    sort_order = models.IntegerField(default=0, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CodeSampleQuerySet.as_manager()

    panels = [FieldPanel("title"), FieldPanel("language"), FieldPanel("code"), FieldPanel("description")]
    search_fields = [index.SearchField("title"), index.SearchField("code"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("code sample")

    def __str__(self):
        return self.title

    def highlighted(self):
        return highlight_code(self.code, self.language)

    def description_html(self):
        """The description as HTML: the editor's links to pages and documents become real addresses."""
        return mark_safe(expand_db_html(self.description))  # noqa: S308 - Wagtail rich text from editors

    def get_preview_template(self, request, mode_name):
        return "codesamples/code_sample_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"samples": [self], "object": self}
