"""Demo content: python.org's page tree, navigation and content snippets from the legacy data."""

import json
import re
from collections import defaultdict
from urllib.parse import urlsplit

from wagtail.models import Page, Site

from apps.core.models import NavigationSettings
from apps.pages.demo_content import PAGES
from apps.pages.legal import load_legal_pages
from apps.pages.models import ContentSnippet, HomePage, SectionIndexPage, StandardPage
from apps.pages.sites import site_address, sync_default_site

# Named URLs of the legacy menu and where they live on this site.
NAMED_URLS = {
    "home": "/",
    "psf-landing": "/psf/",
    "about": "/about/",
    "documentation": "/doc/",
    "blog": "/blogs/",
    "download:download": "/downloads/",
    "jobs:job_list": "/jobs/",
    "jobs:job_types": "/jobs/type/",
    "jobs:job_categories": "/jobs/category/",
    "jobs:job_locations": "/jobs/location/",
    "jobs:job_create": "/jobs/create/",
}
# URL subtrees served by a domain app when it is installed; until then they are ordinary content pages.
APP_SUBTREES = {
    "/downloads/": "apps.downloads", "/jobs/": "apps.jobs", "/events/": "apps.events", "/blogs/": "apps.blogs",
    "/success-stories/": "apps.successstories", "/users/": "apps.users", "/membership/": "apps.users",
    "/accounts/": "allauth.account", "/psf/sponsors/": "apps.sponsors", "/sponsors/": "apps.sponsors",
}  # fmt: skip
# Legacy paths linked from the real content, and where they live now.
LEGACY_REDIRECTS = {
    "/psf-landing/": "/psf/",
    "/dev/peps/": "https://peps.python.org/",
    "/psf/sponsorship-new/": "/psf/sponsorship/",
}
SECTION_TITLES = {
    "about": "About", "doc": "Documentation", "community": "Community", "psf": "Python Software Foundation",
    "dev": "Contributing", "download": "Download", "news": "News",
}  # fmt: skip
# Content snippets placed on section landing pages, by URL.
SECTION_SNIPPETS = {
    "/about/": ["aboutpython-banner", "aboutpython-getstarted", "aboutpython-easytolearn",
                "aboutpython-applications", "aboutpython-opensource"],
    "/doc/": ["documentation-banner", "documentation-beginners", "documentation-moderate",
              "documentation-advanced", "documentation-general"],
    "/community/": ["community-banner", "community-widget1", "community-widget2", "community-widget3",
                    "community-irc-channels"],
    "/psf/": ["psf-banner", "psf-widget0", "psf-widget1", "psf-widget2", "psf-widget3", "psf-widget4", "psf-news"],
    "/psf/grants/": ["psf-grants"],
}  # fmt: skip
SUPERNAV_SNIPPETS = {
    "About": "supernav-python-about", "Downloads": "supernav-python-downloads",
    "Documentation": "supernav-python-documentation", "Community": "supernav-python-community",
    "Success Stories": "supernav-python-success-stories", "News": "supernav-python-blog",
    "Events": "supernav-python-events",
}  # fmt: skip
MARKUP_BLOCKS = {"html": "raw_html", "markdown": "markdown", "restructuredtext": "restructuredtext"}

CODE_SAMPLES = [
    ("Functions defined", "python",
     "# Write Fibonacci series up to n\n>>> def fib(n):\n...     a, b = 0, 1\n...     while a < n:\n"
     "...         print(a, end=' ')\n...         a, b = b, a + b\n...     print()\n>>> fib(1000)\n"
     "0 1 1 2 3 5 8 13 21 34 55 89 144 233 377 610 987"),
    ("Compound data types", "pycon",
     ">>> fruits = ['Banana', 'Apple', 'Lime']\n>>> loud_fruits = [fruit.upper() for fruit in fruits]\n"
     ">>> print(loud_fruits)\n['BANANA', 'APPLE', 'LIME']\n>>> list(enumerate(fruits))\n"
     "[(0, 'Banana'), (1, 'Apple'), (2, 'Lime')]"),
    ("Intuitive interpretation", "pycon",
     ">>> 2 + 2\n4\n>>> 50 - 5*6\n20\n>>> (50 - 5*6) / 4\n5.0\n>>> 8 / 5  # division always returns a float\n1.6"),
    ("Quick & easy to learn", "python",
     "# Python 3: Simple output (with Unicode)\n>>> print(\"Hello, I'm Python!\")\nHello, I'm Python!\n"
     "# Input, assignment\n>>> name = input('What is your name?\\n')\nWhat is your name?\nPython\n"
     ">>> print(f'Hi, {name}.')\nHi, Python."),
    ("All the flow you'd expect", "python",
     "# For loop on a list\n>>> numbers = [2, 4, 6, 8]\n>>> product = 1\n>>> for number in numbers:\n"
     "...     product = product * number\n...\n>>> print('The product is:', product)\nThe product is: 384"),
]  # fmt: skip


