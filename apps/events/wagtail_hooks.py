from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from apps.core.sections import HomepageSection, MenuPanel
from apps.events.admin_views import moderate_event, queue_url
from apps.events.models import Calendar, Event, EventCategory, EventLocation, EventStar
from apps.events.queries import search_calendars, search_upcoming, upcoming_events
from apps.events.signals import GENERATION_KEY
from apps.search.query import SOURCE_LIMIT, SearchResult


class EventIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Event.Status.PENDING and self.request.user.has_perm("events.change_event"):
            buttons.insert(
                0,
                Button(
                    _("Moderate"),
                    url=reverse("events_event:moderate", args=[instance.pk]),
                    icon_name="tasks",
                    priority=1,
                ),
            )
        return buttons


class EventViewSet(ModelViewSet):
    model = Event
    name = "events_event"
    icon = "date"
    index_view_class = EventIndexView
    form_fields = [
        "calendar", "title", "description", "description_markup", "url", "venue", "categories", "featured",
        "cancelled", "start", "end", "all_day", "time_zone", "frequency", "interval", "count", "until",
        "status", "rejection_reason",
    ]  # fmt: skip
    list_display = ["title", "calendar", "start", "frequency", "status", "featured", "submitted_by"]
    list_filter = ["status", "calendar", "featured", "frequency", "cancelled"]
    search_fields = ["title", "description", "uid"]
    list_export = ["title", "calendar", "start", "end", "time_zone", "frequency", "status", "uid"]
    ordering = ["-start"]
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("moderate/<int:pk>/", moderate_event, name="moderate")]


class CalendarViewSet(ModelViewSet):
    model = Calendar
    name = "events_calendar"
    icon = "calendar-alt"
    form_fields = ["name", "slug", "description", "url", "ics_url", "rss", "twitter", "ordering"]
    list_display = ["name", "slug", "ics_url"]
    search_fields = ["name", "slug"]
    list_export = ["name", "slug", "url", "ics_url"]


class EventCategoryViewSet(ModelViewSet):
    model = EventCategory
    name = "events_category"
    icon = "tag"
    form_fields = ["calendar", "name", "slug"]
    list_display = ["name", "slug", "calendar"]
    list_filter = ["calendar"]
    search_fields = ["name"]
    list_export = ["name", "slug", "calendar"]


class EventLocationViewSet(ModelViewSet):
    model = EventLocation
    name = "events_location"
    icon = "site"
    form_fields = ["calendar", "name", "address", "url"]
    list_display = ["name", "address", "calendar"]
    list_filter = ["calendar"]
    search_fields = ["name", "address"]
    list_export = ["name", "address", "url", "calendar"]


class EventStarViewSet(ModelViewSet):
    model = EventStar
    name = "events_star"
    icon = "pick"
    form_fields = ["user", "event"]
    list_display = ["event", "user", "created"]
    list_export = ["event", "user", "created"]


class ModerationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.change_event")


class EventsViewSetGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 300
    items = (EventViewSet, CalendarViewSet, EventCategoryViewSet, EventLocationViewSet, EventStarViewSet)


@hooks.register("register_admin_viewset")
def register_event_viewsets():
    return EventsViewSetGroup()


@hooks.register("register_admin_menu_item")
def register_moderation_queue():
    return ModerationQueueMenuItem(
        _("Event moderation queue"), queue_url(), icon_name="tasks", order=301, name="event-moderation-queue"
    )


@hooks.register("register_menu_panel")
def events_menu_panel():
    return MenuPanel(
        url="/events/",
        template="events/includes/upcoming_panel.html",
        get_context=lambda: {"events": upcoming_events(5)},
        generation_keys=(GENERATION_KEY,),
        name="events",
    )


@hooks.register("register_homepage_section")
def upcoming_events_section():
    return HomepageSection(
        slot="events",
        template="events/includes/homepage_events.html",
        get_context=lambda request: {"events": upcoming_events()},
        generation_keys=(GENERATION_KEY,),
    )


@hooks.register("register_search_source")
def search_events(query):
    """Calendars whose name matches (their pages list past events too), then approved upcoming events."""
    calendars = [
        SearchResult(
            title=calendar.name,
            url=calendar.get_absolute_url(),
            snippet=calendar.description,
            kind=_("Event calendar"),
        )
        for calendar in search_calendars(query)
    ]
    return calendars + [
        SearchResult(
            title=event.title,
            url=event.get_absolute_url(),
            snippet=" · ".join(filter(None, [event.calendar.name, event.venue.display if event.venue_id else ""])),
            kind=_("Event"),
        )
        for event in search_upcoming(query, SOURCE_LIMIT)
    ]
