import html

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from apps.core.cache import (
    FRAGMENT_VERSION_KEY,
    NAV_KEY,
    cached_fragment,
    cached_value,
    page_key,
    snippet_key,
    tag_response,
)
from apps.core.markup import render_markup
from apps.core.models import NavigationSettings, SiteSettings
from apps.core.routing import ROUTES_GENERATION, SITES_GENERATION
from apps.core.sections import menu_generation_keys, menu_panels, render_placement

register = template.Library()


class SiteFragmentNode(template.Node):
    def __init__(self, name, nodelist, timeout, vary=()):
        self.name, self.nodelist, self.timeout, self.vary = name, nodelist, timeout, vary

    def render(self, context):
        return cached_fragment(
            self.name,
            lambda: self.nodelist.render(context),
            generation_keys=(FRAGMENT_VERSION_KEY, *menu_generation_keys()),
            surrogate_keys=(NAV_KEY,),
            timeout=self.timeout,
            vary=[str(variable.resolve(context)) for variable in self.vary],
        )


@register.tag
def sitefragment(parser, token):
    """``{% sitefragment "site_header" 3600 vary=… %}…{% endsitefragment %}``: HTML shared by every
    page (header, footer; ``vary`` values such as the current section become part of the key), cached in
    process memory until navigation, site settings, snippets or a menu panel change."""
    bits = token.split_contents()
    if len(bits) < 3 or not all(bit.startswith("vary=") for bit in bits[3:]):
        raise template.TemplateSyntaxError("sitefragment takes a name, a timeout in seconds and vary= values")
    vary = [parser.compile_filter(bit.removeprefix("vary=")) for bit in bits[3:]]
    nodelist = parser.parse(("endsitefragment",))
    parser.delete_first_token()
    return SiteFragmentNode(bits[1].strip("\"'"), nodelist, int(bits[2]), vary)


class FragmentNode(template.Node):
    def __init__(self, name, nodelist, timeout, generations, vary, keys):
        self.name, self.nodelist, self.timeout = name, nodelist, timeout
        self.generations, self.vary, self.keys = generations, vary, keys

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # a preview shows the draft, never the cached live page
        names = tuple(self.generations.resolve(context).split()) if self.generations else ()
        keys = tuple(self.keys.resolve(context).split()) if self.keys else ()
        vary = [variable.resolve(context) for variable in self.vary]
        return cached_fragment(
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            generation_keys=names,
            surrogate_keys=keys,
            timeout=self.timeout.resolve(context),
            vary=[str(value) for value in vary],
        )


