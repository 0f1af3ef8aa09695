"""What happens around the sponsorship program's models: applications, cloning a year, emails, cache purges."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.cache import bump_fragment_version, bump_generation, purge_surrogate_keys
from apps.mailing.emails import send_templated_email
from apps.mailing.models import EmailTemplate
from apps.sponsors import contracts
from apps.sponsors.models import (
    SponsorBenefit,
    Sponsorship,
    SponsorshipBenefit,
    SponsorshipPackage,
    SponsorshipSettings,
)

logger = logging.getLogger(__name__)
SPONSORS_SURROGATE_KEY = "sponsors"
PLACEMENTS_GENERATION_KEY = "sponsors-placements"
NOTIFICATION_PREFIX = "sponsors-notification-"


def program_settings():
    return SponsorshipSettings.load()


def absolute(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


# Configuration of a year


@dataclass
class ProgramConfiguration:
    """A year's packages and available benefits, loaded in a fixed number of queries."""

    year: int
    packages: list
    benefits: list
    by_id: dict = field(default_factory=dict)
    package_benefits: dict = field(default_factory=dict)

    @classmethod
    def load(cls, year):
        packages = list(SponsorshipPackage.objects.for_year(year).advertised().order_by("order"))
        benefits = list(
            SponsorshipBenefit.objects.for_year(year)
            .available()
            .with_usage()
            .select_related("program")
            .prefetch_related(
                Prefetch("packages", queryset=SponsorshipPackage.objects.only("id")),
                Prefetch("conflicts", queryset=SponsorshipBenefit.objects.only("id")),
            )
            .order_by("program__order", "order", "pk")
        )
        config = cls(year=year, packages=packages, benefits=benefits)
        config.by_id = {b.pk: b for b in benefits}
        for benefit in benefits:
            benefit.package_ids = {p.pk for p in benefit.packages.all()}
            benefit.conflict_ids = {c.pk for c in benefit.conflicts.all()}
            benefit.sold_out = benefit.is_sold_out(benefit.used)
            benefit.remaining = benefit.remaining_capacity(benefit.used)
        for benefit in benefits:  # a conflict holds both ways, whichever side it was entered on
            for other in list(benefit.conflict_ids):
                if other in config.by_id:
                    config.by_id[other].conflict_ids.add(benefit.pk)
        for package in packages:
            config.package_benefits[package.pk] = {b.pk for b in benefits if package.pk in b.package_ids}
        return config

    def package(self, package_id):
        return next((p for p in self.packages if p.pk == package_id), None)

    def programs(self):
        """[(program, [benefits])] in program order, standalone benefits left out."""
        grouped = {}
        for benefit in self.benefits:
            if not benefit.standalone:
                grouped.setdefault(benefit.program, []).append(benefit)
        return list(grouped.items())

    def standalone(self):
        return [b for b in self.benefits if b.standalone]

    def validate(self, package_id, benefit_ids):
        """Check a selection; returns (package, [benefits], modified) or raises ValidationError with every problem."""
        errors = []
        package = None
        if package_id:
            package = self.package(package_id)
            if package is None:
                raise ValidationError(_("Choose one of this year's packages."))
        unknown = [pk for pk in benefit_ids if pk not in self.by_id]
        if unknown:
            raise ValidationError(_("Some of the chosen benefits are not offered this year."))
        chosen = [self.by_id[pk] for pk in dict.fromkeys(benefit_ids)]
        if not chosen:
            raise ValidationError(_("Choose a package or at least one benefit."))
        included = self.package_benefits.get(package.pk, set()) if package else set()
        for benefit in chosen:
            if benefit.pk in included:
                continue
            if package is None and not benefit.standalone:
                errors.append(_("“%(name)s” is only available with a package.") % {"name": benefit.name})
            elif package is not None and benefit.standalone:
                errors.append(_("“%(name)s” is a standalone benefit: apply for it without a package.")
                              % {"name": benefit.name})  # fmt: skip
            elif package is not None and benefit.package_only:
                errors.append(_("“%(name)s” is not included in the %(package)s package.")
                              % {"name": benefit.name, "package": package.name})  # fmt: skip
            elif package is not None and not package.allow_a_la_carte:
                errors.append(_("The %(package)s package cannot be customised.") % {"package": package.name})
        chosen_ids = {b.pk for b in chosen}
        reported = set()
        for benefit in chosen:
            for other in benefit.conflict_ids & chosen_ids:
                pair = frozenset((benefit.pk, other))
                if pair not in reported:
                    reported.add(pair)
                    errors.append(_("“%(a)s” and “%(b)s” cannot be combined: choose one.")
                                  % {"a": benefit.name, "b": self.by_id[other].name})  # fmt: skip
            if benefit.sold_out:
                errors.append(_("“%(name)s” is sold out.") % {"name": benefit.name})
        if errors:
            raise ValidationError(list(dict.fromkeys(errors)))
        modified = package is not None and chosen_ids != included
        return package, chosen, modified


