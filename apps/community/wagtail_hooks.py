from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from apps.community.models import Post
from apps.community.queries import latest_public_posts, search_public_posts
from apps.core.sections import MenuPanel
from apps.search.query import SOURCE_LIMIT, SearchResult, excerpt


class RejectInvalidMixin:
    """An invalid form (an oversized photo, a missing field) answers 400 with the form's messages."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def save_instance(self):
        if self.form.instance.author_id is None:
            self.form.instance.author = self.request.user
        return super().save_instance()


class PostCreateView(RejectInvalidMixin, CreateView):
    pass


class PostEditView(RejectInvalidMixin, EditView):
    pass


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "group"
    menu_label = _("Community posts")
    menu_order = 255
    add_to_admin_menu = True
    add_view_class = PostCreateView
    edit_view_class = PostEditView
    list_display = ["title", "kind", "status", "author", "created"]
    list_filter = ["kind", "status"]
    list_export = ["title", "kind", "status", "url", "video_url", "created"]
    search_fields = ["title", "abstract", "body"]
    search_backend_name = None
    ordering = ["-created"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_post_viewset():
    return PostViewSet()


@hooks.register("register_menu_panel")
def community_menu_panel():
    return MenuPanel(
        url="/community/",
        template="community/includes/menu_panel.html",
        get_context=lambda: {"posts": latest_public_posts()},
    )


@hooks.register("register_search_source")
def search_posts(query):
    """Public community posts for the site search."""
    return [
        SearchResult(title=post.title, url=post.get_absolute_url(), snippet=excerpt(post.abstract or post.body, query),
                     kind="Community post")
        for post in search_public_posts(query, SOURCE_LIMIT)
    ]  # fmt: skip
