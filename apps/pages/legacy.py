"""Legacy content: boxes become content snippets, markup pages StandardPages at the same paths, the menu the
navigation."""

import re

from django.utils.text import slugify

from apps.core.legacy import Skip, importer
from apps.pages.demo import MARKUP_BLOCKS, apply_navigation, content_paths, ensure_site, load_pages, menu_children
from apps.pages.models import ContentSnippet, SectionIndexPage, StandardPage

TIMESTAMPS = {"created", "updated", "creator", "last_modified_by"}


def markup_block(content, markup_type):
    """Content kept in its own markup: markdown, reStructuredText, or HTML (sanitised when rendered)."""
    return {"type": MARKUP_BLOCKS.get(markup_type, "raw_html"), "value": content or ""}


BOX_FIELDS = {"label", "content", "content_markup_type", "_content_rendered", *TIMESTAMPS}


@importer("boxes.box", group="pages", order=10, fields=BOX_FIELDS)
def import_box(row, target, ctx):
    fields = row["fields"]
    content = fields["content"] or ""
    if fields["label"].startswith("supernav-"):
        content = re.sub(r"<(/?)li\b", r"<\1div", content)  # bare <li> items would end the menu entry they sit in
    snippet = target or ContentSnippet.objects.filter(label=fields["label"]).first()
    snippet = snippet or ContentSnippet(label=fields["label"], title=fields["label"].replace("-", " ").capitalize())
    snippet.label = fields["label"]
    snippet.body = [markup_block(content, fields["content_markup_type"])]
    snippet.live = True
    snippet.save()
    return snippet


PAGE_FIELDS = {
    "title", "keywords", "description", "path", "content", "content_markup_type", "is_published",
    "_content_rendered", "content_type", "template_name", *TIMESTAMPS,
}  # fmt: skip


def section_for(path, home):
    """The page at ``path`` (a list of slugs) under home, creating section pages on the way."""
    parent = home
    for slug in path:
        child = parent.get_children().filter(slug=slug).first()
        if child is None:
            child = SectionIndexPage(title=slug.replace("-", " ").title(), slug=slug)
            parent.add_child(instance=child)
            child.save_revision().publish()
        parent = child.specific
    return parent


def unpublish_page(page, ctx):
    """A page gone from the legacy database is unpublished here, not deleted (its revisions stay)."""
    if page.live:
        page.unpublish()


@importer("pages.page", group="pages", order=20, fields=PAGE_FIELDS, remove=unpublish_page)
def import_page(row, target, ctx):
    fields = row["fields"]
    segments = [slugify(part) for part in fields["path"].strip("/").split("/") if part]
    if not segments or not all(segments):
        raise Skip(f"page path {fields['path']!r} is not a page URL")
    if not hasattr(ctx, "home"):
        ctx.site, ctx.home = ensure_site()
    home = ctx.home
    parent = section_for(segments[:-1], home)
    page = target or parent.get_children().filter(slug=segments[-1]).first()
    page = page.specific if page is not None else None
    if page is not None and not isinstance(page, StandardPage | SectionIndexPage):
        raise Skip(f"/{fields['path'].strip('/')}/ is served by the {page._meta.verbose_name} here", error=False)
    body = [markup_block(fields["content"], fields["content_markup_type"])]
    if page is None:
        page = StandardPage(title=fields["title"][:255], slug=segments[-1], body=body)
        page.search_description = fields["description"] or ""
        page.live = False
        parent.add_child(instance=page)
    page.title = fields["title"][:255] or page.title
    page.body = body
    page.search_description = fields["description"] or ""
    revision = page.save_revision()
    if fields["is_published"]:
        revision.publish()
    elif page.live:
        page.unpublish()
    return page


@importer(
    "sitetree.treeitem",
    group="pages",
    order=30,
    fields={
        "title", "hint", "url", "urlaspattern", "tree", "hidden", "alias", "description", "inmenu",
        "inbreadcrumbs", "insitetree", "access_loggedin", "access_guest", "access_restricted",
        "access_perm_type", "parent", "sort_order", "access_permissions",
    },
)  # fmt: skip
def import_menu_item(row, target, ctx):
    """Any changed menu item rebuilds the whole navigation from the dump's menu, once per run."""
    if not getattr(ctx, "navigation_built", False):
        site, _home = ensure_site()
        ctx.site, ctx.home = site, _home
        children = apply_navigation(menu_children(ctx.rows("sitetree.treeitem")), site)
        # python.org's section landing pages were templates of boxes: here they are pages holding those snippets.
        snippets = {snippet.label: snippet for snippet in ContentSnippet.objects.all()}
        paths, titles = content_paths(children)
        load_pages(_home, paths, titles, snippets)
        ctx.navigation_built = True
    return None


def remove_redirect(redirect, ctx):
    redirect.delete()


@importer(
    "redirects.redirect", group="pages", order=40, fields={"site", "old_path", "new_path"}, remove=remove_redirect
)
def import_redirect(row, target, ctx):
    """django.contrib.redirects rows become Wagtail redirects: to the page when the target is one here."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page

    fields = row["fields"]
    old_path = Redirect.normalise_path(fields["old_path"] or "")
    new_path = (fields["new_path"] or "").strip()
    if old_path in ("", "/"):
        raise Skip(f"redirect from {fields['old_path']!r} is not a path")
    if not new_path:
        # Django answered these 410 Gone; here the old address is simply not found.
        raise Skip(f"{old_path} had no target (410 Gone there, 404 here)", error=False)
    if not hasattr(ctx, "home"):
        ctx.site, ctx.home = ensure_site()
    page = None
    if new_path.startswith("/"):
        url_path = ctx.home.url_path + new_path.split("?")[0].split("#")[0].strip("/") + "/"
        page = Page.objects.filter(url_path=url_path.replace("//", "/")).first()
    redirect = target or Redirect.objects.filter(old_path=old_path, site=None).first() or Redirect(site=None)
    redirect.old_path = old_path
    redirect.is_permanent = True
    redirect.redirect_page = page
    redirect.redirect_link = "" if page else new_path[:255]
    redirect.save()
    return redirect


def copy_page_file(row, target, ctx, field):
    """Files uploaded to legacy pages keep their media path, so their ``/m/…`` and ``/media/…`` links keep working."""
    from django.core.files import File
    from django.core.files.storage import default_storage

    relative = row["fields"][field]
    source = ctx.media_file(relative)
    if source is not None and not default_storage.exists(relative):
        with open(source, "rb") as handle:
            default_storage.save(relative, File(handle))
    return None


importer("pages.image", group="pages", order=50, fields={"page", "image"})(
    lambda row, target, ctx: copy_page_file(row, target, ctx, "image")
)
importer("pages.documentfile", group="pages", order=51, fields={"page", "document"})(
    lambda row, target, ctx: copy_page_file(row, target, ctx, "document")
)
