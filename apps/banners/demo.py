"""Demo banner: one active site-wide announcement."""

from apps.banners.models import Banner

DEMO_BANNER = {
    "title": "Support the PSF this year-end",
    "message": "The Python Software Foundation's year-end fundraiser is on: donations keep PyPI running, "
    "pay for CPython security work and fund community grants around the world.",
    "link_url": "/psf/donations/",
    "link_text": "Donate to the PSF",
    "scope": Banner.Scope.ALL,
    "active": True,
}


def load(data_dir, stdout=None):
    banner, created = Banner.objects.get_or_create(title=DEMO_BANNER["title"], defaults=DEMO_BANNER)
    return "1 banner created" if created else "banner present"
