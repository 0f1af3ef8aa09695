from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.codesamples.models import CodeSample
from apps.codesamples.queries import carousel_slides
from apps.core.sections import HomepageSection


class CodeSampleViewSet(SnippetViewSet):
    model = CodeSample
    icon = "code"
    menu_label = "Code samples"
    add_to_admin_menu = True
    menu_order = 340
    sort_order_field = "sort_order"  # drag to reorder the carousel
    list_display = ["title", "language", "live", "updated_at"]
    list_filter = ["live", "language"]
    search_fields = ["title", "code"]
    list_export = ["title", "language", "live", "sort_order"]


@hooks.register("register_admin_viewset")
def register_code_samples():
    return CodeSampleViewSet()


@hooks.register("register_homepage_section")
def code_samples_section():
    return HomepageSection(
        slot="code_samples",
        template="codesamples/includes/carousel.html",
        get_context=lambda request: {"slides": carousel_slides()},
    )
