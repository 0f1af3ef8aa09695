"""Community posts (text, photo, link, video) and the /community/ page that lists them.

/community/ is a Wagtail page: its body and the community content tree below it stay editable
pages, and a routable sub-route serves each post at /community/<id>/.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from apps.community.embeds import embed_url
from apps.core.blocks import BodyStreamBlock
from apps.core.markup import MARKUP_CHOICES, render_markup
from apps.core.models import BasePage, RoutableBasePage

MAX_POST_ID = 2**63 - 1  # the largest value of a bigint primary key
POSTS_PER_PAGE = 20
MAX_LIST_PAGE = 10_000
PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]


def validate_photo_size(photo):
    limit = settings.COMMUNITY_PHOTO_MAX_BYTES
    if photo.size > limit:
        raise ValidationError(
            _("The photo is %(size)s; photos may be at most %(limit)s."),
            params={"size": filesizeformat(photo.size), "limit": filesizeformat(limit)},
        )


class PostQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        return self.filter(status=Post.Status.PUBLIC)

    def visible_to(self, user):
        """Public posts; private ones too for staff who may edit posts."""
        if user is not None and user.is_authenticated and user.has_perm("community.change_post"):
            return self
        return self.public()

    def newest_first(self):
        return self.order_by("-created", "-pk")


class Post(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        PHOTO = "photo", _("Photo")
        LINK = "link", _("Link")
        VIDEO = "video", _("Video")

    class Status(models.TextChoices):
        PRIVATE = "private", _("Private (staff only)")
        PUBLIC = "public", _("Public")

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PRIVATE, db_index=True)
    title = models.CharField(max_length=200)
    abstract = models.TextField(blank=True, help_text=_("One or two sentences shown in the list."))
    body = models.TextField(blank=True, help_text=_("The post's text; required for text posts."))
    body_markup = models.CharField(max_length=20, choices=MARKUP_CHOICES, default="markdown")
    url = models.URLField(
        "URL", max_length=1000, blank=True, help_text=_("The linked page (link posts) or the source of a photo.")
    )
    photo = models.ImageField(
        upload_to="community/photos/",
        blank=True,
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS), validate_photo_size],
        help_text=_("JPEG, PNG, GIF or WebP."),
    )
    caption = models.CharField(max_length=300, blank=True, help_text=_("Describes the photo or video."))
    video_url = models.URLField(
        max_length=500, blank=True, help_text=_("A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="community_posts"
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    panels = [
        FieldPanel("kind"), FieldPanel("status"), FieldPanel("title"), FieldPanel("abstract"),
        FieldPanel("body_markup"), FieldPanel("body"), FieldPanel("url"), FieldPanel("photo"),
        FieldPanel("video_url"), FieldPanel("caption"),
    ]  # fmt: skip
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/community/{self.pk}/"

    def clean(self):
        required = {
            self.Kind.TEXT: ("body", _("A text post needs its text.")),
            self.Kind.PHOTO: ("photo", _("A photo post needs a photo.")),
            self.Kind.LINK: ("url", _("A link post needs the address it links to.")),
            self.Kind.VIDEO: ("video_url", _("A video post needs the video's address.")),
        }
        field, message = required[self.kind]
        if not getattr(self, field):
            raise ValidationError({field: message})
        if self.kind == self.Kind.VIDEO and embed_url(self.video_url) is None:
            raise ValidationError({"video_url": _("Use a YouTube or Vimeo video address.")})

    @cached_property
    def body_html(self):
        return render_markup(self.body, self.body_markup)

    @property
    def embed_url(self):
        return embed_url(self.video_url)

    @property
    def link_host(self):
        from urllib.parse import urlsplit

        return urlsplit(self.url).hostname or ""


class CommunityIndexPage(RoutableBasePage):
    """/community/: the section's content, its pages and the latest public community posts."""

    intro = RichTextField(blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StandardPage", "pages.SectionIndexPage"]
    max_count = 1
    surrogate_keys = ("community",)

    class Meta:
        verbose_name = _("community index page")

    @re_path(r"^$")
    def post_list(self, request):
        number = request.GET.get("page", "1")
        number = int(number) if number.isdigit() and 0 < int(number) <= MAX_LIST_PAGE else 1
        start = (number - 1) * POSTS_PER_PAGE
        # One row past the page tells whether older posts exist, without a COUNT query.
        rows = list(
            Post.objects.visible_to(request.user)
            .newest_first()
            .select_related("author")[start : start + POSTS_PER_PAGE + 1]
        )
        return self.render(
            request,
            context_overrides={
                "posts": rows[:POSTS_PER_PAGE],
                "newer_page": number - 1 if number > 1 else None,
                "older_page": number + 1 if len(rows) > POSTS_PER_PAGE else None,
                # Live children without a view restriction of their own, in one query.
                "children": self.get_children().live().filter(view_restrictions__isnull=True),
            },
        )

    @re_path(r"^(?P<post_id>[0-9]+)/$")
    def post_detail(self, request, post_id):
        post_id = int(post_id)
        if not 0 < post_id <= MAX_POST_ID:
            raise Http404("No such post")
        try:
            post = Post.objects.visible_to(request.user).select_related("author").get(pk=post_id)
        except Post.DoesNotExist as error:
            raise Http404("No such post") from error
        return self.render(request, context_overrides={"post": post}, template="community/post_detail.html")