# Applications


@transaction.atomic
def submit_application(*, sponsor, contacts, package, benefits, modified, year, user):
    """Create the sponsorship (applied) with snapshots of the chosen benefits; email the PSF and the contacts.

    ``contacts``: unsaved SponsorContact objects for a new sponsor (the first primary one is linked to ``user``).
    """
    limited = [b.pk for b in benefits if b.capacity is not None and not b.soft_capacity]
    if limited:
        # Lock the limited benefits so two applications cannot both take the last one, then count again.
        list(SponsorshipBenefit.objects.select_for_update().filter(pk__in=limited).values_list("pk"))
        sold_out = [b for b in SponsorshipBenefit.objects.filter(pk__in=limited).with_usage() if b.is_sold_out(b.used)]
        if sold_out:
            raise ValidationError([_("“%(name)s” is sold out.") % {"name": b.name} for b in sold_out])
    if sponsor.pk is None:
        sponsor.save()
        primary_linked = False
        for contact in contacts:
            contact.sponsor = sponsor
            if contact.primary and not primary_linked:
                contact.user, primary_linked = user, True
            contact.save()
    sponsorship = Sponsorship.objects.create(
        sponsor=sponsor, submited_by=user, package=package, year=year, for_modified_package=modified,
        level_name=package.name if package else "", sponsorship_fee=None if modified or not package
        else package.sponsorship_amount,
    )  # fmt: skip
    package_ids = {b.pk for b in benefits if package and package.pk in getattr(b, "package_ids", set())}
    for order, benefit in enumerate(benefits):
        SponsorBenefit.copy_from(sponsorship, benefit, added_by_user=bool(package) and benefit.pk not in package_ids,
                                 order=order)  # fmt: skip
    transaction.on_commit(lambda: notify_application(sponsorship.pk))
    return sponsorship


def notify_application(sponsorship_id):
    sponsorship = Sponsorship.objects.select_related("sponsor", "submited_by", "package").get(pk=sponsorship_id)
    context = {
        "sponsorship": sponsorship,
        "benefits": list(sponsorship.benefits.all()),
        "review_url": absolute(reverse("sponsors_admin:review", args=[sponsorship.pk])),
        "dashboard_url": absolute(reverse("sponsors:dashboard_detail", args=[sponsorship.pk])),
    }
    send_templated_email("sponsors-application-to-psf", settings.SPONSORS_PSF_EMAIL, context)
    contacts = sorted({c.email for c in sponsorship.sponsor.contacts.all()})
    if contacts:
        send_templated_email("sponsors-application-to-sponsor", contacts, context,
                             reply_to=[settings.SPONSORS_PSF_EMAIL])  # fmt: skip


def notify_rejection(sponsorship):
    contacts = sorted({c.email for c in sponsorship.sponsor.contacts.all()})
    if contacts:
        send_templated_email("sponsors-rejected-to-sponsor", contacts, {"sponsorship": sponsorship},
                             reply_to=[settings.SPONSORS_PSF_EMAIL])  # fmt: skip


def notify_contract_sent(contract, context):
    """The final PDF to the PSF, attached from the contract's stored document (a resend attaches it again)."""
    pdf = {"name": f"{contracts.file_stem(contract)}.pdf", "path": contract.document.name,
           "mimetype": contracts.PDF_MIMETYPE}  # fmt: skip
    send_templated_email("sponsors-contract-sent-to-psf", settings.SPONSORS_PSF_EMAIL, context, attachments=[pdf])


