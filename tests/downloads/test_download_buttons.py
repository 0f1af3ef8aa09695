"""The big download buttons: the Windows install manager with the standalone installer beside it, and a
source button that says it is the source code."""

import datetime

from apps.downloads.models import ReleasePage
from tests.downloads.factories import ReleaseFileFactory


def test_windows_offers_the_standalone_installer_next_to_the_install_manager(
    client, release, make_release, operating_systems
):
    manager = make_release("25.1", is_pymanager=True, is_latest=True, slug="pymanager-251",
                           release_date=datetime.datetime(2025, 12, 1, tzinfo=datetime.UTC))  # fmt: skip
    ReleaseFileFactory(
        release=manager, os=operating_systems["windows"], name="Windows install manager (MSIX)",
        slug="pymanager-251-msix", url="https://www.python.org/ftp/python/pymanager/python-manager-25.1.msix",
        download_button=True,
    )  # fmt: skip
    assert ReleasePage.objects.latest_pymanager() is not None

    html = client.get("/downloads/").content.decode()
    windows = html.split('data-os="windows"')[1].split("</li>")[0]
    assert "Download Python install manager 25.1 for Windows" in windows
    assert "python-manager-25.1.msix" in windows
    assert "standalone installer for Python 3.14.1" in windows
    assert "https://www.python.org/ftp/python/3.14.1/python-3.14.1-amd64.exe" in windows
    macos = html.split('data-os="macos"')[1].split("</li>")[0]
    assert "standalone" not in macos


def test_the_source_button_reads_as_source_code(client, release):
    html = client.get("/downloads/").content.decode()
    source = html.split('data-os="source"')[1].split("</li>")[0]
    assert "Download the source code: Python 3.14.1" in source
    assert "for Source code" not in html


def test_the_downloads_menu_panel_calls_the_source_download_source_code(release):
    from django.template import Context, Template

    panel = Template("{% load download_tags %}{% downloads_supernav %}").render(Context())
    source = panel.split('data-os="source"')[1].split("</div>")[0]
    assert "Download the source code" in source
    assert "for Source code" not in panel
