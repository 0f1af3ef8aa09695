"""The application wizard: benefits picker, the sponsor's details, submission, emails, bad input."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.sponsors.models import Sponsor, Sponsorship, SponsorshipSettings
from apps.sponsors.services import ProgramConfiguration, submit_application
from tests.sponsors.factories import (
    BenefitFactory,
    ContactFactory,
    PackageFactory,
    SponsorFactory,
    png_upload,
    sponsorship_with_benefits,
)

APPLY = "/sponsors/application/"
NEW = "/sponsors/application/new/"


def sponsor_data(**overrides):
    data = {
        "sponsor-name": "Pelican Data", "sponsor-description": "Pelican Data builds data pipelines in Python.",
        "sponsor-landing_page_url": "https://pelican.example.com/", "sponsor-primary_phone": "+1 555 0199",
        "sponsor-mailing_address_line_1": "5 Harbour Road", "sponsor-city": "Boston", "sponsor-state": "MA",
        "sponsor-postal_code": "02110", "sponsor-country": "United States",
        "contacts-TOTAL_FORMS": "2", "contacts-INITIAL_FORMS": "0", "contacts-MIN_NUM_FORMS": "1",
        "contacts-MAX_NUM_FORMS": "1000",
        "contacts-0-name": "Rosa Pelican", "contacts-0-email": "rosa@pelican.example.com",
        "contacts-0-phone": "+1 555 0198", "contacts-0-primary": "on",
        "contacts-1-name": "Billing", "contacts-1-email": "billing@pelican.example.com",
        "contacts-1-phone": "+1 555 0197", "contacts-1-accounting": "on",
        "sponsor-web_logo": png_upload(),
    }  # fmt: skip
    data.update(overrides)
    return data


def choose(client, package=None, benefits=()):
    return client.post(APPLY, {"package": package.pk if package else "", "benefits": [b.pk for b in benefits],
                               "action": "continue"})  # fmt: skip


def test_picker_lists_packages_and_benefits(client, program, home_page):
    response = client.get(APPLY)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Gold", "US$60,000", "Logo on python.org", "Expo hall booth", "Sprint sponsorship", "1 left"):
        assert text in html


def test_no_js_package_button_preselects_its_benefits(client, program, home_page):
    response = client.post(APPLY, {"package": program.gold.pk, "action": "package"})
    html = response.content.decode()
    assert f'value="{program.logo.pk}" checked' in html and f'value="{program.passes.pk}" checked' in html
    assert f'value="{program.booth.pk}" checked' not in html
    # À-la-carte benefits already ticked stay ticked when a package allows them; standalone ones do not.
    response = client.post(APPLY, {"package": program.gold.pk, "action": "package",
                                   "benefits": [program.booth.pk, program.grant.pk]})  # fmt: skip
    html = response.content.decode()
    assert f'value="{program.booth.pk}" checked' in html and f'value="{program.logo.pk}" checked' in html
    assert f'value="{program.grant.pk}" checked' not in html
    fixed = client.post(APPLY, {"package": program.silver.pk, "action": "package", "benefits": [program.booth.pk]})
    assert f'value="{program.booth.pk}" checked' not in fixed.content.decode()


def test_selection_kept_across_steps(client, user, program, home_page):
    client.force_login(user)
    response = choose(client, program.gold, [program.logo, program.passes, program.booth])
    assert response.status_code == 302 and response["Location"] == NEW
    page = client.get(NEW).content.decode()
    assert "Gold package" in page and "(customised)" in page and "Expo hall booth" in page
    # Back to step 1: the selection is still ticked.
    again = client.get(APPLY).content.decode()
    assert f'value="{program.booth.pk}" checked' in again


def test_submit_creates_sponsorship_with_snapshot_and_emails(
    client, user, program, home_page, django_capture_on_commit_callbacks
):
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes, program.booth])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, sponsor_data())
    sponsorship = Sponsorship.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("sponsors:dashboard_detail",
                                                                           args=[sponsorship.pk])  # fmt: skip
    assert sponsorship.status == "applied" and sponsorship.package == program.gold and sponsorship.for_modified_package
    assert sorted(sponsorship.benefits.values_list("name", flat=True)) == [
        "Conference passes",
        "Expo hall booth",
        "Logo on python.org",
    ]
    assert sponsorship.benefits.get(name="Expo hall booth").added_by_user
    assert sponsorship.benefits.get(name="Conference passes").features.get(kind="tiered_quantity").quantity == 4
    sponsor = sponsorship.sponsor
    assert sponsor.name == "Pelican Data" and sponsor.contacts.count() == 2
    assert sponsor.contacts.get(primary=True).user == user
    subjects = {m.subject: m.to for m in mail.outbox}
    assert subjects["New sponsorship application: Pelican Data"] == ["sponsors@python.org"]
    assert sorted(subjects["Thank you for applying to sponsor the Python Software Foundation"]) == [
        "billing@pelican.example.com",
        "rosa@pelican.example.com",
    ]
    assert client.session.get("sponsorship_selection") is None


def test_a_description_over_the_limit_is_a_form_error_and_saves_nothing(client, user, program, home_page):
    client.force_login(user)
    choose(client, program.gold, [program.logo])
    response = client.post(NEW, sponsor_data(**{"sponsor-description": "x" * 100_000}))
    assert response.status_code == 400  # the form again, with its errors
    assert "Ensure this value has at most 2000 characters" in response.content.decode()
    assert not Sponsor.objects.exists() and not Sponsorship.objects.exists()


def test_existing_sponsor_can_apply_again(client, user, program, home_page):
    contact = ContactFactory(user=user)
    client.force_login(user)
    choose(client, None, [program.grant])
    response = client.post(NEW, {"sponsor": contact.sponsor.pk, "contacts-TOTAL_FORMS": "0",
                                 "contacts-INITIAL_FORMS": "0"})  # fmt: skip
    assert response.status_code == 302
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.sponsor == contact.sponsor and sponsorship.package is None
    assert Sponsor.objects.count() == 1


def test_conflicting_benefits_refused(client, program, home_page):
    response = choose(client, program.gold, [program.logo, program.passes, program.booth, program.table])
    assert response.status_code == 400
    assert "cannot be combined" in response.content.decode()
    assert "sponsorship_selection" not in client.session


def test_sold_out_benefit_refused(client, program, home_page):
    sponsorship_with_benefits([program.keynote])
    response = choose(client, program.gold, [program.logo, program.passes, program.keynote])
    assert response.status_code == 400 and "is sold out" in response.content.decode()


def test_benefit_sold_out_between_the_steps_refused_at_submission(client, user, program, home_page):
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes, program.keynote])
    sponsorship_with_benefits([program.keynote])  # someone else takes the last keynote slot meanwhile
    response = client.post(NEW, sponsor_data())
    assert response.status_code == 400 and "“Keynote slot” is sold out." in response.content.decode()
    assert Sponsorship.objects.count() == 1 and not Sponsor.objects.filter(name="Pelican Data").exists()


def test_submission_counts_capacity_again_under_a_lock(user, program):
    """Two applications that both passed step 2 cannot both take the last place."""
    configuration = ProgramConfiguration.load(program.year)
    keynote = configuration.by_id[program.keynote.pk]
    sponsorship_with_benefits([program.keynote])  # committed after this application's checks
    with pytest.raises(ValidationError, match="sold out"):
        submit_application(sponsor=SponsorFactory.build(name="Late Corp"), contacts=[], package=None,
                           benefits=[keynote], modified=False, year=program.year, user=user)  # fmt: skip
    assert not Sponsor.objects.filter(name="Late Corp").exists() and Sponsorship.objects.count() == 1


def test_package_only_and_fixed_packages_refused(client, program, home_page):
    assert "only available with a package" in choose(client, None, [program.logo]).content.decode()
    response = choose(client, program.silver, [program.logo, program.booth])
    assert response.status_code == 400 and "cannot be customised" in response.content.decode()
    response = choose(client, program.gold, [program.logo, program.grant])
    assert "standalone benefit" in response.content.decode()


def test_unknown_ids_are_a_clear_400(client, program, home_page):
    other_year = BenefitFactory(year=2020)
    assert choose(client, None, [other_year]).status_code == 400
    response = client.post(APPLY, {"package": "abc", "benefits": ["x"], "action": "continue"})
    assert response.status_code == 400
    response = client.post(APPLY, {"package": PackageFactory(year=2020).pk, "action": "continue"})
    assert response.status_code == 400
    for package in ("abc", PackageFactory(year=2021, slug="old").pk):  # the no-JavaScript "select" button too
        response = client.post(APPLY, {"package": package, "action": "package"})
        assert response.status_code == 400 and "Choose one of this year" in response.content.decode()


def test_missing_primary_contact_refused(client, user, program, home_page):
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes])
    data = sponsor_data(**{"contacts-0-primary": ""})
    data.pop("contacts-0-primary")
    response = client.post(NEW, data)
    assert response.status_code == 400
    assert "Name a primary contact" in response.content.decode()
    assert not Sponsorship.objects.exists() and not Sponsor.objects.exists()


@pytest.mark.parametrize(("upload", "message"), [
    (png_upload(50, 50), "at least 200 px wide"),
    (png_upload(20000, 10000, mode="1"), "too many pixels"),
    (__import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
     "SVG images with scripts"),
    (__import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile("logo.png", b"not an image"),
     "Upload a PNG, JPEG, WebP or GIF image"),
])  # fmt: skip
def test_bad_logo_refused(client, user, program, home_page, upload, message):
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes])
    response = client.post(NEW, sponsor_data(**{"sponsor-web_logo": upload}))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Sponsor.objects.exists()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400">%s</svg>'


@pytest.mark.parametrize("body", [
    b'<a xlink:href="&#106;avascript:alert(1)"><rect width="10" height="10"/></a>',  # entity-encoded scheme
    b'<a><set attributeName="href" to="java&#x73;cript:alert(1)"/><text>x</text></a>',  # animated link
    b'<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',  # script in another namespace
    b'<h:div xmlns:h="http://www.w3.org/1999/xhtml">hi</h:div>',  # HTML inside the image
    b'<image href="https://tracker.example.com/pixel.png"/>',  # external reference
    b'<style>@import url(https://evil.example.com/x.css);</style>',
    b'<rect style="fill:url(https://evil.example.com/x.svg#a)"/>',
])  # fmt: skip
def test_svg_logo_with_hidden_active_content_refused(client, user, program, home_page, body):
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes])
    upload = SimpleUploadedFile("logo.svg", SVG % body, "image/svg+xml")
    response = client.post(NEW, sponsor_data(**{"sponsor-web_logo": upload}))
    assert response.status_code == 400 and "SVG images with scripts" in response.content.decode()
    assert not Sponsor.objects.exists()


def test_svg_logo_that_is_not_xml_refused(client, user, program, home_page):
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes])
    upload = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/onload=alert(1)>', "image/svg+xml"
    )
    response = client.post(NEW, sponsor_data(**{"sponsor-web_logo": upload}))
    assert response.status_code == 400 and "not well-formed XML" in response.content.decode()


def test_plain_svg_logo_accepted(client, user, program, home_page):
    """What design tools export: a public DOCTYPE, a style sheet, gradients by id, an embedded PNG."""
    client.force_login(user)
    choose(client, program.gold, [program.logo, program.passes])
    body = (b'<style>.a{fill:url(#g)}</style><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
            b'<rect class="a" width="400" height="100" style="fill:url(\'#g\')"/><use xlink:href="#g"/>'
            b'<image href="data:image/png;base64,iVBORw0KGgo="/>')  # fmt: skip
    doctype = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ' \
              b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'  # fmt: skip
    upload = SimpleUploadedFile("logo.svg", doctype + SVG % body, "image/svg+xml")
    response = client.post(NEW, sponsor_data(**{"sponsor-web_logo": upload}))
    assert response.status_code == 302
    assert Sponsor.objects.get().web_logo.name.endswith(".svg")


def test_step_two_needs_a_selection_and_a_login(client, user, program, home_page):
    assert client.get(NEW)["Location"].startswith("/accounts/login/")
    client.force_login(user)
    assert client.get(NEW)["Location"] == APPLY


def test_closed_applications_show_the_message(client, program, home_page):
    settings_row = SponsorshipSettings.load()
    settings_row.applications_open = False
    settings_row.closed_message = "We open again in **March**."
    settings_row.save()
    response = client.get(APPLY)
    assert "Sponsorship applications are closed" in response.content.decode()
    assert "<strong>March</strong>" in response.content.decode()
    assert choose(client, program.gold, [program.logo]).status_code == 200
    assert not Sponsorship.objects.exists()


@pytest.mark.parametrize("extra", [0, 60])
def test_picker_query_budget(client, user, program, home_page, django_assert_max_num_queries, extra):
    for n in range(extra):
        benefit = BenefitFactory(name=f"Extra benefit {n}", packages=[program.gold])
        benefit.conflicts.add(program.booth)
        benefit.save()
    client.force_login(user)
    client.get(APPLY)
    with django_assert_max_num_queries(20):
        assert client.get(APPLY).status_code == 200