# Notifications staff send to chosen contact types


def notification_templates():
    return EmailTemplate.objects.active().filter(key__startswith=NOTIFICATION_PREFIX)


def notification_context(sponsorship):
    return {
        "sponsor_name": sponsorship.sponsor.name,
        "sponsorship_level": sponsorship.level_name or _("custom"),
        "sponsorship": sponsorship,
        "dashboard_url": absolute(reverse("sponsors:dashboard_detail", args=[sponsorship.pk])),
    }


def send_notification(template, sponsorships, contact_types):
    """Send ``template`` to the chosen contact types of each sponsorship; returns how many emails were queued."""
    sent = 0
    for sponsorship in sponsorships:
        recipients = sorted({c.email for c in sponsorship.sponsor.contacts_of_types(contact_types)})
        if recipients:
            send_templated_email(template.key, recipients, notification_context(sponsorship),
                                 reply_to=[settings.SPONSORS_PSF_EMAIL])  # fmt: skip
            sent += 1
    return sent


# Cloning a year


@transaction.atomic
def clone_year(from_year, to_year):
    """Copy a year's packages and benefits (features, conflicts, legal clauses) into ``to_year``.

    Idempotent: packages match by slug and benefits by program and name; existing ones are left as they are.
    Returns (packages created, benefits created).
    """
    if from_year == to_year:
        raise ValidationError(_("Choose a different year to clone into."))
    source_packages = list(SponsorshipPackage.objects.for_year(from_year))
    if not source_packages:
        raise ValidationError(_("There is no configuration for %(year)s to clone.") % {"year": from_year})
    package_map, packages_created = {}, 0
    for package in source_packages:
        clone, created = SponsorshipPackage.objects.get_or_create(
            year=to_year, slug=package.slug,
            defaults={"name": package.name, "sponsorship_amount": package.sponsorship_amount,
                      "advertise": package.advertise, "logo_dimension": package.logo_dimension,
                      "allow_a_la_carte": package.allow_a_la_carte, "order": package.order},
        )  # fmt: skip
        package_map[package.pk] = clone
        packages_created += created
    source_benefits = list(
        SponsorshipBenefit.objects.for_year(from_year).prefetch_related(
            "packages", "conflicts", "legal_clauses", "features"
        )  # fmt: skip
    )
    existing = {(b.program_id, b.name): b for b in SponsorshipBenefit.objects.for_year(to_year)}
    benefit_map, benefits_created = {}, 0
    copied = ["program", "name", "description", "package_only", "new", "unavailable", "standalone",
              "internal_description", "internal_value", "capacity", "soft_capacity", "order"]  # fmt: skip
    for benefit in source_benefits:
        clone = existing.get((benefit.program_id, benefit.name))
        if clone is not None:
            benefit_map[benefit.pk] = (clone, False)
            continue
        clone = SponsorshipBenefit(year=to_year, **{name: getattr(benefit, name) for name in copied})
        clone.save()
        benefit_map[benefit.pk] = (clone, True)
        benefits_created += 1
    for benefit in source_benefits:
        clone, created = benefit_map[benefit.pk]
        if not created:
            continue
        clone.packages.set([package_map[p.pk] for p in benefit.packages.all() if p.pk in package_map])
        clone.conflicts.set([benefit_map[c.pk][0] for c in benefit.conflicts.all() if c.pk in benefit_map])
        clone.legal_clauses.set(list(benefit.legal_clauses.all()))
        clone.save()
        for config in benefit.features.all():
            config.pk = None
            config.benefit = clone
            config.package = package_map.get(config.package_id) if config.package_id else None
            if config.due_date:
                config.due_date = shift_year(config.due_date, to_year - from_year)
            config.save()
    return packages_created, benefits_created


def shift_year(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# Public cache


def purge_sponsors_cache():
    """Sponsor logos appear on cached pages (sponsors page, downloads, jobs, footer): purge them all."""
    bump_fragment_version()
    bump_generation(PLACEMENTS_GENERATION_KEY)
    purge_surrogate_keys(SPONSORS_SURROGATE_KEY)
