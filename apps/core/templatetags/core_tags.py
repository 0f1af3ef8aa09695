from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from apps.core.markup import render_markup
from apps.core.models import NavigationSettings, SiteSettings
from apps.core.sections import menu_panels

register = template.Library()


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
    return {"ancestors": ancestors, "current": page}


@register.filter
def markup(value, markup_type="markdown"):
    """Staff content (StreamField blocks); visitors' markup is rendered with ``trusted=False``."""
    return render_markup(value, markup_type, trusted=True)


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
