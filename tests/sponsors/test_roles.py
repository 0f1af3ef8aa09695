"""The Sponsorship team's permissions: the whole program, no deleting sponsorships or contracts, no API role."""

import pytest

pytestmark = pytest.mark.django_db


def test_sponsorship_team_permissions(sponsorship_team):
    for perm in ("review_sponsorship", "change_sponsorship", "add_sponsorshipbenefit", "change_sponsorshippackage",
                 "add_legalclause", "change_sponsor", "view_contract", "change_sponsorasset",
                 "change_sponsorshipsettings"):  # fmt: skip
        assert sponsorship_team.has_perm(f"sponsors.{perm}"), perm
    assert sponsorship_team.has_perm("mailing.add_emailtemplate")
    for perm in ("delete_sponsorship", "delete_contract", "add_sponsorship", "sponsor_publisher"):
        assert not sponsorship_team.has_perm(f"sponsors.{perm}"), perm


def test_other_roles_have_none(editor, moderator):
    for person in (editor, moderator):
        assert not person.has_perm("sponsors.review_sponsorship")
        assert not person.has_perm("sponsors.view_sponsorship")
