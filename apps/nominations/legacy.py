"""Legacy PSF elections: kinds, elections, nominees and nominations, with their acceptance and approval."""

import re
from datetime import datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from apps.core.legacy import Skip, importer
from apps.nominations.models import (
    Acceptance,
    Election,
    ElectionKind,
    Nomination,
    NominationFormVariant,
    Nominee,
    Review,
)

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@importer("nominations.electionkind", group="nominations", order=10,
          fields={"name", "slug", "nomination_form", "accent_color"})  # fmt: skip
def import_kind(row, target, ctx):
    fields = row["fields"]
    slug = fields["slug"] or slugify(fields["name"])[:100]
    kind = target or ElectionKind.objects.filter(slug=slug).first() or ElectionKind(slug=slug)
    kind.name, kind.slug = fields["name"], slug
    kind.form_variant = (
        NominationFormVariant.BOARD if fields["nomination_form"] == "board" else NominationFormVariant.COUNCIL
    )
    if COLOUR.match(fields.get("accent_color") or ""):
        kind.accent_colour = fields["accent_color"]
    kind.save()
    return kind


def when(value, fallback):
    return parse_datetime(value) if value else fallback


ELECTION_FIELDS = {"name", "date", "kind", "nominations_open_at", "nominations_close_at", "description",
                   "description_markup_type", "_description_rendered", "hide_previous_service", "slug"}  # fmt: skip


@importer("nominations.election", group="nominations", order=20, fields=ELECTION_FIELDS)
def import_election(row, target, ctx):
    fields = row["fields"]
    day = parse_date(fields["date"] or "")
    if day is None:
        raise Skip(f"election {fields['name']!r} without a date")
    election_day = timezone.make_aware(datetime.combine(day, time(12)))
    slug = fields["slug"] or slugify(fields["name"])[:150]
    election = target or Election.objects.filter(slug=slug).first() or Election(slug=slug)
    election.name, election.slug = fields["name"][:150], slug
    election.kind = ctx.require(ElectionKind, "nominations.electionkind", fields["kind"], "election kind")
    election.description = fields["description"] or ""
    election.nominations_close_at = when(fields["nominations_close_at"], election_day)
    election.nominations_open_at = when(fields["nominations_open_at"], election.nominations_close_at)
    election.voting_open_at = election.voting_open_at or election_day
    election.save()
    return election


def review_of(approved):
    return Review.APPROVED if approved else Review.PENDING


@importer(
    "nominations.nominee", group="nominations", order=30, fields={"election", "user", "accepted", "approved", "slug"}
)
def import_nominee(row, target, ctx):
    fields = row["fields"]
    election = ctx.require(Election, "nominations.election", fields["election"], "election")
    user = ctx.user(fields["user"])
    if user is None:
        raise Skip("a nominee without an account in the dump")
    slug = fields["slug"] or slugify(user.get_full_name() or user.username)[:160]
    nominee = target or Nominee.objects.filter(election=election, slug=slug).first() or Nominee(election=election)
    nominee.name = (user.get_full_name() or user.username)[:150]
    nominee.email, nominee.slug, nominee.user = user.email, slug, user
    nominee.review = review_of(fields["approved"])
    nominee.save()
    return nominee


NOMINATION_FIELDS = {
    "election", "name", "email", "previous_board_service", "employer", "other_affiliations",
    "nomination_statement", "nomination_statement_markup_type", "_nomination_statement_rendered", "nominator",
    "nominee", "accepted", "approved", "coc_acknowledged", "mission_alignment", "eligibility_confirmed",
}  # fmt: skip


@importer("nominations.nomination", group="nominations", order=40, fields=NOMINATION_FIELDS)
def import_nomination(row, target, ctx):
    fields = row["fields"]
    nominator = ctx.user(fields["nominator"])
    if nominator is None:
        raise Skip("a nomination whose nominator is not in the dump")
    if not fields["nominee"]:
        raise Skip("a nomination without a nominee", error=False)
    nomination = target or Nomination()
    nomination.election = ctx.require(Election, "nominations.election", fields["election"], "election")
    nomination.nominee = ctx.require(Nominee, "nominations.nominee", fields["nominee"], "nominee")
    nomination.nominator = nominator
    nomination.name = (fields["name"] or nomination.nominee.name)[:150]
    nomination.email = fields["email"] or nomination.nominee.email
    nomination.previous_board_service = (fields["previous_board_service"] or "")[:300]
    nomination.employer = (fields["employer"] or "")[:200]
    nomination.other_affiliations = (fields["other_affiliations"] or "")[:500]
    nomination.statement = fields["nomination_statement"] or ""
    nomination.mission_alignment = "Confirmed by the nominator." if fields["mission_alignment"] else ""
    nomination.coc_acknowledged = bool(fields["coc_acknowledged"])
    nomination.eligibility_confirmed = bool(fields["eligibility_confirmed"])
    nomination.acceptance = Acceptance.ACCEPTED if fields["accepted"] else Acceptance.PENDING
    nomination.review = review_of(fields["approved"])
    nomination.save()
    return nomination
