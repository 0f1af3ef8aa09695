"""Legacy sponsorship program: its configuration, sponsors and contacts, sponsorships with their benefits and
features, and the sponsors' assets.

The legacy site stored features, feature configurations and assets as polymorphic models: a base row (which
benefit or sponsorship, which concrete type) and a concrete row with the same primary key holding the fields.
Here each is one row with a ``kind``; the base row's importer reads its concrete row, and a changed concrete
row updates what its base row became.
"""

from django.core.files import File
from django.utils.dateparse import parse_date, parse_datetime

from apps.core.legacy import Skip, flag_handler, importer
from apps.sponsors.models import (
    BenefitFeature,
    BenefitFeatureConfiguration,
    Contract,
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

GROUP = "sponsors"
TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}
# Legacy concrete feature models and the kind each is here (configurations add "configuration" to the name).
KINDS = {
    "logoplacement": FeatureKind.LOGO_PLACEMENT,
    "tieredbenefit": FeatureKind.TIERED_QUANTITY,
    "emailtargetable": FeatureKind.EMAIL_TARGETABLE,
    "requiredimgasset": FeatureKind.REQUIRED_IMAGE,
    "requiredtextasset": FeatureKind.REQUIRED_TEXT,
    "requiredresponseasset": FeatureKind.REQUIRED_RESPONSE,
    "providedtextasset": FeatureKind.PROVIDED_TEXT,
    "providedfileasset": FeatureKind.PROVIDED_FILE,
}
KIND_FIELDS = {
    "logoplacement": {"publisher", "logo_place", "link_to_sponsors_page", "describe_as_sponsor"},
    "tieredbenefit": {"package", "quantity", "display_label"},
    "emailtargetable": set(),
    "requiredimgasset": {
        "related_to",
        "internal_name",
        "label",
        "help_text",
        "due_date",
        "min_width",
        "max_width",
        "min_height",
        "max_height",
    },  # fmt: skip
    "requiredtextasset": {"related_to", "internal_name", "label", "help_text", "due_date", "max_length"},
    "requiredresponseasset": {"related_to", "internal_name", "label", "help_text", "due_date"},
    "providedtextasset": {"related_to", "internal_name", "label", "help_text", "shared", "shared_text"},
    "providedfileasset": {"related_to", "internal_name", "label", "help_text", "shared", "shared_file"},
}
# Legacy asset values and the kind of asset each holds (a text may answer a required or a provided text).
ASSET_FIELDS = {"imgasset": "image", "textasset": "text", "fileasset": "file", "responseasset": "response"}
ASSET_KINDS = {"imgasset": FeatureKind.REQUIRED_IMAGE, "textasset": FeatureKind.REQUIRED_TEXT,
               "fileasset": FeatureKind.PROVIDED_FILE, "responseasset": FeatureKind.REQUIRED_RESPONSE}  # fmt: skip


def concrete_rows(ctx, models):
    """{legacy pk: (concrete model name, fields)} of polymorphic concrete rows, read once per run."""
    cache = ctx.__dict__.setdefault("sponsor_concrete", {})
    key = tuple(models)
    if key not in cache:
        cache[key] = {}
        for name in models:
            for row in ctx.rows(f"sponsors.{name}"):
                cache[key][row["pk"]] = (name, row["fields"])
    return cache[key]


def apply_feature(feature, name, fields, ctx):
    """Copy a concrete legacy feature's fields onto a feature (configuration) here."""
    feature.kind = KINDS[name]
    for field, value in fields.items():
        if field == "package":
            feature.package = ctx.require(SponsorshipPackage, "sponsors.sponsorshippackage", value, "package")
        elif field == "due_date":
            feature.due_date = parse_date(value) if value else None
        elif field == "shared_file":
            path = ctx.media_file(value)
            if path is not None:
                with open(path, "rb") as handle:
                    feature.shared_file.save(path.name, File(handle), save=False)
        elif value is not None:
            setattr(feature, field, value)
    return feature


# --- configuration ---------------------------------------------------------------------------------


@importer("sponsors.sponsorshipprogram", group=GROUP, order=10, fields={"name", "order", "description"})
def import_program(row, target, ctx):
    fields = row["fields"]
    program = target or SponsorshipProgram.objects.filter(name=fields["name"]).first()
    program = program or SponsorshipProgram(name=fields["name"])
    program.name, program.order, program.description = fields["name"], fields["order"], fields["description"] or ""
    program.save()
    return program


