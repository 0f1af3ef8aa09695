from django import template

register = template.Library()


@register.filter
def thousands(value):
    """150000 → "150,000" (US dollar amounts, as the PSF publishes them)."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
