from datetime import date
from types import SimpleNamespace

import pytest

from apps.sponsors.models import FeatureKind, SponsorshipSettings
from tests.conftest import staff_member
from tests.sponsors.factories import YEAR, BenefitFactory, FeatureConfigFactory, PackageFactory, ProgramFactory


@pytest.fixture
def program(db):
    """A small year: two packages, package benefits, an à-la-carte pair that conflicts, a sold-out one, a standalone."""
    settings_row = SponsorshipSettings.load()
    settings_row.current_year, settings_row.applications_open = YEAR, True
    settings_row.save()
    foundation = ProgramFactory(name="Foundation", order=0)
    pycon = ProgramFactory(name="PyCon US", order=1)
    gold = PackageFactory(name="Gold", slug="gold", sponsorship_amount=60000, order=0, logo_dimension=300)
    silver = PackageFactory(name="Silver", slug="silver", sponsorship_amount=15000, order=1, allow_a_la_carte=False)
    logo = BenefitFactory(name="Logo on python.org", program=foundation, packages=[gold, silver], package_only=True,
                          internal_value=5000)  # fmt: skip
    FeatureConfigFactory(benefit=logo, kind=FeatureKind.LOGO_PLACEMENT, publisher="psf", logo_place="sponsors")
    FeatureConfigFactory(benefit=logo, kind=FeatureKind.LOGO_PLACEMENT, publisher="psf", logo_place="download")
    FeatureConfigFactory(benefit=logo, kind=FeatureKind.LOGO_PLACEMENT, publisher="pypi", logo_place="sidebar",
                         link_to_sponsors_page=True, describe_as_sponsor=True)  # fmt: skip
    passes = BenefitFactory(name="Conference passes", program=pycon, packages=[gold], internal_value=3000)
    FeatureConfigFactory(benefit=passes, kind=FeatureKind.TIERED_QUANTITY, package=gold, quantity=4, publisher="",
                         logo_place="")  # fmt: skip
    FeatureConfigFactory(benefit=passes, kind=FeatureKind.PROVIDED_TEXT, internal_name="full_conference_passes_code",
                         label="Conference voucher", related_to="sponsorship", publisher="", logo_place="")  # fmt: skip
    booth = BenefitFactory(name="Expo hall booth", program=pycon, internal_value=8000)
    FeatureConfigFactory(benefit=booth, kind=FeatureKind.REQUIRED_IMAGE, internal_name="booth-banner",
                         label="Booth banner", related_to="sponsorship", min_width=300, max_width=2000,
                         min_height=100, max_height=1000, due_date=date(YEAR, 4, 1), publisher="",
                         logo_place="")  # fmt: skip
    FeatureConfigFactory(benefit=booth, kind=FeatureKind.REQUIRED_TEXT, internal_name="booth-blurb",
                         label="Booth description", related_to="sponsorship", max_length=200,
                         due_date=date(YEAR, 4, 1), publisher="", logo_place="")  # fmt: skip
    FeatureConfigFactory(benefit=booth, kind=FeatureKind.REQUIRED_RESPONSE, internal_name="job-fair",
                         label="Job fair?", related_to="sponsorship", due_date=date(YEAR, 4, 1), publisher="",
                         logo_place="")  # fmt: skip
    table = BenefitFactory(name="Startup row table", program=pycon, internal_value=2000)
    booth.conflicts.add(table)
    booth.save()
    keynote = BenefitFactory(name="Keynote slot", program=pycon, capacity=1, internal_value=20000)
    grant = BenefitFactory(name="Sprint sponsorship", program=pycon, standalone=True, internal_value=1500)
    return SimpleNamespace(gold=gold, silver=silver, logo=logo, passes=passes, booth=booth, table=table,
                           keynote=keynote, grant=grant, year=YEAR)  # fmt: skip


@pytest.fixture
def sponsorship_team(db):
    return staff_member("sponsorship", "Sponsorship team")
