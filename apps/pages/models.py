from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from apps.core.blocks import BodyStreamBlock, CodeBlock, SnippetBodyStreamBlock
from apps.core.cache import tag_response
from apps.core.models import BasePage
from apps.core.sections import SLOTS, render_homepage_slots


class ContentSnippet(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """A reusable piece of content placed on several pages (the legacy site's "boxes")."""

    label = models.SlugField(max_length=100, unique=True, help_text=_("Unique name, e.g. homepage-get-started."))
    title = models.CharField(max_length=255, blank=True)
    body = StreamField(SnippetBodyStreamBlock(), blank=True, use_json_field=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("label"), FieldPanel("title"), FieldPanel("body")]
    search_fields = [index.SearchField("label"), index.SearchField("title"), index.AutocompleteField("label")]

    class Meta:
        ordering = ["label"]
        verbose_name = _("content snippet")

    def __str__(self):
        return self.label

    def get_preview_template(self, request, mode_name):
        return "pages/content_snippet_preview.html"


class HomePageWidgetBlock(blocks.StructBlock):
    """One of the homepage's small widgets (Get Started, Download, Docs, Jobs)."""

    icon_name = blocks.ChoiceBlock(
        choices=[("code", _("Code")), ("download", _("Download")), ("documentation", _("Docs")), ("jobs", _("Jobs"))],
        default="code",
    )
    title = blocks.CharBlock(max_length=100)
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])
    link_url = blocks.CharBlock(required=False, max_length=500)
    link_text = blocks.CharBlock(required=False, max_length=100)

    class Meta:
        icon = "placeholder"
        template = "components/homepage_widget_block.html"
        description = _("A small homepage widget with a title, text and a link.")
        preview_value = {
            "icon_name": "code",
            "title": "Get Started",
            "text": "<p>Whether you're new to programming or an experienced developer, it's easy to learn Python.</p>",
            "link_url": "/about/gettingstarted/",
            "link_text": "Start with our Beginner's Guide",
        }


class HomePage(BasePage):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    intro_link_url = models.CharField(max_length=500, blank=True, default="/doc/")
    intro_link_text = models.CharField(max_length=100, blank=True, default="Learn More")
    code_samples = StreamField([("sample", CodeBlock())], blank=True, use_json_field=True)
    widgets = StreamField([("widget", HomePageWidgetBlock())], blank=True, use_json_field=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("intro_link_url"),
        FieldPanel("intro_link_text"),
        FieldPanel("code_samples"),
        FieldPanel("widgets"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # Domain apps add their index page types here (downloads, jobs, events …).
    subpage_types = [
        "pages.StandardPage", "pages.SectionIndexPage", "downloads.DownloadsIndexPage",
        "blogs.BlogIndexPage", "successstories.StoryIndexPage", "community.CommunityIndexPage",
    ]  # fmt: skip
    max_count = 1

    class Meta:
        verbose_name = _("homepage")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["slots"] = {name: mark_safe(html) for name, html in render_homepage_slots(request).items()}  # noqa: S308
        context["slot_names"] = SLOTS
        return context


class SectionIndexPage(BasePage):
    """The landing page of a section (About, Documentation, Community, PSF …) listing its children."""

    intro = RichTextField(blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    show_children = models.BooleanField(default=True, help_text=_("List the section's pages below the body."))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("show_children")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.SectionIndexPage", "community.CommunityIndexPage"]
    subpage_types = ["pages.StandardPage", "pages.SectionIndexPage"]

    class Meta:
        verbose_name = _("section index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_children:
            # Plain Page rows are enough for titles, descriptions and URLs: one query whatever the types.
            context["children"] = self.get_children().live().public()
            tag_response(f"children-{self.pk}")  # a child published or unpublished purges this listing
        return context


class StandardPage(BasePage):
    """An ordinary content page: a body of blocks and an optional sidebar."""

    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    sidebar = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("sidebar")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = [
        "pages.HomePage", "pages.SectionIndexPage", "pages.StandardPage", "community.CommunityIndexPage",
    ]  # fmt: skip
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