def same_stream(stream, data):
    """Whether a StreamField already holds ``data`` (block ids aside)."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(list(stream.raw_data)) == strip(data)


def read_json(data_dir, name):
    with open(data_dir / name, encoding="utf-8") as handle:
        return json.load(handle)


def normalise_url(url):
    """A legacy menu URL as a site path or an external URL; None for placeholders."""
    if url in NAMED_URLS:
        return NAMED_URLS[url]
    if url in ("comingsoon", "inner") or not url:
        return None
    parts = urlsplit(url)
    if parts.netloc in ("www.python.org", "python.org"):
        url = parts.path
    if url.startswith("/") and not url.endswith("/"):
        url += "/"
    return url


VAGUE_LINK = re.compile(r"(<a\b[^>]*>)\s*(more|learn more|read more|here|click here)\s*</a>", re.IGNORECASE)
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.IGNORECASE | re.DOTALL)
TITLE_ATTRIBUTE = re.compile(r'\btitle="([^"]+)"')


def describe_vague_links(html):
    """Give "More" / "Read more" / "here" links a name that says where they go (screen readers list
    links out of context): the link's title, else the heading before it, as visually hidden text."""

    def describe(match):
        opening, text = match.group(1), match.group(2)
        title = TITLE_ATTRIBUTE.search(opening)
        headings = HEADING.findall(html[: match.start()])
        subject = title.group(1) if title else (re.sub(r"<[^>]+>|&[a-z]+;|>>>", " ", headings[-1]) if headings else "")
        subject = " ".join(subject.split())
        if not subject or subject.lower() == text.lower():
            return match.group(0)
        if subject.lower().startswith(text.lower() + " "):  # title="More Applications": "More Applications"
            return f'{opening}{text}<span class="visually-hidden">{subject[len(text) :]}</span></a>'
        return f'{opening}{text}<span class="visually-hidden">: {subject}</span></a>'

    return VAGUE_LINK.sub(describe, html)


def load_snippets(data_dir):
    created = 0
    for row in read_json(data_dir, "boxes.json"):
        fields = row["fields"]
        block_type = MARKUP_BLOCKS.get(fields["content_markup_type"], "raw_html")
        content = fields["content"]
        if fields["label"].startswith("supernav-"):
            # Legacy supernav boxes are bare <li> items; as list items inside a menu entry they would end it.
            content = re.sub(r"<(/?)li\b", r"<\1div", content)
        body = [{"type": block_type, "value": describe_vague_links(content)}]
        snippet = ContentSnippet.objects.filter(label=fields["label"]).first()
        if snippet is None:
            snippet = ContentSnippet(label=fields["label"], title=fields["label"].replace("-", " ").capitalize())
            created += 1
        elif snippet.live and same_stream(snippet.body, body):
            continue
        snippet.body = body
        snippet.live = True
        snippet.save()
    return created


def menu_items(data_dir):
    return menu_children(read_json(data_dir, "sitetree_menus.json"))


def menu_children(rows):
    """Visible legacy menu items (``sitetree.treeitem`` rows) grouped by parent, in menu order."""
    items = [row for row in rows if row["model"] == "sitetree.treeitem"]
    children = defaultdict(list)
    for item in items:
        fields = item["fields"]
        if fields["hidden"] or not fields["inmenu"]:
            continue
        children[fields["parent"]].append(item)
    for siblings in children.values():
        siblings.sort(key=lambda item: item["fields"]["sort_order"])
    return children


def menu_section(item, children, snippets, with_supernav=True):
    fields = item["fields"]
    links = []
    for child in children.get(item["pk"], []):
        url = normalise_url(child["fields"]["url"])
        if url:
            links.append({"title": child["fields"]["title"].strip(), "url": url, "hint": child["fields"]["hint"]})
    supernav = snippets.get(SUPERNAV_SNIPPETS.get(fields["title"].strip())) if with_supernav else None
    return {
        "type": "section",
        "value": {
            "title": fields["title"].strip(),
            "url": normalise_url(fields["url"]) or "/",
            "hint": fields["hint"],
            "css_class": fields["alias"] or "",
            "supernav": supernav.pk if supernav else None,
            "items": links,
        },
    }


