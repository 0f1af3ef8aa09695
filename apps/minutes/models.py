"""PSF board meeting minutes: one record per meeting date, drafted, published and unpublished in Wagtail."""

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from apps.core.markup import MARKUP_CHOICES, render_markup


class MinutesQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def newest_first(self):
        return self.order_by("-date")

    def in_year(self, year):
        return self.filter(date__year=year)


class Minutes(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    date = models.DateField(_("meeting date"), unique=True)
    content = models.TextField(help_text=_("Attendance, reports, motions and resolutions."))
    content_markup = models.CharField(max_length=20, choices=MARKUP_CHOICES, default="restructuredtext")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = MinutesQuerySet.as_manager()

    panels = [FieldPanel("date"), FieldPanel("content_markup"), FieldPanel("content"), PublishingPanel()]
    search_fields = [
        index.SearchField("content"),
        index.SearchField("title_text", boost=2),
        index.FilterField("live"),
        index.FilterField("date"),
    ]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return self.title_text

    def get_absolute_url(self):
        return reverse("minutes:detail", kwargs={"date": self.date.isoformat()})

    @property
    def title_text(self):
        return f"PSF Board Meeting Minutes {self.date:%B} {self.date.day}, {self.date.year}"

    @cached_property
    def content_html(self):
        return render_markup(self.content, self.content_markup)

    def get_preview_template(self, request, mode_name):
        return "minutes/minutes_detail.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "minutes": self, "same_year": []}
