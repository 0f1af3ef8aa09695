"""Demo sponsorship program: python.org's real 2022 configuration (sponsors.json), the current year cloned
from it, legal clauses, and three sponsors in different states (applied; approved with a draft contract;
finalized with its assets).

Idempotent: programs by name, packages by year and slug, benefits by year, program and name, sponsors by name.
"""

import io
import json
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from apps.sponsors import contracts, services
from apps.sponsors.models import (
    BenefitFeatureConfiguration,
    FeatureKind,
    LegalClause,
    Sponsor,
    SponsorAsset,
    SponsorBenefit,
    SponsorContact,
    Sponsorship,
    SponsorshipBenefit,
    SponsorshipPackage,
    SponsorshipProgram,
    SponsorshipSettings,
)

LEGACY_YEAR = 2022
# Legacy polymorphic configuration models and the feature kind each one is here.
FEATURE_KINDS = {
    "logoplacementconfiguration": FeatureKind.LOGO_PLACEMENT,
    "tieredbenefitconfiguration": FeatureKind.TIERED_QUANTITY,
    "emailtargetableconfiguration": FeatureKind.EMAIL_TARGETABLE,
    "requiredimgassetconfiguration": FeatureKind.REQUIRED_IMAGE,
    "requiredtextassetconfiguration": FeatureKind.REQUIRED_TEXT,
    "requiredresponseassetconfiguration": FeatureKind.REQUIRED_RESPONSE,
    "providedtextassetconfiguration": FeatureKind.PROVIDED_TEXT,
    "providedfileassetconfiguration": FeatureKind.PROVIDED_FILE,
}
FEATURE_FIELDS = {
    "publisher", "logo_place", "link_to_sponsors_page", "describe_as_sponsor", "quantity", "related_to",
    "internal_name", "label", "help_text", "due_date", "min_width", "max_width", "min_height", "max_height",
    "max_length", "shared", "shared_text",
}  # fmt: skip
LEGAL_CLAUSES = [
    ("Logo and trademark use",
     "The Sponsor grants the PSF a non-exclusive, royalty-free license to display the Sponsor's name and logo "
     "as provided by the Sponsor, solely to acknowledge the sponsorship during the term of this agreement."),
    ("Code of conduct",
     "The Sponsor's representatives at PSF events, including PyCon US, agree to follow the PSF Code of Conduct."),
    ("Recruitment",
     "Job postings and recruitment activities under this agreement must follow applicable employment law."),
]  # fmt: skip
# Which legal clause the benefits whose names contain these words cite.
CLAUSE_FOR = {"Logo": 0, "logo": 0, "Booth": 1, "Job": 2, "job": 2}
SPONSORS = [
    {
        "name": "Tessellate Analytics", "state": "applied", "package": "supporting", "colour": (46, 125, 50),
        "description": "Tessellate Analytics builds open-source geospatial tooling on top of NumPy and GeoPandas.",
        "url": "https://tessellate.example.com/", "city": "Austin", "state_code": "TX", "postal": "78701",
        "country": "United States", "contact": ("Marisol Vega", "marisol@tessellate.example.com"),
    },
    {
        "name": "Harbourline Cloud", "state": "approved", "package": "maintaining", "colour": (21, 101, 192),
        "description": "Harbourline Cloud runs managed Python application hosting across three continents.",
        "url": "https://harbourline.example.com/", "city": "Rotterdam", "state_code": "", "postal": "3011",
        "country": "Netherlands", "contact": ("Joost de Wit", "joost@harbourline.example.com"),
    },
    {
        "name": "Quillfeather Labs", "state": "finalized", "package": "visionary", "colour": (106, 27, 154),
        "description": "Quillfeather Labs makes developer tools for scientific Python, from notebooks to clusters.",
        "url": "https://quillfeather.example.com/", "city": "Portland", "state_code": "OR", "postal": "97201",
        "country": "United States", "contact": ("Priya Raman", "priya@quillfeather.example.com"),
    },
]  # fmt: skip


def load(data_dir, stdout):
    path = data_dir / "sponsors.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: the sponsorship configuration cannot be loaded.")
    records = json.loads(path.read_text())
    legacy = load_configuration(records)
    clauses = load_legal_clauses()
    cite_clauses(clauses, LEGACY_YEAR)
    year = timezone.localdate().year
    packages, benefits = services.clone_year(LEGACY_YEAR, year) if year != LEGACY_YEAR else (0, 0)
    settings_row = SponsorshipSettings.load()
    settings_row.current_year = year
    settings_row.save()
    made = load_sponsors(year)
    services.purge_sponsors_cache()
    stdout.write(
        f"Sponsors: {legacy} benefits for {LEGACY_YEAR}, {packages} packages and {benefits} benefits cloned into "
        f"{year}, {made} demo sponsors.\n"
    )