def load_navigation(data_dir, site):
    return apply_navigation(menu_items(data_dir), site)


def apply_navigation(children, site):
    """Set the site's meta and main menus from legacy menu items; return the items by parent."""
    snippets = {snippet.label: snippet for snippet in ContentSnippet.objects.all()}
    roots = children[None]
    python_root = next(item for item in roots if item["fields"]["url"] == "home")
    nav = NavigationSettings.for_site(site)
    meta_menu = [menu_section(item, children, snippets, with_supernav=False) for item in roots]
    main_menu = [menu_section(item, children, snippets) for item in children[python_root["pk"]]]
    if not (same_stream(nav.meta_menu, meta_menu) and same_stream(nav.main_menu, main_menu)):
        nav.meta_menu = meta_menu
        nav.main_menu = main_menu
        nav.save()
    return children


def owned_by_apps():
    from django.apps import apps

    return tuple(prefix for prefix, app in APP_SUBTREES.items() if apps.is_installed(app))


def content_paths(children):
    """Every internal URL of the menu that is a content page (not served by an installed domain app)."""
    owned = owned_by_apps()
    paths = set()
    for siblings in children.values():
        for item in siblings:
            url = normalise_url(item["fields"]["url"])
            if url and url.startswith("/") and url != "/" and not url.startswith(owned):
                paths.add(url)
                # Every ancestor path becomes a section page too.
                segments = url.strip("/").split("/")
                for depth in range(1, len(segments)):
                    paths.add("/" + "/".join(segments[:depth]) + "/")
    titles = {}
    for siblings in children.values():
        for item in siblings:
            url = normalise_url(item["fields"]["url"])
            if url in paths:
                titles.setdefault(url, (item["fields"]["title"].strip(), item["fields"]["description"]))
    return sorted(paths, key=lambda p: (p.count("/"), p)), titles


def page_body(path, title, description, snippets):
    body = []
    labels = SECTION_SNIPPETS.get(path, [])
    for label in labels:
        if label in snippets:
            body.append({"type": "content_snippet", "value": snippets[label].pk})
    if path in PAGES:
        body.extend(PAGES[path]["body"])
    elif not labels:
        text = description or f"{title}: information from the Python Software Foundation about {title.lower()}."
        body.append({"type": "rich_text", "value": f"<p>{text}</p>"})
    return body


def refresh_content(page, path, snippets):
    """Give a page created from an earlier, shorter demo its written content; leave edited pages alone."""
    written = PAGES.get(path)
    if written is None or page.has_unpublished_changes:
        return False
    body = page_body(path, page.title, "", snippets)
    if same_stream(page.body, body) and page.search_description == written["description"]:
        return False
    # The loader saves revisions without a user: a revision by someone means an editor has worked on the page.
    if page.latest_revision is not None and page.latest_revision.user_id is not None:
        return False  # their work wins
    page.body = body
    page.search_description = written["description"]
    page.save_revision().publish()
    return True


def ensure_home(site_root):
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's placeholder welcome page holds the "home" slug until the site points at the new homepage.
        Page.objects.filter(depth=2, slug="home").update(slug="wagtail-welcome")
        home = HomePage(title="Welcome to Python.org", slug="home", intro="", seo_title="Welcome to Python.org")
        site_root.add_child(instance=home)
    return home


