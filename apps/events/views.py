"""Public event pages: plain Django views under /events/ (python.org's legacy URLs)."""

import calendar as calendar_lib
from datetime import UTC, date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.cache import add_surrogate_keys
from apps.events import notifications
from apps.events.forms import EventFilterForm, EventSubmissionForm
from apps.events.models import Calendar, Event, EventCategory, EventLocation, EventStar, Occurrence
from apps.events.signals import SURROGATE_KEY

EVENTS_PER_PAGE = 25
NEXT_OCCURRENCES = 10
MIN_YEAR, MAX_YEAR = 1990, 2100


def _render(request, template, context, status=200):
    response = render(request, template, context, status=status)
    return add_surrogate_keys(response, SURROGATE_KEY)


def _page(request, queryset):
    paginator = Paginator(queryset, EVENTS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def _filtered_listing(request, base, *, calendars, show_calendar=True, exclude_ids=()):
    """(form, page of events, status) for a listing filtered by the query string."""
    form = EventFilterForm(request.GET or None, calendars=calendars, show_calendar=show_calendar)
    now = timezone.now()
    if form.is_bound and not form.is_valid():
        return form, None, 400
    events = form.apply(base, now) if form.is_bound else base.upcoming(now=now)
    if exclude_ids and not form.is_filtering:
        events = events.exclude(pk__in=exclude_ids)
    events = events.featured_first().select_related("calendar", "venue")
    return form, _page(request, events), 200


def _query_without_page(request):
    """The filters as "name=value&…" for includes/pagination.html, which URL-encodes it."""
    return "&".join(f"{name}={value}" for name, value in request.GET.items() if name != "page" and value)


@require_GET
def event_index(request):
    now = timezone.now()
    calendars = list(Calendar.objects.all())
    happening_now = list(Occurrence.objects.happening_now(now)[:10])
    # An event under "Happening now" is not listed again under "Upcoming".
    form, page, status = _filtered_listing(
        request,
        Event.objects.all(),
        calendars=calendars,
        exclude_ids=[occurrence.event_id for occurrence in happening_now],
    )
    context = {
        "calendars": calendars,
        "form": form,
        "page_obj": page,
        "extra": _query_without_page(request),
        "happening_now": [] if form.is_filtering else happening_now,
        "just_missed": [] if form.is_filtering else list(Occurrence.objects.just_missed(now)[:5]),
    }
    return _render(request, "events/event_index.html", context, status=status)


@require_GET
def calendar_list(request):
    calendars = Calendar.objects.annotate(
        upcoming_count=Count(
            "events", filter=Q(events__status=Event.Status.APPROVED, events__ends_at__gte=timezone.now())
        )
    )
    return _render(request, "events/calendar_list.html", {"calendars": calendars})


def _calendar(slug):
    return get_object_or_404(Calendar, slug=slug)


@require_GET
def calendar_events(request, calendar_slug):
    calendar = _calendar(calendar_slug)
    form, page, status = _filtered_listing(
        request, Event.objects.filter(calendar=calendar), calendars=[calendar], show_calendar=False
    )
    context = {"calendar": calendar, "form": form, "page_obj": page, "extra": _query_without_page(request)}
    return _render(request, "events/event_list.html", context, status=status)


@require_GET
def calendar_past_events(request, calendar_slug):
    calendar = _calendar(calendar_slug)
    events = Event.objects.filter(calendar=calendar).past().select_related("calendar", "venue")
    context = {"calendar": calendar, "page_obj": _page(request, events), "past": True}
    return _render(request, "events/event_list.html", context)


@require_GET
def category_list(request, calendar_slug):
    calendar = _calendar(calendar_slug)
    categories = calendar.categories.annotate(event_count=Count("events"))
    return _render(request, "events/category_list.html", {"calendar": calendar, "categories": categories})


@require_GET
def category_events(request, calendar_slug, slug):
    category = get_object_or_404(
        EventCategory.objects.select_related("calendar"), calendar__slug=calendar_slug, slug=slug
    )
    events = category.events.upcoming().select_related("calendar", "venue")
    context = {
        "calendar": category.calendar,
        "heading": _("%(category)s events") % {"category": category.name},
        "page_obj": _page(request, events),
    }
    return _render(request, "events/event_list.html", context)


@require_GET
def location_list(request, calendar_slug):
    calendar = _calendar(calendar_slug)
    locations = calendar.locations.annotate(event_count=Count("events")).filter(event_count__gt=0)
    return _render(request, "events/location_list.html", {"calendar": calendar, "locations": locations})


@require_GET
def location_events(request, calendar_slug, pk):
    venue = get_object_or_404(EventLocation.objects.select_related("calendar"), calendar__slug=calendar_slug, pk=pk)
    events = venue.events.upcoming().select_related("calendar", "venue")
    context = {
        "calendar": venue.calendar,
        "heading": _("Events at %(venue)s") % {"venue": venue.name},
        "venue": venue,
        "page_obj": _page(request, events),
    }
    return _render(request, "events/event_list.html", context)


def _valid_date(year, month, day=1):
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise Http404(_("No events that far away."))
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise Http404(_("No such date.")) from error


def _local_days(occurrence):
    """The dates an occurrence covers in its event's own time zone (UTC dates for all-day events)."""
    event = occurrence.event
    zone = UTC if event.all_day else event.zone
    first = occurrence.start.astimezone(zone).date()
    last = max(first, (occurrence.end - timedelta(microseconds=1)).astimezone(zone).date())
    return first, last


def _occurrences_by_local_day(calendar, first_day, last_day, limit):
    """{date: [occurrence, …]} for the local dates first_day..last_day."""
    # Local dates are at most 14 hours away from UTC ones; widen the query, then place by local date.
    start = datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC) - timedelta(days=1)
    end = datetime(last_day.year, last_day.month, last_day.day, tzinfo=UTC) + timedelta(days=2)
    by_day = {}
    for occurrence in Occurrence.objects.between(start, end).filter(event__calendar=calendar)[:limit]:
        day, last = _local_days(occurrence)
        day = max(day, first_day)
        while day <= min(last, last_day):
            by_day.setdefault(day, []).append(occurrence)
            day += timedelta(days=1)
    return by_day


