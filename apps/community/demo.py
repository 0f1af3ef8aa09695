"""Demo community: /community/ as the community index page (its content pages kept), the micro:bit page,
and community posts of each kind."""

from datetime import timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page

from apps.community.models import CommunityIndexPage, Post
from apps.pages.models import HomePage, SectionIndexPage, StandardPage

INTRO = (
    "<p>Python is developed and supported by a large, friendly community: user groups and conferences on every "
    "continent, mentors, translators, and thousands of people who contribute code, documentation and time.</p>"
)

MICROBIT_BODY = [
    {"type": "rich_text", "value": (
        "<p>The BBC micro:bit is a pocket-sized computer made for learning. It has a 5×5 grid of LEDs, two buttons, "
        "an accelerometer, a compass, a temperature sensor and a radio, and the newer V2 board adds a speaker, a "
        "microphone and a touch-sensitive logo. It runs MicroPython, a lean implementation of Python 3 written for "
        "microcontrollers, so the language children learn on the micro:bit is the same Python used by scientists "
        "and software engineers.</p>"
        "<p>The Python Software Foundation was one of the founding partners of the micro:bit project, and members of "
        "the Python community built the MicroPython port and the editors that teachers use today.</p>")},
    {"type": "heading", "value": {"text": "Your first program", "level": "h2"}},
    {"type": "rich_text", "value": (
        "<p>Every micro:bit program starts by importing the board's features. This one shows a smiling face while "
        "button A is held down and scrolls a greeting otherwise:</p>")},
    {"type": "code", "value": {"language": "python", "caption": "hello.py", "code": (
        "from microbit import *\n\n"
        "while True:\n"
        "    if button_a.is_pressed():\n"
        "        display.show(Image.HAPPY)\n"
        "    else:\n"
        "        display.scroll(\"Hello, Python!\")\n")}},
    {"type": "rich_text", "value": (
        "<p>Tilt the board and read the accelerometer with <code>accelerometer.get_x()</code>, send messages to "
        "another micro:bit with the <code>radio</code> module, or play a tune on the V2 speaker with "
        "<code>music.play(music.NYAN)</code>. The MicroPython documentation for the micro:bit walks through each "
        "module with examples.</p>")},
    {"type": "heading", "value": {"text": "Where to write Python for the micro:bit", "level": "h2"}},
    {"type": "rich_text", "value": (
        "<ul>"
        "<li><a href=\"https://python.microbit.org/\">The micro:bit Python Editor</a> runs in the browser, includes "
        "a simulator of the board, and flashes programs over USB from Chrome and Edge.</li>"
        "<li><a href=\"https://codewith.mu/\">Mu</a> is a simple desktop Python editor for beginners with a "
        "micro:bit mode, a REPL on the board and a plotter for sensor data.</li>"
        "<li><a href=\"https://microbit-micropython.readthedocs.io/\">MicroPython for the micro:bit</a> documents "
        "every module, from the display and buttons to radio, audio and the file system.</li>"
        "</ul>")},
    {"type": "heading", "value": {"text": "For teachers", "level": "h2"}},
    {"type": "rich_text", "value": (
        "<p>The <a href=\"https://microbit.org/teach/\">Micro:bit Educational Foundation</a> publishes free lesson "
        "plans in Python for every age group, and many local Python user groups run micro:bit workshops for schools "
        "and code clubs. Ask your nearest group on the <a href=\"/community/\">community pages</a>, or apply to the "
        "<a href=\"/psf/grants/\">PSF grants program</a> to fund a workshop of your own.</p>")},
]  # fmt: skip