def load_home(home, snippets):
    intro = snippets.get("homepage-introduction")
    widgets = []
    for icon, title, url, link_text, text in [
        ("code", "Get Started", "/about/gettingstarted/", "Start with our Beginner's Guide",
         "Whether you're new to programming or an experienced developer, it's easy to learn and use Python."),
        ("download", "Download", "/downloads/", "All releases",
         "Python source code and installers are available for download for all versions."),
        ("documentation", "Docs", "https://docs.python.org", "docs.python.org",
         "Documentation for Python's standard library, along with tutorials and guides, are available online."),
        ("jobs", "Jobs", "/jobs/", "jobs.python.org",
         "Looking for work or have a Python related position that you're trying to hire for?"),
    ]:  # fmt: skip
        widgets.append({"type": "widget", "value": {
            "icon_name": icon, "title": title, "text": f"<p>{text}</p>", "link_url": url, "link_text": link_text,
        }})  # fmt: skip
    samples = [
        {"type": "sample", "value": {"language": language, "caption": caption, "code": code}}
        for caption, language, code in CODE_SAMPLES
    ]
    body = [{"type": "content_snippet", "value": snippets[label].pk}
            for label in ("widget-use-python-for", "widget-about-psf") if label in snippets]  # fmt: skip
    intro_html = (
        "<p>Python is a programming language that lets you work quickly and integrate systems more effectively.</p>"
    )
    # A link text that says where it goes (a bare "Learn More" means nothing read out of context).
    intro_link_text = "Learn more in the documentation"
    changed = (
        home.intro != intro_html
        or home.intro_link_text != intro_link_text
        or not same_stream(home.widgets, widgets)
        or not same_stream(home.code_samples, samples)
        or not same_stream(home.body, body)
    )
    if changed or intro is None:
        home.intro = intro_html
        home.intro_link_text = intro_link_text
        home.widgets = widgets
        home.code_samples = samples
        home.body = body
        home.save_revision().publish()


def load_pages(home, paths, titles, snippets):
    created = 0
    by_path = {"/": home}
    for path in paths:
        segments = path.strip("/").split("/")
        parent = by_path.get("/" + "/".join(segments[:-1]) + "/" if len(segments) > 1 else "/")
        if parent is None:
            continue
        slug = segments[-1]
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            by_path[path] = existing.specific
            refresh_content(by_path[path], path, snippets)
            continue
        is_section = any(other != path and other.startswith(path) for other in paths)
        title, description = titles.get(path, (SECTION_TITLES.get(slug, slug.replace("-", " ").title()), ""))
        title = SECTION_TITLES.get(slug, title) if len(segments) == 1 else title
        model = SectionIndexPage if is_section else StandardPage
        page = model(title=title, slug=slug, body=page_body(path, title, description, snippets))
        page.search_description = PAGES.get(path, {}).get("description", "")
        parent.add_child(instance=page)
        page.save_revision().publish()
        by_path[path] = page
        created += 1
    return created


def load_images():
    """A small set of demo images (drawn here, so no binary files live in the repository)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images.models import Image

    created = 0
    for title, colours in [("Python logo", ("#306998", "#ffd43b")), ("PyCon crowd", ("#2b5b84", "#f2f4f6"))]:
        if Image.objects.filter(title=title).exists():
            continue
        canvas = PILImage.new("RGB", (800, 450), colours[0])
        draw = ImageDraw.Draw(canvas)
        draw.rounded_rectangle((250, 75, 550, 375), radius=60, fill=colours[1])
        draw.ellipse((360, 180, 440, 260), fill=colours[0])
        buffer = BytesIO()
        canvas.save(buffer, format="PNG")
        slug = title.lower().replace(" ", "-")
        Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.png"), width=800, height=450)
        created += 1
    return created


def load_redirects(site):
    from wagtail.contrib.redirects.models import Redirect

    for old_path, target in LEGACY_REDIRECTS.items():
        Redirect.objects.get_or_create(
            old_path=Redirect.normalise_path(old_path), site=None, defaults={"redirect_link": target}
        )


def ensure_root():
    """The tree root and default locale (normally made by Wagtail's migrations; recreated after a flush)."""
    from django.conf import settings
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE.split("-")[0])
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.objects.filter(depth=1).first()
    return root or Page.add_root(title="Root", slug="root")


def ensure_site():
    """The default site and its homepage, created when the database is new; returns (site, home)."""
    site_root = ensure_root()
    home = ensure_home(site_root)
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = site_address()
    if site is None or site.root_page_id != home.pk:
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": hostname, "port": port, "site_name": "Python.org", "root_page": home},
        )
        site = Site.objects.get(is_default_site=True)
        # Wagtail's placeholder welcome page is not part of the site.
        Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(content_type=home.content_type).delete()
    return sync_default_site(), home


def load(data_dir, stdout=None):
    site, home = ensure_site()
    load_images()
    load_redirects(site)
    new_snippets = load_snippets(data_dir)
    snippets = {snippet.label: snippet for snippet in ContentSnippet.objects.all()}
    children = load_navigation(data_dir, site)
    load_home(home, snippets)
    paths, titles = content_paths(children)
    new_pages = load_pages(home, paths, titles, snippets)
    load_legal_pages(home, site)
    return f"{new_snippets} snippets and {new_pages} pages created"