PACKAGE_FIELDS = {"name", "slug", "sponsorship_amount", "advertise", "logo_dimension", "order", "year",
                  "allow_a_la_carte"}  # fmt: skip


@importer("sponsors.sponsorshippackage", group=GROUP, order=11, fields=PACKAGE_FIELDS)
def import_package(row, target, ctx):
    fields = row["fields"]
    package = target or SponsorshipPackage.objects.filter(year=fields["year"], slug=fields["slug"]).first()
    package = package or SponsorshipPackage(year=fields["year"], slug=fields["slug"])
    for name in PACKAGE_FIELDS:
        if fields.get(name) is not None:
            setattr(package, name, fields[name])
    package.save()
    return package


BENEFIT_FIELDS = {
    "year", "program", "name", "description", "packages", "package_only", "new", "unavailable", "standalone",
    "internal_description", "internal_value", "capacity", "soft_capacity", "conflicts", "legal_clauses", "order",
}  # fmt: skip


@importer("sponsors.legalclause", group=GROUP, order=11, fields={"internal_name", "clause", "notes", "order"})
def import_legal_clause(row, target, ctx):
    fields = row["fields"]
    clause = target or LegalClause()
    clause.internal_name, clause.clause = fields["internal_name"], fields["clause"] or ""
    clause.notes, clause.order = fields["notes"] or "", fields["order"] or 0
    clause.save()
    return clause


@importer("sponsors.sponsorshipbenefit", group=GROUP, order=12, fields=BENEFIT_FIELDS)
def import_benefit(row, target, ctx):
    fields = row["fields"]
    program = ctx.require(SponsorshipProgram, "sponsors.sponsorshipprogram", fields["program"], "program")
    benefit = target or SponsorshipBenefit.objects.filter(
        year=fields["year"], program=program, name=fields["name"]
    ).first()  # fmt: skip
    benefit = benefit or SponsorshipBenefit(year=fields["year"], program=program, name=fields["name"])
    benefit.program = program
    for name in ("description", "internal_description"):
        setattr(benefit, name, fields[name] or "")
    for name in ("package_only", "new", "unavailable", "standalone", "soft_capacity"):
        setattr(benefit, name, bool(fields[name]))
    benefit.internal_value, benefit.capacity, benefit.order = (
        fields["internal_value"],
        fields["capacity"],
        fields["order"] or 0,
    )
    benefit.save()
    benefit.packages.set(
        ctx.require(SponsorshipPackage, "sponsors.sponsorshippackage", pk, "package") for pk in fields["packages"]
    )  # fmt: skip
    benefit.legal_clauses.set(
        ctx.require(LegalClause, "sponsors.legalclause", pk, "legal clause") for pk in fields["legal_clauses"]
    )  # fmt: skip
    # Conflicts are listed on both benefits: each side links the ones imported before it.
    conflicts = (ctx.target_id("sponsors.sponsorshipbenefit", pk) for pk in fields["conflicts"])
    benefit.conflicts.set(SponsorshipBenefit.objects.filter(pk__in=[pk for pk in conflicts if pk]))
    benefit.save()
    return benefit


@importer("sponsors.benefitfeatureconfiguration", group=GROUP, order=13, fields={"benefit", "polymorphic_ctype"})
def import_feature_configuration(row, target, ctx):
    concrete = concrete_rows(ctx, [f"{name}configuration" for name in KINDS]).get(row["pk"])
    if concrete is None:
        raise Skip("a benefit feature configuration without its concrete row")
    benefit = ctx.require(SponsorshipBenefit, "sponsors.sponsorshipbenefit", row["fields"]["benefit"], "benefit")
    configuration = target or BenefitFeatureConfiguration(benefit=benefit)
    configuration.benefit = benefit
    apply_feature(configuration, concrete[0].removesuffix("configuration"), concrete[1], ctx)
    configuration.save()
    return configuration


def concrete_configuration_importer(name):
    def import_row(row, target, ctx):
        configuration = ctx.require(
            BenefitFeatureConfiguration, "sponsors.benefitfeatureconfiguration", row["pk"], "feature configuration"
        )  # fmt: skip
        apply_feature(configuration, name, row["fields"], ctx)
        configuration.save()
        return configuration

    return import_row


for _name, _fields in KIND_FIELDS.items():
    importer(f"sponsors.{_name}configuration", group=GROUP, order=14, fields=_fields)(
        concrete_configuration_importer(_name)
    )


