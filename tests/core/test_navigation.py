"""Site-wide visitor furniture: breadcrumbs and the current section on every page, the footer's legal links,
social sign-in buttons only when configured, and a meta description everywhere."""

import re

import pytest
from allauth.socialaccount.models import SocialApp

from apps.core.models import NavigationSettings, SiteSettings
from apps.pages.legal import load_legal_pages
from tests.events.factories import CalendarFactory, EventFactory, in_days
from tests.factories import SectionIndexPageFactory, StandardPageFactory
from tests.jobs.factories import JobFactory


def section(title, url, items=()):
    return ("section", {"title": title, "url": url, "hint": "", "css_class": "", "supernav": None,
                        "items": [{"title": t, "url": u, "hint": ""} for t, u in items]})  # fmt: skip


@pytest.fixture
def navigation(site):
    nav = NavigationSettings.for_site(site)
    nav.meta_menu = [section("Python", "/"), section("PSF", "/psf/"), section("Jobs", "/jobs/")]
    nav.main_menu = [
        section("About", "/about/", [("Applications", "/about/apps/")]),
        section("Downloads", "/downloads/", [("Other Platforms", "/download/other/")]),
        section("Events", "/events/", [("User Group Events", "/events/python-user-group/")]),
    ]
    nav.save()
    return nav


def breadcrumb_texts(html):
    if 'class="breadcrumbs"' not in html:
        return []
    trail = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    return [" ".join(re.sub(r"<[^>]+>", " ", "<li" + item).split()) for item in trail.split("<li")[1:]]


def breadcrumb_links(html):
    trail = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]*)"', trail)


def current(html, menu):
    bar = html.split(f'class="{menu}"')[1].split("</ul>\n        </nav>")[0]
    return [part.split(">", 1)[1].split("<")[0] for part in bar.split('aria-current="true"')[1:]] or [
        part.split('href="')[1].split('"')[0] for part in bar.split("is-current")[1:2]
    ]


def test_django_views_have_breadcrumbs_and_mark_their_section(client, navigation):
    calendar = CalendarFactory(slug="python-user-group", name="Python User Group Events")
    event = EventFactory(calendar=calendar, title="Berlin meetup", start=in_days(3))
    job = JobFactory(job_title="Django & Wagtail developer", company_name="Parrot")

    event_page = client.get(event.get_absolute_url()).content.decode()
    assert breadcrumb_texts(event_page) == ["Home", "Events", "User Group Events", "Berlin meetup"]
    assert breadcrumb_links(event_page) == ["/", "/events/", "/events/python-user-group/"]
    assert "is-current" in event_page.split('href="/events/"')[0].rsplit("<li", 1)[1]

    job_page = client.get(job.get_absolute_url()).content.decode()
    assert breadcrumb_texts(job_page) == ["Home", "Jobs", "Django &amp; Wagtail developer, Parrot"]
    assert breadcrumb_links(job_page) == ["/", "/jobs/"]
    assert "&amp;amp;" not in job_page
    meta = job_page.split('class="meta-menu"')[1].split("</ul>")[0]
    assert 'href="/jobs/" title="" aria-current="true"' in meta or 'href="/jobs/"  aria-current="true"' in meta

    search = client.get("/search/?q=django").content.decode()
    assert breadcrumb_texts(search)[0] == "Home" and breadcrumb_texts(search)[-1].startswith("Search")
    # Outside every main-menu section, the meta bar still says which site this is: Python.
    assert 'href="/"  aria-current="true"' in search.split('class="meta-menu"')[1].split("</ul>")[0]

    login = client.get("/accounts/login/").content.decode()
    assert breadcrumb_texts(login) == ["Home", "Sign In"]


def test_breadcrumbs_of_django_views_link_to_their_parents(client, navigation):
    calendar = CalendarFactory(slug="python-user-group", name="Python User Group Events")
    event = EventFactory(calendar=calendar, title="Berlin meetup", start=in_days(3))
    html = client.get(event.get_absolute_url()).content.decode()
    trail = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert re.findall(r'href="([^"]*)"', trail) == ["/", "/events/", "/events/python-user-group/"]
    shell = client.get("/shell/").content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert re.findall(r'href="([^"]*)"', shell) == ["/"]


