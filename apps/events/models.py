"""Calendars, their events (one-off or recurring), venues, categories, stars and reminders.

An event's schedule (start, end, time zone, rrule parts) is canonical; its
``Occurrence`` rows and ``ends_at`` are derived from it on save, so listings,
month views and reminders are plain indexed SQL whatever the rule.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.markup import MARKUP_CHOICES, render_markup
from apps.events import recurrence

# Slugs that are URL segments of their own under /events/.
RESERVED_CALENDAR_SLUGS = {"calendars", "submit", "calendar.ics", "feed", "rss", "month", "date", "search", "starred"}
JUST_MISSED_DAYS = 7


def validate_calendar_slug(value):
    if value in RESERVED_CALENDAR_SLUGS:
        raise ValidationError(_("“%(slug)s” is a reserved address under /events/."), params={"slug": value})


class Calendar(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, validators=[validate_calendar_slug])
    description = models.TextField(blank=True)
    url = models.URLField(blank=True, help_text=_("The calendar's home page."))
    ics_url = models.URLField(
        blank=True,
        max_length=500,
        help_text=_("An iCalendar (ICS) address imported periodically; leave empty if none."),
    )
    rss = models.URLField(blank=True, help_text=_("An external RSS feed for this calendar, if any."))
    twitter = models.URLField(blank=True)
    ordering = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["ordering", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:calendar", kwargs={"calendar_slug": self.slug})

    def get_ics_url(self):
        return reverse("events:calendar_ics", kwargs={"calendar_slug": self.slug})


class EventCategory(models.Model):
    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("event categories")
        constraints = [models.UniqueConstraint(fields=["calendar", "slug"], name="events_category_unique_slug")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:category", kwargs={"calendar_slug": self.calendar.slug, "slug": self.slug})


class EventLocation(models.Model):
    """A venue: name, address and link."""

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=255)
    address = models.CharField(max_length=500, blank=True)
    url = models.URLField(blank=True, max_length=500)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.display

    def get_absolute_url(self):
        return reverse("events:location", kwargs={"calendar_slug": self.calendar.slug, "pk": self.pk})

    @property
    def display(self):
        return f"{self.name}, {self.address}" if self.address else self.name


class EventQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Event.Status.APPROVED)

    def pending(self):
        return self.filter(status=Event.Status.PENDING)

    def with_display_relations(self):
        return self.select_related("calendar", "venue").prefetch_related("categories")

    def upcoming(self, now=None, since=None):
        """Approved events with an occurrence that has not ended, soonest next occurrence first.

        ``since`` moves the lower bound (a date-range filter); ``next_start`` is annotated.
        """
        lower = since or now or timezone.now()
        # A correlated subquery (one index lookup per event) rather than GROUP BY over wide joined rows.
        next_start = Occurrence.objects.filter(event=OuterRef("pk"), end__gte=lower).order_by("start").values("start")
        return (
            self.approved()
            .filter(ends_at__gte=lower)
            .annotate(next_start=Subquery(next_start[:1]))
            .order_by("next_start", "pk")
        )

    def featured_first(self):
        return self.order_by("-featured", "next_start", "pk")

    def past(self, now=None):
        return self.approved().filter(ends_at__lt=now or timezone.now()).order_by("-ends_at", "-pk")

    def occurring_between(self, start, end):
        """Events with at least one occurrence overlapping [start, end)."""
        overlapping = Occurrence.objects.filter(event=OuterRef("pk"), start__lt=end, end__gt=start)
        return self.filter(Exists(overlapping))

    def search(self, text):
        query = Q()
        for word in text.split():
            query &= (
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(venue__name__icontains=word)
                | Q(calendar__name__icontains=word)
            )
        return self.filter(query)

    def at_location(self, text):
        return self.filter(Q(venue__name__icontains=text) | Q(venue__address__icontains=text))


class Event(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Frequency(models.TextChoices):
        NONE = "", _("Does not repeat")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        YEARLY = "yearly", _("Yearly")

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="events")
    uid = models.CharField(max_length=255, blank=True, help_text=_("iCalendar UID; set by the ICS import."))
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    description_markup = models.CharField(max_length=30, choices=MARKUP_CHOICES, default="markdown")
    # Derived on save: the sanitised HTML of the description, so pages and feeds never re-render it.
    description_rendered = models.TextField(blank=True, editable=False)
    url = models.URLField(blank=True, max_length=500, help_text=_("The event's own website."))
    venue = models.ForeignKey(EventLocation, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    categories = models.ManyToManyField(EventCategory, blank=True, related_name="events")
    featured = models.BooleanField(default=False, db_index=True)
    cancelled = models.BooleanField(default=False)

    # The schedule: the first occurrence (UTC) and an optional rrule.
    start = models.DateTimeField(help_text=_("Start of the first occurrence."))
    end = models.DateTimeField(help_text=_("End of the first occurrence."))
    all_day = models.BooleanField(default=False)
    time_zone = models.CharField(max_length=64, default="UTC", choices=recurrence.time_zone_choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, blank=True, default="")
    interval = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(365)])
    count = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(recurrence.MAX_OCCURRENCES)]
    )
    until = models.DateTimeField(null=True, blank=True, help_text=_("Last possible start of a repeating event."))
    # Derived from the schedule on save: the end of the last occurrence.
    ends_at = models.DateTimeField(db_index=True, editable=False)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPROVED, db_index=True)
    rejection_reason = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="submitted_events"
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(
                fields=["calendar", "uid"], condition=~Q(uid=""), name="events_event_unique_uid_per_calendar"
            ),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="events_event_end_after_start"),
        ]
        indexes = [models.Index(fields=["status", "ends_at"], name="events_status_ends_at")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        occurrences = recurrence.expand(self.schedule)
        self.ends_at = occurrences[-1][1]
        self.render_description()
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.occurrences.all().delete()
            Occurrence.objects.bulk_create(Occurrence(event=self, start=s, end=e) for s, e in occurrences)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"calendar_slug": self.calendar.slug, "pk": self.pk})

    def get_ics_url(self):
        return reverse("events:event_ics", kwargs={"calendar_slug": self.calendar.slug, "pk": self.pk})

    @property
    def schedule(self):
        return recurrence.Schedule(
            start=self.start, end=self.end, time_zone=self.time_zone, all_day=self.all_day,
            frequency=self.frequency, interval=self.interval, count=self.count, until=self.until,
        )  # fmt: skip

    @property
    def is_recurring(self):
        return bool(self.frequency)

    @property
    def recurrence_label(self):
        """ "weekly", "every 2 weeks", "every 3 months" …; empty for a one-off event."""
        if not self.frequency:
            return ""
        if self.interval <= 1:
            return str(self.get_frequency_display()).lower()
        units = {
            self.Frequency.DAILY: ngettext("every %(n)d day", "every %(n)d days", self.interval),
            self.Frequency.WEEKLY: ngettext("every %(n)d week", "every %(n)d weeks", self.interval),
            self.Frequency.MONTHLY: ngettext("every %(n)d month", "every %(n)d months", self.interval),
            self.Frequency.YEARLY: ngettext("every %(n)d year", "every %(n)d years", self.interval),
        }
        return units[self.frequency] % {"n": self.interval}

    @property
    def is_past(self):
        """Every occurrence has ended: nothing left to star or be reminded of."""
        return self.ends_at is not None and self.ends_at < timezone.now()

    @cached_property
    def zone(self):
        return recurrence.get_zone(self.time_zone)

    @property
    def description_html(self):
        return mark_safe(self.description_rendered)  # noqa: S308 - sanitised by render_markup on save

    def render_description(self):
        self.description_rendered = str(render_markup(self.description, self.description_markup))

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event ends before it starts.")})
        if self.time_zone:
            try:
                recurrence.get_zone(self.time_zone)
            except recurrence.RecurrenceError as error:
                raise ValidationError({"time_zone": str(error)}) from error
        if self.start and self.end:
            try:
                recurrence.expand(self.schedule)
            except recurrence.RecurrenceError as error:
                raise ValidationError(str(error)) from error

    def next_occurrences(self, limit=10, now=None):
        return list(self.occurrences.filter(end__gte=now or timezone.now()).order_by("start")[:limit])

    # Moderation: one method per transition.
    def approve(self, moderator):
        self.status = self.Status.APPROVED
        self.rejection_reason = ""
        self._moderated(moderator)

    def reject(self, moderator, reason):
        self.status = self.Status.REJECTED
        self.rejection_reason = reason
        self._moderated(moderator)

    def _moderated(self, moderator):
        self.moderated_by = moderator
        self.moderated_at = timezone.now()
        self.save()


class OccurrenceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(event__status=Event.Status.APPROVED).select_related("event__calendar", "event__venue")

    def happening_now(self, now=None):
        now = now or timezone.now()
        return self.public().filter(start__lte=now, end__gt=now).order_by("start")

    def just_missed(self, now=None, days=JUST_MISSED_DAYS):
        now = now or timezone.now()
        return self.public().filter(end__lte=now, end__gt=now - timedelta(days=days)).order_by("-end")

    def between(self, start, end):
        return self.public().filter(start__lt=end, end__gt=start).order_by("start", "event_id")


class Occurrence(models.Model):
    """One concrete (start, end) of an event in UTC; derived from the event's schedule."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(db_index=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["event", "start", "end"], name="events_occurrence_event_start")]

    def __str__(self):
        return f"{self.event} at {self.start:%Y-%m-%d %H:%M}"


class EventStar(models.Model):
    """A user's star on an event: they are reminded by email before each occurrence."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_stars")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="stars")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "event"], name="events_star_unique")]

    def __str__(self):
        return f"{self.user} ★ {self.event}"


class EventReminder(models.Model):
    """A reminder already sent, so the periodic job never sends the same one twice."""

    star = models.ForeignKey(EventStar, on_delete=models.CASCADE, related_name="reminders")
    occurrence_start = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["star", "occurrence_start"], name="events_reminder_once_per_occurrence")
        ]

    def __str__(self):
        return f"{self.star} @ {self.occurrence_start}"