def load_configuration(records):
    by_model = {}
    for record in records:
        by_model.setdefault(record["model"].split(".")[1], []).append(record)
    programs = {}
    for record in by_model.get("sponsorshipprogram", []):
        fields = record["fields"]
        programs[record["pk"]], _created = SponsorshipProgram.objects.get_or_create(
            name=fields["name"], defaults={"order": fields["order"], "description": fields["description"]}
        )
    packages = {}
    for record in by_model.get("sponsorshippackage", []):
        fields = record["fields"]
        packages[record["pk"]], _created = SponsorshipPackage.objects.get_or_create(
            year=fields["year"], slug=fields["slug"],
            defaults={"name": fields["name"], "sponsorship_amount": fields["sponsorship_amount"],
                      "advertise": fields["advertise"], "logo_dimension": fields["logo_dimension"],
                      "order": fields["order"]},
        )  # fmt: skip
    benefits, created = {}, 0
    for record in by_model.get("sponsorshipbenefit", []):
        fields = record["fields"]
        benefit, was_created = SponsorshipBenefit.objects.get_or_create(
            year=fields["year"], program=programs[fields["program"]], name=fields["name"],
            defaults={name: fields[name] or default for name, default in (
                ("description", ""), ("package_only", False), ("new", False), ("unavailable", False),
                ("standalone", False), ("internal_description", ""), ("internal_value", None),
                ("capacity", None), ("soft_capacity", False), ("order", 0))},
        )  # fmt: skip
        benefits[record["pk"]] = (benefit, was_created)
        if was_created:
            benefit.packages.set([packages[pk] for pk in fields["packages"]])
            benefit.save()
            created += 1
    concrete = {}
    for model, kind in FEATURE_KINDS.items():
        for record in by_model.get(model, []):
            concrete[record["pk"]] = (kind, record["fields"])
    for record in by_model.get("benefitfeatureconfiguration", []):
        benefit, was_created = benefits.get(record["fields"]["benefit"], (None, False))
        if benefit is None or not was_created or record["pk"] not in concrete:
            continue
        kind, fields = concrete[record["pk"]]
        values = {name: value for name, value in fields.items() if name in FEATURE_FIELDS and value is not None}
        if kind == FeatureKind.TIERED_QUANTITY:
            values["package"] = packages[fields["package"]]
        BenefitFeatureConfiguration.objects.create(benefit=benefit, kind=kind, **values)
    return created


def load_legal_clauses():
    clauses = []
    for order, (name, text) in enumerate(LEGAL_CLAUSES):
        clause, _created = LegalClause.objects.get_or_create(internal_name=name,
                                                             defaults={"clause": text, "order": order})  # fmt: skip
        clauses.append(clause)
    return clauses


def cite_clauses(clauses, year):
    for benefit in SponsorshipBenefit.objects.for_year(year).prefetch_related("legal_clauses"):
        if benefit.legal_clauses.all():
            continue
        cited = {clauses[index] for word, index in CLAUSE_FOR.items() if word in benefit.name}
        if cited:
            benefit.legal_clauses.set(sorted(cited, key=lambda c: c.order))
            benefit.save()


def logo_png(name, colour):
    image = Image.new("RGB", (480, 240), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=44)
    draw.text((240, 120), name, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def load_sponsors(year):
    User = get_user_model()
    visitor = User.objects.filter(username="visitor").first()
    made = 0
    for spec in SPONSORS:
        if Sponsor.objects.filter(name=spec["name"]).exists():
            continue
        package = SponsorshipPackage.objects.filter(year=year, slug=spec["package"]).first()
        if package is None:
            continue
        sponsor = Sponsor(
            name=spec["name"], description=spec["description"], landing_page_url=spec["url"],
            primary_phone="+1 555 0100", mailing_address_line_1="100 Example Way", city=spec["city"],
            state=spec["state_code"], postal_code=spec["postal"], country=spec["country"],
            country_of_incorporation=spec["country"], state_of_incorporation=spec["state_code"],
        )  # fmt: skip
        sponsor.web_logo.save(f"{sponsor.name.lower().replace(' ', '-')}.png",
                              ContentFile(logo_png(spec["name"], spec["colour"])), save=False)  # fmt: skip
        sponsor.save()
        name, email = spec["contact"]
        # The demo "visitor" account manages the finalized sponsor, so /users/sponsorships/ has something to show.
        manager = visitor if spec["state"] == "finalized" else None
        SponsorContact.objects.create(sponsor=sponsor, user=manager, name=name, email=email, phone="+1 555 0101",
                                      primary=True, administrative=True)  # fmt: skip
        SponsorContact.objects.create(sponsor=sponsor, name="Accounts payable", email=f"billing@{email.split('@')[1]}",
                                      phone="+1 555 0102", accounting=True)  # fmt: skip
        sponsorship = Sponsorship.objects.create(
            sponsor=sponsor, package=package, year=year, level_name=package.name,
            sponsorship_fee=package.sponsorship_amount, submited_by=manager,
        )  # fmt: skip
        for order, benefit in enumerate(package.benefits.all().order_by("program__order", "order")):
            SponsorBenefit.copy_from(sponsorship, benefit, order=order)
        if spec["state"] in ("approved", "finalized"):
            contract = sponsorship.approve(date(year, 1, 1), date(year, 12, 31))
        if spec["state"] == "finalized":
            contract.refresh_from_db()
            documents = contracts.render_documents(contract, final=True)
            contract.send(**documents)
            contract.execute(ContentFile(contracts.contract_pdf(contract), name="signed-contract.pdf"))
            add_assets(sponsorship)
        made += 1
    return made


def add_assets(sponsorship):
    """Answer the text and yes/no assets and hand out the voucher codes, so the assets screens have values."""
    for feature in sponsorship.features_of(FeatureKind.values):
        if feature.kind == FeatureKind.REQUIRED_TEXT:
            value = {"text": f"{sponsorship.sponsor.name} is hiring Python developers: see our careers page."}
        elif feature.kind == FeatureKind.REQUIRED_RESPONSE:
            value = {"response": SponsorAsset.Response.YES}
        elif feature.kind == FeatureKind.PROVIDED_TEXT and not feature.shared:
            value = {"text": f"PSF-{sponsorship.pk:04d}-{feature.internal_name[:12].upper()}"}
        else:
            continue
        SponsorAsset.objects.update_or_create(
            sponsorship=sponsorship, internal_name=feature.internal_name,
            defaults={"sponsor": sponsorship.sponsor, "kind": feature.kind, **value},
        )  # fmt: skip