@register.tag
def fragment(parser, token):
    """Cache the enclosed HTML in process memory (then Redis) until one of ``generations`` is bumped::

        {% fragment "jobs:list" 300 generations="jobs-generation" keys="jobs" vary=request.get_full_path %}
        …{% endfragment %}

    ``vary`` values (any number) become part of the key; surrogate keys tagged while rendering, and
    ``keys``, are tagged again on every hit. The HTML must be the same for every visitor.
    """
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("fragment takes a name, a timeout and keyword arguments")
    name, timeout = parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    generations = keys = None
    vary = []
    for bit in bits[3:]:
        key, _, value = bit.partition("=")
        if key == "generations":
            generations = parser.compile_filter(value)
        elif key == "keys":
            keys = parser.compile_filter(value)
        elif key == "vary":
            vary.append(parser.compile_filter(value))
        else:
            raise template.TemplateSyntaxError(f"fragment does not take {key!r}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, nodelist, timeout, generations, vary, keys)


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


@register.simple_tag(takes_context=True)
def placement(context, name):
    """What domains registered for the spot ``name`` (``register_placement`` hook), rendered."""
    return mark_safe(render_placement(name, context.get("request")))  # noqa: S308 - rendered templates


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    # Skip the tree root (depth 1); the homepage itself has no breadcrumbs (and needs no query).
    if page.depth <= 2:
        return {"ancestors": [], "current": page}
    request = context.get("request")

    def build():
        # With the request, the site root paths are read once per request (from memory on served pages).
        return tuple(
            {"pk": ancestor.pk, "title": ancestor.title, "depth": ancestor.depth, "link": ancestor.get_url(request)}
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        )

    # Kept in process memory until any page's title, slug or place changes (the routes' generation).
    host = request.get_host() if request is not None else ""
    ancestors = cached_value(
        "breadcrumbs", build, generation_keys=(SITES_GENERATION, ROUTES_GENERATION), timeout=3600, vary=(page.pk, host)
    )
    tag_response(*(page_key(ancestor["pk"]) for ancestor in ancestors))  # their titles show here
    return {"ancestors": ancestors, "current": page}


def _menu_titles(request):
    """{url: title} of every main- and meta-menu entry and link, cached with the header fragment."""

    def build():
        nav = NavigationSettings.for_request(request) if request else NavigationSettings.load()
        titles = {}
        for menu in (nav.meta_menu, nav.main_menu):
            for section in menu:
                for item in section.value["items"]:
                    titles.setdefault(item["url"], item["title"])
        # Main-menu sections win over links of the same URL ("Jobs" rather than "Python Jobs board").
        for section in [*nav.meta_menu, *nav.main_menu]:
            titles[section.value["url"]] = section.value["title"]
        sections = {
            "main": [section.value["url"] for section in nav.main_menu],
            "meta": [section.value["url"] for section in nav.meta_menu],
            # A link's URL → its main-menu section, for pages that live outside their section's URL
            # (/download/other/ is listed under Downloads).
            "main_links": {
                item["url"]: section.value["url"] for section in nav.main_menu for item in section.value["items"]
            },
        }
        return titles, sections

    return cached_value("menu-titles", build, generation_keys=(FRAGMENT_VERSION_KEY,), timeout=3600)


def _longest_prefix(path, urls, default=""):
    matches = [url for url in urls if url.startswith("/") and url != "/" and path.startswith(url)]
    return max(matches, key=len) if matches else default


@register.simple_tag(takes_context=True)
def current_sections(context):
    """The menu entries the current page belongs to, by URL: ``{"main": "/events/", "meta": "/"}``.

    Main menu: the section whose URL starts the path, else the section that lists a link starting the path
    ("" for pages outside every section, such as search). Meta menu: the python.org site the page is part
    of: /psf/, /jobs/ … and otherwise "Python" (/).
    """
    request = context.get("request")
    if request is None:
        return {"main": "", "meta": ""}
    _titles, sections = _menu_titles(request)
    main = _longest_prefix(request.path, sections["main"])
    if not main and (link := _longest_prefix(request.path, sections.get("main_links", {}))):
        main = sections["main_links"][link]
    return {
        "main": main,
        "meta": _longest_prefix(request.path, sections["meta"], default="/" if "/" in sections["meta"] else ""),
    }


def _current_title(context):
    """The page's own title: the template's ``{% block title %}`` without the site name."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block("title") if block_context else None
    if block is None:
        return ""
    with context.push():
        # Rendered HTML; unescaped here because the breadcrumb template escapes it again.
        text = html.unescape(" ".join(block.nodelist.render(context).split()))
    site_name = context.get("SITE_NAME") or ""
    for separator in (" | ", " - "):
        if site_name and text.endswith(separator + site_name):
            return text[: -len(separator + site_name)]
    return text


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def path_breadcrumbs(context, title=None):
    """Breadcrumbs for a page served by a Django view: Home › each parent path the menus name › this page.

    /events/python-user-group/80/ reads Home › Events › User Group Events › <event title>.
    """
    request = context.get("request")
    if request is None or request.path == "/":
        return {"ancestors": [], "current": None}
    titles, _sections = _menu_titles(request)
    ancestors = [{"link": "/", "title": None, "depth": 2}]
    parts = request.path.strip("/").split("/")
    for index in range(1, len(parts)):
        url = "/" + "/".join(parts[:index]) + "/"
        if url in titles:
            ancestors.append({"link": url, "title": titles[url], "depth": 3})
    current = title or titles.get(request.path) or _current_title(context)
    return {"ancestors": ancestors, "current": {"title": capfirst(current)}}


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
