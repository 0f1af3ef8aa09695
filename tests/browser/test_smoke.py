import pytest
from django.core.management import call_command

from tests.conftest import DATA_DIR, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_pages(transactional_db):
    call_command("load_demo_data", data_dir=DATA_DIR, verbosity=0)


def test_keyboard_opens_a_supernav_panel_and_search_finds_pages(browser_page, demo_pages):
    page = browser_page
    page.goto(page.base_url + "/")
    assert page.locator("h1").count() == 1
    assert "Python" in page.title()

    # Tab to the "About" entry of the main menu, then open its panel with the keyboard.
    section = page.locator("#main-navigation .menu-section").filter(has=page.locator(".menu-link", has_text="About"))
    about = section.locator(".menu-link")
    about.focus()
    toggle = section.locator(".submenu-toggle")
    page.keyboard.press("ArrowDown")
    assert toggle.get_attribute("aria-expanded") == "true"
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert panel.is_visible()
    assert panel.locator("a", has_text="Getting Started").is_visible()
    screenshot(page, "home-supernav-open")

    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"

    # Enter opens the same panel from its toggle button.
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"

    page.fill("#id_site_search", "bylaws")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=bylaws")
    assert page.locator(".search-result").count() >= 1
    assert page.locator(".search-result mark").first.inner_text().lower() == "bylaws"
    screenshot(page, "search-results")


def test_phone_width_menu(browser_page, demo_pages):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/about/")
    nav = page.locator("#main-navigation")
    assert not nav.is_visible()
    page.click(".menu-toggle")
    assert nav.is_visible()
    screenshot(page, "phone-menu")