@importer("sponsors.sponsorshipcurrentyear", group=GROUP, order=15, fields={"year"})
def import_current_year(row, target, ctx):
    settings_row = SponsorshipSettings.load()
    settings_row.current_year = row["fields"]["year"]
    settings_row.save()
    return None


@flag_handler("sponsorship-applications-open")
def applications_open(enabled):
    settings_row = SponsorshipSettings.load()
    settings_row.applications_open = enabled
    settings_row.save()


# --- sponsors and sponsorships -----------------------------------------------------------------------

SPONSOR_FIELDS = {
    "name", "description", "landing_page_url", "twitter_handle", "linked_in_page_url", "web_logo", "white_logo",
    "print_logo", "primary_phone", "mailing_address_line_1", "mailing_address_line_2", "city", "state",
    "postal_code", "country", "country_of_incorporation", "state_of_incorporation", *TIMESTAMPS,
}  # fmt: skip
SPONSOR_TEXT = [
    "name", "description", "landing_page_url", "twitter_handle", "linked_in_page_url", "primary_phone",
    "mailing_address_line_1", "mailing_address_line_2", "city", "state", "postal_code", "country",
    "country_of_incorporation", "state_of_incorporation",
]  # fmt: skip


@importer("sponsors.sponsor", group=GROUP, order=20, fields=SPONSOR_FIELDS)
def import_sponsor(row, target, ctx):
    fields = row["fields"]
    sponsor = target or Sponsor()
    for name in SPONSOR_TEXT:
        setattr(sponsor, name, fields[name] or "")
    sponsor.created_on = parse_datetime(fields["created"]) or sponsor.created_on
    for name in ("web_logo", "white_logo", "print_logo"):
        path = ctx.media_file(fields.get(name))
        if path is not None:
            with open(path, "rb") as handle:
                getattr(sponsor, name).save(path.name, File(handle), save=False)
    sponsor.save()
    return sponsor


CONTACT_FIELDS = {"sponsor", "user", "primary", "administrative", "accounting", "manager", "name", "email", "phone"}


@importer("sponsors.sponsorcontact", group=GROUP, order=21, fields=CONTACT_FIELDS)
def import_contact(row, target, ctx):
    fields = row["fields"]
    contact = target or SponsorContact()
    contact.sponsor = ctx.require(Sponsor, "sponsors.sponsor", fields["sponsor"], "sponsor")
    contact.user = ctx.user(fields["user"])
    for name in ("primary", "administrative", "accounting", "manager"):
        setattr(contact, name, bool(fields[name]))
    contact.name, contact.email, contact.phone = fields["name"], fields["email"], fields["phone"] or ""
    contact.save()
    return contact


SPONSORSHIP_FIELDS = {
    "submited_by", "sponsor", "status", "locked", "start_date", "end_date", "applied_on", "approved_on",
    "rejected_on", "finalized_on", "year", "for_modified_package", "level_name_old", "level_name", "package",
    "sponsorship_fee", "overlapped_by", "renewal",
}  # fmt: skip


@importer("sponsors.sponsorship", group=GROUP, order=22, fields=SPONSORSHIP_FIELDS)
def import_sponsorship(row, target, ctx):
    fields = row["fields"]
    if fields["status"] not in Sponsorship.Status.values:
        raise Skip(f"unknown sponsorship status {fields['status']!r}")
    sponsorship = target or Sponsorship()
    sponsorship.sponsor = ctx.require(Sponsor, "sponsors.sponsor", fields["sponsor"], "sponsor")
    sponsorship.submited_by = ctx.user(fields["submited_by"])
    sponsorship.package = (
        ctx.require(SponsorshipPackage, "sponsors.sponsorshippackage", fields["package"], "package")
        if fields["package"] else None
    )  # fmt: skip
    sponsorship.year, sponsorship.status, sponsorship.locked = fields["year"], fields["status"], fields["locked"]
    sponsorship.for_modified_package = bool(fields["for_modified_package"])
    sponsorship.level_name = (fields.get("level_name") or fields.get("level_name_old") or "")[:64]
    sponsorship.sponsorship_fee = fields["sponsorship_fee"]
    sponsorship.renewal = bool(fields["renewal"])
    for name in ("start_date", "end_date", "approved_on", "rejected_on", "finalized_on"):
        setattr(sponsorship, name, parse_date(fields[name]) if fields[name] else None)
    sponsorship.applied_on = parse_date(fields["applied_on"]) if fields["applied_on"] else sponsorship.applied_on
    sponsorship.save()
    return sponsorship


