"""Site extras python.org has: /funding.json, /shell/ and the old landing-page addresses."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_funding_json_is_the_floss_fund_manifest(client):
    response = client.get("/funding.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    manifest = json.loads(response.content)
    assert manifest["version"] == "v1.0.0"
    assert manifest["entity"]["name"] == "Python Software Foundation"
    assert {project["guid"] for project in manifest["projects"]} >= {"cpython", "pypi"}
    channels = {channel["guid"] for channel in manifest["funding"]["channels"]}
    for plan in manifest["funding"]["plans"]:
        assert set(plan["channels"]) <= channels
        assert plan["currency"] == "USD" and plan["amount"] >= 0


def test_the_shell_page_explains_itself_without_an_embed(client, settings, home_page):
    settings.SHELL_EMBED_URL = ""
    response = client.get("/shell/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<iframe" not in html
    assert "The online console is not available" in html and 'href="/downloads/"' in html


def test_the_shell_page_embeds_the_configured_console(client, settings, home_page):
    settings.SHELL_EMBED_URL = "https://console.python.org/python-dot-org-console/"
    html = client.get("/shell/").content.decode()
    assert '<iframe class="shell-frame" src="https://console.python.org/python-dot-org-console/"' in html
    assert "<script>" not in html and "<style" not in html


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/psf-landing/", "/psf/"),
        ("/docs-landing/", "/doc/"),
        ("/pypl-landing/", "https://pypi.org/"),
        ("/shop-landing/", "/community/merchandise/"),
        ("/inner/", "/about/"),
    ],
)
def test_old_landing_pages_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new
