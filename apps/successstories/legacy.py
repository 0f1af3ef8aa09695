"""Legacy success stories: categories, companies and the stories themselves (pages under /success-stories/)."""

import io

from apps.core.legacy import Skip, importer
from apps.successstories.demo import story_index
from apps.successstories.models import Company, StoryCategory, StoryPage

MARKUP_BLOCKS = {"markdown": "markdown", "restructuredtext": "restructuredtext"}


def image_from(path, title):
    """A Wagtail image made from a legacy media file (the same file is reused on a second import)."""
    from django.core.files.images import ImageFile
    from wagtail.images.models import Image

    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    with open(path, "rb") as handle:
        return Image.objects.create(title=title, file=ImageFile(handle, name=path.name))


@importer("successstories.storycategory", group="successstories", order=10, fields={"name", "slug"})
def import_category(row, target, ctx):
    fields = row["fields"]
    category = target or StoryCategory.objects.filter(slug=fields["slug"]).first() or StoryCategory(slug=fields["slug"])
    category.name, category.slug = fields["name"], fields["slug"]
    category.save()
    return category


COMPANY_FIELDS = {"name", "slug", "about", "about_markup_type", "contact", "_about_rendered", "email", "url", "logo"}


@importer("companies.company", group="successstories", order=5, fields=COMPANY_FIELDS)
def import_company(row, target, ctx):
    fields = row["fields"]
    company = target or Company.objects.filter(slug=fields["slug"]).first() or Company(slug=fields["slug"])
    company.name, company.slug = fields["name"][:200], fields["slug"]
    company.website = fields["url"] or ""
    company.about = fields["_about_rendered"] or company.about
    logo = ctx.media_file(fields["logo"])  # None (and reported) when --media-root lacks it
    if logo is not None:
        company.logo = image_from(logo, f"{company.name} logo")
    company.save()
    return company


STORY_FIELDS = {
    "created", "updated", "creator", "last_modified_by", "name", "slug", "company_name", "company_url",
    "company", "category", "author", "author_email", "pull_quote", "content", "content_markup_type",
    "is_published", "_content_rendered", "featured", "image", "submitted_by",
}  # fmt: skip


def unpublish(story, ctx):
    if story.live:
        story.unpublish()


@importer("successstories.story", group="successstories", order=20, fields=STORY_FIELDS, remove=unpublish)
def import_story(row, target, ctx):
    fields = row["fields"]
    index = story_index(io.StringIO())
    if index is None:
        raise Skip("no site to put stories in")
    story = target or StoryPage.objects.filter(slug=fields["slug"]).first()
    if fields["company"]:
        company = ctx.require(Company, "companies.company", fields["company"], "company")
    elif fields["company_name"]:
        company = Company.objects.filter(name=fields["company_name"][:200]).first() or Company.objects.create(
            name=fields["company_name"][:200], slug=fields["slug"][:200], website=fields["company_url"] or ""
        )
    else:
        company = None
    values = {
        "title": fields["name"][:255],
        "company": company,
        "category": ctx.require(StoryCategory, "successstories.storycategory", fields["category"], "category"),
        "author": (fields["author"] or "")[:200],
        "author_email": fields["author_email"] or "",
        "pull_quote": (fields["pull_quote"] or "")[:500],
        "featured": bool(fields.get("featured")),
        "body": [{"type": MARKUP_BLOCKS.get(fields["content_markup_type"], "raw_html"), "value": fields["content"]}],
    }
    if story is None:
        story = StoryPage(slug=fields["slug"], live=False, **values)
        index.add_child(instance=story)
    else:
        for name, value in values.items():
            setattr(story, name, value)
    image = ctx.media_file(fields["image"])
    if image is not None:
        story.image = image_from(image, story.title)
    revision = story.save_revision()
    if fields["is_published"]:
        revision.publish()
    elif story.live:
        story.unpublish()
    return story
