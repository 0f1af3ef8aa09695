from django import template

from apps.banners.active import banners_for_page

register = template.Library()


@register.inclusion_tag("banners/banners.html", takes_context=True)
def site_banners(context):
    """The live banners for this page's path (no query unless the banner set changed)."""
    request = context.get("request")
    banners = banners_for_page(request.path) if request is not None else []
    return {"banners": banners, "csp_nonce": context.get("csp_nonce", "")}
