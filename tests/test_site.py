"""Whole-site guards, run against the demo site that ``load_demo_data`` builds."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

# Prefixes that are not public pages (admin, auth flows that need a session, files, machine endpoints).
NOT_CRAWLED = ("/admin/", "/django-admin/", "/django-rq/", "/documents/", "/static/", "/media/", "/_health")
MAX_URLS = 600


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded once for this module and rolled back afterwards."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo_data", verbosity=0)
            yield
            transaction.set_rollback(True)


# Link texts that do not say where a link goes (Lighthouse's link-text audit flags the same words).
VAGUE_LINK_TEXTS = {"more", "read more", "learn more", "see more", "click here", "here", "this", "link", "go"}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.h1_count = 0
        self.link_problems = []
        self._link_text = None

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.h1_count += 1
        if tag == "a":
            attributes = dict(attrs)
            href = attributes.get("href")
            if href:
                self.links.append(href)
            elif "href" in attributes:
                self.link_problems.append("a link to nowhere (empty href)")
            self._link_text = [] if "aria-label" not in attributes else None

    def handle_data(self, data):
        if self._link_text is not None:
            self._link_text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._link_text is not None:
            text = " ".join("".join(self._link_text).split()).lower()
            if text in VAGUE_LINK_TEXTS:
                self.link_problems.append(f"a link that reads only {text!r}")
            self._link_text = None


def internal(url, base):
    absolute = urljoin(base, url)
    parts = urlsplit(absolute)
    if parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http"):
        return None
    if parts.path.startswith(NOT_CRAWLED):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, start="/"):
    """Visit every internal link reachable from ``start``; return {url: (status, h1 count or None)} and
    {url: problems with its links} (see ``LinkParser``)."""
    seen, queue, report, link_problems = set(), [start], {}, {}
    while queue and len(seen) < MAX_URLS:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302, 307, 308):
            target = internal(response["Location"], "http://testserver" + url)
            report[url] = (200, None)  # a redirect is fine when its target renders (crawled next)
            if target and target not in seen:
                queue.append(target)
            continue
        content_type = response.get("Content-Type", "")
        if "text/html" not in content_type:
            report[url] = (response.status_code, None)
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        report[url] = (response.status_code, parser.h1_count)
        if parser.link_problems:
            link_problems[url] = sorted(set(parser.link_problems))
        for link in parser.links:
            target = internal(link, "http://testserver" + url)
            if target and target not in seen:
                queue.append(target)
    return report, link_problems


def test_every_public_url_renders_with_one_h1(demo_site, db, client):
    report, link_problems = crawl(client)
    assert len(report) > 40, "the crawl should reach the whole demo site"
    broken = {url: status for url, (status, _) in report.items() if status != 200}
    assert broken == {}
    wrong_h1 = {url: h1 for url, (_, h1) in report.items() if h1 is not None and h1 != 1}
    assert wrong_h1 == {}
    # Every link goes somewhere and says where (breadcrumbs, "More" on the homepage widgets …).
    assert link_problems == {}


def test_every_page_type_renders_in_serve_and_preview(demo_site, db, client):
    missing, failures = [], {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().first()
        if page is None:
            missing.append(model.__name__)
            continue
        response = client.get(page.url)
        if response.status_code != 200:
            failures[f"{model.__name__} serve"] = response.status_code
        preview = page.make_preview_request(preview_mode=page.default_preview_mode)
        if hasattr(preview, "render"):
            preview.render()
        if preview.status_code != 200 or b"<h1" not in preview.content:
            failures[f"{model.__name__} preview"] = preview.status_code
    assert missing == [], "the demo data should have a live page of every page type"
    assert failures == {}


def stream_blocks():
    """Every block used in any StreamField of any model, recursively, by class."""
    found = {}

    def walk(block):
        found.setdefault(type(block), block)
        for child in getattr(block, "child_blocks", {}).values():
            walk(child)
        if isinstance(block, blocks.ListBlock):
            walk(block.child_block)

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(field.stream_block)
    return found


def test_every_block_renders_from_its_preview_value(demo_site, db):
    templated = {cls: block for cls, block in stream_blocks().items() if getattr(block.meta, "template", None)}
    assert len(templated) >= 11
    problems = {}
    for cls, block in templated.items():
        if not (block.meta.icon and block.meta.description):
            problems[cls.__name__] = "missing icon or description"
            continue
        value = block.get_preview_value()
        if value is None:
            problems[cls.__name__] = "no preview value"
            continue
        html = block.render(value)
        if not re.sub(r"\s+", "", str(html)):
            problems[cls.__name__] = "rendered nothing"
    assert problems == {}


def test_every_page_type_states_its_tree_rules():
    for model in get_page_models():
        if model is Page:
            continue
        assert "parent_page_types" in vars(model) or model.parent_page_types is not None, model
        assert "subpage_types" in vars(model), f"{model.__name__} must state its subpage_types"


def test_no_demo_content_page_is_a_one_line_stub(demo_site, db):
    """Every page a visitor can reach in the demo tree has real content: several blocks or a snippet."""
    from apps.pages.models import SectionIndexPage, StandardPage

    stubs = []
    for model in (StandardPage, SectionIndexPage):
        for page in model.objects.live():
            blocks_ = list(page.body)
            has_snippet = any(block.block_type == "content_snippet" for block in blocks_)
            words = sum(
                len(" ".join(map(str, block.block.get_searchable_content(block.value))).split()) for block in blocks_
            )
            if not has_snippet and words < 40:
                stubs.append((page.url_path, words))
    assert stubs == [], "\n".join(f"{p} {w}" for p, w in stubs)


# The pages a visitor meets first, each with content written for it (not only a legacy content box).
FIRST_PAGES = [
    "/about/gettingstarted/", "/about/apps/", "/about/quotes/", "/about/help/", "/psf/about/",
    "/psf/codeofconduct/", "/community/diversity/", "/community/lists/", "/community/forums/",
    "/community/irc/", "/psf/grants/", "/psf/sponsorship/", "/psf/donations/", "/psf/membership/",
]  # fmt: skip


@pytest.mark.parametrize("path", FIRST_PAGES)
def test_the_pages_a_visitor_meets_first_have_written_content(demo_site, db, client, path):
    from apps.pages.demo_content import PAGES

    page = Page.objects.get(url_path="/home" + path).specific
    written = [block for block in page.body if block.block_type != "content_snippet"]
    words = sum(len(" ".join(map(str, b.block.get_searchable_content(b.value))).split()) for b in written)
    assert words >= 80, f"{path}: {words} words of its own"
    assert {block.block_type for block in written} & {"heading", "call_to_action", "table", "code", "quote"}
    assert path in PAGES
    assert client.get(path).status_code == 200


def test_the_donations_page_is_about_donating(demo_site, db, client):
    html = client.get("/psf/donations/").content.decode()
    assert "Python Needs You" not in html
    assert "psfmember.org/civicrm/contribute" in html and "tax-deductible" in html


def test_a_page_an_earlier_demo_built_from_a_snippet_gets_its_written_content(demo_site, db):
    from apps.pages.demo import refresh_content
    from apps.pages.models import ContentSnippet

    page = Page.objects.get(url_path="/home/psf/donations/").specific
    snippets = {snippet.label: snippet for snippet in ContentSnippet.objects.all()}

    def published(body, user=None):
        page.body = body
        page.save_revision(user=user).publish()
        return Page.objects.get(pk=page.pk).specific

    earlier = published([("content_snippet", snippets["widget-weneedyou"])])
    assert refresh_content(earlier, "/psf/donations/", snippets)
    refreshed = Page.objects.get(pk=page.pk).specific
    assert "content_snippet" not in [block.block_type for block in refreshed.body]
    assert "Ways to give" in str(refreshed.body)
    # Shorter written content from an earlier demo is brought up to date.
    shorter = published([("rich_text", "<p>Donate.</p>"), ("rich_text", "<p>Thank you.</p>")])
    assert refresh_content(shorter, "/psf/donations/", snippets)
    # An editor's own work is left alone, whatever it looks like.
    editor = get_user_model().objects.get(username="editor")
    for body in ([("rich_text", "<p>Ours</p>")], [("content_snippet", snippets["psf-grants"])]):
        edited = published(body, user=editor)
        assert not refresh_content(edited, "/psf/donations/", snippets)


def test_written_pages_describe_themselves_for_search_engines(demo_site, db):
    from apps.pages.demo_content import PAGES
    from apps.pages.models import StandardPage

    pages = StandardPage.objects.live().filter(search_description="")
    assert [page.url_path for page in pages if page.url[:-1] in PAGES or page.url in PAGES] == []
