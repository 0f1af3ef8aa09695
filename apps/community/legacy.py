"""Legacy community posts: the post, and its link, photo or video row (ids kept, so /community/<id>/ links work)."""

from django.core.files import File

from apps.community.models import Post
from apps.core.legacy import Skip, importer

KINDS = {1: Post.Kind.TEXT, 2: Post.Kind.PHOTO, 3: Post.Kind.VIDEO, 4: Post.Kind.LINK}
STATUSES = {1: Post.Status.PRIVATE, 2: Post.Status.PUBLIC}
TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}
POST_FIELDS = {"title", "content", "content_markup_type", "_content_rendered", "abstract", "media_type",
               "source_url", "status", *TIMESTAMPS}  # fmt: skip


@importer("community.post", group="community", order=10, fields=POST_FIELDS)
def import_post(row, target, ctx):
    fields = row["fields"]
    post = target or Post()
    ctx.keep_legacy_pk(post, row["pk"])
    post.kind = KINDS.get(fields["media_type"], Post.Kind.TEXT)
    post.status = STATUSES.get(fields["status"], Post.Status.PRIVATE)
    post.title = (fields["title"] or "")[:200] or f"Community post {row['pk']}"
    post.abstract = fields["abstract"] or ""
    post.body = fields["content"] or ""
    markup = fields["content_markup_type"]
    post.body_markup = markup if markup in ("markdown", "restructuredtext", "html") else "markdown"
    post.url = post.url or fields["source_url"] or ""
    post.author = ctx.user(fields["creator"])
    post.save()
    return post


def post_of(row, ctx):
    return ctx.require(Post, "community.post", row["fields"]["post"], "post")


@importer("community.link", group="community", order=20, fields={"post", "url", *TIMESTAMPS})
def import_link(row, target, ctx):
    post = post_of(row, ctx)
    post.url = row["fields"]["url"] or post.url
    post.save()
    return post


PHOTO_FIELDS = {"post", "image", "image_url", "caption", "click_through_url", *TIMESTAMPS}


@importer("community.photo", group="community", order=21, fields=PHOTO_FIELDS)
def import_photo(row, target, ctx):
    fields = row["fields"]
    post = post_of(row, ctx)
    path = ctx.media_file(fields["image"])
    if path is not None:
        with open(path, "rb") as handle:
            post.photo.save(path.name, File(handle), save=False)
    post.caption = (fields["caption"] or "")[:300]
    post.url = fields["click_through_url"] or fields["image_url"] or post.url
    post.save()
    return post


VIDEO_FIELDS = {"post", "video_embed", "video_data", "caption", "click_through_url", *TIMESTAMPS}


@importer("community.video", group="community", order=22, fields=VIDEO_FIELDS)
def import_video(row, target, ctx):
    fields = row["fields"]
    post = post_of(row, ctx)
    url = fields["click_through_url"] or ""
    if not url:
        raise Skip("a video without an address (embedded HTML is not carried over)", error=False)
    post.video_url = url
    post.caption = (fields["caption"] or "")[:300]
    try:
        post.full_clean(exclude=["photo", "author"])
    except Exception as error:  # noqa: BLE001 - reported per row
        raise Skip(f"video post {post.pk}: {error}") from error
    post.save()
    return post
