from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from apps.core.cache import FRAGMENT_VERSION_KEY, NAV_KEY, cached_fragment, page_key, snippet_key, tag_response
from apps.core.markup import render_markup
from apps.core.models import NavigationSettings, SiteSettings
from apps.core.sections import menu_generation_keys, menu_panels

register = template.Library()


class SiteFragmentNode(template.Node):
    def __init__(self, name, nodelist, timeout):
        self.name, self.nodelist, self.timeout = name, nodelist, timeout

    def render(self, context):
        return cached_fragment(
            self.name,
            lambda: self.nodelist.render(context),
            generation_keys=(FRAGMENT_VERSION_KEY, *menu_generation_keys()),
            surrogate_keys=(NAV_KEY,),
            timeout=self.timeout,
        )


@register.tag
def sitefragment(parser, token):
    """``{% sitefragment "site_header" 3600 %}…{% endsitefragment %}``: HTML shared by every page (header,
    footer), cached in process memory until navigation, site settings, snippets or a menu panel change."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("sitefragment takes a name and a timeout in seconds")
    nodelist = parser.parse(("endsitefragment",))
    parser.delete_first_token()
    return SiteFragmentNode(bits[1].strip("\"'"), nodelist, int(bits[2]))


@register.simple_tag
def snippet_surrogate_key(snippet):
    """Mark the response as showing ``snippet`` (saving it purges this page); renders nothing."""
    if snippet is not None:
        tag_response(snippet_key(snippet))
    return ""


@register.simple_tag(takes_context=True)
def navigation_settings(context):
    request = context.get("request")
    return NavigationSettings.for_request(request) if request else NavigationSettings.load()


@register.simple_tag(takes_context=True)
def site_settings(context):
    request = context.get("request")
    return SiteSettings.for_request(request) if request else SiteSettings.load()


@register.simple_tag
def menu_panel(url):
    """The live panel a domain registered for this menu URL, rendered, or an empty string."""
    panel = menu_panels().get(url)
    return panel.render() if panel else ""


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    # Skip the tree root (depth 1); the homepage itself has no breadcrumbs (and needs no query).
    if page.depth <= 2:
        return {"ancestors": [], "current": page}
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    tag_response(*(page_key(ancestor) for ancestor in ancestors))  # their titles show here
    return {"ancestors": ancestors, "current": page}


@register.filter
def markup(value, markup_type="markdown"):
    return render_markup(value, markup_type)


@register.filter
def highlight_terms(text, query):
    """Escape ``text`` and wrap each word of ``query`` in <mark>."""
    import re

    escaped = escape(text or "")
    words = [re.escape(escape(word)) for word in (query or "").split() if len(word) > 1]
    if not words:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    pattern = re.compile("(" + "|".join(words) + ")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", escaped))  # noqa: S308 - escaped above
