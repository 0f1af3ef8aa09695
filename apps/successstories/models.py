"""Success stories: how organisations use Python, as pages under /success-stories/.

``Company`` and ``StoryCategory`` are snippets shared by stories; ``StoryIndexPage`` serves the
list, the category lists and the submission form; ``StorySubmission`` remembers who submitted a
story so they hear when it is published (kept off the page so revisions never reset it).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from apps.core.blocks import BodyStreamBlock
from apps.core.models import BasePage, RoutableBasePage

SURROGATE_KEY = "success-stories"
# The homepage story section and the Success Stories menu panel are cached under this key's generation.
GENERATION_KEY = "successstories-generation"
STORIES_PER_CATEGORY = 6
STORIES_PER_PAGE = 20
# What a story list row needs; the StreamField body is never loaded for lists.
LIST_FIELDS = ("id", "title", "slug", "url_path", "pull_quote", "featured", "first_published_at",
               "company__name", "category__name", "category__slug")  # fmt: skip


class Company(index.Indexed, models.Model):
    """An organisation that uses Python; several stories can share it."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    website = models.URLField(max_length=500, blank=True)
    about = RichTextField(blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("logo"), FieldPanel("website"), FieldPanel("about")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self):
        return self.name


class StoryCategory(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("story category")
        verbose_name_plural = _("story categories")

    def __str__(self):
        return self.name


class StoryQuerySet(PageQuerySet):
    def published(self):
        # live() only: public() costs a query per call; stories sit under the one public index page.
        return self.live()

    def listed(self):
        """List rows: newest first, with company and category, without the body."""
        return (
            self.published()
            .select_related("company", "category")
            .only(*LIST_FIELDS)
            .order_by("-first_published_at", "-pk")
        )

    def featured_story(self):
        """The story the homepage and menu show: the newest featured one, else the newest."""
        stories = self.published().select_related("company", "category", "image").order_by("-first_published_at")
        return stories.filter(featured=True).first() or stories.first()

    def top_per_category(self, size=STORIES_PER_CATEGORY):
        """The newest ``size`` stories of every category, in one query."""
        rank = Window(RowNumber(), partition_by=F("category_id"), order_by=[F("first_published_at").desc(), F("pk")])
        return self.listed().annotate(rank=rank).filter(rank__lte=size).order_by("category__name", "rank")


class StoryIndexPage(RoutableBasePage):
    """/success-stories/: the featured story, stories by category, category lists and the submission form."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["successstories.StoryPage"]
    max_count = 1
    surrogate_keys = (SURROGATE_KEY,)
    snippet_fields = ("intro",)

    class Meta:
        verbose_name = _("success stories index page")

    def stories(self):
        return StoryPage.objects.child_of(self)

    def featured_and_groups(self):
        """The featured story and [(category, newest stories)], cached until a story or company changes."""
        from django.core.cache import cache

        from apps.core.cache import generation

        key = f"successstories:index:{self.pk}:{generation(GENERATION_KEY)}"
        value = cache.get(key)
        if value is None:
            featured = self.stories().featured_story()
            groups = {}
            for story in self.stories().exclude(pk=getattr(featured, "pk", None)).top_per_category():
                groups.setdefault(story.category, []).append(story)
            value = (featured, list(groups.items()))
            cache.set(key, value, 24 * 3600)
        return value

    @path("")
    def index(self, request):
        featured, groups = self.featured_and_groups()
        return self.render(request, context_overrides={"featured": featured, "groups": groups})

    @path("category/<slug:slug>/", name="category")
    def category(self, request, slug):
        categories = list(StoryCategory.objects.all())
        category = next((item for item in categories if item.slug == slug), None)
        if category is None:
            raise Http404(_("No such category."))
        page_obj = Paginator(self.stories().listed().filter(category=category), STORIES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return self.render(
            request,
            template="successstories/story_category.html",
            context_overrides={
                "category": category,
                "page_obj": page_obj,
                "categories": categories,
            },
        )

    @path("create/", name="create")
    def create(self, request):
        from apps.successstories.views import submit_story

        return submit_story(request, self)


class StoryPage(BasePage):
    """One success story: who (company, author), what they say (pull quote, body) and a picture."""

    search_kind = _("Success story")
    company = models.ForeignKey(Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories")
    category = models.ForeignKey(
        StoryCategory, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    author = models.CharField(max_length=200, blank=True, help_text=_("Who wrote the story."))
    author_email = models.EmailField(blank=True, help_text=_("Not shown on the site."))
    pull_quote = models.TextField(blank=True, max_length=500)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    featured = models.BooleanField(default=False, help_text=_("Show on the homepage and in the menu."))

    objects = PageManager.from_queryset(StoryQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("company"), FieldPanel("category"), FieldPanel("featured")], heading=_("Story")),
        MultiFieldPanel([FieldPanel("author"), FieldPanel("author_email")], heading=_("Author")),
        FieldPanel("pull_quote"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("pull_quote"),
        index.SearchField("author"),
        index.SearchField("company_name"),
        index.SearchField("body"),
        index.FilterField("featured"),
    ]
    snippet_fields = ("pull_quote", "body")
    parent_page_types = ["successstories.StoryIndexPage"]
    subpage_types = []
    surrogate_keys = (SURROGATE_KEY,)

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    @property
    def company_name(self):
        return self.company.name if self.company_id else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from apps.core.cache import generation

        url = self.get_url(request) or ""
        context["index_url"] = url[: -len(self.slug) - 1] if url.endswith(f"{self.slug}/") else url
        # The rendered story is cached per published revision and company edits (see story_page.html).
        context["story_cache_version"] = f"{self.latest_revision_id}-{generation(GENERATION_KEY)}"
        return context


class StorySubmission(models.Model):
    """A story a signed-in visitor submitted; the submitter is emailed once it is published."""

    page = models.OneToOneField(StoryPage, on_delete=models.CASCADE, related_name="submission")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    published_notice_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("story submission")

    def __str__(self):
        return f"{self.page} ({self.submitted_by})"
