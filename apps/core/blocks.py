"""StreamField blocks shared by every page type.

Each block has its own template under ``templates/components/``, an icon, a
description and a preview value, so editors see what they insert and the
site-wide guard tests can render every block on its own.
"""

from django.apps import apps
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from apps.core.cache import snippet_key, tag_response
from apps.core.markup import highlight_code, render_markdown, render_restructuredtext, sanitize_html


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2")
    anchor = blocks.CharBlock(required=False, max_length=80, help_text=_("Optional id for links to this heading."))

    class Meta:
        icon = "title"
        template = "components/heading_block.html"
        description = _("A section heading (H2 to H4) with an optional anchor.")
        preview_value = {"text": "Python is powerful… and fast", "level": "h2", "anchor": "powerful"}


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "components/rich_text_block.html"
        description = _("Formatted text with links, lists and headings.")
        preview_value = (
            "<p>Python is a programming language that lets you work quickly and "
            "<a href='https://docs.python.org/'>integrate systems</a> more effectively.</p>"
        )


class MarkdownBlock(blocks.TextBlock):
    """Markdown source, rendered and sanitised on output."""

    def render_basic(self, value, context=None):
        return render_markdown(value, trusted=True)  # staff content

    class Meta:
        icon = "code"
        template = "components/markdown_block.html"
        description = _("Text written in Markdown, as on the legacy site.")
        preview_value = (
            "## Get started\n\nWhether you're new to programming or an *experienced* developer, "
            "it's easy to learn Python."
        )
        form_classname = "monospace"


class RestructuredTextBlock(blocks.TextBlock):
    """reStructuredText source (the format of many python.org pages and PEPs)."""

    def render_basic(self, value, context=None):
        return render_restructuredtext(value)

    class Meta:
        icon = "doc-full"
        template = "components/restructuredtext_block.html"
        description = _("Text written in reStructuredText.")
        preview_value = (
            "Python Software Foundation\n--------------------------\n\nThe mission of the *PSF* is to promote Python."
        )


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        choices=[
            ("python", "Python"),
            ("pycon", "Python console session"),
            ("pytb", "Python traceback"),
            ("bash", "Shell"),
            ("html", "HTML"),
            ("javascript", "JavaScript"),
            ("json", "JSON"),
            ("text", "Plain text"),
        ],
        default="python",
    )
    caption = blocks.CharBlock(required=False, max_length=255)
    code = blocks.TextBlock()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["highlighted"] = highlight_code(value["code"], value["language"])
        return context

    class Meta:
        icon = "code"
        template = "components/code_block.html"
        description = _("A code sample with syntax highlighting.")
        preview_value = {
            "language": "pycon",
            "caption": "Simple arithmetic",
            "code": ">>> 17 / 3  # classic division returns a float\n5.666666666666667",
        }


class ChooserPreviewMixin:
    """Preview a chooser block with the first object of its model, when there is one."""

    preview_model = ""

    def get_preview_value(self):
        model = apps.get_model(self.preview_model)
        return model.objects.order_by("pk").first()


class ImageBlock(ChooserPreviewMixin, blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(required=False, max_length=255, help_text=_("Describe the image for screen readers."))
    caption = blocks.CharBlock(required=False, max_length=255)
    attribution = blocks.CharBlock(required=False, max_length=255)

    preview_model = "wagtailimages.Image"

    def get_preview_value(self):
        image = super().get_preview_value()
        return self.to_python({"image": image.pk if image else None, "caption": "The Python logo"})

    class Meta:
        icon = "image"
        template = "components/image_block.html"
        description = _("An image with alternative text, caption and attribution.")


class LinkBlock(blocks.StructBlock):
    """A link to a page or a URL; the page wins when both are given."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(required=False, max_length=500, help_text=_("A full URL or a site path."))
    text = blocks.CharBlock(max_length=255)

    class Meta:
        icon = "link"
        value_class = blocks.StructValue
        preview_value = {"url": "/downloads/", "text": "Download Python"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    text = blocks.TextBlock(required=False)
    link_url = blocks.CharBlock(max_length=500, help_text=_("A full URL or a site path."))
    link_text = blocks.CharBlock(max_length=80)
    style = blocks.ChoiceBlock(
        choices=[("primary", _("Primary (yellow)")), ("secondary", _("Secondary (blue)"))], default="primary"
    )

    class Meta:
        icon = "pick"
        template = "components/call_to_action_block.html"
        description = _("A highlighted box with a title, text and a button.")
        preview_value = {
            "title": "Support the PSF",
            "text": "The PSF is the non-profit behind Python; donations keep it free for everyone.",
            "link_url": "/psf/donations/",
            "link_text": "Donate",
            "style": "primary",
        }


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        template = "components/table_block.html"
        description = _("A simple table with an optional header row.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["Version", "Status"], ["3.14", "bugfix"], ["3.13", "bugfix"], ["3.9", "end of life"]],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    author = blocks.CharBlock(required=False, max_length=255)
    role = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "components/quote_block.html"
        description = _("A pull quote with its author.")
        preview_value = {
            "quote": "Python is everywhere at Industrial Light & Magic.",
            "author": "Tommy Burnette",
            "role": "Senior Technical Director, ILM",
        }


class ContentSnippetBlock(ChooserPreviewMixin, SnippetChooserBlock):
    """Place a reusable content snippet (a legacy "box") on a page."""

    preview_model = "pages.ContentSnippet"

    def get_searchable_content(self, value):
        # A page is found by the words of the snippets placed on it.
        if value is None:
            return []
        return value.body.stream_block.get_searchable_content(value.body)

    def __init__(self, target_model="pages.ContentSnippet", **kwargs):
        super().__init__(target_model, **kwargs)

    def render(self, value, context=None):
        if value is not None:
            tag_response(snippet_key(value))  # saving the snippet purges the pages that show it
        return super().render(value, context)

    class Meta:
        icon = "snippet"
        template = "components/content_snippet_block.html"
        description = _("A reusable content snippet shared between pages.")


class RawHTMLBlock(blocks.RawHTMLBlock):
    """HTML pasted by an editor; sanitised on save and on output."""

    def clean(self, value):
        return sanitize_html(super().clean(value))

    def render_basic(self, value, context=None):
        return sanitize_html(value)

    def get_searchable_content(self, value):
        return [strip_tags(value)] if value else []

    class Meta:
        icon = "code"
        template = "components/raw_html_block.html"
        description = _("HTML markup, cleaned of scripts and unsafe attributes.")
        preview_value = '<div class="notice"><p>Python 3.14 is <strong>out</strong>.</p></div>'


class BaseContentStreamBlock(blocks.StreamBlock):
    """The blocks every content stream offers."""

    heading = HeadingBlock()
    rich_text = RichTextBlock()
    markdown = MarkdownBlock()
    restructuredtext = RestructuredTextBlock()
    code = CodeBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()
    quote = QuoteBlock()


class BodyStreamBlock(BaseContentStreamBlock):
    """The body of general content pages."""

    content_snippet = ContentSnippetBlock()
    raw_html = RawHTMLBlock()


class SnippetBodyStreamBlock(BaseContentStreamBlock):
    """The body of a content snippet: no snippet block, so snippets cannot nest."""

    raw_html = RawHTMLBlock()
