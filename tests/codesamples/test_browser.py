"""A visitor cycles the homepage code samples with the buttons and the keyboard."""

import pytest

from apps.codesamples.models import CodeSample
from tests.conftest import screenshot
from tests.factories import HomePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cycle_the_code_sample_carousel(browser_page):
    from wagtail.models import Page, Site

    from apps.pages.demo import ensure_root

    root = ensure_root()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    for order, title in enumerate(["Functions Defined", "Compound Data Types", "Intuitive Interpretation"]):
        item = CodeSample(title=title, code=f">>> {order}\n{order}", description=f"<p>{title} text.</p>",
                          sort_order=order)  # fmt: skip
        item.save()
        item.save_revision().publish()

    page = browser_page
    page.goto(page.base_url + "/")
    visible = page.locator("[data-code-slide]:visible .code-slide-title")
    assert visible.inner_text() == "Functions Defined"
    page.click("[data-code-next]")
    assert visible.inner_text() == "Compound Data Types"
    page.click("[data-code-prev]")
    page.click("[data-code-prev]")
    assert visible.inner_text() == "Intuitive Interpretation"  # wraps around
    page.focus('[role="tab"][aria-selected="true"]')
    page.keyboard.press("ArrowRight")
    assert visible.inner_text() == "Functions Defined"
    assert page.evaluate("document.activeElement.getAttribute('aria-selected')") == "true"
    page.keyboard.press("End")
    assert visible.inner_text() == "Intuitive Interpretation"
    screenshot(page, "codesamples-carousel")
