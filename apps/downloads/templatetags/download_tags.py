from django import template

from apps.downloads.selectors import download_buttons, latest_releases

register = template.Library()


@register.inclusion_tag("downloads/includes/supernav.html")
def downloads_supernav():
    """The Downloads supernav panel: the latest release's button for each OS (same queries as /downloads/)."""
    return {"download_buttons": download_buttons(*latest_releases())}
