"""Legacy announcement banners."""

from apps.banners.models import Banner
from apps.core.legacy import importer


@importer("banners.banner", group="banners", order=10, fields={"title", "message", "link", "active", "psf_pages_only"})
def import_banner(row, target, ctx):
    fields = row["fields"]
    banner = target or Banner()
    banner.title = (fields["title"] or "")[:120]
    banner.message = (fields["message"] or "")[:500]
    banner.link_url = fields["link"] or ""
    banner.active = bool(fields["active"])
    banner.scope = Banner.Scope.PSF if fields["psf_pages_only"] else Banner.Scope.ALL
    banner.save()
    return banner