SPONSOR_BENEFIT_FIELDS = {
    "order", "sponsorship", "sponsorship_benefit", "program_name", "name", "description", "program",
    "benefit_internal_value", "added_by_user", "standalone",
}  # fmt: skip


@importer("sponsors.sponsorbenefit", group=GROUP, order=23, fields=SPONSOR_BENEFIT_FIELDS)
def import_sponsor_benefit(row, target, ctx):
    fields = row["fields"]
    benefit = target or SponsorBenefit()
    benefit.sponsorship = ctx.require(Sponsorship, "sponsors.sponsorship", fields["sponsorship"], "sponsorship")
    benefit.sponsorship_benefit = (
        ctx.require(SponsorshipBenefit, "sponsors.sponsorshipbenefit", fields["sponsorship_benefit"], "benefit")
        if fields["sponsorship_benefit"] else None
    )  # fmt: skip
    benefit.program = (
        ctx.require(SponsorshipProgram, "sponsors.sponsorshipprogram", fields["program"], "program")
        if fields["program"] else None
    )  # fmt: skip
    benefit.program_name, benefit.name = fields["program_name"][:64], fields["name"][:1024]
    benefit.description = fields["description"] or ""
    benefit.benefit_internal_value = fields["benefit_internal_value"]
    benefit.added_by_user, benefit.standalone = bool(fields["added_by_user"]), bool(fields["standalone"])
    benefit.order = fields["order"] or 0
    benefit.save()
    return benefit


@importer("sponsors.benefitfeature", group=GROUP, order=24, fields={"polymorphic_ctype", "sponsor_benefit"})
def import_feature(row, target, ctx):
    concrete = concrete_rows(ctx, list(KINDS)).get(row["pk"])
    if concrete is None:
        raise Skip("a benefit feature without its concrete row")
    sponsor_benefit = ctx.require(
        SponsorBenefit, "sponsors.sponsorbenefit", row["fields"]["sponsor_benefit"], "benefit"
    )
    feature = target or BenefitFeature(sponsor_benefit=sponsor_benefit)
    feature.sponsor_benefit = sponsor_benefit
    apply_feature(feature, *concrete, ctx)
    feature.save()
    return feature


def concrete_feature_importer(name):
    def import_row(row, target, ctx):
        feature = ctx.require(BenefitFeature, "sponsors.benefitfeature", row["pk"], "benefit feature")
        apply_feature(feature, name, row["fields"], ctx)
        feature.save()
        return feature

    return import_row


for _name, _fields in KIND_FIELDS.items():
    importer(f"sponsors.{_name}", group=GROUP, order=25, fields=_fields)(concrete_feature_importer(_name))


# --- assets ------------------------------------------------------------------------------------------


def asset_kind(name, internal_name, sponsorship):
    """The kind of the feature the asset answers (by internal name), or the legacy value model's usual kind."""
    features = BenefitFeature.objects.filter(internal_name=internal_name)
    if sponsorship is not None:
        features = features.filter(sponsor_benefit__sponsorship=sponsorship)
    feature = features.only("kind").first()
    return feature.kind if feature else ASSET_KINDS[name]


def apply_asset_value(asset, name, fields, ctx):
    field = ASSET_FIELDS[name]
    value = fields[field]
    if field == "text":
        asset.text = value or ""
    elif field == "response":
        asset.response = {"yes": "yes", "no": "no", True: "yes", False: "no"}.get(value, "")
    else:
        path = ctx.media_file(value)
        if path is not None:
            with open(path, "rb") as handle:
                asset.file.save(path.name, File(handle), save=False)


@importer(
    "sponsors.genericasset", group=GROUP, order=30,
    fields={"polymorphic_ctype", "uuid", "content_type", "object_id", "internal_name"},
)  # fmt: skip
def import_asset(row, target, ctx):
    fields = row["fields"]
    concrete = concrete_rows(ctx, list(ASSET_FIELDS)).get(row["pk"])
    if concrete is None:
        raise Skip("an asset without its value row")
    owner = fields["content_type"][1] if isinstance(fields["content_type"], list) else ""
    if owner == "sponsorship":
        sponsorship = ctx.require(Sponsorship, "sponsors.sponsorship", fields["object_id"], "sponsorship")
        sponsor = sponsorship.sponsor
    elif owner == "sponsor":
        sponsorship, sponsor = None, ctx.require(Sponsor, "sponsors.sponsor", fields["object_id"], "sponsor")
    else:
        raise Skip(f"an asset of an unknown owner {fields['content_type']!r}")
    asset = target or SponsorAsset.objects.filter(uuid=fields["uuid"]).first() or SponsorAsset(uuid=fields["uuid"])
    asset.sponsor, asset.sponsorship, asset.internal_name = sponsor, sponsorship, fields["internal_name"][:128]
    asset.kind = asset_kind(concrete[0], asset.internal_name, sponsorship)
    apply_asset_value(asset, *concrete, ctx)
    asset.save()
    return asset


