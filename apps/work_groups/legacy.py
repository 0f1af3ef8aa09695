"""Legacy PSF work groups, with their charters, organizers and members."""

from apps.core.legacy import importer
from apps.work_groups.models import WorkGroup

SECTIONS = ["purpose", "active_time", "core_values", "rules", "communication", "support"]
FIELDS = {
    "name", "slug", "active", "approved", "short_description", "url", "organizers", "members",
    "created", "updated", "creator", "last_modified_by",
    *SECTIONS, *(f"{name}_markup_type" for name in SECTIONS), *(f"_{name}_rendered" for name in SECTIONS),
}  # fmt: skip


@importer("work_groups.workgroup", group="work_groups", order=10, fields=FIELDS)
def import_work_group(row, target, ctx):
    fields = row["fields"]
    group = target or WorkGroup.objects.filter(slug=fields["slug"]).first() or WorkGroup(slug=fields["slug"])
    group.name, group.slug = fields["name"][:200], fields["slug"]
    group.short_description = fields["short_description"] or ""
    for name in SECTIONS:
        setattr(group, name, fields.get(name) or "")
    markup = fields.get("purpose_markup_type")
    group.markup = markup if markup in ("markdown", "restructuredtext", "html") else "markdown"
    group.url = fields["url"] or ""
    group.active, group.approved = bool(fields["active"]), bool(fields["approved"])
    group.save()
    group.organizers.set(user for user in map(ctx.user, fields["organizers"]) if user)
    group.members.set(user for user in map(ctx.user, fields["members"]) if user)
    return group
