import factory
import wagtail_factories

from apps.successstories.models import Company, StoryCategory, StoryIndexPage, StoryPage


class CompanyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Company {n}")
    slug = factory.Sequence(lambda n: f"company-{n}")
    website = factory.LazyAttribute(lambda c: f"https://{c.slug}.example.com/")

    class Meta:
        model = Company
        django_get_or_create = ("slug",)


class StoryCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = StoryCategory
        django_get_or_create = ("slug",)


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Python Success Stories"
    slug = "success-stories"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    company = factory.SubFactory(CompanyFactory)
    category = factory.SubFactory(StoryCategoryFactory)
    author = "Ada Lovelace"
    pull_quote = "Python made our work simpler."
    body = factory.LazyFunction(lambda: [{"type": "rich_text", "value": "<p>How we use Python every day.</p>"}])

    class Meta:
        model = StoryPage


def bulk_stories(index, count, categories, companies):
    """``count`` live stories under ``index`` in a few queries (add_child would take minutes at 1,000)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    index.refresh_from_db()
    content_type = ContentType.objects.get_for_model(StoryPage)
    now = timezone.now()
    pages = [
        Page(
            title=f"Story {number}", slug=f"bulk-story-{number}", content_type=content_type, live=True,
            path=StoryPage._get_path(index.path, index.depth + 1, index.numchild + number + 1),
            depth=index.depth + 1, numchild=0, url_path=f"{index.url_path}bulk-story-{number}/",
            first_published_at=now, last_published_at=now, locale_id=index.locale_id, draft_title=f"Story {number}",
        )
        for number in range(count)
    ]  # fmt: skip
    Page.objects.bulk_create(pages)
    rows = [
        (page.pk, "", False, companies[n % len(companies)].pk, categories[n % len(categories)].pk, "Ada", "",
         "Python helps.", "[]", False)
        for n, page in enumerate(pages)
    ]  # fmt: skip
    columns = (
        "page_ptr_id, social_text, noindex, company_id, category_id, author, author_email, pull_quote, body, featured"
    )
    sql = f"INSERT INTO {StoryPage._meta.db_table} ({columns}) VALUES ({', '.join(['%s'] * 10)})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
