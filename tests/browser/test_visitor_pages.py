"""Every public page type and the main forms, as a visitor's browser sees them: nothing wider than a phone
screen (320 and 390 px), no serious or critical axe-core violations (light and dark), no layout shift."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from apps.downloads.models import ReleasePage
from apps.events.models import Event
from apps.jobs.models import Job
from tests.conftest import ARTIFACTS, DATA_DIR, screenshot

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FORMS = ["/accounts/login/", "/accounts/signup/", "/search/?q=python"]
SIGNED_IN_FORMS = ["/jobs/create/", "/events/submit/"]
ANDROID_PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)
# Layout shifts during load, as Chromium reports them (the page's own script adds nothing to observe).
LAYOUT_SHIFT_OBSERVER = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo_data", data_dir=DATA_DIR, verbosity=0)


def page_types():
    """One URL of every public page type of the demo site."""
    release = ReleasePage.objects.live().filter(is_latest=True, is_pymanager=False).first()
    job = Job.objects.live().first()
    event = Event.objects.upcoming().first()
    return [
        "/",  # homepage
        "/about/",  # section index
        "/about/gettingstarted/",  # standard page
        "/privacy/",
        "/downloads/",
        release.url,
        "/downloads/windows/",
        "/jobs/",
        job.get_absolute_url(),
        "/events/",
        event.get_absolute_url(),
        "/events/python-events/past/",
    ]


def serious_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"][:3]
    ]


def sign_in(page, username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def test_every_page_type_fits_a_phone_passes_axe_and_does_not_shift(browser_page, demo_site):
    """One test (one demo load): anonymous pages, then the signed-in forms and the visitor's own time."""
    page = browser_page
    page.context.add_init_script(LAYOUT_SHIFT_OBSERVER)
    urls = page_types() + FORMS
    overflowing, violations, shifting = [], {}, {}
    for width in (320, 390):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            page.goto(page.base_url + url)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                overflowing.append(f"{url} is {scroll_width} px wide at {width} px")
            if width == 390:
                if found := serious_violations(page):
                    violations[url] = found
                if (shift := page.evaluate("window.__layoutShift")) > 0.05:
                    shifting[url] = round(shift, 3)
    assert not overflowing
    assert not violations
    assert not shifting

    screenshot(page, "visitor-release-390")
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 1280, "height": 900})
    for url in ("/", "/downloads/", urls[5], "/events/"):
        page.goto(page.base_url + url)
        assert not serious_violations(page), url  # the dark theme: the wordmark and links keep their contrast
    screenshot(page, "visitor-events-dark-1280")
    page.emulate_media(color_scheme="light")

    sign_in(page, "visitor")
    for url in SIGNED_IN_FORMS:
        page.goto(page.base_url + url)
        assert page.locator("form").count() >= 1
        assert not serious_violations(page), url
    # The account menu (fetched after load) lists the visitor's jobs.
    page.goto(page.base_url + "/jobs/")
    page.locator(".account-dropdown summary").click()
    assert page.locator(".account-dropdown__links a", has_text="Your jobs").get_attribute("href") == "/jobs/mine/"

    # A visitor in Tokyo sees a New York meetup in their own time, the zone named once.
    context = page.context.browser.new_context(viewport={"width": 390, "height": 844}, timezone_id="Asia/Tokyo")
    phone = context.new_page()
    event = Event.objects.filter(time_zone="America/New_York").first()
    phone.goto(page.base_url + event.get_absolute_url())
    note = phone.locator(".event-facts .visitor-time").first.inner_text()
    assert note.startswith("Your time:") and note.count("Asia/Tokyo") == 1 and "UTC" not in note
    phone.screenshot(path=str(screenshot(page, "visitor-event-390").with_name("visitor-event-tokyo-390.png")))
    context.close()


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_visitor_on_a_phone_reaches_a_download(browser_page, demo_site):
    """On an Android phone: the menu leads to Downloads, then to the phone's own files and to the latest
    release's page, and tapping a file starts its download; no page is wider than the screen on the way."""
    latest = ReleasePage.objects.latest_python3()
    context = browser_page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=ANDROID_PHONE
    )
    # The files live on the download server; answer for it so the browser gets a real attachment.
    context.route(
        "https://www.python.org/ftp/**",
        lambda route: route.fulfill(
            body=b"release file",
            headers={"Content-Disposition": f'attachment; filename="{route.request.url.rsplit("/", 1)[1]}"'},
        ),
    )
    phone = context.new_page()
    base = browser_page.base_url

    phone.goto(base + "/")
    assert fits_the_screen(phone)
    phone.locator(".menu-toggle").tap()
    phone.locator("#main-navigation .menu-link", has_text="Downloads").tap()
    phone.wait_for_url(base + "/downloads/")
    assert fits_the_screen(phone)

    phone.locator("main").get_by_role("link", name="Android", exact=True).first.tap()
    phone.wait_for_url(base + "/downloads/android/")
    assert fits_the_screen(phone)
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download Android embeddable package (aarch64)").first.tap()
    assert download.value.suggested_filename == f"python-{latest.version_number}-aarch64-linux-android.tar.gz"

    phone.locator("nav.breadcrumbs").get_by_role("link", name="Downloads").tap()
    phone.wait_for_url(base + "/downloads/")
    phone.locator("main").get_by_role("link", name=latest.name, exact=True).first.tap()
    phone.wait_for_url(base + latest.url)
    assert fits_the_screen(phone)
    installer = phone.locator("td.file-name a", has_text="Windows installer (64-bit)")
    assert installer.bounding_box()["x"] + installer.bounding_box()["width"] <= 390
    with phone.expect_download() as download:
        installer.tap()
    assert download.value.suggested_filename == f"python-{latest.version_number}-amd64.exe"
    phone.screenshot(path=str(ARTIFACTS / "visitor-phone-download.png"), full_page=True)
    context.close()
