"""Render user and editor markup (Markdown, reStructuredText, HTML) to safe HTML.

Every path ends in ``sanitize_html`` so that no markup source can inject script.
"""

import functools
import html
import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe
from docutils.core import publish_parts
from pygments import highlight
from pygments.token import STANDARD_TYPES
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name, guess_lexer
from pygments.util import ClassNotFound

ALLOWED_TAGS = nh3.ALLOWED_TAGS | {
    "section", "figure", "figcaption", "details", "summary", "span", "div",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
    "dl", "dt", "dd", "sup", "sub", "pre", "code", "kbd", "samp", "var", "mark",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "abbr", "cite", "time",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden"},
    "a": {"href", "target", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "time": {"datetime"},
    "ol": {"start", "type"},
}
URL_SCHEMES = {"http", "https", "mailto", "ftp", "irc", "ircs"}

_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)

MARKUP_CHOICES = [("markdown", "Markdown"), ("restructuredtext", "reStructuredText"), ("html", "HTML")]


# Markup from visitors (job posts, event descriptions, profiles) must not pass for the site's own:
# its ids are prefixed (in-page links follow) and only code-highlighting classes are kept, so
# ``<div id="content" class="messages">`` cannot imitate a site notice. Staff content keeps both.
USER_ID_PREFIX = "user-content-"
USER_CLASSES = {"highlight", "codehilite", "toc", *(name for name in STANDARD_TYPES.values() if name)}


def _user_attribute(element, attribute, value):
    if attribute == "id" or (element == "a" and attribute == "name"):
        return value if value.startswith(USER_ID_PREFIX) else USER_ID_PREFIX + value
    if attribute == "class":
        kept = [name for name in value.split() if name in USER_CLASSES]
        return " ".join(kept) or None
    if element == "a" and attribute == "href" and value.startswith("#") and len(value) > 1:
        return "#" + USER_ID_PREFIX + value[1:].removeprefix(USER_ID_PREFIX)
    return value


def sanitize_html(value: str, *, trusted: bool = True) -> SafeString:
    """Strip script, event handlers and unknown tags; keep ordinary document markup.

    ``trusted=False`` (visitors' markup) also prefixes ids and drops classes other than code highlighting.
    """
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=None if trusted else _user_attribute,
    )
    # The page title is the page's only <h1>; headings in content start at <h2>.
    cleaned = _H1.sub(r"<\1h2", cleaned)
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 above


def render_markdown(text: str, *, trusted: bool = False) -> SafeString:
    rendered = markdown_lib.markdown(
        text or "",
        extensions=["extra", "sane_lists", "toc", "codehilite"],
        extension_configs={"codehilite": {"css_class": "highlight", "guess_lang": False}},
        output_format="html",
    )
    return sanitize_html(rendered, trusted=trusted)


def render_restructuredtext(text: str, *, trusted: bool = False) -> SafeString:
    parts = publish_parts(
        source=text or "",
        writer="html5",
        settings_overrides={
            # Never read files or run raw directives from editor input.
            "file_insertion_enabled": False,
            "raw_enabled": False,
            "report_level": 5,
            "halt_level": 5,
            "syntax_highlight": "short",
            "initial_header_level": 2,
            "doctitle_xform": False,
        },
    )
    return sanitize_html(parts["body"], trusted=trusted)


def render_markup(text: str, markup_type: str, *, trusted: bool = False) -> SafeString:
    renderers = {
        "markdown": render_markdown,
        "restructuredtext": render_restructuredtext,
        "html": sanitize_html,
    }
    renderer = renderers.get(markup_type)
    if renderer is None:
        return mark_safe(f"<p>{html.escape(text or '')}</p>")  # noqa: S308 - escaped
    return renderer(text, trusted=trusted)


@functools.lru_cache(maxsize=1024)
def highlight_code(code: str, language: str = "") -> SafeString:
    """Pygments HTML for a code sample; unknown languages fall back to a guess, then plain text."""
    try:
        lexer = get_lexer_by_name(language) if language else guess_lexer(code)
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    formatter = HtmlFormatter(cssclass="highlight", wrapcode=True)
    html = highlight(code, lexer, formatter)
    # A long line scrolls sideways; tabindex lets a keyboard user scroll it too.
    html = html.replace("<pre>", '<pre tabindex="0">', 1)
    return mark_safe(html)  # noqa: S308 - Pygments escapes its input
