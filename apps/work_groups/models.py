"""The PSF work-group registry: charters, organizers and members."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from apps.core.markup import MARKUP_CHOICES, render_markup

# The charter's sections, in the order the PSF asks for them: (field, heading).
CHARTER_SECTIONS = (
    ("purpose", _("Purpose")),
    ("active_time", _("Active time")),
    ("core_values", _("Core values")),
    ("rules", _("Rules and decision making")),
    ("communication", _("Communication")),
    ("support", _("Support from the PSF")),
)


class WorkGroupQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def approved(self):
        return self.filter(approved=True)

    def active_first(self):
        return self.order_by("-active", "name")


class WorkGroup(index.Indexed, models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    short_description = models.TextField(blank=True, help_text=_("One or two sentences for the list of groups."))
    markup = models.CharField(max_length=20, choices=MARKUP_CHOICES, default="markdown",
                              help_text=_("How the charter sections are written."))  # fmt: skip
    purpose = models.TextField(help_text=_("The group's mission and the goals its members share."))
    active_time = models.TextField(help_text=_("How long the group will exist, and whether it can be extended."))
    core_values = models.TextField(help_text=_("The values the group holds to and statements it adopts."))
    rules = models.TextField(help_text=_("How the group makes decisions, and the rules of those procedures."))
    communication = models.TextField(help_text=_("How and how often the group communicates."))
    support = models.TextField(blank=True, help_text=_("The resources the group needs from the PSF."))
    url = models.URLField("URL", blank=True, help_text=_("The group's main page or mailing list."))
    organizers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="organized_work_groups")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="work_groups")
    active = models.BooleanField(default=True, db_index=True)
    approved = models.BooleanField(default=False, db_index=True, help_text=_("Approved by the PSF board."))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = WorkGroupQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("short_description"),
        index.SearchField("purpose"),
        index.FilterField("approved"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("work_groups:detail", kwargs={"slug": self.slug})

    def charter(self):
        """(heading, rendered HTML) for each filled charter section."""
        return [
            (heading, render_markup(getattr(self, field), self.markup))
            for field, heading in CHARTER_SECTIONS
            if getattr(self, field).strip()
        ]