@require_GET
def events_on_date(request, calendar_slug, year, month, day):
    calendar = _calendar(calendar_slug)
    day_date = _valid_date(year, month, day)
    occurrences = _occurrences_by_local_day(calendar, day_date, day_date, 500).get(day_date, [])
    context = {
        "calendar": calendar,
        "day": day_date,
        "occurrences": occurrences,
        "previous_day": day_date - timedelta(days=1),
        "next_day": day_date + timedelta(days=1),
    }
    return _render(request, "events/event_date.html", context)


@require_GET
def month_view(request, calendar_slug, year, month):
    calendar = _calendar(calendar_slug)
    first = _valid_date(year, month)
    days_in_month = calendar_lib.monthrange(first.year, first.month)[1]
    last = first + timedelta(days=days_in_month - 1)
    by_day = _occurrences_by_local_day(calendar, first, last, 2000)
    weeks = [
        [(day, by_day.get(day, []), day.month == first.month) for day in week]
        for week in calendar_lib.Calendar().monthdatescalendar(first.year, first.month)
    ]
    context = {
        "calendar": calendar,
        "month": first,
        "weeks": weeks,
        "weekdays": [calendar_lib.day_abbr[i] for i in range(7)],
        "previous_month": (first - timedelta(days=1)).replace(day=1),
        "next_month": last + timedelta(days=1),
    }
    return _render(request, "events/month.html", context)


def _detail_context(request, event):
    starred = request.user.is_authenticated and EventStar.objects.filter(user=request.user, event=event).exists()
    return {
        "calendar": event.calendar,
        "event": event,
        "occurrences": event.next_occurrences(NEXT_OCCURRENCES),
        "starred": starred,
    }


@require_GET
def event_detail(request, calendar_slug, pk):
    event = get_object_or_404(Event.objects.approved().with_display_relations(), calendar__slug=calendar_slug, pk=pk)
    response = _render(request, "events/event_detail.html", _detail_context(request, event))
    return add_surrogate_keys(response, f"event-{event.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def toggle_star(request, calendar_slug, pk):
    event = get_object_or_404(Event.objects.approved(), calendar__slug=calendar_slug, pk=pk)
    if request.method == "GET":
        # A visitor who clicked "Star" before signing in comes back here by GET: back to the event.
        if not event.is_past and not EventStar.objects.filter(user=request.user, event=event).exists():
            messages.info(request, _("You are signed in. Star the event below to get a reminder before it starts."))
        return redirect(event.get_absolute_url())
    if event.is_past:
        messages.error(request, _("This event is over; there is nothing left to remind you of."))
        return _render(request, "events/event_detail.html", _detail_context(request, event), status=400)
    star, created = EventStar.objects.get_or_create(user=request.user, event=event)
    if created:
        messages.success(request, _("Starred. We will email you a reminder before it starts."))
    else:
        star.delete()
        messages.info(request, _("Star removed; no more reminders for this event."))
    return redirect(event.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def submit_event(request):
    form = EventSubmissionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            event = form.save(commit=False)
            event.submitted_by = request.user
            form.save()
            notifications.event_submitted(event)
            messages.success(request, _("Thank you! Your event will appear once a moderator approves it."))
            return redirect("events:submit_thanks")
        return render(request, "events/event_form.html", {"form": form}, status=400)
    return render(request, "events/event_form.html", {"form": form})


@login_required
@require_GET
def submit_thanks(request):
    return render(request, "events/event_submitted.html")
