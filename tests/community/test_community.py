"""/community/: the page, its content tree, posts of each kind, private posts, bad ids, uploads, search."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.test.utils import WagtailTestUtils

from apps.community.embeds import embed_url
from apps.community.models import CommunityIndexPage, Post
from apps.pages.models import HomePage, StandardPage
from tests.community.factories import PostFactory
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def png(size=(40, 30)):
    buffer = BytesIO()
    Image.new("RGB", size, "#3776ab").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_community_page_lists_public_posts_and_its_pages(client, community_page):
    StandardPageFactory(parent=community_page, slug="irc", title="IRC channels")
    PostFactory(title="PyCon sprint photos")
    PostFactory(title="Organisers' draft", status=Post.Status.PRIVATE)
    response = client.get("/community/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Python's community is vast." in html
    assert "PyCon sprint photos" in html and "Organisers' draft" not in html
    assert 'href="/community/irc/"' in html
    assert client.get("/community/irc/").status_code == 200  # the content tree stays reachable


def test_each_kind_of_post_renders(client, community_page, tmp_path):
    text = PostFactory(body="Meetups **every month**.\n\n<script>alert(1)</script>")
    link = PostFactory(kind=Post.Kind.LINK, url="https://devguide.python.org/", body="")
    video = PostFactory(kind=Post.Kind.VIDEO, video_url="https://youtu.be/dQw4w9WgXcQ", caption="Keynote", body="")
    photo = PostFactory(kind=Post.Kind.PHOTO, photo=SimpleUploadedFile("sprint.png", png()), caption="Sprinters")
    html = client.get(text.get_absolute_url()).content.decode()
    assert "<strong>every month</strong>" in html and "<script>alert" not in html
    html = client.get(link.get_absolute_url()).content.decode()
    assert 'href="https://devguide.python.org/"' in html and "Read on devguide.python.org" in html
    html = client.get(video.get_absolute_url()).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    html = client.get(photo.get_absolute_url()).content.decode()
    assert photo.photo.url in html and "Sprinters" in html
    for post in (text, link, video, photo):
        assert client.get(post.get_absolute_url()).content.decode().count("<h1") == 1


def test_private_posts_are_hidden_from_visitors_and_shown_to_staff(client, community_page, editor):
    post = PostFactory(status=Post.Status.PRIVATE, title="Draft round-up")
    assert client.get(post.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200 and "only staff see this post" in response.content.decode()


@pytest.mark.parametrize("post_id", ["0", "9223372036854775808", "99999999999999999999999999", "12345"])
def test_unknown_and_out_of_range_post_ids_are_404(client, community_page, post_id):
    assert client.get(f"/community/{post_id}/").status_code == 404


def test_the_microbit_page_is_ordinary_content_under_community(client, community_page):
    page = StandardPage(title="Python on the BBC micro:bit", slug="microbit",
                        body=[{"type": "rich_text", "value": "<p>MicroPython runs on the micro:bit.</p>"}])  # fmt: skip
    community_page.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/community/microbit/")
    assert response.status_code == 200 and "MicroPython runs on the micro:bit." in response.content.decode()


def test_community_page_tree_rules():
    assert CommunityIndexPage.parent_page_types == ["pages.HomePage"]
    assert CommunityIndexPage in HomePage.allowed_subpage_models()
    assert StandardPage in CommunityIndexPage.allowed_subpage_models()
    assert CommunityIndexPage.max_count == 1


def test_the_list_pages_through_older_posts(client, community_page):
    for number in range(25):
        PostFactory(title=f"Meetup recap number {number:02}")
    first = client.get("/community/").content.decode()
    assert "Meetup recap number 24" in first and "Meetup recap number 05" in first
    assert "Meetup recap number 04" not in first and 'href="?page=2"' in first
    second = client.get("/community/?page=2").content.decode()
    assert "Meetup recap number 04" in second and "Meetup recap number 05" not in second
    assert 'href="?page=1"' in second and "Older posts" not in second
    for bad in ("abc", "-1", "0", "99999999999999999999"):  # odd page numbers show the first page
        response = client.get(f"/community/?page={bad}")
        assert response.status_code == 200 and "Meetup recap number 24" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://example.com/watch?v=dQw4w9WgXcQ", None),
        ("javascript:alert(1)", None),
    ],
)
def test_video_embeds_come_only_from_known_players(url, expected):
    assert embed_url(url) == expected


class TestAdminPosts(WagtailTestUtils):
    url = "/admin/snippets/community/post/add/"

    def form(self, **fields):
        return {"kind": "text", "status": "public", "title": "Meetup report", "abstract": "", "body": "Text",
                "body_markup": "markdown", "url": "", "video_url": "", "caption": "", **fields}  # fmt: skip

    def test_an_editor_posts_a_photo(self, client, editor, community_page):
        client.force_login(editor)
        photo = SimpleUploadedFile("sprint.png", png(), content_type="image/png")
        response = client.post(self.url, self.form(kind="photo", body="", photo=photo))
        assert response.status_code == 302
        post = Post.objects.get()
        assert post.author == editor and post.photo.name.startswith("community/photos/sprint")
        assert client.get(post.get_absolute_url()).status_code == 200

    def test_an_oversized_photo_is_refused_and_nothing_is_saved(self, client, editor, settings):
        settings.COMMUNITY_PHOTO_MAX_BYTES = 1024
        client.force_login(editor)
        photo = SimpleUploadedFile("big.png", png((600, 600)) + b"\0" * 2048, content_type="image/png")
        response = client.post(self.url, self.form(kind="photo", body="", photo=photo))
        assert response.status_code == 400
        assert "photos may be at most 1.0\xa0KB" in response.content.decode()
        assert not Post.objects.exists()
        assert not list((settings.MEDIA_ROOT / "community").rglob("*")) if settings.MEDIA_ROOT.exists() else True

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"kind": "photo", "photo": SimpleUploadedFile("x.png", b"not an image")}, "Upload a valid image"),
            ({"kind": "link", "url": ""}, "A link post needs the address"),
            ({"kind": "video", "video_url": "https://example.com/clip"}, "Use a YouTube or Vimeo video address"),
            ({"kind": "text", "body": ""}, "A text post needs its text"),
        ],
    )
    def test_incomplete_posts_are_refused(self, client, editor, fields, message):
        client.force_login(editor)
        response = client.post(self.url, self.form(**fields))
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Post.objects.exists()

    def test_visitors_cannot_reach_the_post_admin(self, client, user):
        client.force_login(user)
        assert client.get(self.url).status_code == 302
        assert client.post(self.url, self.form()).status_code == 302
        assert not Post.objects.exists()


def test_public_posts_are_found_by_site_search(client, community_page):
    public = PostFactory(title="Sprint report from Lagos", abstract="A weekend of first contributions.")
    private = PostFactory(title="Secret sprint plan", status=Post.Status.PRIVATE)
    html = client.get("/search/?q=sprint").content.decode()
    assert f'href="{public.get_absolute_url()}"' in html and "Community post" in html
    assert f'href="{private.get_absolute_url()}"' not in html


def test_the_community_menu_panel_lists_the_latest_posts(client, community_page, site):
    from apps.core.models import NavigationSettings

    nav = NavigationSettings.for_site(site)
    nav.main_menu = [{"type": "section", "value": {"title": "Community", "url": "/community/", "hint": "",
                                                  "css_class": "", "supernav": None, "items": []}}]  # fmt: skip
    nav.save()
    PostFactory(title="Newest community news")
    html = client.get("/").content.decode()
    assert "Newest community news" in html