def test_wagtail_pages_mark_their_section_too(client, home_page, navigation):
    about = SectionIndexPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=about, title="Applications", slug="apps")
    html = client.get("/about/apps/").content.decode()
    assert breadcrumb_texts(html) == ["Home", "About", "Applications"]
    assert breadcrumb_links(html) == ["/", "/about/"]
    main = html.split('class="main-menu"')[1].split("</nav>")[0]
    assert main.count('aria-current="true"') == 1 and 'href="/about/"  aria-current="true"' in main
    other = client.get("/events/").content.decode().split('class="main-menu"')[1].split("</nav>")[0]
    assert 'href="/events/"  aria-current="true"' in other and 'href="/about/"  aria-current' not in other


def test_a_page_outside_its_sections_url_marks_the_section_that_lists_it(client, home_page, navigation):
    download = SectionIndexPageFactory(parent=home_page, title="Download", slug="download")
    StandardPageFactory(parent=download, title="Other Platforms", slug="other")
    html = client.get("/download/other/").content.decode()
    main = html.split('class="main-menu"')[1].split("</nav>")[0]
    assert main.count('aria-current="true"') == 1 and 'href="/downloads/"  aria-current="true"' in main


def test_footer_links_to_the_legal_statements_and_privacy_notice(client, home_page, site):
    SectionIndexPageFactory(parent=home_page, title="About", slug="about")
    assert load_legal_pages(home_page, site) == 2
    assert load_legal_pages(home_page, site) == 0  # idempotent: written pages are left alone
    settings = SiteSettings.for_site(site)
    assert settings.legal_page.url_path.endswith("/about/legal/") and settings.privacy_page.url_path.endswith(
        "/privacy/"
    )
    html = client.get("/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert '<a href="/about/legal/">Legal Statements</a>' in footer
    assert '<a href="/privacy/">Privacy Notice</a>' in footer
    for url, heading in (("/about/legal/", "Trademarks"), ("/privacy/", "Your rights")):
        page = client.get(url).content.decode()
        assert heading in page and page.count("<h2") >= 5


def test_social_sign_in_buttons_only_for_configured_providers(client, site):
    html = client.get("/accounts/login/").content.decode()
    assert "GitHub" not in html.split('class="main-content"')[1].split("</main>")[0]
    assert client.get("/accounts/github/login/").status_code == 404  # not configured: no button, no 500
    SocialApp.objects.create(provider="github", name="GitHub", client_id="id", secret="secret")
    html = client.get("/accounts/login/").content.decode()
    main = html.split('class="main-content"')[1].split("</main>")[0]
    assert "GitHub" in main and "Google" not in main


def test_every_page_kind_has_a_meta_description(client, home_page):
    body = [("rich_text", "<p>What people say about **Python** and why they use it.</p>")]
    StandardPageFactory(parent=home_page, title="Quotes", slug="quotes", body=body)
    StandardPageFactory(parent=home_page, title="Described", slug="described", search_description="Set by hand.")
    for url, expected in [
        ("/quotes/", "What people say about Python and why they use it."),
        ("/described/", "Set by hand."),
        ("/jobs/", "Python jobs from companies"),
        ("/events/", "Python conferences, sprints"),
        ("/accounts/login/", "The official home of the Python Programming Language"),
    ]:
        html = client.get(url).content.decode()
        assert f'<meta name="description" content="{expected}' in html, url


def test_page_breadcrumbs_follow_a_renamed_or_moved_section(client, home_page, navigation):
    about = SectionIndexPageFactory(parent=home_page, title="About", slug="about")
    psf = SectionIndexPageFactory(parent=home_page, title="PSF", slug="psf")
    page = StandardPageFactory(parent=about, title="Applications", slug="apps")
    assert breadcrumb_texts(client.get("/about/apps/").content.decode()) == ["Home", "About", "Applications"]

    about.title = "About Python"
    about.save_revision().publish()
    assert breadcrumb_texts(client.get("/about/apps/").content.decode()) == ["Home", "About Python", "Applications"]

    page.move(psf, pos="last-child")
    html = client.get("/psf/apps/").content.decode()
    assert breadcrumb_texts(html) == ["Home", "PSF", "Applications"]
    assert breadcrumb_links(html) == ["/", "/psf/"]
