import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.sponsors.models import (
    BenefitFeatureConfiguration,
    FeatureKind,
    Sponsor,
    SponsorBenefit,
    SponsorContact,
    Sponsorship,
    SponsorshipBenefit,
    SponsorshipPackage,
    SponsorshipProgram,
)

YEAR = 2026


def png_upload(width=400, height=200, name="logo.png", fmt="PNG", mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height), (48, 105, 152) if mode == "RGB" else 0).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def pdf_upload(name="signed.pdf", text="Signed"):
    import weasyprint

    return SimpleUploadedFile(name, weasyprint.HTML(string=f"<p>{text}</p>").write_pdf(), "application/pdf")


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipProgram
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Program {n}")


class PackageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipPackage

    year = YEAR
    name = factory.Sequence(lambda n: f"Level {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    sponsorship_amount = 10000
    advertise = True


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipBenefit
        skip_postgeneration_save = True

    year = YEAR
    program = factory.SubFactory(ProgramFactory, name="Foundation")
    name = factory.Sequence(lambda n: f"Benefit {n}")
    internal_value = 1000

    @factory.post_generation
    def packages(self, create, extracted, **kwargs):
        if create and extracted:
            self.packages.set(extracted)
            self.save()


class FeatureConfigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BenefitFeatureConfiguration

    benefit = factory.SubFactory(BenefitFactory)
    kind = FeatureKind.LOGO_PLACEMENT
    publisher = "psf"
    logo_place = "sponsors"


class SponsorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsor

    name = factory.Sequence(lambda n: f"Acme {n}")
    description = "Acme makes tools for Python teams."
    landing_page_url = "https://acme.example.com/"
    web_logo = factory.LazyFunction(lambda: png_upload())
    primary_phone = "+1 555 0100"
    mailing_address_line_1 = "1 Main Street"
    city = "Portland"
    state = "OR"
    postal_code = "97201"
    country = "United States"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorContact

    sponsor = factory.SubFactory(SponsorFactory)
    name = "Ada Contact"
    email = factory.Sequence(lambda n: f"contact{n}@acme.example.com")
    phone = "+1 555 0101"
    primary = True


class SponsorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsorship

    sponsor = factory.SubFactory(SponsorFactory)
    package = factory.SubFactory(PackageFactory)
    year = YEAR
    level_name = factory.LazyAttribute(lambda o: o.package.name if o.package else "")


def sponsorship_with_benefits(benefits, **kwargs):
    sponsorship = SponsorshipFactory(**kwargs)
    ContactFactory(sponsor=sponsorship.sponsor)
    for order, benefit in enumerate(benefits):
        SponsorBenefit.copy_from(sponsorship, benefit, order=order)
    return sponsorship
