import re

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from apps.core.cache import add_surrogate_keys, page_key, tag_response


def text_of(value):
    """The visible text in a StreamField's raw data or a markup string (no database access)."""
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, dict):
        if "type" in value and value.get("type") in ("content_snippet", "image"):
            return ""
        return " ".join(text_of(v) for k, v in value.items() if k not in ("id", "type", "language", "style"))
    if isinstance(value, list | tuple):
        return " ".join(text_of(v) for v in value)
    return ""


class BasePage(Page):
    """What every page type shares: SEO and social fields, cache headers, search fields."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media."),
    )
    social_text = models.CharField(max_length=255, blank=True, help_text=_("Text for social media cards."))
    noindex = models.BooleanField(default=False, help_text=_("Ask search engines not to index this page."))

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text"), FieldPanel("noindex")],
            heading=_("Social and search engines"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("search_description")]

    # Extra CDN surrogate keys for every page of a type (e.g. "downloads").
    surrogate_keys = ()
    # What a search result calls a page of this type, in a visitor's words ("Release", "Job" …).
    search_kind = _("Page")

    class Meta:
        abstract = True

    def get_surrogate_keys(self):
        return ["pages", page_key(self), *self.surrogate_keys]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return add_surrogate_keys(response, *self.get_surrogate_keys())

    def get_view_restrictions(self):
        # The router (apps.core.routing) already knows, from memory, that no restriction covers this page.
        if getattr(self, "_no_view_restrictions", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @staticmethod
    def tag_pages(pages):
        """A listing shows these pages' titles and URLs: publishing or unpublishing one purges it."""
        tag_response(*(page_key(page) for page in pages))
        return pages

    def get_meta_description(self):
        """The search description, else the social text, else the start of the page's own text."""
        if self.search_description or self.social_text:
            return self.search_description or self.social_text
        # Markdown and reST blocks are raw text: drop their emphasis and heading marks.
        text = " ".join(re.sub(r"[*_`#>|=]+", " ", self.get_search_snippet_text()).split())
        return Truncator(text).chars(160)

    # Fields whose text stands for the page in search result snippets.
    snippet_fields = ("intro", "body")

    def get_search_snippet_text(self):
        """Plain text describing the page: its description, else the text of its first blocks."""
        if self.search_description:
            return self.search_description
        parts = []
        for name in self.snippet_fields:
            value = getattr(self, name, None)
            if value is None:
                continue
            raw = getattr(value, "raw_data", None)
            parts.append(text_of(list(raw) if raw is not None else value))
        return " ".join(" ".join(parts).split())[:2000]


class RoutableBasePage(RoutablePageMixin, BasePage):
    """A page with sub-routes (/blogs/feed/, /community/<id>/ …); every route carries the page's surrogate keys."""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin.serve calls the routed view directly, never reaching BasePage.serve.
        response = super().serve(request, *args, **kwargs)
        return add_surrogate_keys(response, *self.get_surrogate_keys())


class MenuLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100)
    url = blocks.CharBlock(max_length=500, help_text=_("A full URL or a site path such as /about/."))
    hint = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "link"


class MenuSectionBlock(blocks.StructBlock):
    """A top-level menu entry with its dropdown ("supernav") panel."""

    title = blocks.CharBlock(max_length=100)
    url = blocks.CharBlock(max_length=500)
    hint = blocks.CharBlock(required=False, max_length=255)
    css_class = blocks.CharBlock(required=False, max_length=50, help_text=_("Identifies the tab, e.g. python-meta."))
    supernav = SnippetChooserBlock(
        "pages.ContentSnippet", required=False, help_text=_("Content shown in the dropdown beside the links.")
    )
    items = blocks.ListBlock(MenuLinkBlock(), default=[])

    class Meta:
        icon = "list-ul"


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The meta navigation (Python / PSF / Docs / PyPI / Jobs / Community) and the main menu."""

    meta_menu = StreamField([("section", MenuSectionBlock())], blank=True, use_json_field=True)
    main_menu = StreamField([("section", MenuSectionBlock())], blank=True, use_json_field=True)

    panels = [FieldPanel("meta_menu"), FieldPanel("main_menu")]

    class Meta:
        verbose_name = _("navigation")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    donate_url = models.URLField(default=settings.PYDOTORG["DONATE_URL"])
    footer_text = models.TextField(blank=True, default="Copyright ©2001-2026 Python Software Foundation")
    legal_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("legal statements page"),
    )  # fmt: skip
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("privacy notice page"),
    )  # fmt: skip
    github_url = models.URLField(blank=True, default="https://github.com/python")
    mastodon_url = models.URLField(blank=True, default="https://fosstodon.org/@ThePSF")
    linkedin_url = models.URLField(blank=True, default="https://www.linkedin.com/company/python-software-foundation/")
    youtube_url = models.URLField(blank=True)
    rss_url = models.CharField(max_length=255, blank=True)

    panels = [
        FieldPanel("donate_url"),
        MultiFieldPanel(
            [FieldPanel("github_url"), FieldPanel("mastodon_url"), FieldPanel("linkedin_url"),
             FieldPanel("youtube_url"), FieldPanel("rss_url")],
            heading=_("Social links"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("legal_page"), FieldPanel("privacy_page")],
            heading=_("Footer"),
        ),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("GitHub", self.github_url),
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
            ("RSS", self.rss_url),
        ]
        return [(name, url) for name, url in links if url]


class LegacyRecord(models.Model):
    """What a row of the legacy python.org database became here (see apps/core/legacy.py)."""

    model = models.CharField(max_length=100, help_text=_("Legacy model, e.g. jobs.job."))
    legacy_pk = models.CharField(max_length=100)
    content_type = models.ForeignKey("contenttypes.ContentType", null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=100, blank=True)
    checksum = models.CharField(max_length=64, help_text=_("SHA-256 of the legacy row's fields when last imported."))
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "legacy_pk"], name="unique_legacy_row")]
        verbose_name = _("legacy record")

    def __str__(self):
        return f"{self.model} {self.legacy_pk}"

    def target(self):
        """The object the legacy row became, or None (none, or deleted since)."""
        if self.content_type_id is None or not self.object_id:
            return None
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None