def asset_value_importer(name):
    def import_row(row, target, ctx):
        asset = ctx.require(SponsorAsset, "sponsors.genericasset", row["pk"], "asset")
        apply_asset_value(asset, name, row["fields"], ctx)
        asset.save()
        return asset

    return import_row


for _name, _field in ASSET_FIELDS.items():
    importer(f"sponsors.{_name}", group=GROUP, order=31, fields={_field})(asset_value_importer(_name))


CONTRACT_FIELDS = {
    "status", "revision", "document", "document_docx", "signed_document", "sponsorship", "sponsor_info",
    "sponsor_contact", "benefits_list", "benefits_list_markup_type", "_benefits_list_rendered", "legal_clauses",
    "legal_clauses_markup_type", "_legal_clauses_rendered", "created_on", "last_update", "sent_on",
}  # fmt: skip
# python.org's "outdated" contracts were replaced by a newer revision: here that is a nullified contract.
CONTRACT_STATUSES = {"draft": Contract.Status.DRAFT, "outdated": Contract.Status.NULLIFIED,
                     "awaiting signature": Contract.Status.AWAITING_SIGNATURE, "executed": Contract.Status.EXECUTED,
                     "nullified": Contract.Status.NULLIFIED}  # fmt: skip


@importer("sponsors.contract", group=GROUP, order=40, fields=CONTRACT_FIELDS)
def import_contract(row, target, ctx):
    """A contract with its documents (unsigned PDF and docx, the signed PDF) copied from the legacy media."""
    fields = row["fields"]
    if fields["status"] not in CONTRACT_STATUSES:
        raise Skip(f"unknown contract status {fields['status']!r}")
    if fields["sponsorship"] is None:
        raise Skip("a contract whose sponsorship was deleted", error=False)
    sponsorship = ctx.require(Sponsorship, "sponsors.sponsorship", fields["sponsorship"], "sponsorship")
    contract = target or Contract.objects.filter(sponsorship=sponsorship).first() or Contract(sponsorship=sponsorship)
    contract.sponsorship, contract.status = sponsorship, CONTRACT_STATUSES[fields["status"]]
    contract.revision = fields["revision"] or 0
    for name in ("sponsor_info", "sponsor_contact", "benefits_list", "legal_clauses"):
        setattr(contract, name, fields[name] or "")
    contract.created_on = parse_date(fields["created_on"]) if fields["created_on"] else contract.created_on
    contract.sent_on = parse_date(fields["sent_on"]) if fields["sent_on"] else None
    if contract.status == Contract.Status.EXECUTED and contract.executed_on is None:
        contract.executed_on = parse_date(fields["last_update"]) if fields["last_update"] else None
    for name in ("document", "document_docx", "signed_document"):
        path = ctx.media_file(fields[name])
        if path is not None:
            with open(path, "rb") as handle:
                getattr(contract, name).save(path.name, File(handle), save=False)
    contract.save()
    return contract


@importer(
    "sponsors.sponsoremailnotificationtemplate",
    group=GROUP,
    order=50,
    fields={"internal_name", "subject", "content", "created_at", "updated_at"},
)
def import_notification_template(row, target, ctx):
    """Staff's notifications to sponsors: mail templates here, offered where staff notify a sponsorship's contacts."""
    from django.utils.text import slugify

    from apps.mailing.models import EmailTemplate
    from apps.sponsors.services import NOTIFICATION_PREFIX

    fields = row["fields"]
    key = f"{NOTIFICATION_PREFIX}{slugify(fields['internal_name'])[:60] or row['pk']}"
    template = target or EmailTemplate.objects.filter(key=key).first() or EmailTemplate(key=key)
    template.description = fields["internal_name"][:255]
    template.subject, template.body = fields["subject"], fields["content"]
    template.save()
    return template
