"""/events/: python.org's legacy event URLs (plain Django views, see docs/events.md)."""

from django.urls import path, register_converter

from apps.events import feeds, views


class FourDigitYear:
    regex = r"[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigits:
    regex = r"[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(FourDigitYear, "yyyy")
register_converter(TwoDigits, "dd")

app_name = "events"
urlpatterns = [
    path("", views.event_index, name="index"),
    path("calendars/", views.calendar_list, name="calendars"),
    path("calendar.ics", feeds.UpcomingEventsICalFeed(), name="upcoming_ics"),
    path("feed/rss/", feeds.UpcomingEventsRssFeed(), name="rss"),
    path("submit/", views.submit_event, name="submit"),
    path("submit/thanks/", views.submit_thanks, name="submit_thanks"),
    path("<slug:calendar_slug>/", views.calendar_events, name="calendar"),
    path("<slug:calendar_slug>/past/", views.calendar_past_events, name="calendar_past"),
    path("<slug:calendar_slug>/calendar.ics", feeds.CalendarICalFeed(), name="calendar_ics"),
    path("<slug:calendar_slug>/categories/", views.category_list, name="categories"),
    path("<slug:calendar_slug>/categories/<slug:slug>/", views.category_events, name="category"),
    path("<slug:calendar_slug>/locations/", views.location_list, name="locations"),
    path("<slug:calendar_slug>/locations/<int:pk>/", views.location_events, name="location"),
    path("<slug:calendar_slug>/date/<yyyy:year>/<dd:month>/<dd:day>/", views.events_on_date, name="date"),
    path("<slug:calendar_slug>/month/<yyyy:year>/<dd:month>/", views.month_view, name="month"),
    path("<slug:calendar_slug>/<int:pk>/", views.event_detail, name="detail"),
    path("<slug:calendar_slug>/<int:pk>/event.ics", feeds.SingleEventICalFeed(), name="event_ics"),
    path("<slug:calendar_slug>/<int:pk>/star/", views.toggle_star, name="star"),
]