POSTS = [
    {
        "kind": Post.Kind.TEXT,
        "title": "Welcome to the new community posts",
        "abstract": "Announcements, photos and talks from Python communities around the world, collected here.",
        "body": "Python communities run hundreds of events every month. This page collects some of their news: "
        "photos from sprints and meetups, recordings of talks, and links to write-ups worth reading.\n\n"
        "Organise a Python event? Tell the PSF about it through the [community pages](/community/) and it may "
        "appear here.",
    },
    {
        "kind": Post.Kind.PHOTO,
        "title": "Sprint day at a regional Python conference",
        "abstract": "Forty people, twelve projects and a lot of first pull requests.",
        "caption": "Sprinters working on documentation fixes on the last day of the conference.",
        "body": "Sprints are where many people make their first contribution to an open source project. Mentors "
        "from each project helped newcomers set up a development environment and pick a first issue.",
    },
    {
        "kind": Post.Kind.LINK,
        "title": "The Python Developer's Guide",
        "abstract": "Everything you need to start contributing to CPython: building it, running the tests and "
        "submitting your first change.",
        "url": "https://devguide.python.org/",
    },
    {
        "kind": Post.Kind.VIDEO,
        "title": "Talk: Python's growing community around the world",
        "abstract": "A conference keynote on how Python user groups start and grow.",
        "video_url": "https://www.youtube.com/watch?v=DPRF4X1Fzns",
        "caption": "Recorded at a Python conference keynote session.",
    },
    {
        "kind": Post.Kind.LINK,
        "title": "Python Discourse: the place for Python discussions",
        "abstract": "Core development, packaging, help for newcomers and more, in one searchable forum.",
        "url": "https://discuss.python.org/",
    },
    {
        "kind": Post.Kind.TEXT,
        "title": "Draft: user group organisers' round-up",
        "abstract": "Notes from the organisers' call, to be published once the speakers have reviewed them.",
        "body": "Organisers shared what worked this year: rotating venues between sponsors, beginner nights before "
        "each main meetup, and recording talks with a single phone on a tripod.",
        "status": Post.Status.PRIVATE,
    },
]


def demo_photo():
    """A drawn picture (no binary files in the repository): a row of laptops under a banner."""
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", (960, 540), "#2b5b84")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((80, 60, 880, 150), fill="#ffd43b")
    for left in range(100, 860, 190):
        draw.rectangle((left, 300, left + 150, 400), fill="#f2f4f6")
        draw.polygon([(left - 10, 400), (left + 160, 400), (left + 175, 430), (left - 25, 430)], fill="#caccce")
        draw.ellipse((left + 45, 200, left + 105, 260), fill="#ffd43b")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="sprint-day.png")


def ensure_index(home):
    """The page at /community/ as a CommunityIndexPage, keeping the content pages below it."""
    existing = home.get_children().filter(slug="community").first()
    if existing is not None and existing.specific_class is CommunityIndexPage:
        return existing.specific
    body = []
    if existing is not None and existing.specific_class is SectionIndexPage:
        body = list(existing.specific.body.raw_data)
    index = CommunityIndexPage(
        title="Community", slug="community" if existing is None else "community-index", intro=INTRO, body=body
    )
    home.add_child(instance=index)
    if existing is not None:
        for child in existing.get_children():
            child.move(index, pos="last-child")
        Page.objects.get(pk=existing.pk).delete()
        index.slug = "community"
    index.save_revision().publish()
    return CommunityIndexPage.objects.get(pk=index.pk)  # fresh: the rename changed its url_path


def ensure_microbit(index):
    if index.get_children().filter(slug="microbit").exists():
        return 0
    page = StandardPage(
        title="Python on the BBC micro:bit",
        slug="microbit",
        search_description="Write Python for the BBC micro:bit with MicroPython: a first program, editors and "
        "resources for teachers.",
        body=MICROBIT_BODY,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return 1


def load(data_dir, stdout=None):
    home = HomePage.objects.first()
    if home is None:
        return "no homepage; skipped"
    index = ensure_index(home)
    pages = ensure_microbit(index)
    created = 0
    now = timezone.now()
    for number, data in enumerate(POSTS):
        if Post.objects.filter(title=data["title"]).exists():
            continue
        post = Post(**{"status": Post.Status.PUBLIC, **data})
        if post.kind == Post.Kind.PHOTO:
            post.photo = demo_photo()
        post.full_clean()
        post.save()
        # Spread the posts over the past weeks, the first one oldest (``created`` is set on insert).
        Post.objects.filter(pk=post.pk).update(created=now - timedelta(days=9 * (len(POSTS) - number), hours=number))
        created += 1
    return f"{created} community posts and {pages} pages created"
