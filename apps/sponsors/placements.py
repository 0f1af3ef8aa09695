"""Where sponsor logos appear: the sponsors page by level and the logo placements on other pages.

Both read finalized, running sponsorships and are cached (plain dicts) under a generation that
``services.purge_sponsors_cache`` moves on, so a page showing logos costs no query once warm.
"""

from django.core.cache import cache
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.text import slugify

from apps.core.cache import generation
from apps.sponsors.models import BenefitFeature, FeatureKind, LogoPlace, Publisher, Sponsorship

CACHE_SECONDS = 3600
# The python.org spots (``{% placement %}`` names) and the logo place each one shows.
SPOTS = {"downloads_sidebar": LogoPlace.DOWNLOAD, "jobs_sidebar": LogoPlace.JOBS, "footer": LogoPlace.SPONSORS_PAGE}


def _cached(name, build):
    from apps.sponsors.services import PLACEMENTS_GENERATION_KEY

    key = f"sponsors:{name}:{generation(PLACEMENTS_GENERATION_KEY)}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value


def logo_features():
    return Prefetch(
        "benefits__features",
        queryset=BenefitFeature.objects.filter(kind=FeatureKind.LOGO_PLACEMENT),
        to_attr="logo_features",
    )


def placement_rows(year=None):
    """(sponsorship, [logo placement features]) of the enabled sponsorships, in level order."""
    sponsorships = Sponsorship.objects.enabled().with_logo_placement().select_related("sponsor", "package")
    if year:
        sponsorships = sponsorships.filter(year=year)
    sponsorships = sponsorships.prefetch_related("sponsor__contacts", logo_features()).order_by(
        "package__order", "sponsor__name"
    )
    return [(s, [f for b in s.benefits.all() for f in b.logo_features]) for s in sponsorships]


def sponsor_card(sponsorship):
    sponsor = sponsorship.sponsor
    return {
        "name": sponsor.name,
        "slug": sponsor.slug,
        "anchor": slugify(sponsor.name),
        "description": sponsor.description,
        "url": sponsor.landing_page_url,
        "logo": sponsor.web_logo.url if sponsor.web_logo else "",
        "level": sponsorship.level_name,
    }


def sponsors_by_level():
    """[{"name", "logo_dimension", "sponsors": [card, …]}] of the PSF sponsors page, top level first."""

    def build():
        levels = {}
        for sponsorship, features in placement_rows():
            if not any(f.publisher == Publisher.FOUNDATION and f.logo_place == LogoPlace.SPONSORS_PAGE
                       for f in features):  # fmt: skip
                continue
            name = sponsorship.level_name or (sponsorship.package.name if sponsorship.package else "")
            level = levels.setdefault(name, {
                "name": name, "logo_dimension": sponsorship.package.logo_dimension if sponsorship.package else 175,
                "sponsors": []})  # fmt: skip
            level["sponsors"].append(sponsor_card(sponsorship))
        return list(levels.values())

    return _cached("by-level", build)


def logos_for(place, publisher=Publisher.FOUNDATION):
    """Sponsor cards with a logo placement at ``place`` for ``publisher``."""

    def build():
        return [sponsor_card(s) for s, features in placement_rows()
                if any(f.publisher == publisher and f.logo_place == place for f in features)]  # fmt: skip

    return _cached(f"logos:{publisher}:{place}", build)


def api_placements(request, publisher=None, flight=None, year=None):
    """The logo placement API's rows, one per placement (python.org's JSON shape)."""
    rows = []
    for sponsorship, features in placement_rows(year):
        sponsor = sponsorship.sponsor
        contacts = [{"name": c.name, "email": c.email, "primary": c.primary, "administrative": c.administrative,
                     "accounting": c.accounting, "manager": c.manager} for c in sponsor.contacts.all()]  # fmt: skip
        base = {
            "sponsor_id": sponsor.pk,
            "sponsor": sponsor.name,
            "sponsor_slug": sponsor.slug,
            "level_name": sponsorship.level_name,
            "level_order": sponsorship.package.order if sponsorship.package else None,
            "description": sponsor.description,
            "logo": request.build_absolute_uri(sponsor.web_logo.url) if sponsor.web_logo else "",
            "white_logo": request.build_absolute_uri(sponsor.white_logo.url) if sponsor.white_logo else None,
            "sponsor_url": sponsor.landing_page_url,
            "contacts": contacts,
            "start_date": sponsorship.start_date,
            "end_date": sponsorship.end_date,
        }
        for feature in features:
            if (publisher and feature.publisher != publisher) or (flight and feature.logo_place != flight):
                continue
            row = {**base, "publisher": feature.publisher, "flight": feature.logo_place}
            if feature.describe_as_sponsor:
                row["description"] = (
                    f"{sponsor.name} is a {sponsorship.level_name} sponsor of the Python Software Foundation."
                )
            if feature.link_to_sponsors_page:
                row["sponsor_url"] = request.build_absolute_uri(
                    reverse("sponsors:sponsors_page") + f"#{slugify(sponsor.name)}"
                )
            rows.append(row)
    return rows
