from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.core.sections import HomepageSection, MenuPanel
from apps.successstories.models import Company, StoryCategory, StorySubmission
from apps.successstories.queries import featured_story


class CompanyViewSet(SnippetViewSet):
    model = Company
    icon = "site"
    list_display = ["name", "website"]
    search_fields = ["name"]
    list_export = ["name", "slug", "website"]


class StoryCategoryViewSet(SnippetViewSet):
    model = StoryCategory
    icon = "tag"
    list_display = ["name", "slug"]
    list_export = ["name", "slug"]


class StorySubmissionViewSet(ModelViewSet):
    model = StorySubmission
    name = "successstories_submission"
    icon = "mail"
    add_view_enabled = False
    form_fields = ["published_notice_sent_at"]
    list_display = ["page", "submitted_by", "created", "published_notice_sent_at"]
    list_export = ["page", "submitted_by", "created", "published_notice_sent_at"]
    inspect_view_enabled = True


class SuccessStoriesViewSetGroup(ViewSetGroup):
    menu_label = _("Success stories")
    menu_icon = "openquote"
    menu_order = 330
    items = (CompanyViewSet, StoryCategoryViewSet, StorySubmissionViewSet)


@hooks.register("register_admin_viewset")
def register_story_viewsets():
    return SuccessStoriesViewSetGroup()


@hooks.register("register_homepage_section")
def featured_story_section():
    return HomepageSection(
        slot="success_story",
        template="successstories/includes/homepage_story.html",
        get_context=lambda request: {"story": featured_story()},
    )


@hooks.register("register_menu_panel")
def stories_menu_panel():
    return MenuPanel(
        url="/success-stories/",
        template="successstories/includes/story_panel.html",
        get_context=lambda: {"story": featured_story()},
    )
