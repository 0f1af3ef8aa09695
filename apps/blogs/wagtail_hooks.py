from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from apps.blogs.admin_views import refresh_now
from apps.blogs.models import BlogEntry, Feed, FeedAggregate, RelatedBlog
from apps.blogs.queries import latest_entries, search_entries
from apps.core.sections import HomepageSection, MenuPanel
from apps.search.query import SOURCE_LIMIT, SearchResult, excerpt, later


class FeedIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("blogs.change_feed"):
            url = reverse("blogs_feed:refresh", args=[instance.pk])
            buttons.insert(0, Button(_("Refresh now"), url=url, icon_name="rotate", priority=1))
        return buttons


class FeedViewSet(ModelViewSet):
    model = Feed
    name = "blogs_feed"
    url_prefix = "news/feeds"
    icon = "rotate"
    index_view_class = FeedIndexView
    form_fields = ["name", "slug", "website_url", "feed_url", "active"]
    list_display = ["name", "feed_url", "active", "last_import", "last_error"]
    list_filter = ["active"]
    search_fields = ["name", "feed_url"]
    list_export = ["name", "slug", "website_url", "feed_url", "active", "last_import", "last_error"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("refresh/<int:pk>/", refresh_now, name="refresh")]


class BlogEntryViewSet(ModelViewSet):
    model = BlogEntry
    name = "blogs_entry"
    url_prefix = "news/entries"
    icon = "doc-full"
    add_view_enabled = False  # entries come from the feeds
    form_fields = ["title", "featured", "summary", "pub_date", "url"]
    list_display = ["title", "feed", "pub_date", "featured"]
    list_filter = ["feed", "featured"]
    search_fields = ["title", "summary"]
    list_export = ["title", "feed", "pub_date", "url", "guid", "featured"]
    ordering = ["-pub_date"]
    inspect_view_enabled = True


class FeedAggregateViewSet(ModelViewSet):
    model = FeedAggregate
    name = "blogs_aggregate"
    url_prefix = "news/aggregates"
    icon = "group"
    form_fields = ["name", "slug", "description", "feeds"]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description"]


class RelatedBlogViewSet(ModelViewSet):
    model = RelatedBlog
    name = "blogs_related"
    url_prefix = "news/related-blogs"
    icon = "link"
    form_fields = ["name", "url", "description", "sort_order"]
    list_display = ["name", "url", "sort_order"]
    search_fields = ["name", "url"]
    list_export = ["name", "url", "description", "sort_order"]


class NewsViewSetGroup(ViewSetGroup):
    menu_label = _("News")
    menu_icon = "doc-full"
    menu_order = 320
    items = (BlogEntryViewSet, FeedViewSet, FeedAggregateViewSet, RelatedBlogViewSet)


@hooks.register("register_admin_viewset")
def register_news_viewsets():
    return NewsViewSetGroup()


@hooks.register("register_homepage_section")
def latest_news_section():
    return HomepageSection(
        slot="news",
        template="blogs/includes/homepage_news.html",
        get_context=lambda request: {"entries": latest_entries()},
    )


@hooks.register("register_menu_panel")
def news_menu_panel():
    return MenuPanel(
        url="/blogs/", template="blogs/includes/news_panel.html", get_context=lambda: {"entries": latest_entries()}
    )


def news_snippet(entry, query):
    return excerpt(entry.plain_summary, query)


@hooks.register("register_search_source")
def search_news(query):
    return [
        SearchResult(title=entry.title, url=entry.url, snippet=later(news_snippet, entry, query), kind="News")
        for entry in search_entries(query, SOURCE_LIMIT)
    ]
