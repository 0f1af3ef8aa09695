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


def sanitize_html(value: str) -> SafeString:
    """Strip script, event handlers and unknown tags; keep ordinary document markup."""
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # The page title is the page's only <h1>; headings in content start at <h2>.
    cleaned = _H1.sub(r"<\1h2", cleaned)
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 above


def render_markdown(text: str) -> SafeString:
    rendered = markdown_lib.markdown(
        text or "",
        extensions=["extra", "sane_lists", "toc", "codehilite"],
        extension_configs={"codehilite": {"css_class": "highlight", "guess_lang": False}},
        output_format="html",
    )
    return sanitize_html(rendered)


def render_restructuredtext(text: str) -> SafeString:
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
    return sanitize_html(parts["body"])


def render_markup(text: str, markup_type: str) -> SafeString:
    renderers = {
        "markdown": render_markdown,
        "restructuredtext": render_restructuredtext,
        "html": sanitize_html,
    }
    renderer = renderers.get(markup_type)
    if renderer is None:
        return mark_safe(f"<p>{html.escape(text or '')}</p>")  # noqa: S308 - escaped
    return renderer(text)


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
