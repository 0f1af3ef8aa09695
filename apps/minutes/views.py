import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from apps.core.cache import add_surrogate_keys
from apps.minutes.models import Minutes
from apps.minutes.signals import SURROGATE_KEY


def minutes_list(request):
    """Every published meeting, newest first, grouped by year in the template."""
    minutes = Minutes.objects.published().newest_first().only("pk", "date")
    response = render(request, "minutes/minutes_list.html", {"minutes_list": minutes})
    return add_surrogate_keys(response, SURROGATE_KEY)


def parse_meeting_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:  # e.g. 2025-02-30
        raise Http404("No such date") from error


def minutes_detail(request, date):
    meeting_date = parse_meeting_date(date)
    minutes = get_object_or_404(Minutes.objects.published(), date=meeting_date)
    same_year = Minutes.objects.published().in_year(meeting_date.year).order_by("date").only("pk", "date")
    response = render(request, "minutes/minutes_detail.html", {"minutes": minutes, "same_year": same_year})
    return add_surrogate_keys(response, SURROGATE_KEY)
