"""PSF work groups: the public list and charters, approval, people, search, admin."""

import pytest

from apps.work_groups.models import WorkGroup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def work_group(name, **fields):
    values = {
        "slug": name.lower().replace(" ", "-"),
        "short_description": f"{name} does good work.",
        "purpose": "Fund **packaging** improvements.",
        "active_time": "Ongoing.",
        "core_values": "Openness.",
        "rules": "Consensus, then majority.",
        "communication": "Monthly calls.",
        "support": "",
        "approved": True,
        "markup": "markdown",
    }
    return WorkGroup.objects.create(name=name, **{**values, **fields})


@pytest.fixture
def groups(db):
    packaging = work_group("Packaging Work Group", url="https://wiki.python.org/psf/PackagingWG")
    packaging.organizers.set([UserFactory(username="ada", first_name="Ada", last_name="Lovelace")])
    packaging.members.set([UserFactory(username=f"member{n}") for n in range(3)])
    return {
        "packaging": packaging,
        "old": work_group("Outreach Work Group", active=False),
        "proposed": work_group("Proposed Work Group", approved=False),
    }


def test_the_list_shows_approved_groups_active_first(client, groups):
    response = client.get("/psf/workgroups/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Packaging Work Group") < html.index("Outreach Work Group")
    assert "No longer active" in html
    assert "Proposed Work Group" not in html


def test_a_group_page_shows_its_charter_and_people(client, groups):
    html = client.get("/psf/workgroups/packaging-work-group/").content.decode()
    assert "<h2>Purpose</h2>" in html and "<strong>packaging</strong>" in html
    assert "<h2>Rules and decision making</h2>" in html
    assert "Support from the PSF" not in html  # an empty section is left out
    assert "Ada Lovelace" in html and "3 members" in html
    assert 'href="https://wiki.python.org/psf/PackagingWG"' in html
    assert html.count("<h1") == 1


def test_unapproved_and_unknown_groups_are_404(client, groups):
    assert client.get("/psf/workgroups/proposed-work-group/").status_code == 404
    assert client.get("/psf/workgroups/no-such-group/").status_code == 404


def test_approved_groups_are_found_by_site_search(client, groups):
    html = client.get("/search/?q=packaging").content.decode()
    assert 'href="/psf/workgroups/packaging-work-group/"' in html and "PSF work group" in html
    assert "/psf/workgroups/proposed-work-group/" not in html


def test_editors_add_work_groups_in_the_admin(client, editor, user):
    client.force_login(editor)
    response = client.post("/admin/snippets/work_groups/workgroup/add/", {
        "name": "Grants Work Group", "slug": "grants", "short_description": "Reviews grants.", "markup": "markdown",
        "purpose": "Review grants.", "active_time": "Ongoing.", "core_values": "Fairness.", "rules": "Votes.",
        "communication": "Monthly.", "support": "", "url": "", "active": "on", "approved": "on",
        "organizers": [user.pk], "members": [user.pk],
    })  # fmt: skip
    assert response.status_code == 302
    group = WorkGroup.objects.get(slug="grants")
    assert list(group.organizers.all()) == [user]
    assert client.get("/psf/workgroups/grants/").status_code == 200
