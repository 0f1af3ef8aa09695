"""The default Wagtail Site answers at the address the site is served from (``WAGTAILADMIN_BASE_URL``).

Sitemaps, feeds and CDN purge requests build absolute URLs from the Site's hostname and port, so they
follow the setting: http://127.0.0.1:8000 for ``make run``, https://www.python.org in production.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_address():
    """(hostname, port) of ``WAGTAILADMIN_BASE_URL``."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**kwargs):
    """Point the default Site at ``site_address()`` (run after every migrate and by load_demo_data)."""
    from wagtail.models import Site

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
