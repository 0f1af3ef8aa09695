from datetime import UTC, datetime, time, timedelta

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from apps.events import recurrence
from apps.events.models import Calendar, Event, EventLocation

DATE_INPUT = forms.DateInput(attrs={"type": "date"})
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MAX_FILTER_RANGE_DAYS = 3660
MIN_YEAR, MAX_YEAR = 1990, 2100
DESCRIPTION_MAX_LENGTH = 10_000  # as job descriptions; a conference's blurb fits many times over


class EventFilterForm(forms.Form):
    """The listing filters; every value lives in the query string so filtered pages can be linked."""

    q = forms.CharField(label=_("Text"), required=False, max_length=100)
    calendar = forms.ChoiceField(label=_("Calendar"), required=False)
    category = forms.SlugField(label=_("Category"), required=False, max_length=200)
    location = forms.CharField(label=_("Location"), required=False, max_length=100)
    start = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    end = forms.DateField(label=_("Until"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, calendars=(), show_calendar=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["calendar"].choices = [("", _("All calendars"))] + [(c.slug, c.name) for c in calendars]
        if not show_calendar:
            del self.fields["calendar"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if any(day and not MIN_YEAR <= day.year <= MAX_YEAR for day in (start, end)):
            raise forms.ValidationError(
                _("Choose dates between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}
            )
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The “Until” date is before the “From” date."))
            if (end - start).days > MAX_FILTER_RANGE_DAYS:
                raise forms.ValidationError(_("Choose a date range of at most ten years."))
        return data

    @property
    def is_filtering(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    def apply(self, queryset, now):
        """Filter an Event queryset with the cleaned values (call after is_valid())."""
        data = self.cleaned_data
        since = datetime.combine(data["start"], time.min, tzinfo=UTC) if data.get("start") else None
        queryset = queryset.upcoming(now=now, since=since)
        if data.get("end"):
            until = datetime.combine(data["end"], time.min, tzinfo=UTC) + timedelta(days=1)
            queryset = queryset.occurring_between(since or now, until)
        if data.get("q"):
            queryset = queryset.search(data["q"])
        if data.get("calendar"):
            queryset = queryset.filter(calendar__slug=data["calendar"])
        if data.get("category"):
            queryset = queryset.filter(categories__slug=data["category"])
        if data.get("location"):
            queryset = queryset.at_location(data["location"])
        return queryset


class EventSubmissionForm(forms.ModelForm):
    """What a signed-in visitor fills in; times are read in the chosen time zone."""

    start = forms.DateTimeField(
        label=_("Starts"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
    )
    end = forms.DateTimeField(
        label=_("Ends"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
    )
    time_zone = forms.CharField(label=_("Time zone"), initial="UTC", max_length=64, help_text=_("e.g. Europe/Berlin"))
    until = forms.DateField(label=_("Repeat until"), required=False, widget=DATE_INPUT)
    venue_name = forms.CharField(label=_("Venue"), required=False, max_length=255)
    venue_address = forms.CharField(label=_("Address"), required=False, max_length=500)
    venue_url = forms.URLField(label=_("Venue website"), required=False, max_length=500)

    class Meta:
        model = Event
        fields = ["calendar", "title", "description", "url", "all_day", "frequency", "interval", "count"]
        labels = {"count": _("Number of occurrences"), "url": _("Event website")}
        help_texts = {
            "description": _("Markdown. Links and formatting are kept; scripts are removed."),
            "frequency": _("A repeating event needs an end: a “repeat until” date or a number of occurrences."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["calendar"].queryset = Calendar.objects.all()
        self.fields["calendar"].empty_label = None
        description = self.fields["description"]
        description.max_length = DESCRIPTION_MAX_LENGTH
        description.validators.append(MaxLengthValidator(DESCRIPTION_MAX_LENGTH))
        description.widget.attrs["maxlength"] = DESCRIPTION_MAX_LENGTH

    def clean_title(self):
        title = self.cleaned_data["title"]
        if "\n" in title or "\r" in title:
            raise forms.ValidationError(_("The title must fit on one line."))
        return title

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"].strip()
        try:
            recurrence.get_zone(name)
        except recurrence.RecurrenceError as error:
            raise forms.ValidationError(str(error)) from error
        return name

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        all_day = data.get("all_day")
        zone = UTC if all_day else recurrence.get_zone(data["time_zone"])
        start_local, end_local = data["start"].replace(tzinfo=None), data["end"].replace(tzinfo=None)
        for name, value in (("start", start_local), ("end", end_local)):
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                self.add_error(
                    name, _("Choose a date between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}
                )
        if self.errors:
            return data
        if all_day:
            # All-day events cover whole dates; the end date is included.
            start_local = datetime.combine(start_local.date(), time.min)
            end_local = datetime.combine(end_local.date(), time.min) + timedelta(days=1)
        start = start_local.replace(tzinfo=zone).astimezone(UTC)
        end = end_local.replace(tzinfo=zone).astimezone(UTC)
        if end < start:
            self.add_error("end", _("The event ends before it starts."))
            return data
        until = None
        if data.get("frequency") and data.get("until"):
            until_local = datetime.combine(data["until"], time.min if all_day else time.max)
            until = until_local.replace(tzinfo=zone).astimezone(UTC)
        if not data.get("frequency"):
            data["count"] = None
        schedule = recurrence.Schedule(
            start=start, end=end, time_zone="UTC" if all_day else data["time_zone"], all_day=bool(all_day),
            frequency=data.get("frequency") or "", interval=data.get("interval") or 1,
            count=data.get("count"), until=until,
        )  # fmt: skip
        try:
            recurrence.expand(schedule)
        except recurrence.RecurrenceError as error:
            raise forms.ValidationError(str(error)) from error
        self.schedule = schedule
        return data

    def save(self, commit=True):
        event = super().save(commit=False)
        for name in ("start", "end", "time_zone", "all_day", "frequency", "interval", "count", "until"):
            setattr(event, name, getattr(self.schedule, name))
        event.description_markup = "markdown"
        event.status = Event.Status.PENDING
        name = self.cleaned_data.get("venue_name")
        if commit:
            if name:
                event.venue, _created = EventLocation.objects.get_or_create(
                    calendar=event.calendar,
                    name=name,
                    address=self.cleaned_data.get("venue_address", ""),
                    defaults={"url": self.cleaned_data.get("venue_url", "")},
                )
            event.save()
            self.save_m2m()
        return event


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text=_("Sent to the submitter."),
    )  # fmt: skip
